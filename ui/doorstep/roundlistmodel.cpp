#include "doorstep/roundlistmodel.h"

#include "common/statuspalette.h"

#include <QLocale>

#include <algorithm>

namespace saferhomes {

namespace {

QString addressOf(const HouseholdSummary &household)
{
    return household.addressLine2.isEmpty()
        ? household.addressLine1
        : RoundListModel::tr("%1, %2").arg(household.addressLine1, household.addressLine2);
}

} // namespace

RoundListModel::RoundListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void RoundListModel::setEntries(QList<RoundEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int RoundListModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).household.id == id)
            return row;
    }
    return -1;
}

int RoundListModel::revisitsDue() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const RoundEntry &e) { return e.revisitDue; }));
}

int RoundListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString RoundListModel::detailLine(const RoundEntry &entry) const
{
    const QLocale locale;
    QStringList parts {entry.household.postcode,
                       HouseholdStatusRules::label(entry.household.status)};
    if (entry.nextRevisitAt.isValid()) {
        const QString when
            = locale.toString(entry.nextRevisitAt.toLocalTime(), QLocale::ShortFormat);
        parts.append(entry.revisitDue ? tr("REVISIT DUE %1").arg(when)
                                      : tr("revisit %1").arg(when));
    } else if (entry.lastOutcome) {
        parts.append(tr("last: %1, %2")
                         .arg(DoorstepNames::label(*entry.lastOutcome),
                              locale.toString(entry.lastVisitAt.toLocalTime().date(),
                                              QLocale::ShortFormat)));
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" \u00b7 "));
}

QVariant RoundListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RoundEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return addressOf(entry.household) + QLatin1Char('\n') + detailLine(entry);
    case Qt::AccessibleTextRole:
        return addressOf(entry.household) + QStringLiteral(", ") + detailLine(entry);
    case Qt::DecorationRole: {
        auto it = m_chips.find(entry.household.status);
        if (it == m_chips.end())
            it = m_chips.insert(entry.household.status,
                                StatusPalette::chip(entry.household.status));
        return *it;
    }
    case IdRole: return entry.household.id;
    case RevisitDueRole: return entry.revisitDue;
    default: return {};
    }
}

} // namespace saferhomes
