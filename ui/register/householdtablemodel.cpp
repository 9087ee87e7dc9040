#include "register/householdtablemodel.h"

#include "common/statuspalette.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace saferhomes {

namespace {

QString addressText(const HouseholdSummary &row)
{
    if (row.addressLine2.isEmpty())
        return row.addressLine1;
    return row.addressLine1 + QStringLiteral(", ") + row.addressLine2;
}

QString textOf(const HouseholdSummary &row, int column)
{
    switch (column) {
    case HouseholdTableModel::Address: return addressText(row);
    case HouseholdTableModel::Postcode: return row.postcode;
    case HouseholdTableModel::Town: return row.town;
    case HouseholdTableModel::Area: return row.areaName;
    case HouseholdTableModel::Resident: return row.residentName;
    default: return {};
    }
}

/// Text that sorts "2 Thorpe Road" before "12 Thorpe Road" whatever the collator supports
/// (the C locale's collator has no numeric mode): digit runs padded to one width, case folded.
QString naturalKey(const QString &text)
{
    constexpr int width = 12;
    QString key;
    key.reserve(text.size() + width);
    for (qsizetype i = 0; i < text.size();) {
        if (!text[i].isDigit()) {
            key.append(text[i].toCaseFolded());
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text[end].isDigit())
            ++end;
        const QStringView digits = QStringView(text).mid(i, end - i);
        if (digits.size() < width)
            key.append(QString(width - digits.size(), QLatin1Char('0')));
        key.append(digits);
        i = end;
    }
    return key;
}

} // namespace

HouseholdTableModel::HouseholdTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (HouseholdStatus status : HouseholdStatusRules::all())
        m_chips.insert(status, StatusPalette::chip(status));
}

void HouseholdTableModel::setHouseholds(QList<HouseholdSummary> households)
{
    beginResetModel();
    m_rows = std::move(households);
    if (m_sortColumn >= 0) {
        const QList<int> order = sortedPermutation(m_sortColumn, m_sortOrder);
        QList<HouseholdSummary> sorted;
        sorted.reserve(m_rows.size());
        for (int from : order)
            sorted.append(std::move(m_rows[from]));
        m_rows = std::move(sorted);
    }
    rebuildRowIndex();
    endResetModel();
}

void HouseholdTableModel::updateHousehold(const HouseholdSummary &household)
{
    const int row = rowOf(household.id);
    if (row < 0) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(household);
        m_localKeys.append(household.localKey);
        m_rowOf.insert(household.id, at);
        endInsertRows();
        return;
    }
    // The row keeps its place until the next sort: moving it under the user's eyes while
    // they edit it would be disorienting.
    m_rows[row] = household;
    m_localKeys[row] = household.localKey;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int HouseholdTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HouseholdTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HouseholdTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HouseholdSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Status: return HouseholdStatusRules::label(row.status);
        case Priority: return row.priority;
        case Updated: {
            const QDateTime local = row.updatedAt.toLocalTime();
            return role == Qt::DisplayRole ? QLocale().toString(local.date(), QLocale::ShortFormat)
                                           : QLocale().toString(local, QLocale::LongFormat);
        }
        default: return textOf(row, index.column());
        }
    case Qt::DecorationRole:
        if (index.column() == Status)
            return m_chips.value(row.status);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Priority)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return row.id;
    case StatusRole: return HouseholdStatusRules::name(row.status);
    default: return {};
    }
}

QVariant HouseholdTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Address: return tr("Address");
    case Postcode: return tr("Postcode");
    case Town: return tr("Town");
    case Area: return tr("Area");
    case Resident: return tr("Resident");
    case Status: return tr("Status");
    case Priority: return tr("Priority");
    case Updated: return tr("Updated");
    default: return {};
    }
}

QList<int> HouseholdTableModel::sortedPermutation(int column, Qt::SortOrder order) const
{
    QList<int> permutation(m_rows.size());
    std::iota(permutation.begin(), permutation.end(), 0);
    const auto sortBy = [&](auto less) {
        if (order == Qt::AscendingOrder)
            std::stable_sort(permutation.begin(), permutation.end(), less);
        else
            std::stable_sort(permutation.begin(), permutation.end(),
                             [&](int a, int b) { return less(b, a); });
    };
    switch (column) {
    case Status: sortBy([&](int a, int b) { return m_rows[a].status < m_rows[b].status; }); break;
    case Priority:
        sortBy([&](int a, int b) { return m_rows[a].priority < m_rows[b].priority; });
        break;
    case Updated:
        sortBy([&](int a, int b) { return m_rows[a].updatedAt < m_rows[b].updatedAt; });
        break;
    default: {
        // Sort keys once per row rather than collating on every comparison.
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::vector<QCollatorSortKey> keys;
        keys.reserve(m_rows.size());
        for (const HouseholdSummary &row : m_rows)
            keys.push_back(collator.sortKey(naturalKey(textOf(row, column))));
        sortBy([&](int a, int b) { return keys[a].compare(keys[b]) < 0; });
        break;
    }
    }
    return permutation;
}

void HouseholdTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QList<int> permutation = sortedPermutation(column, order);
    QList<int> newRowOf(m_rows.size());
    QList<HouseholdSummary> sorted;
    sorted.reserve(m_rows.size());
    for (int to = 0; to < permutation.size(); ++to) {
        newRowOf[permutation[to]] = to;
        sorted.append(std::move(m_rows[permutation[to]]));
    }
    m_rows = std::move(sorted);
    rebuildRowIndex();
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(this->index(newRowOf[index.row()], index.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void HouseholdTableModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    m_localKeys.resize(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rowOf.insert(m_rows[row].id, row);
        m_localKeys[row] = m_rows[row].localKey;
    }
}

} // namespace saferhomes
