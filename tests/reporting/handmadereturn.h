#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace saferhomes::test {

/// A small hand-made register for the quarterly return of 2024/25-Q3 (1 Oct to 31 Dec 2024;
/// London midnights 2024-09-30T23:00Z, BST, and 2025-01-01T00:00Z, GMT). Every expectation
/// below is counted by hand from these rows:
///
///   visits in Q3: h1 (00:30 on 1 Oct BST), h3 (23:59 31 Dec GMT, declined), h5 (two visits,
///     one declined), h6; not h2 (23:30 on 30 Sep BST) nor h4 (00:00 1 Jan)
///     -> households_visited 4 {h1,h3,h5,h6}, households_declined 2 {h3,h5}
///   packages agreed in Q3 (on completing the survey): h1, h8 (h6 agreed nothing, h7's was in
///     June)
///     -> households_accepted 2 {h1,h8}
///   completed jobs in Q3: h7 (also secured in June), h1 (00:15 1 Oct BST), h3 (23:45 31 Dec),
///     h6 (nothing fitted); h2 at 23:45 30 Sep BST is Q2; h4 on 1 Jan is after; cancelled and
///     scheduled jobs never count
///     -> homes_secured 4 {h1,h3,h6,h7}, homes_secured_to_date 5 {h1,h2,h3,h6,h7}
///   fitted in Q3: ALARM 1 (h7), LIGHT 2+1 (h1,h3), TLOCK 1 (h1)
///     -> spend 1x1500 + 3x1000 + 1x2500 = 7000 {h1,h3,h7}
///   to date adds TLOCK 2 (h7, June) and ALARM 3 (h2, Q2): 7000 + 5000 + 4500 = 16500
///   target_homes 100 + 50 = 150
/// Budgets 2024/25: Melton 20000 capital + 10000 revenue; Oadby none. Spend from 1 April to
/// 31 Dec (275 of 365 days) is 16500 -> forecast 16500 x 365 / 275 = 21900 < 30000: flagged.
/// Melton spent 12000 (h1 4500, h3 1000, h7 6500) -> 15927.27, rounded 15927.
class HandMadeReturn {
public:
    static QString id(const char *name)
    {
        const QByteArray bytes = QByteArray(name).leftJustified(12, '0').toHex().left(12);
        return QStringLiteral("00000000-0000-4000-8000-") + QString::fromLatin1(bytes);
    }

    /// Fills \a db (a migrated, empty local database); the error of the first failed
    /// statement, or an empty string.
    static QString fill(const QSqlDatabase &db)
    {
        HandMadeReturn made(db);
        made.areas();
        made.households();
        made.visits();
        made.surveys();
        made.jobs();
        return made.m_error;
    }

    /// Runs \a sql on \a db with \a values; the error text, or empty.
    static QString exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(db);
        if (!query.prepare(sql))
            return sql + QStringLiteral(": ") + query.lastError().text();
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return sql + QStringLiteral(": ") + query.lastError().text();
        return {};
    }

private:
    explicit HandMadeReturn(const QSqlDatabase &db)
        : m_db(db)
    { }

    void run(const QString &sql, const QVariantList &values)
    {
        if (m_error.isEmpty())
            m_error = exec(m_db, sql, values);
    }

    void areas()
    {
        const QString sql = QStringLiteral("INSERT INTO area (id, name, target_homes, created_at) "
                                           "VALUES (?, ?, ?, '2024-01-01T00:00:00.000Z')");
        run(sql, {id("a1"), QStringLiteral("Melton Town Centre"), 100});
        run(sql, {id("a2"), QStringLiteral("Oadby and Wigston"), 50});
        run(QStringLiteral("INSERT INTO area_budget (id, area_id, financial_year, capital_pence, "
                           "revenue_pence, updated_at) VALUES (?, ?, 2024, 20000, 10000, "
                           "'2024-04-01T09:00:00.000Z')"),
            {id("b1"), id("a1")});
        const QString equipment = QStringLiteral(
            "INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, skill) "
            "VALUES (?, ?, ?, 10, 'general')");
        run(equipment, {QStringLiteral("ALARM"), QStringLiteral("Door alarm"), 1500});
        run(equipment, {QStringLiteral("LIGHT"), QStringLiteral("Security light"), 1000});
        run(equipment, {QStringLiteral("TLOCK"), QStringLiteral("Thumb-turn lock"), 2500});
    }

    void households()
    {
        const QString sql = QStringLiteral(
            "INSERT INTO household (id, uprn, address_line1, town, postcode, area_id, status, "
            "created_at, updated_at) VALUES (?, ?, ?, 'Melton Mowbray', ?, ?, 'contacted', "
            "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')");
        const char *names[] = {"h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"};
        for (int i = 0; i < 8; ++i) {
            run(sql,
                {id(names[i]), QStringLiteral("1000000000%1").arg(i + 1),
                 QStringLiteral("%1 Thorpe Road").arg(i + 1), QStringLiteral("LE13 1AA"),
                 id(i == 1 ? "a2" : "a1")});
        }
    }

    void visit(const char *name, const char *household, const char *at, const char *outcome)
    {
        run(QStringLiteral("INSERT INTO visit (id, household_id, at, by_user, outcome) "
                           "VALUES (?, ?, ?, 'tester', ?)"),
            {id(name), id(household), QString::fromLatin1(at), QString::fromLatin1(outcome)});
    }

    void visits()
    {
        visit("v1", "h1", "2024-09-30T23:30:00.000Z", "accepted");
        visit("v2", "h2", "2024-09-30T22:30:00.000Z", "declined");
        visit("v3", "h3", "2024-12-31T23:59:00.000Z", "declined");
        visit("v4", "h4", "2025-01-01T00:00:00.000Z", "no_answer");
        visit("v5", "h5", "2024-11-05T10:00:00.000Z", "no_answer");
        visit("v6", "h5", "2024-11-20T10:00:00.000Z", "declined");
        visit("v7", "h6", "2024-10-15T09:00:00.000Z", "accepted");
    }

    /// A completed survey with one package item; an agreed package is agreed on completion.
    void survey(const char *name, const char *household, const char *completedAt, int agreed)
    {
        const QString at = QString::fromLatin1(completedAt);
        run(QStringLiteral("INSERT INTO survey (id, household_id, definition_version, "
                           "started_at, completed_at, by_user, package_agreed_at) "
                           "VALUES (?, ?, '1', ?, ?, 'tester', ?)"),
            {id(name), id(household), at, at,
             agreed ? QVariant(at) : QVariant(QMetaType::fromType<QString>())});
        run(QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, qty, "
                           "agreed) VALUES (?, ?, 'TLOCK', 1, ?)"),
            {id((QByteArray("r") + name).constData()), id(name), agreed});
    }

    void surveys()
    {
        survey("s1", "h1", "2024-10-01T09:00:00.000Z", 1);
        survey("s6", "h6", "2024-10-15T10:00:00.000Z", 0);
        survey("s7", "h7", "2024-06-10T10:00:00.000Z", 1);
        survey("s8", "h8", "2024-12-31T23:30:00.000Z", 1);
    }

    void job(const char *name, const char *household, const char *status, const char *completedAt)
    {
        run(QStringLiteral("INSERT INTO job (id, household_id, status, completed_at, created_at) "
                           "VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z')"),
            {id(name), id(household), QString::fromLatin1(status),
             completedAt ? QVariant(QString::fromLatin1(completedAt))
                         : QVariant(QMetaType::fromType<QString>())});
    }

    void item(const char *name, const char *job, const char *code, int qty, int fitted)
    {
        run(QStringLiteral("INSERT INTO job_item (id, job_id, equipment_code, qty, fitted, "
                           "fitted_qty) VALUES (?, ?, ?, ?, ?, ?)"),
            {id(name), id(job), QString::fromLatin1(code), qty, fitted > 0 ? 1 : 0, fitted});
    }

    void jobs()
    {
        job("j1", "h7", "completed", "2024-06-15T10:00:00.000Z");
        item("i1", "j1", "TLOCK", 2, 2);
        job("j2", "h7", "completed", "2024-11-10T10:00:00.000Z");
        item("i2", "j2", "ALARM", 1, 1);
        job("j3", "h1", "completed", "2024-09-30T23:15:00.000Z");
        item("i3a", "j3", "TLOCK", 1, 1);
        item("i3b", "j3", "LIGHT", 2, 2);
        job("j4", "h2", "completed", "2024-09-30T22:45:00.000Z");
        item("i4", "j4", "ALARM", 3, 3);
        job("j5", "h3", "completed", "2024-12-31T23:45:00.000Z");
        item("i5", "j5", "LIGHT", 1, 1);
        job("j6", "h4", "completed", "2025-01-01T00:05:00.000Z");
        item("i6", "j6", "TLOCK", 5, 5);
        job("j7", "h5", "scheduled", nullptr);
        item("i7", "j7", "ALARM", 1, 0);
        job("j8", "h6", "completed", "2024-10-20T10:00:00.000Z");
        item("i8", "j8", "ALARM", 1, 0);
        job("j9", "h8", "cancelled", "2024-11-01T10:00:00.000Z");
        item("i9", "j9", "TLOCK", 4, 4);
    }

    QSqlDatabase m_db;
    QString m_error;
};

} // namespace saferhomes::test
