// A write whose audit event cannot be written writes nothing, and its error keeps the audit
// trail's kind (Error::Locked when another program holds the lock the event needed) and says
// which file and that the audit trail could not be written (issue 9).
// A write of the fitters or the schedule that itself meets another program's lock says so the
// same way: Error::Locked, naming the file and what could not be written.

#include "storefixture.h"

#include "../lockholder.h"
#include "store/budgetrepository.h"
#include "store/equipmentrepository.h"
#include "store/fitterrepository.h"
#include "store/frozenreturnrepository.h"
#include "store/jobrepository.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

using namespace saferhomes;
using namespace Qt::StringLiterals;
using saferhomes::test::LockHolder;

namespace {

class AuditFailureTest : public saferhomes::test::StoreFixture {
protected:
    int count(const QString &table) const
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(u"SELECT count(*) FROM "_s + table) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    QString jobStatus(const QUuid &id) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(u"SELECT status FROM job WHERE id = ?"_s);
        query.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!query.exec() || !query.next())
            return {};
        return query.value(0).toString();
    }

    /// The audit trail refuses every new event, as a full or damaged table would.
    void refuseAudit()
    {
        run(u"CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s);
    }
    void allowAudit() { run(u"DROP TRIGGER refuse_audit"_s); }

    /// What a refused audit event says: the file, the audit trail and SQLite's reason.
    QString refused() const
    {
        return QDir::toNativeSeparators(m_path)
            + u": cannot write the audit trail: refused by the test"_s;
    }

    /// A household with one unscheduled job, and a fitter to book it on.
    void addJob()
    {
        const Status inserted = m_repository->insert(
            {household(u"1 Audit Row"_s, u"LE13 1AB"_s, u"Pat Moore"_s, u"Melton"_s)});
        ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
        const Result<Fitter> fitter = FitterRepository(m_database, u"tester"_s).add(sam());
        ASSERT_TRUE(fitter) << qPrintable(fitter.errorString());
        m_fitterId = fitter->id;
        m_jobId = QUuid::createUuid();
        QSqlQuery query(m_database.connection());
        query.prepare(u"INSERT INTO job (id, household_id, status, created_at, duration_minutes) "
                      "SELECT ?, id, 'unscheduled', '2026-12-01T09:00:00.000Z', 60 "
                      "FROM household"_s);
        query.addBindValue(m_jobId.toString(QUuid::WithoutBraces));
        ASSERT_TRUE(query.exec()) << qPrintable(query.lastError().text());
    }

    static Fitter sam()
    {
        Fitter fitter;
        fitter.name = u"Sam Cole"_s;
        fitter.skills = {u"locks"_s};
        return fitter;
    }

    static QDateTime nineOClock() { return QDateTime(QDate(2026, 12, 8), QTime(9, 0), Qt::UTC); }

    /// The job booked for the fitter from nine o'clock for an hour.
    JobBooking nineOClockBooking() const
    {
        JobBooking booking;
        booking.jobId = m_jobId;
        booking.fitterId = m_fitterId;
        booking.start = nineOClock();
        booking.end = nineOClock().addSecs(3600);
        return booking;
    }

    /// A second file, attached as "elsewhere" with a table copy_target, for a temporary
    /// trigger to write into while a LockHolder keeps it locked (a rollback-journal file, so
    /// that the attaching connection keeps no lock on it between statements).
    QString attachElsewhere()
    {
        const QString elsewhere = m_dir.filePath(u"elsewhere.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"make-elsewhere"_s);
            db.setDatabaseName(elsewhere);
            EXPECT_TRUE(db.open());
            EXPECT_TRUE(QSqlQuery(db).exec(u"CREATE TABLE copy_target (entity TEXT)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"make-elsewhere"_s);
        run(u"ATTACH DATABASE '%1' AS elsewhere"_s.arg(elsewhere));
        return elsewhere;
    }

    /// What a write of \a what that meets the other program's lock says after \a action.
    QString locked(const QString &action, const QString &what) const
    {
        return action + u": "_s + QDir::toNativeSeparators(m_path) + u": cannot write "_s + what
            + u": database is locked"_s;
    }

    QUuid m_fitterId;
    QUuid m_jobId;
};

TEST_F(AuditFailureTest, TheCatalogueAndTheFittersWriteNothingWithoutTheirEvents)
{
    EquipmentRepository catalogue(m_database, u"tester"_s, {});
    const int types = count(u"equipment_type"_s);
    refuseAudit();
    const Result<EquipmentType> added = catalogue.add(doorChain());
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().kind, Error::Kind::Database);
    EXPECT_EQ(added.error().message, u"Adding item DOOR_CHAIN_TS003: "_s + refused());
    EXPECT_EQ(count(u"equipment_type"_s), types);

    allowAudit();
    ASSERT_TRUE(catalogue.add(doorChain()));
    refuseAudit();
    EquipmentType dearer = doorChain();
    dearer.unitCostPence = 1200;
    const Result<EquipmentType> changed = catalogue.update(dearer);
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().kind, Error::Kind::Database);
    EXPECT_EQ(changed.error().message, u"Changing item DOOR_CHAIN_TS003: "_s + refused());
    EXPECT_EQ(catalogue.find(u"DOOR_CHAIN_TS003"_s)->unitCostPence, 900);
    const Status removed = catalogue.remove(u"DOOR_CHAIN_TS003"_s);
    ASSERT_FALSE(removed);
    EXPECT_EQ(removed.error().kind, Error::Kind::Database);
    EXPECT_EQ(removed.error().message, u"Deleting item DOOR_CHAIN_TS003: "_s + refused());
    EXPECT_TRUE(catalogue.find(u"DOOR_CHAIN_TS003"_s));

    FitterRepository fitters(m_database, u"tester"_s);
    const Result<Fitter> fitter = fitters.add(sam());
    ASSERT_FALSE(fitter);
    EXPECT_EQ(fitter.error().kind, Error::Kind::Database);
    EXPECT_EQ(fitter.error().message, u"Adding fitter Sam Cole: "_s + refused());
    EXPECT_EQ(count(u"fitter"_s), 0);
    allowAudit();
    const Result<Fitter> stored = fitters.add(sam());
    ASSERT_TRUE(stored) << qPrintable(stored.errorString());
    refuseAudit();
    Fitter renamed = *stored;
    renamed.name = u"Sam Coles"_s;
    const Result<Fitter> updated = fitters.update(renamed);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().message, u"Changing fitter Sam Coles: "_s + refused());
    EXPECT_EQ(fitters.find(stored->id)->name, u"Sam Cole"_s);
}

TEST_F(AuditFailureTest, HouseholdsBudgetsAndReturnsWriteNothingWithoutTheirEvents)
{
    refuseAudit();
    // The batch's own event; and first, the event of the area the batch makes.
    const Status inserted
        = m_repository->insert({household(u"2 Audit Row"_s, u"LE13 1AB"_s, u"Jo Hart"_s)});
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().kind, Error::Kind::Database);
    EXPECT_EQ(inserted.error().message, refused());
    const Status withArea = m_repository->insert(
        {household(u"2 Audit Row"_s, u"LE13 1AB"_s, u"Jo Hart"_s, u"Melton"_s)});
    ASSERT_FALSE(withArea);
    EXPECT_EQ(withArea.error().kind, Error::Kind::Database);
    EXPECT_EQ(withArea.error().message, u"areas: "_s + refused());
    EXPECT_EQ(count(u"household"_s), 0);
    EXPECT_EQ(count(u"area"_s), 0);

    allowAudit();
    ASSERT_TRUE(m_repository->saveArea({QUuid(), u"Melton"_s, 10, 0}));
    const QUuid melton = m_repository->areas()->constFirst().id;
    refuseAudit();
    const Status budget = BudgetRepository(m_database, u"tester"_s)
                              .set({melton, u"Melton"_s, 2026, 1000, 500, true});
    ASSERT_FALSE(budget);
    EXPECT_EQ(budget.error().kind, Error::Kind::Database);
    EXPECT_EQ(budget.error().message, u"Setting a budget: "_s + refused());
    EXPECT_EQ(count(u"area_budget"_s), 0);

    const Result<FrozenReturn> frozen
        = FrozenReturnRepository(m_database, u"tester"_s).freeze(u"2026-Q3"_s, "{}");
    ASSERT_FALSE(frozen);
    EXPECT_EQ(frozen.error().kind, Error::Kind::Database);
    EXPECT_EQ(frozen.error().message, u"Freezing the return: "_s + refused());
    EXPECT_EQ(count(u"frozen_return"_s), 0);
}

TEST_F(AuditFailureTest, TheScheduleWritesNothingWithoutItsEvents)
{
    addJob();
    JobRepository jobs(m_database, u"tester"_s);
    refuseAudit();
    const Status booked = jobs.bookJob(m_jobId, m_fitterId, nineOClock(), 60);
    ASSERT_FALSE(booked);
    EXPECT_EQ(booked.error().kind, Error::Kind::Database);
    EXPECT_EQ(booked.error().message, u"Booking a job: "_s + refused());
    EXPECT_EQ(jobStatus(m_jobId), u"unscheduled"_s);

    const Result<int> applied = jobs.applyBookings({nineOClockBooking()});
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().kind, Error::Kind::Database);
    EXPECT_EQ(applied.error().message, refused());
    EXPECT_EQ(jobStatus(m_jobId), u"unscheduled"_s);

    allowAudit();
    const Status bookedNow = jobs.bookJob(m_jobId, m_fitterId, nineOClock(), 60);
    ASSERT_TRUE(bookedNow) << qPrintable(bookedNow.errorString());
    refuseAudit();
    const Result<QUuid> revisit = jobs.noAccess(m_jobId, u"nobody in"_s);
    ASSERT_FALSE(revisit);
    EXPECT_EQ(revisit.error().kind, Error::Kind::Database);
    EXPECT_EQ(revisit.error().message, refused());
    EXPECT_EQ(jobStatus(m_jobId), u"scheduled"_s);
    EXPECT_EQ(count(u"job"_s), 1);
}

/// The audit event needs a lock another program holds: a temporary trigger copies each event
/// into a second file, which a LockHolder keeps locked (a rollback-journal file, so that the
/// attaching connection keeps no lock on it between statements).
TEST_F(AuditFailureTest, AnEventThatMeetsAnotherProgramsLockIsLocked)
{
    addJob();
    const QString elsewhere = attachElsewhere();
    // A trigger may not name the schema of the table it writes: copy_target is only there.
    run(u"CREATE TEMP TRIGGER copy_audit AFTER INSERT ON main.audit_event "
        "BEGIN INSERT INTO copy_target VALUES (new.entity); END"_s);
    const LockHolder other(elsewhere, u"audit-other-program"_s);
    ASSERT_TRUE(other.ok()) << other.error();

    const Result<EquipmentType> added
        = EquipmentRepository(m_database, u"tester"_s, {}).add(doorChain());
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().kind, Error::Kind::Locked) << qPrintable(added.error().message);
    EXPECT_EQ(added.error().message,
              u"Adding item DOOR_CHAIN_TS003: "_s + QDir::toNativeSeparators(m_path)
                  + u": cannot write the audit trail: database is locked"_s);
    EXPECT_FALSE(EquipmentRepository(m_database, u"tester"_s, {}).find(u"DOOR_CHAIN_TS003"_s));

    const Status booked
        = JobRepository(m_database, u"tester"_s).bookJob(m_jobId, m_fitterId, nineOClock(), 60);
    ASSERT_FALSE(booked);
    EXPECT_EQ(booked.error().kind, Error::Kind::Locked) << qPrintable(booked.error().message);
    EXPECT_EQ(booked.error().message,
              u"Booking a job: "_s + QDir::toNativeSeparators(m_path)
                  + u": cannot write the audit trail: database is locked"_s);
    EXPECT_EQ(jobStatus(m_jobId), u"unscheduled"_s);
}

/// The fitter's or the job's own row needs a lock another program holds (a trigger copies it
/// into the locked file): Error::Locked naming the file, not a database error with Qt's words.
TEST_F(AuditFailureTest, AFitterOrJobWriteThatMeetsAnotherProgramsLockIsLocked)
{
    addJob();
    const QString elsewhere = attachElsewhere();
    // A trigger may not name the schema of the table it writes: copy_target is only there.
    run(u"CREATE TEMP TRIGGER copy_fitter AFTER INSERT ON main.fitter "
        "BEGIN INSERT INTO copy_target VALUES ('fitter'); END"_s);
    run(u"CREATE TEMP TRIGGER copy_job AFTER UPDATE ON main.job "
        "BEGIN INSERT INTO copy_target VALUES ('job'); END"_s);
    const LockHolder other(elsewhere, u"write-other-program"_s);
    ASSERT_TRUE(other.ok()) << other.error();

    FitterRepository fitters(m_database, u"tester"_s);
    const Result<Fitter> fitter = fitters.add(sam());
    ASSERT_FALSE(fitter);
    EXPECT_EQ(fitter.error().kind, Error::Kind::Locked) << qPrintable(fitter.error().message);
    EXPECT_EQ(fitter.error().message, locked(u"Adding fitter Sam Cole"_s, u"fitters"_s));
    EXPECT_EQ(count(u"fitter"_s), 1); // addJob()'s

    JobRepository jobs(m_database, u"tester"_s);
    const Status booked = jobs.bookJob(m_jobId, m_fitterId, nineOClock(), 60);
    ASSERT_FALSE(booked);
    EXPECT_EQ(booked.error().kind, Error::Kind::Locked) << qPrintable(booked.error().message);
    EXPECT_EQ(booked.error().message, locked(u"Booking a job"_s, u"the job"_s));
    EXPECT_EQ(jobStatus(m_jobId), u"unscheduled"_s);

    const Result<int> applied = jobs.applyBookings({nineOClockBooking()});
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().kind, Error::Kind::Locked) << qPrintable(applied.error().message);
    EXPECT_EQ(applied.error().message,
              QDir::toNativeSeparators(m_path) + u": cannot write jobs: database is locked"_s);
    EXPECT_EQ(jobStatus(m_jobId), u"unscheduled"_s);
}

} // namespace
