#include "register/householdfilterproxymodel.h"

#include "register/householdtablemodel.h"

#include <algorithm>

namespace saferhomes {

HouseholdFilterProxyModel::HouseholdFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Re-check an edited row against the filters, but never sort here (see sort()).
    setDynamicSortFilter(true);
}

void HouseholdFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_households = qobject_cast<HouseholdTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void HouseholdFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

void HouseholdFilterProxyModel::setStatusFilter(std::optional<HouseholdStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    refilter();
}

void HouseholdFilterProxyModel::setAreaFilter(std::optional<QString> area)
{
    if (area == m_area)
        return;
    m_area = std::move(area);
    refilter();
}

void HouseholdFilterProxyModel::setQuickFindKeys(const std::optional<QList<qint64>> &keys)
{
    if (!keys && !m_quickFind)
        return;
    m_quickFind.reset();
    if (keys) {
        const qint64 largest
            = keys->isEmpty() ? -1 : *std::max_element(keys->cbegin(), keys->cend());
        QBitArray bits(qsizetype(largest + 1));
        for (const qint64 key : *keys) {
            if (key >= 0)
                bits.setBit(qsizetype(key));
        }
        m_quickFind = std::move(bits);
    }
    refilter();
}

void HouseholdFilterProxyModel::refilter()
{
    // invalidate() rebuilds the mapping and announces one layout change; invalidateFilter()
    // would announce every removed and inserted range, thousands of signals for a scattered
    // quick-find result over 100k rows.
    invalidate();
}

bool HouseholdFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    if (!m_households) {
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }
    if (m_quickFind) {
        const qint64 key = m_households->localKey(sourceRow);
        if (key < 0 || key >= m_quickFind->size() || !m_quickFind->testBit(qsizetype(key)))
            return false;
    }
    if (!m_status && !m_area)
        return true;
    const HouseholdSummary &row = m_households->household(sourceRow);
    return (!m_status || row.status == *m_status) && (!m_area || row.areaName == *m_area);
}

} // namespace saferhomes
