#include "doorstep/packagetablemodel.h"

#include <algorithm>

namespace saferhomes {

namespace {

constexpr int kMaxQty = 99;

} // namespace

PackageTableModel::PackageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PackageTableModel::setItems(QList<PackageItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

void PackageTableModel::setEquipmentNames(QHash<QString, QString> names)
{
    m_names = std::move(names);
    if (!m_items.isEmpty())
        emit dataChanged(index(0, Equipment), index(rowCount() - 1, Equipment));
}

int PackageTableModel::addItem(const QString &code, const QString &reason)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).code == code) {
            setQty(row, m_items.at(row).qty + 1);
            return row;
        }
    }
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(PackageItem {code, 1, reason, true});
    endInsertRows();
    return row;
}

void PackageTableModel::removeItem(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

void PackageTableModel::setQty(int row, int qty)
{
    if (row < 0 || row >= m_items.size())
        return;
    m_items[row].qty = std::clamp(qty, 1, kMaxQty);
    emit dataChanged(index(row, Qty), index(row, Qty));
}

int PackageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PackageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PackageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const PackageItem &item = m_items.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Code: return item.code;
        case Equipment: return m_names.value(item.code, item.code);
        case Qty: return role == Qt::DisplayRole ? QVariant(QString::number(item.qty)) : item.qty;
        case Reason: return item.reason;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Qty)
        return int(Qt::AlignCenter);
    return {};
}

bool PackageTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Qty || role != Qt::EditRole)
        return false;
    bool ok = false;
    const int qty = value.toInt(&ok);
    if (!ok || qty < 1)
        return false;
    setQty(index.row(), qty);
    return true;
}

Qt::ItemFlags PackageTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Qty)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant PackageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code: return tr("Code");
    case Equipment: return tr("Equipment");
    case Qty: return tr("Qty");
    case Reason: return tr("Why");
    default: return {};
    }
}

} // namespace saferhomes
