// Spend is fitted quantity x the unit cost recorded when the job was completed (issue 14 item 3):
// a catalogue price change afterwards leaves the quarter's spend as it was.

#include "domain/financialperiod.h"
#include "handmadereturn.h"
#include "reporting/quarterlyreturn.h"
#include "reportingfixture.h"
#include "store/jobrepository.h"
#include "store/reportingstore.h"
#include "store/stockledger.h"

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class RecordedCostTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
        // h9 in Oadby and Wigston, with a job booked today: two thumb-turn locks (25.00 each
        // in the hand-made catalogue) and a light (10.00).
        exec(u"INSERT INTO household (id, address_line1, postcode, area_id, status, created_at, "
             "updated_at) VALUES (?, '9 Thorpe Road', 'LE13 1AA', ?, 'scheduled', "
             "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')"_s,
             {id("h9"), id("a2")});
        exec(u"INSERT INTO job (id, household_id, status, created_at) VALUES (?, ?, 'scheduled', "
             "'2024-01-01T00:00:00.000Z')"_s,
             {id("jz"), id("h9")});
        exec(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, 'TLOCK', 2)"_s,
             {id("iza"), id("jz")});
        exec(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, 'LIGHT', 1)"_s,
             {id("izb"), id("jz")});
    }

    qint64 quarterSpend(const QDateTime &now)
    {
        const auto computed
            = QuarterlyReturn::compute(m_database, FinancialPeriod::quarterContaining(now), now);
        EXPECT_TRUE(computed.ok()) << computed.errorString().toStdString();
        return computed.ok() ? computed->figure(u"spend_pence"_s)->value : -1;
    }
};

} // namespace

TEST_F(RecordedCostTest, APriceChangeAfterCompletionLeavesTheQuartersSpendUnchanged)
{
    JobRepository jobs(m_database, u"fitter"_s);
    // What is fitted comes from stock that is there (the depot's: the job has no fitter).
    StockLedger ledger(m_database, u"fitter"_s);
    ASSERT_TRUE(ledger.receive(u"TLOCK"_s, 2, u"depot"_s));
    ASSERT_TRUE(ledger.receive(u"LIGHT"_s, 1, u"depot"_s));
    const auto completed
        = jobs.complete(QUuid(id("jz")), {{u"TLOCK"_s, 2}, {u"LIGHT"_s, 1}}, {}, u"Pat"_s);
    ASSERT_TRUE(completed.ok()) << completed.errorString().toStdString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The cost each item was fitted at is on the item.
    EXPECT_EQ(scalar(u"SELECT unit_cost_pence FROM job_item WHERE equipment_code = 'TLOCK' "
                     "AND job_id = '%1'"_s.arg(id("jz")))
                  .toInt(),
              2500);
    EXPECT_EQ(scalar(u"SELECT unit_cost_pence FROM job_item WHERE equipment_code = 'LIGHT' "
                     "AND job_id = '%1'"_s.arg(id("jz")))
                  .toInt(),
              1000);
    // 2 x 2500 + 1 x 1000; the hand-made jobs are all in 2024/25.
    ASSERT_EQ(quarterSpend(now), 6000);
    // Oadby and Wigston's spend: h2's three alarms (1500 each, in 2024, fitted before costs
    // were recorded) and h9's job.
    const auto before
        = ReportingStore(m_database)
              .spendByArea(u"2000-01-01T00:00:00.000Z"_s, u"2100-01-01T00:00:00.000Z"_s);
    ASSERT_TRUE(before.ok()) << before.errorString().toStdString();
    EXPECT_EQ(before->value(id("a2")), 10500);

    exec(u"UPDATE equipment_type SET unit_cost_pence = 9999 WHERE code IN ('TLOCK', 'LIGHT')"_s);
    EXPECT_EQ(quarterSpend(now), 6000);
    const auto after
        = ReportingStore(m_database)
              .spendByArea(u"2000-01-01T00:00:00.000Z"_s, u"2100-01-01T00:00:00.000Z"_s);
    ASSERT_TRUE(after.ok()) << after.errorString().toStdString();
    EXPECT_EQ(after->value(id("a2")), 10500);
}
