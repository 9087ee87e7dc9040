#include "sync/syncrefusedmodel.h"

#include "common/householdfieldlabels.h"
#include "sync/syncconflictmodel.h"

#include <QHash>
#include <QLocale>

namespace saferhomes {

SyncRefusedModel::SyncRefusedModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SyncRefusedModel::setChanges(QList<RefusedChange> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

QString SyncRefusedModel::entityLabel(const QString &entity)
{
    static const QHash<QString, const char *> labels {
        {QStringLiteral("household"), QT_TR_NOOP("household")},
        {QStringLiteral("resident"), QT_TR_NOOP("resident")},
        {QStringLiteral("visit"), QT_TR_NOOP("visit")},
        {QStringLiteral("attachment"), QT_TR_NOOP("attachment")},
        {QStringLiteral("consent"), QT_TR_NOOP("consent")},
        {QStringLiteral("survey"), QT_TR_NOOP("survey")},
        {QStringLiteral("recommendation"), QT_TR_NOOP("recommendation")},
        {QStringLiteral("job"), QT_TR_NOOP("job")},
        {QStringLiteral("job_item"), QT_TR_NOOP("job item")},
        {QStringLiteral("stock_movement"), QT_TR_NOOP("stock movement")},
    };
    const char *label = labels.value(entity);
    return label ? tr(label) : entity;
}

QString SyncRefusedModel::describe(const RefusedChange &change)
{
    if (change.kind == u"create")
        return tr("New %1").arg(entityLabel(change.entity));
    if (change.kind == u"delete")
        return tr("Deleted %1").arg(entityLabel(change.entity));
    QStringList fields;
    for (const RefusedChange::Field &field : change.fields) {
        fields.append(tr("%1: \u201c%2\u201d \u2192 \u201c%3\u201d")
                          .arg(HouseholdFieldLabels::label(field.field),
                               SyncConflictModel::displayValue(field.field, field.oldValue),
                               SyncConflictModel::displayValue(field.field, field.newValue)));
    }
    return fields.isEmpty() ? tr("Changed %1").arg(entityLabel(change.entity))
                            : fields.join(QStringLiteral("; "));
}

int SyncRefusedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int SyncRefusedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncRefusedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const RefusedChange &change = m_changes.at(index.row());
    switch (index.column()) {
    case Household: return change.address.isEmpty() ? tr("(not on this device)") : change.address;
    case Change: return describe(change);
    case Reason: return change.reason;
    case RefusedAt:
        return QLocale().toString(change.rejectedAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant SyncRefusedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Household: return tr("Household");
    case Change: return tr("Change");
    case Reason: return tr("Why the server refused it");
    case RefusedAt: return tr("Refused");
    }
    return {};
}

} // namespace saferhomes
