#include "stock/stocklevelsmodel.h"

#include "domain/stock.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace saferhomes {

void StockLevelsModel::setRows(QList<StockOverviewLine> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int StockLevelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StockLevelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StockLevelsModel::reorderText(const StockOverviewLine &row)
{
    // The re-order level is about the depot, where deliveries arrive.
    if (!StockLocation::isDepot(row.location))
        return {};
    if (row.belowReorder)
        return tr("Below re-order level (%1): order more").arg(row.reorderLevel);
    return row.reorderLevel > 0 ? tr("OK (re-order below %1)").arg(row.reorderLevel) : QString();
}

QVariant StockLevelsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const StockOverviewLine &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Item: return row.item;
        case Location: return row.locationName;
        case OnHand: return row.onHand;
        case Reserved: return row.reserved;
        case Available: return row.available;
        case Reorder: return reorderText(row);
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= OnHand && index.column() <= Available)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        // Okabe–Ito vermillion, light enough to read the text on in light and dark palettes.
        if (row.belowReorder)
            return QBrush(QColor(0xd5, 0x5e, 0x00, 70));
        return {};
    case Qt::FontRole:
        if (row.belowReorder && (index.column() == Reorder || index.column() == Available)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: return row.code;
    default: return {};
    }
}

QVariant StockLevelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Item: return tr("Item");
    case Location: return tr("Location");
    case OnHand: return tr("On hand");
    case Reserved: return tr("Reserved");
    case Available: return tr("Available");
    case Reorder: return tr("Re-order");
    default: return {};
    }
}

} // namespace saferhomes
