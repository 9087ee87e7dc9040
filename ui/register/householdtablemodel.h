#pragma once

#include "domain/household.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QUuid>

namespace saferhomes {

/// The household register as a table: one row per HouseholdSummary. It sorts its own rows
/// (cheaper than a proxy sort over 100k rows) so that the filter proxy on top never has to.
class HouseholdTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Address, Postcode, Town, Area, Resident, Status, Priority, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole };

    explicit HouseholdTableModel(QObject *parent = nullptr);

    /// Replaces every row (kept in the current sort order).
    void setHouseholds(QList<HouseholdSummary> households);
    /// Replaces the row of \a household's id, or appends it when it is new.
    void updateHousehold(const HouseholdSummary &household);

    const HouseholdSummary &household(int row) const { return m_rows.at(row); }
    /// household(row).localKey, from a compact array: filtering 100k rows by key reads 800 KB
    /// rather than every row's summary.
    qint64 localKey(int row) const { return m_localKeys.at(row); }
    /// The row showing \a id, or -1.
    int rowOf(const QUuid &id) const { return m_rowOf.value(id, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    QList<int> sortedPermutation(int column, Qt::SortOrder order) const;
    void rebuildRowIndex();

    QList<HouseholdSummary> m_rows;
    QList<qint64> m_localKeys; ///< of m_rows, in the same order
    QHash<QUuid, int> m_rowOf;
    QHash<HouseholdStatus, QIcon> m_chips;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace saferhomes
