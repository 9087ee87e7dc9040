#include "schedule/boardtrayfilter.h"

#include "schedule/boardtraymodel.h"

namespace saferhomes {

BoardTrayFilter::BoardTrayFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    sort(0, Qt::AscendingOrder);
}

void BoardTrayFilter::setArea(const QString &area)
{
    m_area = area;
    invalidateFilter();
}

void BoardTrayFilter::setSkill(const QString &skill)
{
    m_skill = skill;
    invalidateFilter();
}

void BoardTrayFilter::setMinimumAgeDays(int days)
{
    m_minimumAge = days;
    invalidateFilter();
}

bool BoardTrayFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_area.isEmpty() && index.data(BoardTrayModel::AreaRole).toString() != m_area)
        return false;
    if (!m_skill.isEmpty()
        && !index.data(BoardTrayModel::SkillsRole).toStringList().contains(m_skill))
        return false;
    return index.data(BoardTrayModel::AgeDaysRole).toInt() >= m_minimumAge;
}

bool BoardTrayFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int a = left.data(BoardTrayModel::AgeDaysRole).toInt();
    const int b = right.data(BoardTrayModel::AgeDaysRole).toInt();
    if (a != b)
        return a > b;
    return left.row() < right.row();
}

} // namespace saferhomes
