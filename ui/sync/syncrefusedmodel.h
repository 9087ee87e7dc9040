#pragma once

#include "sync/conflictresolver.h"

#include <QAbstractTableModel>
#include <QList>

namespace saferhomes {

/// The changes the central database refused, with what they were and why.
class SyncRefusedModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Household, Change, Reason, RefusedAt, ColumnCount };

    explicit SyncRefusedModel(QObject *parent = nullptr);

    void setChanges(QList<RefusedChange> changes);
    const RefusedChange &change(int row) const { return m_changes.at(row); }
    /// "New household", "Deleted job", or each field's old and new value.
    static QString describe(const RefusedChange &change);
    /// The kind of record an outbox entity is, as people say it ("job item").
    static QString entityLabel(const QString &entity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<RefusedChange> m_changes;
};

} // namespace saferhomes
