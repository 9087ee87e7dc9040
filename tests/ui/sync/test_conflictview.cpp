// The conflict view under offscreen QTest: real widgets over a real database. Choices are made
// by clicking (and pressing Space on) the table's check boxes, applied with the button, and
// checked in the database.

#include "register/householdtablemodel.h"
#include "store/auditlog.h"
#include "sync/conflictview.h"
#include "sync/syncconflictmodel.h"
#include "sync/synccontroller.h"
#include "sync/syncrefusedmodel.h"
#include "sync/syncstatusindicator.h"
#include "sync/synctest.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

namespace saferhomes::test {

namespace {

class ConflictViewTest : public SyncUiTest {
protected:
    void SetUp() override
    {
        SyncUiTest::SetUp();
        m_thorpe = idOf(QStringLiteral("12 Thorpe Road"));
        m_burton = idOf(QStringLiteral("45 Burton Street"));
        m_leicester = idOf(QStringLiteral("7 Leicester Road"));
        settleOutbox(m_thorpe, QStringLiteral("Server note"));
        m_notes = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Dog in garden"),
                              QStringLiteral("Server note"));
        m_priority = addConflict(m_thorpe, QStringLiteral("priority"), QStringLiteral("5"),
                                 QStringLiteral("0"));
        m_name = addConflict(m_burton, QStringLiteral("resident_name"),
                             QStringLiteral("Zoe O'Sullivan"),
                             QStringLiteral("Zo\u00eb \u00d3 S\u00failleabh\u00e1in"));
        HouseholdRepository repo = repository();
        ASSERT_TRUE(
            repo.setFields(m_leicester, {{HouseholdField::Notes, QStringLiteral("Refused note")}}));
        refuseOldestChange(QStringLiteral("household is outside your areas"));
    }

    /// Clicks the check box of \a index, where the item delegate draws it.
    static void clickCheckBox(QTableView *view, const QModelIndex &index)
    {
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(index);
        option.features
            = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
        option.text = index.data().toString();
        const QRect box
            = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
        ASSERT_TRUE(box.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box.center());
    }

    static QModelIndex cell(const ConflictView &view, int row, int column)
    {
        return view.conflictModel()->index(row, column);
    }

    QUuid m_thorpe;
    QUuid m_burton;
    QUuid m_leicester;
    qint64 m_notes = 0;
    qint64 m_priority = 0;
    qint64 m_name = 0;
};

} // namespace

TEST_F(ConflictViewTest, ShowsBothValuesSideBySideAndTheRefusedChange)
{
    std::unique_ptr<MainWindow> window = openWindow();
    ModelTesterLog log;
    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(view);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    QAbstractItemModelTester conflictTester(
        view->conflictModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester refusedTester(view->refusedModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Warning);

    SyncConflictModel *model = view->conflictModel();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(cell(*view, 0, SyncConflictModel::Household).data().toString(),
              QStringLiteral("12 Thorpe Road, LE13 1AB"));
    EXPECT_EQ(cell(*view, 0, SyncConflictModel::Field).data().toString(), QStringLiteral("Notes"));
    EXPECT_EQ(cell(*view, 0, SyncConflictModel::YourValue).data().toString(),
              QStringLiteral("Dog in garden"));
    EXPECT_EQ(cell(*view, 0, SyncConflictModel::ServerValue).data().toString(),
              QStringLiteral("Server note"));
    EXPECT_EQ(cell(*view, 1, SyncConflictModel::Household).data().toString(), QString())
        << "the household once per group";
    EXPECT_EQ(cell(*view, 1, SyncConflictModel::Household).data(Qt::ToolTipRole).toString(),
              QStringLiteral("12 Thorpe Road, LE13 1AB"));
    EXPECT_EQ(cell(*view, 2, SyncConflictModel::Field).data().toString(),
              QStringLiteral("Resident name"));
    EXPECT_FALSE(view->applyButton()->isEnabled()) << "nothing chosen yet";

    SyncRefusedModel *refused = view->refusedModel();
    ASSERT_EQ(refused->rowCount(), 1);
    EXPECT_EQ(refused->index(0, SyncRefusedModel::Household).data().toString(),
              QStringLiteral("7 Leicester Road, LE2 4AA"));
    EXPECT_EQ(refused->index(0, SyncRefusedModel::Change).data().toString(),
              QStringLiteral("Notes: \u201c(empty)\u201d \u2192 \u201cRefused note\u201d"));
    EXPECT_EQ(refused->index(0, SyncRefusedModel::Reason).data().toString(),
              QStringLiteral("household is outside your areas"));
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(u'\n'));
}

TEST_F(ConflictViewTest, AChoicePerFieldIsAppliedTogetherAndLandsInTheDatabase)
{
    std::unique_ptr<MainWindow> window = openWindow();
    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    QTableView *table = view->conflictTable();
    SyncConflictModel *model = view->conflictModel();

    // Row 0 (notes): "keep server", then changed to "use mine": the two exclude each other.
    clickCheckBox(table, cell(*view, 0, SyncConflictModel::KeepServer));
    EXPECT_EQ(model->choice(0), ConflictResolver::Choice::KeepServer);
    clickCheckBox(table, cell(*view, 0, SyncConflictModel::UseMine));
    EXPECT_EQ(model->choice(0), ConflictResolver::Choice::UseMine);
    EXPECT_EQ(cell(*view, 0, SyncConflictModel::KeepServer).data(Qt::CheckStateRole).toInt(),
              Qt::Unchecked);
    // Row 1 (priority) from the keyboard: "keep server".
    table->setFocus();
    table->setCurrentIndex(cell(*view, 1, SyncConflictModel::KeepServer));
    QTest::keyClick(table, Qt::Key_Space);
    EXPECT_EQ(model->choice(1), ConflictResolver::Choice::KeepServer);
    // Row 2 (resident name): "use mine".
    clickCheckBox(table, cell(*view, 2, SyncConflictModel::UseMine));
    EXPECT_EQ(model->choice(2), ConflictResolver::Choice::UseMine);
    ASSERT_TRUE(view->applyButton()->isEnabled());
    const int outboxBefore = outboxRows();

    QTest::mouseClick(view->applyButton(), Qt::LeftButton);

    EXPECT_EQ(view->errorText(), QString());
    EXPECT_TRUE(isResolved(m_notes));
    EXPECT_TRUE(isResolved(m_priority));
    EXPECT_TRUE(isResolved(m_name));
    const auto thorpe = repository().find(m_thorpe);
    EXPECT_EQ(thorpe->household.notes, QStringLiteral("Dog in garden"));
    EXPECT_EQ(thorpe->household.priority, 0);
    EXPECT_EQ(repository().find(m_burton)->resident.name, QStringLiteral("Zoe O'Sullivan"));
    EXPECT_EQ(outboxRows(), outboxBefore + 2) << "one update per household to send";
    EXPECT_EQ(value(QStringLiteral("SELECT new_value FROM audit_event WHERE entity = "
                                   "'sync_conflict' AND entity_id = ?"),
                    {QString::number(m_priority)})
                  .toString(),
              QStringLiteral("server"));

    // The view, the register and the status bar follow.
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(view->conflictTable()->isHidden());
    const HouseholdTableModel *register_ = window->tableModel();
    EXPECT_EQ(register_->household(register_->rowOf(m_burton)).residentName,
              QStringLiteral("Zoe O'Sullivan"));
    EXPECT_FALSE(window->syncIndicator()->text().contains(QStringLiteral("conflict")))
        << qPrintable(window->syncIndicator()->text());
}

TEST_F(ConflictViewTest, ARefusedValueIsExplainedAtItsRowAndNothingIsWritten)
{
    const qint64 postcode
        = addConflict(m_leicester, QStringLiteral("postcode"), QStringLiteral("not a postcode"),
                      QStringLiteral("LE2 4AA"));
    std::unique_ptr<MainWindow> window = openWindow();
    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    const int row = view->conflictModel()->rowOf(postcode);
    ASSERT_GE(row, 0);
    clickCheckBox(view->conflictTable(), cell(*view, row, SyncConflictModel::UseMine));
    const int outboxBefore = outboxRows();

    EXPECT_FALSE(view->applyChoices());

    EXPECT_TRUE(view->errorText().contains(QStringLiteral("7 Leicester Road")))
        << qPrintable(view->errorText());
    EXPECT_TRUE(view->errorText().contains(QStringLiteral("Postcode")));
    EXPECT_EQ(view->conflictTable()->currentIndex().row(), view->conflictModel()->rowOf(postcode));
    EXPECT_FALSE(isResolved(postcode));
    EXPECT_EQ(outboxRows(), outboxBefore);
    EXPECT_EQ(view->conflictModel()->choice(view->conflictModel()->rowOf(postcode)),
              ConflictResolver::Choice::UseMine)
        << "the choice stays for the user to change";
}

TEST_F(ConflictViewTest, DiscardingARefusedChangeAsksFirstThenDeletesItWithAnAuditEvent)
{
    std::unique_ptr<MainWindow> window = openWindow();
    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    const QString opId
        = value(QStringLiteral("SELECT op_id FROM outbox WHERE rejected_at IS NOT NULL"))
              .toString();
    const int outboxBefore = outboxRows();
    EXPECT_FALSE(view->discardButton()->isEnabled()) << "nothing selected";
    QTableView *table = view->refusedTable();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(view->refusedModel()->index(0, 1)).center());
    ASSERT_TRUE(view->discardButton()->isEnabled());

    // Cancel: nothing happens.
    QTest::mouseClick(view->discardButton(), Qt::LeftButton);
    QMessageBox *confirmation = view->discardConfirmation();
    ASSERT_TRUE(confirmation);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(confirmation, kPatienceMs));
    EXPECT_TRUE(confirmation->informativeText().contains(QStringLiteral("Refused note")));
    QTest::mouseClick(confirmation->button(QMessageBox::Cancel), Qt::LeftButton);
    ASSERT_TRUE(waitFor([view] { return !view->discardConfirmation(); }));
    EXPECT_EQ(outboxRows(), outboxBefore);

    // Confirmed: the row goes, with an audit event.
    QTest::mouseClick(view->discardButton(), Qt::LeftButton);
    confirmation = view->discardConfirmation();
    ASSERT_TRUE(confirmation);
    QTest::mouseClick(confirmation->button(QMessageBox::Discard), Qt::LeftButton);
    ASSERT_TRUE(waitFor([view] { return !view->discardConfirmation(); }));
    EXPECT_EQ(outboxRows(), outboxBefore - 1);
    EXPECT_EQ(view->refusedModel()->rowCount(), 0);
    EXPECT_TRUE(view->refusedTable()->isHidden());
    const QList<AuditEvent> events
        = AuditLog::history(m_database.connectionName(), QStringLiteral("outbox"), opId);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].field, QStringLiteral("discarded"));
    EXPECT_EQ(repository().find(m_leicester)->household.notes, QStringLiteral("Refused note"))
        << "the data on this device stays";
    EXPECT_FALSE(window->syncIndicator()->text().contains(QStringLiteral("refused")));
}

TEST_F(ConflictViewTest, ADiscardThatFailsIsShownAndTheRefusedChangeStays)
{
    std::unique_ptr<MainWindow> window = openWindow();
    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    const int outboxBefore = outboxRows();
    QTableView *table = view->refusedTable();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(view->refusedModel()->index(0, 1)).center());

    // Another program holds the write lock while the user confirms.
    Database other(QStringLiteral("other-program"));
    ASSERT_TRUE(other.open(m_path));
    QSqlQuery lock(other.connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    ASSERT_TRUE(
        lock.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));
    QTest::mouseClick(view->discardButton(), Qt::LeftButton);
    QMessageBox *confirmation = view->discardConfirmation();
    ASSERT_TRUE(confirmation);
    QTest::mouseClick(confirmation->button(QMessageBox::Discard), Qt::LeftButton);
    ASSERT_TRUE(waitFor([view] { return !view->discardConfirmation(); }));
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));

    EXPECT_TRUE(view->errorText().contains(QStringLiteral("cannot write the refused change")))
        << qPrintable(view->errorText());
    EXPECT_TRUE(view->errorText().contains(QStringLiteral("locked")))
        << qPrintable(view->errorText());
    EXPECT_EQ(outboxRows(), outboxBefore);
    EXPECT_EQ(view->refusedModel()->rowCount(), 1);
}

} // namespace saferhomes::test
