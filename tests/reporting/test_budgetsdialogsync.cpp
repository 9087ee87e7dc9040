// Admin › Budgets… on a register that syncs (issue 14): what waits to be sent, and a budget
// the central database refused, undone here and said so.
#include "admin/budgetsdialog.h"
#include "handmadereturn.h"
#include "reportingfixture.h"
#include "store/budgetrepository.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLayout>
#include <QTableWidget>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class BudgetsDialogSyncTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
        // As a sync leaves it: the server, and no role recorded yet (a first sync failed
        // after the greeting's server check).
        exec(u"INSERT INTO sync_state (key, value) VALUES ('server', 'jo@central:5432/sh')"_s);
    }

    /// Saves a budget for Oadby and Wigston (hand-made area a2) in 2024/25 as the dialog does.
    void setOadby(qint64 capital, qint64 revenue)
    {
        BudgetRepository budgets(m_database, u"tester"_s);
        const Status saved = budgets.set({QUuid(HandMadeReturn::id("a2")), u"Oadby and Wigston"_s,
                                          2024, capital, revenue, false});
        ASSERT_TRUE(saved) << saved.errorString().toStdString();
    }

    /// What the sync does with the central database's answer: the oldest op not yet answered
    /// of Oadby's budget refused with \a reason.
    void refuseOadbyOp(const QString &reason)
    {
        exec(u"UPDATE outbox SET rejected_at = '2026-12-07T02:00:00.000Z', rejected_reason = ? "
             "WHERE seq = (SELECT min(o.seq) FROM outbox o JOIN area_budget b "
             "ON b.id = o.entity_id WHERE o.entity = 'area_budget' AND b.area_id = ? "
             "AND o.rejected_at IS NULL)"_s,
             {reason, HandMadeReturn::id("a2")});
    }
};

} // namespace

TEST_F(BudgetsDialogSyncTest, SaysWhatWaitsToBeSentAndWhatWasRefused)
{
    // The hand-made register's Melton budget waits to be sent too.
    setOadby(50000, 2000);
    BudgetsDialog dialog(m_database);
    dialog.show();
    dialog.showYear(2024);
    EXPECT_TRUE(dialog.statusLabel()->text().contains(
        u"Budget changes waiting to be sent to the central database: 2."_s))
        << dialog.statusLabel()->text().toStdString();

    // A second edit, then both refused, in the order they were sent.
    setOadby(60000, 2000);
    refuseOadbyOp(u"unknown area \"Oadby and Wigston\""_s);
    refuseOadbyOp(u"only managers and admins set budgets, and jo is neither"_s);
    // Both undone: Oadby has no 2024/25 budget again; Melton's stays.
    EXPECT_EQ(scalar(u"SELECT count(*) FROM area_budget WHERE area_id = '"_s
                     + HandMadeReturn::id("a2") + u"'"_s)
                  .toInt(),
              0);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM area_budget"_s).toInt(), 1);
    dialog.reload();
    const QString text = dialog.statusLabel()->text();
    EXPECT_TRUE(text.contains(u"Budget changes waiting to be sent to the central database: 1."_s))
        << text.toStdString();
    // Newest first.
    EXPECT_TRUE(text.contains(u"Refused by the central database and undone: Oadby and Wigston "
                              "2024/25: only managers and admins set budgets, and jo is "
                              "neither\nRefused by the central database and undone: Oadby and "
                              "Wigston 2024/25: unknown area"_s))
        << text.toStdString();
    ASSERT_EQ(dialog.table()->item(1, 0)->text(), u"Oadby and Wigston"_s);
    auto *capital = qobject_cast<QDoubleSpinBox *>(dialog.table()->cellWidget(1, 1));
    ASSERT_NE(capital, nullptr);
    EXPECT_EQ(capital->value(), 0.0);
    const QString shot = qEnvironmentVariable("SAFERHOMES_SCREENSHOT_DIR");
    if (!shot.isEmpty()) {
        dialog.layout()->activate();
        dialog.grab().save(QDir(shot).filePath(u"budgets-sync.png"_s));
    }
}
