#pragma once

#include "dashboard/chartdata.h"

#include <QAbstractTableModel>

namespace saferhomes {

/// A chart's numbers as a table, its text alternative: a row per category, a column per
/// series. FigureRole holds the figure a cell opens (invalid when it opens nothing).
class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role { FigureRole = Qt::UserRole + 1 };

    explicit ChartTableModel(QObject *parent = nullptr);

    void setData(const ChartData &data);
    const ChartData &chartData() const { return m_data; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ChartData m_data;
};

} // namespace saferhomes
