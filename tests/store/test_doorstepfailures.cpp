// Crash safety of the doorstep store: reads of a damaged database fail and say why, and every
// answer saved before the saving process is killed survives.

#include "doorstepfixture.h"

#include "../lockholder.h"
#include "store/auditlog.h"

#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace saferhomes;
using saferhomes::test::Doorstep;
using saferhomes::test::DoorstepFixture;
using saferhomes::test::LockHolder;
using saferhomes::test::must;
using saferhomes::test::text;

/// Reads of a damaged database fail with the kind and a message that names the file and
/// what could not be read; none of them answers "nothing" instead. (Another program's lock
/// cannot reach these reads: DoorstepLockTest. Writes under a lock are tested with them.)
class DoorstepDamagedTest : public DoorstepFixture {
protected:
    void drop(const QString &table)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE ") + table))
            << qPrintable(query.lastError().text());
    }

    /// Expects \a error to be of \a kind, naming the database file, \a what and \a why.
    void expectFailure(const Error &error, Error::Kind kind, const QString &what,
                       const QString &why) const
    {
        EXPECT_EQ(error.kind, kind) << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(QDir::toNativeSeparators(m_path)))
            << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(what)) << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(why)) << qPrintable(error.message);
    }
};

TEST_F(DoorstepDamagedTest, TheRoundAndTheTimelineFailWhenTheirTableIsGone)
{
    const QUuid id = addHousehold(text("1 Sandy Lane"));
    const QUuid melton = areaId(text("Melton Town Centre"));
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::NoAnswer).ok());
    ASSERT_EQ(must(visits().myRound(melton)).size(), 1);
    ASSERT_EQ(must(visits().timeline(id)).size(), 1);

    // The visits table is gone (with foreign keys off: other tables point at it).
    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("visit"));
    const auto round = visits().myRound(melton);
    ASSERT_FALSE(round.ok());
    expectFailure(round.error(), Error::Kind::Database, text("cannot read the round"),
                  text("no such table: visit"));
    const auto timeline = visits().timeline(id);
    ASSERT_FALSE(timeline.ok());
    expectFailure(timeline.error(), Error::Kind::Database,
                  text("cannot read the household\u2019s visits"), text("no such table: visit"));
}

TEST_F(DoorstepDamagedTest, TheDraftAndThePackageFailWhenTheirTableIsGone)
{
    const QUuid id = addHousehold(text("2 Sandy Lane"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const SurveyService::Result started = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(started.ok()) << qPrintable(started.errorString());
    ASSERT_TRUE(must(surveys().resumeDraft(id)).has_value());
    ASSERT_TRUE(must(surveys().package(started.survey.id)).isEmpty());

    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("recommendation"));
    const auto package = surveys().package(started.survey.id);
    ASSERT_FALSE(package.ok());
    expectFailure(package.error(), Error::Kind::Database, text("cannot read the package"),
                  text("no such table: recommendation"));

    drop(text("survey"));
    const auto draft = surveys().resumeDraft(id);
    ASSERT_FALSE(draft.ok());
    expectFailure(draft.error(), Error::Kind::Database, text("cannot read the survey draft"),
                  text("no such table: survey"));
    const auto latest = surveys().latestCompleted(id);
    ASSERT_FALSE(latest.ok());
    expectFailure(latest.error(), Error::Kind::Database,
                  text("cannot read the household\u2019s surveys"), text("no such table: survey"));
    // Starting the survey is not refused as if there were something wrong with the request.
    const SurveyService::Result again = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(again.ok());
    expectFailure(again.status.error(), Error::Kind::Database, text("The survey was not started"),
                  text("no such table: survey"));
    EXPECT_TRUE(again.field.isEmpty());
}

TEST_F(DoorstepDamagedTest, ConsentThatCannotBeReadIsAFailureNotARefusal)
{
    QUuid residentId;
    const QUuid id = addHousehold(text("3 Sandy Lane"), HouseholdStatus::Contacted,
                                  text("Melton Town Centre"), text("Ann Smith"), &residentId);
    giveSurveyConsent(id);
    ASSERT_TRUE(must(consents().hasConsent(id, ConsentPurpose::SurveyFitting)));

    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("consent"));
    const auto has = consents().hasConsent(id, ConsentPurpose::SurveyFitting);
    ASSERT_FALSE(has.ok());
    expectFailure(has.error(), Error::Kind::Database, text("cannot read the consent"),
                  text("no such table: consent"));
    // Neither "no consent" to the survey nor to photos: the database error, with no field.
    const SurveyService::Result started = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(started.ok());
    expectFailure(started.status.error(), Error::Kind::Database, text("cannot read the consent"),
                  text("no such table: consent"));
    EXPECT_TRUE(started.field.isEmpty());
    const ConsentService::Result photo
        = consents().addPhoto(id, QByteArray("jpeg"), text("image/jpeg"));
    ASSERT_FALSE(photo.ok());
    EXPECT_EQ(photo.status.error().kind, Error::Kind::Database) << qPrintable(photo.errorString());
    EXPECT_TRUE(photo.field.isEmpty());

    drop(text("resident"));
    const Result<bool> resident = m_doorstep->consentStore.isResidentOf(residentId, id);
    ASSERT_FALSE(resident.ok());
    expectFailure(resident.error(), Error::Kind::Database, text("cannot read the residents"),
                  text("no such table: resident"));
}

TEST_F(DoorstepDamagedTest, ARefusalIsInvalidAndAMissingThingIsNotFoundNeitherIsADatabaseError)
{
    const QUuid id = addHousehold(text("4 Sandy Lane"));
    const VisitService::Result declined = visits().recordVisit(id, VisitOutcome::Declined);
    ASSERT_FALSE(declined.ok());
    EXPECT_EQ(declined.status.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(declined.errorString(), text("Say why the household declined."));
    EXPECT_EQ(declined.field, text("reason"));

    const VisitService::Result nowhere
        = visits().recordVisit(QUuid::createUuid(), VisitOutcome::NoAnswer);
    ASSERT_FALSE(nowhere.ok());
    EXPECT_EQ(nowhere.status.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(nowhere.errorString(), text("There is no such household."));

    const auto survey = surveys().survey(QUuid::createUuid());
    ASSERT_FALSE(survey.ok());
    EXPECT_EQ(survey.error().kind, Error::Kind::NotFound);
    const auto photo = consents().attachment(QUuid::createUuid());
    ASSERT_FALSE(photo.ok());
    EXPECT_EQ(photo.error().kind, Error::Kind::NotFound);
    const SurveyService::Result noConsent = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(noConsent.ok());
    EXPECT_EQ(noConsent.status.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(noConsent.field, text("consent"));
}

/// Why the doorstep's reads never meet another program's lock. A write lock (BEGIN IMMEDIATE
/// or EXCLUSIVE) does not stop readers of a WAL database. The lock that would, exclusive
/// locking mode (LockHolder), needs the file to itself, and an open WAL connection keeps a
/// shared lock on the file from its first read until it closes: Database::open() reads the
/// schema version, so while the doorstep has the file open the other program cannot take
/// the lock, and once the other program has it the doorstep cannot open the file (Locked,
/// naming it), so no read is ever tried under it.
using DoorstepLockTest = DoorstepFixture;

TEST_F(DoorstepLockTest, AnotherProgramCannotLockTheFileTheDoorstepHasOpen)
{
    const QUuid id = addHousehold(text("5 Sandy Lane"), HouseholdStatus::Contacted);
    const QUuid melton = areaId(text("Melton Town Centre"));
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::NoAnswer).ok());
    giveSurveyConsent(id);
    ASSERT_TRUE(surveys().startOrResume(id, text("1")).ok());

    {
        const LockHolder other(m_path, text("doorstep-other-program"));
        EXPECT_FALSE(other.ok());
        EXPECT_NE(other.error().find("database is locked"), std::string::npos) << other.error();
        EXPECT_EQ(must(visits().myRound(melton)).size(), 1);
        EXPECT_EQ(must(visits().timeline(id)).size(), 1);
        EXPECT_TRUE(must(surveys().resumeDraft(id)).has_value());
    }

    // Closed, the file is the other program's to lock, and then the doorstep cannot open it.
    m_doorstep.reset();
    m_repository.reset();
    m_database.close();
    const LockHolder other(m_path, text("doorstep-other-program"));
    ASSERT_TRUE(other.ok()) << other.error();
    const Status reopened = m_database.open(m_path);
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().kind, Error::Kind::Locked) << qPrintable(reopened.errorString());
    EXPECT_TRUE(reopened.errorString().contains(QDir::toNativeSeparators(m_path)))
        << qPrintable(reopened.errorString());
}

using DoorstepCrashTest = DoorstepFixture;

TEST_F(DoorstepCrashTest, EveryAnswerSavedBeforeAKillSurvives)
{
    const QUuid id = addHousehold(text("19 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    m_doorstep.reset();
    m_repository.reset();
    m_database.close();

    // Three children in turn, each killed at a different moment of its saving; each goes on
    // from the last answer acknowledged before.
    QList<int> saved;
    for (const int delayMs : {0, 3, 11}) {
        const int first = saved.isEmpty() ? 0 : saved.constLast() + 1;
        QProcess child;
        child.start(QStringLiteral(SAFERHOMES_AUTOSAVE_CHILD),
                    {m_path, idText(surveyId), QString::number(first)});
        ASSERT_TRUE(child.waitForStarted(10000)) << qPrintable(child.errorString());
        const auto readLines = [&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("saved "))
                    saved.append(line.mid(6).toInt());
            }
        };
        while (saved.size() < first + 30 && child.state() == QProcess::Running) {
            child.waitForReadyRead(10000);
            readLines();
        }
        ASSERT_GE(saved.size(), first + 30) << child.readAllStandardError().constData();
        QThread::msleep(delayMs);
        child.kill(); // SIGKILL: no chance to finish a transaction or close the database
        ASSERT_TRUE(child.waitForFinished(10000));
        EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
        readLines(); // whatever was printed (so acknowledged) before the kill counts too
    }
    for (int i = 0; i < saved.size(); ++i)
        ASSERT_EQ(saved[i], i);

    Database reopened(QStringLiteral("doorstep-after-kill"));
    const auto opened = reopened.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    {
        QSqlQuery check(reopened.connection());
        ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        EXPECT_EQ(check.value(0).toString(), text("ok"));
    }
    Doorstep again(reopened);
    const std::optional<SurveyRecord> draft = must(again.surveys.resumeDraft(id));
    ASSERT_TRUE(draft);
    const int last = saved.constLast();
    for (const int i : std::as_const(saved)) {
        EXPECT_EQ(draft->answers.value(QStringLiteral("q.%1").arg(i)).toInt(-1), i)
            << "answer " << i << " was acknowledged but is lost";
    }
    // At most one more save may have committed before its "saved" line was printed.
    EXPECT_GE(draft->answers.size(), saved.size());
    EXPECT_LE(draft->answers.size(), saved.size() + 1);
    EXPECT_TRUE(draft->position == QStringLiteral("section-%1").arg(last)
                || draft->position == QStringLiteral("section-%1").arg(last + 1))
        << qPrintable(draft->position);
    // Each saved answer has its audit event, committed with it.
    EXPECT_EQ(
        AuditLog::history(reopened.connectionName(), QStringLiteral("survey"), idText(surveyId))
                .size()
            - 1,
        draft->answers.size());
}
