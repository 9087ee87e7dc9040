#include "sync/syncconflictmodel.h"

#include "common/householdfieldlabels.h"
#include "domain/householdstatus.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace saferhomes {

SyncConflictModel::SyncConflictModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SyncConflictModel::setConflicts(QList<OpenConflict> conflicts)
{
    beginResetModel();
    m_conflicts = std::move(conflicts);
    QHash<qint64, ConflictResolver::Choice> kept;
    for (const OpenConflict &conflict : std::as_const(m_conflicts)) {
        if (m_choices.contains(conflict.id))
            kept.insert(conflict.id, m_choices.value(conflict.id));
    }
    m_choices = kept;
    endResetModel();
    emit choicesChanged();
}

int SyncConflictModel::rowOf(qint64 conflictId) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts[row].id == conflictId)
            return row;
    }
    return -1;
}

std::optional<ConflictResolver::Choice> SyncConflictModel::choice(int row) const
{
    const auto it = m_choices.constFind(m_conflicts.at(row).id);
    if (it == m_choices.constEnd())
        return std::nullopt;
    return *it;
}

void SyncConflictModel::setChoice(int row, std::optional<ConflictResolver::Choice> choice)
{
    if (row < 0 || row >= m_conflicts.size())
        return;
    const qint64 id = m_conflicts[row].id;
    if (choice)
        m_choices.insert(id, *choice);
    else
        m_choices.remove(id);
    emit dataChanged(index(row, KeepServer), index(row, UseMine), {Qt::CheckStateRole});
    emit choicesChanged();
}

void SyncConflictModel::setAllChoices(ConflictResolver::Choice choice)
{
    for (const OpenConflict &conflict : std::as_const(m_conflicts))
        m_choices.insert(conflict.id, choice);
    if (!m_conflicts.isEmpty()) {
        emit dataChanged(index(0, KeepServer), index(rowCount() - 1, UseMine),
                         {Qt::CheckStateRole});
    }
    emit choicesChanged();
}

QList<std::pair<qint64, ConflictResolver::Choice>> SyncConflictModel::choices() const
{
    QList<std::pair<qint64, ConflictResolver::Choice>> list;
    for (const OpenConflict &conflict : m_conflicts) {
        if (const auto it = m_choices.constFind(conflict.id); it != m_choices.constEnd())
            list.append({conflict.id, *it});
    }
    return list;
}

QString SyncConflictModel::displayValue(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return tr("(empty)");
    if (field == u"status") {
        if (const std::optional<HouseholdStatus> status = HouseholdStatusRules::fromName(value))
            return HouseholdStatusRules::label(*status);
    }
    return value;
}

int SyncConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int SyncConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncConflictModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const OpenConflict &conflict = m_conflicts.at(index.row());
    const std::optional<ConflictResolver::Choice> chosen = choice(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Household:
            // The household once per group: its other fields follow on the next rows.
            if (role == Qt::DisplayRole && index.row() > 0
                && m_conflicts.at(index.row() - 1).entityId == conflict.entityId)
                return QString();
            return conflict.address.isEmpty() ? tr("(not on this device)") : conflict.address;
        case Field: return HouseholdFieldLabels::label(conflict.field);
        case YourValue: return displayValue(conflict.field, conflict.localValue);
        case ServerValue: return displayValue(conflict.field, conflict.serverValue);
        case KeepServer: return role == Qt::DisplayRole ? tr("Keep server") : QVariant();
        case UseMine: return role == Qt::DisplayRole ? tr("Use mine") : QVariant();
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == KeepServer)
            return chosen == ConflictResolver::Choice::KeepServer ? Qt::Checked : Qt::Unchecked;
        if (index.column() == UseMine)
            return chosen == ConflictResolver::Choice::UseMine ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ForegroundRole:
        if ((index.column() == YourValue && conflict.localValue.isEmpty())
            || (index.column() == ServerValue && conflict.serverValue.isEmpty()))
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default: break;
    }
    return {};
}

bool SyncConflictModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid()
        || (index.column() != KeepServer && index.column() != UseMine))
        return false;
    const auto column = index.column() == KeepServer ? ConflictResolver::Choice::KeepServer
                                                     : ConflictResolver::Choice::UseMine;
    const bool checked = value.toInt() == Qt::Checked;
    if (checked)
        setChoice(index.row(), column);
    else if (choice(index.row()) == column)
        setChoice(index.row(), std::nullopt);
    return true;
}

Qt::ItemFlags SyncConflictModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == KeepServer || index.column() == UseMine)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant SyncConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Household: return tr("Household");
    case Field: return tr("Field");
    case YourValue: return tr("Your value");
    case ServerValue: return tr("Server value");
    case KeepServer: return tr("Keep server");
    case UseMine: return tr("Use mine");
    }
    return {};
}

} // namespace saferhomes
