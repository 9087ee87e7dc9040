#pragma once

#include <QSortFilterProxyModel>

namespace saferhomes {

/// The tray's filters: an area, a skill the job needs, a minimum age in days; oldest first.
class BoardTrayFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit BoardTrayFilter(QObject *parent = nullptr);

    /// Empty: every area.
    void setArea(const QString &area);
    /// Empty: any skill.
    void setSkill(const QString &skill);
    void setMinimumAgeDays(int days);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_area;
    QString m_skill;
    int m_minimumAge = 0;
};

} // namespace saferhomes
