#pragma once

#include "store/stockoverview.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace saferhomes {

/// The stock levels by item x location (issue 13 item 4): on hand, reserved, available, and a
/// re-order column that says in words, and shows in colour, which items to order again.
class StockLevelsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Item, Location, OnHand, Reserved, Available, Reorder, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<StockOverviewLine> rows);
    const QList<StockOverviewLine> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The text of the re-order column for \a row.
    static QString reorderText(const StockOverviewLine &row);

private:
    QList<StockOverviewLine> m_rows;
};

} // namespace saferhomes
