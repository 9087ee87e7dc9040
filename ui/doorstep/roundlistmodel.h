#pragma once

#include "domain/visit.h"

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QList>

namespace saferhomes {

/// Households to call on as a list with two lines each (address; postcode, status and what
/// happened last): an officer's round, or the matches of a quick-find.
class RoundListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, RevisitDueRole };

    explicit RoundListModel(QObject *parent = nullptr);

    void setEntries(QList<RoundEntry> entries);
    const RoundEntry &entry(int row) const { return m_entries.at(row); }
    /// The row of household \a id, or -1.
    int rowOf(const QUuid &id) const;
    /// How many entries have a revisit due.
    int revisitsDue() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString detailLine(const RoundEntry &entry) const;

    QList<RoundEntry> m_entries;
    mutable QHash<HouseholdStatus, QIcon> m_chips;
};

} // namespace saferhomes
