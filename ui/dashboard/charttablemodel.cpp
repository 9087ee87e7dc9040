#include "dashboard/charttablemodel.h"

#include <QLocale>

namespace saferhomes {

ChartTableModel::ChartTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ChartTableModel::setData(const ChartData &data)
{
    beginResetModel();
    m_data = data;
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.categories.size());
}

int ChartTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_data.series.size());
}

QVariant ChartTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return m_data.categories[row];
        return {};
    }
    const ChartSeries &series = m_data.series[index.column() - 1];
    const qreal value = series.values.value(row);
    switch (role) {
    case Qt::DisplayRole: return QLocale().toString(value, 'f', m_data.decimals);
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3")
            .arg(m_data.categories[row], series.name,
                 QLocale().toString(value, 'f', m_data.decimals));
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return series.refs.isEmpty() ? QVariant()
                                     : tr("Enter or double-click lists the households");
    case FigureRole:
        return row < series.refs.size() ? QVariant::fromValue(series.refs[row]) : QVariant();
    default: return {};
    }
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return m_data.kind == ChartData::Kind::Lines ? tr("Week") : tr("Category");
    return m_data.series.value(section - 1).name;
}

} // namespace saferhomes
