#pragma once

#include "domain/householdstatus.h"

#include <QBitArray>
#include <QList>
#include <QSortFilterProxyModel>
#include <QUuid>

#include <optional>

namespace saferhomes {

class HouseholdTableModel;

/// Narrows the register to a status, an area and the households quick-find matched.
/// Sorting is handed to the HouseholdTableModel underneath, so a filter change never
/// re-sorts the rows.
class HouseholdFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit HouseholdFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Only households with \a status (nothing: every status).
    void setStatusFilter(std::optional<HouseholdStatus> status);
    std::optional<HouseholdStatus> statusFilter() const { return m_status; }
    /// Only households in the area called \a area; an empty name means "no area"
    /// (nothing: every area).
    void setAreaFilter(std::optional<QString> area);
    std::optional<QString> areaFilter() const { return m_area; }
    /// Only the households whose local keys are in \a keys (nothing: quick-find is not in
    /// use).
    void setQuickFindKeys(const std::optional<QList<qint64>> &keys);
    bool hasQuickFind() const { return m_quickFind.has_value(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    HouseholdTableModel *m_households = nullptr;
    std::optional<HouseholdStatus> m_status;
    std::optional<QString> m_area;
    /// One bit per local key (they count up from 1): testing 100k rows against it costs a
    /// fraction of what a QSet lookup per row did.
    std::optional<QBitArray> m_quickFind;
};

} // namespace saferhomes
