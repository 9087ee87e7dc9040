#include "budgetrepository.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

BudgetRepository::BudgetRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<QList<AreaBudget>> BudgetRepository::forYear(int financialYear) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    // A statement that does not prepare (a missing table) says why here, not at exec.
    if (!query.prepare(QStringLiteral(
            "SELECT a.id, a.name, b.capital_pence, b.revenue_pence, b.id IS NOT NULL "
            "FROM area a LEFT JOIN area_budget b ON b.area_id = a.id AND b.financial_year = ? "
            "ORDER BY a.name")))
        return readError(tr("budgets"), query.lastError());
    query.addBindValue(financialYear);
    if (!query.exec())
        return readError(tr("budgets"), query.lastError());
    QList<AreaBudget> budgets;
    while (query.next()) {
        AreaBudget budget;
        budget.areaId = readId(query.value(0));
        budget.areaName = query.value(1).toString();
        budget.financialYear = financialYear;
        budget.capitalPence = query.value(2).toLongLong();
        budget.revenuePence = query.value(3).toLongLong();
        budget.isSet = query.value(4).toBool();
        budgets.append(budget);
    }
    if (query.lastError().isValid())
        return readError(tr("budgets"), query.lastError());
    return budgets;
}

Result<QList<int>> BudgetRepository::years() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT DISTINCT financial_year FROM area_budget ORDER BY financial_year")))
        return readError(tr("budgets"), query.lastError());
    QList<int> years;
    while (query.next())
        years.append(query.value(0).toInt());
    return years;
}

Result<AreaBudget> BudgetRepository::schemeTotal(int financialYear) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT coalesce(sum(capital_pence), 0), "
                                      "coalesce(sum(revenue_pence), 0), count(*) "
                                      "FROM area_budget WHERE financial_year = ?")))
        return readError(tr("budgets"), query.lastError());
    query.addBindValue(financialYear);
    if (!query.exec() || !query.next())
        return readError(tr("budgets"), query.lastError());
    AreaBudget total;
    total.financialYear = financialYear;
    total.capitalPence = query.value(0).toLongLong();
    total.revenuePence = query.value(1).toLongLong();
    total.isSet = query.value(2).toInt() > 0;
    return total;
}

Result<BudgetSyncState> BudgetRepository::syncState() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    BudgetSyncState state;
    if (!query.exec(QStringLiteral("SELECT count(*), EXISTS (SELECT 1 FROM sync_state "
                                   "WHERE key = 'server' AND value <> '') FROM outbox "
                                   "WHERE entity = 'area_budget' AND rejected_at IS NULL"))
        || !query.next())
        return readError(tr("the budgets waiting to be sent"), query.lastError());
    state.pending = query.value(0).toInt();
    state.syncs = query.value(1).toBool();
    if (!query.exec(QStringLiteral(
            "SELECT json_extract(payload, '$.area'), json_extract(payload, '$.financial_year'), "
            "rejected_reason FROM outbox WHERE entity = 'area_budget' "
            "AND rejected_at IS NOT NULL ORDER BY seq DESC")))
        return readError(tr("the refused budgets"), query.lastError());
    while (query.next()) {
        state.refusals.append(
            tr("%1 %2: %3")
                .arg(query.value(0).toString(),
                     QStringLiteral("%1/%2")
                         .arg(query.value(1).toInt())
                         .arg((query.value(1).toInt() + 1) % 100, 2, 10, QLatin1Char('0')),
                     query.value(2).toString()));
    }
    if (query.lastError().isValid())
        return readError(tr("the refused budgets"), query.lastError());
    return state;
}

Status BudgetRepository::set(const AreaBudget &budget)
{
    if (budget.capitalPence < 0 || budget.revenuePence < 0)
        return Error::invalid(tr("A budget cannot be negative."));
    if (budget.financialYear < 2000 || budget.financialYear > 2098)
        return Error::invalid(tr("%1 is not a financial year.").arg(budget.financialYear));
    // The central database lets managers and admins set budgets (central 0015_admin_sync.sql);
    // a device that knows its user is neither says so now instead of at the next sync.
    const Result<QString> role = syncedRole();
    if (!role)
        return role.error();
    if (!role->isEmpty() && *role != u"manager" && *role != u"admin") {
        return Error::refused(
            tr("Only managers and admins set budgets; this register syncs as %1.").arg(*role));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Setting a budget: %1").arg(error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("budgets"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("budgets"), error));
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT a.name, b.capital_pence, b.revenue_pence FROM area a "
                                 "LEFT JOIN area_budget b ON b.area_id = a.id "
                                 "AND b.financial_year = ? WHERE a.id = ?"));
    query.addBindValue(budget.financialYear);
    query.addBindValue(uuidText(budget.areaId));
    if (!query.exec())
        return failedWith(readError(tr("budgets"), query.lastError()));
    if (!query.next()) {
        db.rollback();
        return Error::notFound(tr("There is no area %1.").arg(uuidText(budget.areaId)));
    }
    const QString old = query.value(1).isNull()
        ? QString()
        : QStringLiteral("%1/%2").arg(query.value(1).toLongLong()).arg(query.value(2).toLongLong());
    query.finish();
    const QString now = storeTimestamp();
    query.prepare(QStringLiteral(
        "INSERT INTO area_budget (id, area_id, financial_year, capital_pence, revenue_pence, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (area_id, financial_year) DO UPDATE "
        "SET capital_pence = excluded.capital_pence, revenue_pence = excluded.revenue_pence, "
        "updated_at = excluded.updated_at"));
    query.addBindValue(uuidText(QUuid::createUuid()));
    query.addBindValue(uuidText(budget.areaId));
    query.addBindValue(budget.financialYear);
    query.addBindValue(budget.capitalPence);
    query.addBindValue(budget.revenuePence);
    query.addBindValue(now);
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString field = QStringLiteral("budget %1").arg(budget.financialYear);
    const QString value = QStringLiteral("%1/%2").arg(budget.capitalPence).arg(budget.revenuePence);
    if (const Status recorded
        = audit.record(QStringLiteral("area"), uuidText(budget.areaId), field,
                       old.isEmpty() ? QVariant() : QVariant(old), value, now);
        !recorded)
        return failedWith(recorded.error());
    if (!db.commit())
        return failed(db.lastError());
    return {};
}

} // namespace saferhomes
