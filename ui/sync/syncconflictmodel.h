#pragma once

#include "sync/conflictresolver.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>
#include <utility>

namespace saferhomes {

/// The open sync conflicts, one row per field, with the user's choice per row ("keep server"
/// or "use mine", as two check columns that exclude each other).
class SyncConflictModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Household, Field, YourValue, ServerValue, KeepServer, UseMine, ColumnCount };

    explicit SyncConflictModel(QObject *parent = nullptr);

    /// Replaces the rows; choices made for conflicts still listed are kept.
    void setConflicts(QList<OpenConflict> conflicts);
    const OpenConflict &conflict(int row) const { return m_conflicts.at(row); }
    int rowOf(qint64 conflictId) const;

    std::optional<ConflictResolver::Choice> choice(int row) const;
    void setChoice(int row, std::optional<ConflictResolver::Choice> choice);
    void setAllChoices(ConflictResolver::Choice choice);
    /// The rows with a choice, in row order.
    QList<std::pair<qint64, ConflictResolver::Choice>> choices() const;

    /// A stored field value as people read it (a status by its label, "(empty)").
    static QString displayValue(const QString &field, const QString &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void choicesChanged();

private:
    QList<OpenConflict> m_conflicts;
    QHash<qint64, ConflictResolver::Choice> m_choices;
};

} // namespace saferhomes
