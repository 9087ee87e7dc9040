// The ledger's properties (DESIGN §8, issue 13), for any sequence of movements and job edits
// rapidcheck makes up: what is on hand and reserved at each location equals the sums over the
// ledger (worked out here in SQL, not read from the summary), is never below zero, and what is
// reserved never exceeds what is on hand; a movement is refused exactly when it would take more
// than is available; completion conserves quantity (fitted + released = reserved).
//
// A count is a fact and is never refused: one that finds less than is reserved would leave a
// reservation without stock, so the counts made here find at least what is reserved.

#include "stockfixture.h"

#include "store/jobrepository.h"

#include <QTimeZone>

#include <rapidcheck.h>

using namespace saferhomes;
using saferhomes::test::StockFixture;

namespace {

enum class Step {
    Receive,
    Transfer,
    WriteOff,
    Count,
    Return,
    Book,
    Move,
    Unschedule,
    Complete,
    NoAccess
};

struct Op {
    Step step = Step::Receive;
    int a = 0; ///< a location (0: depot, 1 and 2: the vans) or a fitter (0, 1)
    int b = 0;
    int qty = 1;
};

std::ostream &operator<<(std::ostream &out, const Op &op)
{
    return out << "{step " << int(op.step) << ", a " << op.a << ", b " << op.b << ", qty " << op.qty
               << "}";
}

class StockPropertiesTest : public StockFixture {
protected:
    QString location(int i) const { return i == 0 ? depot : m_vans[(i - 1) % 2]; }

    /// code@location → on hand|reserved, summed over the ledger here.
    QHash<QString, std::pair<int, int>> sums(const QString &code) const
    {
        QHash<QString, std::pair<int, int>> sums;
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("SELECT location, sum(qty_change), sum(reserved_change) "
                                     "FROM stock_movement WHERE equipment_code = ? "
                                     "GROUP BY location"));
        query.addBindValue(code);
        if (!query.exec())
            return {};
        while (query.next())
            sums.insert(query.value(0).toString(),
                        {query.value(1).toInt(), query.value(2).toInt()});
        return sums;
    }

    /// The invariants over every location of \a code.
    void checkLevels(const QString &code) const
    {
        const auto byLedger = sums(code);
        for (int i = 0; i < 3; ++i) {
            const Result<StockLevel> level = m_ledger->level(code, location(i));
            RC_ASSERT(level.ok());
            const auto sum = byLedger.value(location(i), {0, 0});
            RC_ASSERT(level->onHand == sum.first);
            RC_ASSERT(level->reserved == sum.second);
            RC_ASSERT(level->onHand >= 0);
            RC_ASSERT(level->reserved >= 0);
            RC_ASSERT(level->reserved <= level->onHand);
        }
    }

    /// The job's reserved, fitted-from-reserved and released totals, and what it holds now.
    struct JobTotals {
        int reserved = 0;
        int fittedFromReserved = 0;
        int released = 0;
        int held = 0;
    };
    JobTotals jobTotals(const QUuid &job) const
    {
        const QString id = job.toString(QUuid::WithoutBraces);
        const auto sum = [&](const QString &reason) {
            return count(QStringLiteral("SELECT coalesce(sum(reserved_change), 0) FROM "
                                        "stock_movement WHERE job_id = '%1' AND reason = '%2'")
                             .arg(id, reason));
        };
        const int reserved = sum(QStringLiteral("reserved"));
        const int fitted = -sum(QStringLiteral("fitted"));
        const int released = -sum(QStringLiteral("released"));
        return {reserved, fitted, released, reserved - fitted - released};
    }

    /// A new accepted household with an agreed package of \a qty of \a code, and its job.
    QUuid newJob(const QString &code, int qty)
    {
        const QString household = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString survey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery query(m_database.connection());
        const bool ok
            = query.exec(QStringLiteral("INSERT INTO household (id, address_line1, postcode, "
                                        "status, created_at, updated_at) VALUES ('%1', '1 High "
                                        "St', 'LE13 1AB', 'accepted', 'x', 'x')")
                             .arg(household))
            && query.exec(QStringLiteral("INSERT INTO survey (id, household_id, "
                                         "definition_version, started_at, completed_at, by_user) "
                                         "VALUES ('%1', '%2', '1', 'x', '2026-11-01', 'o')")
                              .arg(survey, household))
            && query.exec(QStringLiteral("INSERT INTO recommendation (id, survey_id, "
                                         "equipment_code, qty, agreed) VALUES ('%1', '%2', '%3', "
                                         "%4, 1)")
                              .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), survey, code)
                              .arg(qty));
        RC_ASSERT(ok);
        const Result<QUuid> job = m_jobs->packageAgreed(QUuid::fromString(survey));
        RC_ASSERT(job.ok());
        RC_ASSERT(!job->isNull());
        return *job;
    }

    /// A code of its own for each run, so that runs do not share stock.
    QString newCode()
    {
        const QString code = QStringLiteral("PROP%1").arg(++m_runs);
        run(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                           "fit_minutes, skill) VALUES ('%1', 'Item', 100, 10, 'general')")
                .arg(code));
        return code;
    }

    void SetUp() override
    {
        StockFixture::SetUp();
        m_jobs = std::make_unique<JobRepository>(m_database, QStringLiteral("keeper"));
    }

    std::unique_ptr<JobRepository> m_jobs;
    int m_runs = 0;
};

rc::Gen<Op> anyOp()
{
    return rc::gen::build<Op>(
        rc::gen::set(&Op::step,
                     rc::gen::element(Step::Receive, Step::Receive, Step::Transfer, Step::Transfer,
                                      Step::WriteOff, Step::Count, Step::Return, Step::Book,
                                      Step::Move, Step::Unschedule, Step::Complete,
                                      Step::NoAccess)),
        rc::gen::set(&Op::a, rc::gen::inRange(0, 3)), rc::gen::set(&Op::b, rc::gen::inRange(0, 3)),
        rc::gen::set(&Op::qty, rc::gen::inRange(1, 8)));
}

TEST_F(StockPropertiesTest, LevelsAreTheSumsNeverBelowZeroAndCompletionConserves)
{
    const QDate firstDay(2027, 1, 4);
    const bool held = rc::check(
        "any sequence of movements and job edits keeps the ledger's invariants", [&] {
            const QString code = newCode();
            const int need = *rc::gen::inRange(1, 5);
            const QUuid job = newJob(code, need);
            const QDateTime start(firstDay.addDays(m_runs), QTime(9, 0),
                                  QTimeZone("Europe/London"));
            const auto ops = *rc::gen::resize(30, rc::gen::container<std::vector<Op>>(anyOp()));
            QString jobState = QStringLiteral("unscheduled");
            for (const Op &op : ops) {
                const QString at = location(op.a);
                const Result<StockLevel> before = m_ledger->level(code, at);
                RC_ASSERT(before.ok());
                switch (op.step) {
                case Step::Receive: RC_ASSERT(m_ledger->receive(code, op.qty, at).ok()); break;
                case Step::Return: RC_ASSERT(m_ledger->returnStock(code, op.qty, at).ok()); break;
                case Step::Transfer: {
                    const QString to = location(op.b);
                    const Result<QUuid> moved = m_ledger->transfer(code, op.qty, at, to);
                    RC_ASSERT(moved.ok() == (at != to && op.qty <= before->available()));
                    break;
                }
                case Step::WriteOff: {
                    const Result<QUuid> gone
                        = m_ledger->writeOff(code, op.qty, at, QStringLiteral("broken"));
                    RC_ASSERT(gone.ok() == (op.qty <= before->available()));
                    break;
                }
                case Step::Count:
                    RC_ASSERT(m_ledger->count(code, at, before->reserved + op.qty - 1).ok());
                    RC_ASSERT(m_ledger->level(code, at)->onHand == before->reserved + op.qty - 1);
                    break;
                case Step::Book:
                    if (jobState == u"unscheduled") {
                        RC_ASSERT(
                            m_jobs
                                ->bookJob(job, StockLocation::fitterOf(m_vans[op.a % 2]), start, 60)
                                .ok());
                        jobState = QStringLiteral("booked");
                    }
                    break;
                case Step::Move:
                    if (jobState == u"booked") {
                        RC_ASSERT(m_jobs
                                      ->moveJob(job, StockLocation::fitterOf(m_vans[op.a % 2]),
                                                start.addSecs(op.b * 3600))
                                      .ok());
                    }
                    break;
                case Step::Unschedule:
                    if (jobState == u"booked") {
                        RC_ASSERT(m_jobs->unscheduleJob(job).ok());
                        jobState = QStringLiteral("unscheduled");
                        RC_ASSERT(jobTotals(job).held == 0);
                    }
                    break;
                case Step::Complete:
                    if (jobState == u"booked") {
                        // At most what is reserved: fitting more takes it from the van even when
                        // the ledger says it is not there (the fitter fitted it), the one
                        // movement that may take a location below zero.
                        const JobTotals reserved = jobTotals(job);
                        const int fitted = std::min(op.qty - 1, reserved.held);
                        RC_ASSERT(
                            m_jobs->complete(job, {{code, fitted}}, {}, QStringLiteral("R")).ok());
                        jobState = QStringLiteral("done");
                        const JobTotals after = jobTotals(job);
                        RC_ASSERT(after.held == 0);
                        RC_ASSERT(after.fittedFromReserved + after.released == after.reserved);
                        // What was reserved when the visit was recorded was used up first.
                        RC_ASSERT(after.fittedFromReserved - reserved.fittedFromReserved
                                  == std::min(fitted, reserved.held));
                    }
                    break;
                case Step::NoAccess:
                    if (jobState == u"booked") {
                        RC_ASSERT(m_jobs->noAccess(job, QStringLiteral("out")).ok());
                        jobState = QStringLiteral("done");
                        RC_ASSERT(jobTotals(job).held == 0);
                    }
                    break;
                }
                // A job booked holds all it needs or nothing, and never more.
                const JobTotals totals = jobTotals(job);
                RC_ASSERT(totals.held == 0 || (jobState == u"booked" && totals.held == need));
                checkLevels(code);
            }
        });
    EXPECT_TRUE(held);
}

} // namespace
