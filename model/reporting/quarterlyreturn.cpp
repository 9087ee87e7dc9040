#include "quarterlyreturn.h"

#include "domain/schemetime.h"
#include "importexport/csvwriter.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace saferhomes {

namespace {

QStringList sorted(const QSet<QString> &ids)
{
    QStringList list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    return list;
}

/// The London day of store times ("2024-09-30T23:30:00.000Z"), for many of them: London is
/// UTC or UTC+1 and its clocks change at 01:00 UTC, so only a time from 23:00 UTC can fall on
/// the next London day, and the offset then is that of the UTC day's noon (asked of the time
/// zone once per day).
class LondonDays {
public:
    QDate dayOf(const QString &storeTime)
    {
        const QDate utcDay = QDate::fromString(storeTime.left(10), Qt::ISODate);
        if (!utcDay.isValid() || storeTime.size() < 13)
            return FinancialPeriod::londonDay(QDateTime::fromString(storeTime, Qt::ISODateWithMs));
        if (QStringView(storeTime).mid(11, 2) != u"23")
            return utcDay;
        auto offset = m_offsets.constFind(utcDay);
        if (offset == m_offsets.cend()) {
            const QDateTime noon(utcDay, QTime(12, 0), QTimeZone::utc());
            offset = m_offsets.insert(utcDay, london().offsetFromUtc(noon));
        }
        return *offset > 0 ? utcDay.addDays(1) : utcDay;
    }

private:
    QHash<QDate, int> m_offsets;
};

} // namespace

QString ReturnHousehold::itemsText(bool toDate) const
{
    const QMap<QString, qint64> &items = toDate ? itemsToDate : itemsInPeriod;
    QStringList parts;
    for (auto it = items.cbegin(); it != items.cend(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.join(QStringLiteral("; "));
}

QuarterlyReturn QuarterlyReturn::assemble(const FinancialPeriod &period, const ReturnRows &rows)
{
    QuarterlyReturn result;
    result.period = period;
    const QString from = period.startText();
    const QString to = period.endText();
    const auto inPeriod = [&](const QString &at) {
        return at >= from && at < to;
    };

    QSet<QString> visited;
    QSet<QString> declined;
    for (const ReturnRows::Visit &visit : rows.visits) {
        visited.insert(visit.householdId);
        if (visit.outcome == u"declined")
            declined.insert(visit.householdId);
    }
    const QSet<QString> accepted(rows.accepted.cbegin(), rows.accepted.cend());

    QSet<QString> secured;
    QSet<QString> securedToDate;
    QHash<QString, QString> lastInPeriod;
    QHash<QString, QString> lastToDate;
    for (const ReturnRows::Completion &job : rows.completions) {
        securedToDate.insert(job.householdId);
        QString &last = lastToDate[job.householdId];
        last = std::max(last, job.completedAt);
        if (inPeriod(job.completedAt)) {
            secured.insert(job.householdId);
            QString &lastHere = lastInPeriod[job.householdId];
            lastHere = std::max(lastHere, job.completedAt);
        }
    }

    QHash<QString, qint64> fittedByCode;
    QHash<QString, QSet<QString>> householdsByCode;
    qint64 spend = 0;
    qint64 spendToDate = 0;
    QSet<QString> spent;
    QSet<QString> spentToDate;
    for (const ReturnRows::Fitted &item : rows.fitted) {
        const qint64 cost = item.qty * item.unitCostPence;
        ReturnHousehold &household = result.households[item.householdId];
        household.itemsToDate[item.code] += item.qty;
        spendToDate += cost;
        spentToDate.insert(item.householdId);
        if (inPeriod(item.completedAt)) {
            household.itemsInPeriod[item.code] += item.qty;
            fittedByCode[item.code] += item.qty;
            householdsByCode[item.code].insert(item.householdId);
            spend += cost;
            spent.insert(item.householdId);
        }
    }

    const auto add
        = [&](const QString &key, const QString &label, qint64 value, const QSet<QString> &ids) {
              result.figures.append({key, label, value, sorted(ids)});
          };
    add(QStringLiteral("households_visited"), tr("Households visited"), visited.size(), visited);
    add(QStringLiteral("households_declined"), tr("Households that declined"), declined.size(),
        declined);
    add(QStringLiteral("households_accepted"), tr("Households that agreed a package"),
        accepted.size(), accepted);
    add(QStringLiteral("homes_secured"), tr("Homes secured"), secured.size(), secured);
    add(QStringLiteral("homes_secured_to_date"), tr("Homes secured to date"), securedToDate.size(),
        securedToDate);
    for (const ReturnRows::Equipment &equipment : rows.equipment) {
        add(QStringLiteral("items_fitted.") + equipment.code,
            tr("Items fitted: %1").arg(equipment.name), fittedByCode.value(equipment.code),
            householdsByCode.value(equipment.code));
    }
    add(QStringLiteral("spend_pence"), tr("Spend (pence)"), spend, spent);
    add(QStringLiteral("spend_to_date_pence"), tr("Spend to date (pence)"), spendToDate,
        spentToDate);
    add(QStringLiteral("target_homes"), tr("Target homes"), rows.targetHomes, {});

    for (const ReturnFigure &figure : std::as_const(result.figures)) {
        for (const QString &id : figure.households) {
            ReturnHousehold &household = result.households[id];
            household.address.id = id;
        }
    }
    LondonDays days;
    for (auto it = result.households.begin(); it != result.households.end(); ++it) {
        if (const auto last = lastInPeriod.constFind(it.key()); last != lastInPeriod.cend())
            it->lastFitInPeriod = days.dayOf(*last);
        if (const auto last = lastToDate.constFind(it.key()); last != lastToDate.cend())
            it->lastFitToDate = days.dayOf(*last);
    }
    return result;
}

Result<QuarterlyReturn> QuarterlyReturn::compute(const Database &database,
                                                 const FinancialPeriod &period,
                                                 const QDateTime &now)
{
    if (!period.isValid())
        return Error::invalid(tr("No financial period was given."));
    ReportingStore store(database);
    const auto rows = store.returnRows(period.startText(), period.endText());
    if (!rows)
        return rows.error();
    QuarterlyReturn result = assemble(period, *rows);
    result.generatedAt = now.toUTC();

    const auto addresses = store.addresses(result.households.keys());
    if (!addresses)
        return addresses.error();
    for (auto it = result.households.begin(); it != result.households.end(); ++it) {
        const ReturnAddress address = addresses->value(it.key());
        it->address = address;
        it->address.id = it.key();
    }
    const auto areas = store.areaNames();
    if (!areas)
        return areas.error();
    result.scheme = areas->join(tr(" and "));

    auto forecast = SpendForecast::forPeriod(database, period, now);
    if (!forecast)
        return forecast.error();
    result.forecast = *forecast;
    return result;
}

const ReturnFigure *QuarterlyReturn::figure(const QString &key) const
{
    for (const ReturnFigure &figure : figures) {
        if (figure.key == key)
            return &figure;
    }
    return nullptr;
}

QJsonObject QuarterlyReturn::toJson() const
{
    QJsonArray figureArray;
    for (const ReturnFigure &figure : figures) {
        figureArray.append(QJsonObject {
            {QStringLiteral("key"), figure.key},
            {QStringLiteral("label"), figure.label},
            {QStringLiteral("value"), figure.value},
            {QStringLiteral("households"), QJsonArray::fromStringList(figure.households)}});
    }
    QJsonObject document {{QStringLiteral("period"), period.name()},
                          {QStringLiteral("from"), period.firstDay().toString(Qt::ISODate)},
                          {QStringLiteral("to"), period.lastDay().toString(Qt::ISODate)},
                          {QStringLiteral("figures"), figureArray}};
    if (generatedAt.isValid())
        document.insert(QStringLiteral("generated_at"), generatedAt.toString(Qt::ISODate));
    if (!scheme.isEmpty())
        document.insert(QStringLiteral("scheme"), scheme);
    if (forecast) {
        const SpendForecast::Line &line = forecast->scheme;
        document.insert(
            QStringLiteral("budget"),
            QJsonObject {{QStringLiteral("financial_year"), forecast->year.name()},
                         {QStringLiteral("as_of"), forecast->asOf.toString(Qt::ISODate)},
                         {QStringLiteral("capital_pence"), line.capitalPence},
                         {QStringLiteral("revenue_pence"), line.revenuePence},
                         {QStringLiteral("budget_pence"), line.budgetPence()},
                         {QStringLiteral("spent_pence"), line.spentPence},
                         {QStringLiteral("forecast_pence"), line.forecastPence},
                         {QStringLiteral("outlook"), SpendForecast::outlookKey(line.outlook)},
                         {QStringLiteral("flagged"), line.flagged()}});
    }
    return document;
}

QByteArray QuarterlyReturn::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

QByteArray QuarterlyReturn::toCsv() const
{
    QByteArray csv
        = CsvWriter::formatRecord({QStringLiteral("key"), QStringLiteral("label"),
                                   QStringLiteral("value"), QStringLiteral("households")});
    for (const ReturnFigure &figure : figures) {
        csv += CsvWriter::formatRecord({figure.key, figure.label, QString::number(figure.value),
                                        figure.households.join(QLatin1Char(' '))});
    }
    return csv;
}

QStringList QuarterlyReturn::evidenceHeader()
{
    return {tr("Household id"), tr("UPRN"), tr("Address"), tr("Items fitted"), tr("Fit date")};
}

QList<QStringList> QuarterlyReturn::evidenceRows(const ReturnFigure &figure) const
{
    QList<QStringList> rows;
    rows.reserve(figure.households.size());
    const bool toDate = figure.isToDate();
    for (const QString &id : figure.households) {
        const ReturnHousehold household = households.value(id);
        rows.append({id, household.address.uprn, household.address.address,
                     household.itemsText(toDate), household.fitDate(toDate).toString(Qt::ISODate)});
    }
    return rows;
}

} // namespace saferhomes
