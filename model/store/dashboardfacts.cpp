// DashboardStore::facts(): every figure's facts read in one read transaction, on SQLite's own
// handle (RawRows) with repeated texts kept once (Interned), for DashboardSnapshot to hold.

#include "store/dashboardstore.h"

#include "store/dashboardstore_p.h"
#include "store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace saferhomes {

using dashboardsql::kItemSpend;

/// A query run on the SQLite handle under a Qt connection, for the facts' big reads, where
/// Qt SQL's QVariant per value was most of the time; text comes as UTF-8 bytes.
class DashboardStore::RawRows {
public:
    RawRows(const QSqlDatabase &database, const QString &sql)
        : m_db(SqliteStatement::handle(database))
    {
        if (!m_db) {
            m_code = SQLITE_MISUSE;
            m_message = QStringLiteral("not an SQLite connection");
        } else if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &m_statement, nullptr)
                   != SQLITE_OK) {
            fail();
        }
    }
    ~RawRows() { sqlite3_finalize(m_statement); }
    RawRows(const RawRows &) = delete;
    RawRows &operator=(const RawRows &) = delete;

    bool next()
    {
        if (!m_statement || m_code != SQLITE_OK)
            return false;
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail();
        return false;
    }
    bool failed() const { return m_code != SQLITE_OK; }
    QSqlError error() const
    {
        return QSqlError(QString(), m_message, QSqlError::StatementError, QString::number(m_code));
    }

    bool isNull(int column) const
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    qint64 int64(int column) const { return sqlite3_column_int64(m_statement, column); }
    QByteArray bytes(int column) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArray::fromRawData(text, sqlite3_column_bytes(m_statement, column));
    }
    /// Text, null when NULL.
    QString text(int column) const
    {
        return isNull(column) ? QString() : QString::fromUtf8(bytes(column));
    }

private:
    void fail()
    {
        m_code = sqlite3_errcode(m_db);
        if (m_code == SQLITE_OK)
            m_code = SQLITE_ERROR;
        m_message = QString::fromUtf8(sqlite3_errmsg(m_db));
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_code = SQLITE_OK;
    QString m_message;
};

namespace {

/// Texts that repeat (statuses, ids of areas, fitters and codes) kept once each: their
/// positions in a list, and one shared QString per distinct value.
class Interned {
public:
    /// The position of \a utf8 in \a keys, added when new.
    int position(QStringList &keys, const QByteArray &utf8)
    {
        const auto found = m_positions.constFind(utf8);
        if (found != m_positions.cend())
            return found.value();
        keys.append(QString::fromUtf8(utf8));
        return m_positions.insert(QByteArray(utf8.constData(), utf8.size()), int(keys.size()) - 1)
            .value();
    }
    /// \a utf8 as a QString shared with its earlier occurrences.
    QString text(const QByteArray &utf8)
    {
        const auto found = m_texts.constFind(utf8);
        if (found != m_texts.cend())
            return found.value();
        return m_texts.insert(QByteArray(utf8.constData(), utf8.size()), QString::fromUtf8(utf8))
            .value();
    }

private:
    QHash<QByteArray, int> m_positions;
    QHash<QByteArray, QString> m_texts;
};

} // namespace

Status DashboardStore::eachRawRow(const QString &what, const QString &sql,
                                  const std::function<void(const RawRows &)> &row) const
{
    RawRows rows(QSqlDatabase::database(m_connectionName, false), sql);
    while (rows.next())
        row(rows);
    if (rows.failed())
        return readError(what, rows.error());
    return {};
}

/// Builds the facts from the rows of their reads, in this order: households (by key), jobs with
/// their items, declines. Texts that repeat are kept once each.
class DashboardStore::FactsCollector {
public:
    explicit FactsCollector(Facts &facts)
        : m_facts(facts)
    { }

    /// rid, area_id, status, no coordinates, no UPRN; in key order.
    void addHousehold(const RawRows &q)
    {
        Facts::Household home;
        home.rid = q.int64(0);
        if (!q.isNull(1))
            home.area = m_areas.position(m_facts.areaIds, q.bytes(1));
        home.status = m_statuses.text(q.bytes(2));
        home.noCoordinates = q.int64(3) != 0;
        home.noUprn = q.int64(4) != 0;
        m_householdKeys.push_back(home.rid);
        m_facts.households.append(std::move(home));
    }

    /// A job (key, household rid, status, fitter, completed, scheduled end, surveyed) with one
    /// of its items (code, fitted quantity, catalogue name, spend), or none (a NULL code).
    void addJobRow(const RawRows &q)
    {
        const qint64 key = q.int64(0);
        // A job's rows come together (it is the outer side of the join).
        if (m_facts.jobs.isEmpty() || key != m_lastJob) {
            const auto found = m_jobPositions.constFind(key);
            if (found != m_jobPositions.cend()) {
                m_lastPosition = found.value();
            } else {
                Facts::Job job;
                job.household = householdAt(q.int64(1));
                if (!q.isNull(3))
                    job.fitter = m_fitters.position(m_facts.fitterIds, q.bytes(3));
                job.status = m_statuses.text(q.bytes(2));
                job.completedAt = q.text(4);
                job.scheduledEnd = q.text(5);
                job.surveyedAt = q.text(6);
                m_lastPosition = int(m_facts.jobs.size());
                m_jobPositions.insert(key, m_lastPosition);
                m_facts.jobs.append(std::move(job));
            }
            m_lastJob = key;
        }
        if (q.isNull(7))
            return; // a job without items
        Facts::Job &job = m_facts.jobs[m_lastPosition];
        const qint64 qty = q.int64(8);
        job.spendPence += q.int64(10); // no unit cost (not catalogued): 0
        if (qty <= 0)
            return;
        job.fittedAnything = true;
        if (q.isNull(9))
            return; // not in the catalogue: not among the items fitted
        const int code = m_codes.position(m_facts.codes, q.bytes(7));
        if (code == m_facts.codeNames.size())
            m_facts.codeNames.append(q.text(9));
        m_facts.fitted.append({m_lastPosition, code, qty});
    }

    /// A declined visit: household rid, at, reason.
    void addRefusal(const RawRows &q)
    {
        m_facts.refusals.append({householdAt(q.int64(0)), q.text(1), m_reasons.text(q.bytes(2))});
    }

private:
    /// The position of household \a rid, found by bisection of the keys in order.
    int householdAt(qint64 rid) const
    {
        return int(std::lower_bound(m_householdKeys.cbegin(), m_householdKeys.cend(), rid)
                   - m_householdKeys.cbegin());
    }

    Facts &m_facts;
    Interned m_areas;
    Interned m_statuses;
    Interned m_fitters;
    Interned m_codes;
    Interned m_reasons;
    std::vector<qint64> m_householdKeys;
    QHash<qint64, int> m_jobPositions;
    qint64 m_lastJob = 0;
    int m_lastPosition = 0;
};

Result<DashboardStore::Facts> DashboardStore::facts() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // One read transaction: every list below is of the same state of the database.
    if (!db.transaction())
        return readError(tr("the dashboard's figures"), db.lastError());
    const auto read = [&]() -> Result<Facts> {
        Facts facts;
        const Result<qint64> version = dataVersion();
        if (!version)
            return version.error();
        facts.dataVersion = *version;
        Status done = eachRow(
            tr("areas"), QStringLiteral("SELECT id, name, target_homes FROM area ORDER BY name"),
            {}, [&](const QSqlQuery &q) {
                facts.areas.append(
                    {q.value(0).toString(), q.value(1).toString(), 0, q.value(2).toInt()});
            });
        if (!done)
            return done.error();
        FactsCollector collector(facts);
        done = eachRawRow(
            tr("households"),
            QStringLiteral("SELECT rid, area_id, status, latitude IS NULL, "
                           "uprn IS NULL FROM household WHERE deleted_at IS NULL ORDER BY rid"),
            [&](const RawRows &q) { collector.addHousehold(q); });
        if (!done)
            return done.error();
        // Each job once (with its household's first completed survey when it is completed),
        // then a row per item of it, if any.
        done = eachRawRow(
            tr("jobs"),
            QStringLiteral(
                "WITH jobs AS MATERIALIZED (SELECT j.rowid AS jr, j.id AS jid, h.rid AS hr, "
                "j.status, j.fitter_id, j.completed_at, j.scheduled_end, "
                "CASE WHEN j.status = 'completed' THEN (SELECT min(s.completed_at) FROM survey s "
                "WHERE s.household_id = h.id AND s.completed_at IS NOT NULL) END AS surveyed "
                "FROM job j JOIN household h ON h.id = j.household_id "
                "WHERE h.deleted_at IS NULL) "
                "SELECT jobs.jr, jobs.hr, jobs.status, jobs.fitter_id, jobs.completed_at, "
                "jobs.scheduled_end, jobs.surveyed, i.equipment_code, i.fitted_qty, e.name, %1 "
                "FROM jobs LEFT JOIN job_item i ON i.job_id = jobs.jid "
                "LEFT JOIN equipment_type e ON e.code = i.equipment_code")
                .arg(QLatin1String(kItemSpend)),
            [&](const RawRows &q) { collector.addJobRow(q); });
        if (!done)
            return done.error();
        done = eachRawRow(tr("declines"),
                          QStringLiteral("SELECT h.rid, v.at, v.reason FROM visit v "
                                         "JOIN household h ON h.id = v.household_id "
                                         "WHERE v.outcome = 'declined' AND h.deleted_at IS NULL"),
                          [&](const RawRows &q) { collector.addRefusal(q); });
        if (!done)
            return done.error();
        done = eachRow(tr("budgets"),
                       QStringLiteral("SELECT area_id, financial_year, "
                                      "capital_pence + revenue_pence FROM area_budget"),
                       {}, [&](const QSqlQuery &q) {
                           facts.budgets.append({q.value(0).toString(), q.value(1).toInt(),
                                                 q.value(2).toLongLong()});
                       });
        if (!done)
            return done.error();
        return facts;
    };
    Result<Facts> facts = read();
    if (!db.commit() && facts)
        return readError(tr("the dashboard's figures"), db.lastError());
    return facts;
}

} // namespace saferhomes
