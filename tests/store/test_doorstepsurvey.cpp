// The doorstep survey (DESIGN §6): consent first, one draft a household, answers saved at once
// and audited, completing, definition versions and agreeing the package.

#include "doorstepfixture.h"

#include "store/auditlog.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlQuery>

using namespace saferhomes;
using saferhomes::test::Doorstep;
using saferhomes::test::DoorstepFixture;
using saferhomes::test::must;
using saferhomes::test::text;

using DoorstepSurveyTest = DoorstepFixture;

TEST_F(DoorstepSurveyTest, ASurveyNeedsConsent)
{
    const QUuid id = addHousehold(text("1 Church Street"), HouseholdStatus::Contacted);
    auto result = surveys().startOrResume(id, text("1"));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.field, text("consent"));
    EXPECT_EQ(count(QStringLiteral("survey")), 0);

    giveSurveyConsent(id);
    result = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    ASSERT_TRUE(consents().withdraw(id, ConsentPurpose::SurveyFitting).ok());
    EXPECT_FALSE(surveys()
                     .saveAnswer(result.survey.id, text("front_door.viewer"),
                                 QJsonValue(text("no")), text("front_door"))
                     .ok());
    EXPECT_FALSE(surveys().complete(result.survey.id, text("1")).ok());
}

TEST_F(DoorstepSurveyTest, OneOpenDraftPerHousehold)
{
    const QUuid id = addHousehold(text("3 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const auto first = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(first.ok()) << qPrintable(first.errorString());
    EXPECT_TRUE(first.survey.isDraft());
    EXPECT_EQ(first.survey.definitionVersion, text("1"));
    EXPECT_EQ(first.survey.by, text("tester"));
    const auto again = surveys().startOrResume(id, text("2"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.survey.id, first.survey.id);
    EXPECT_EQ(again.survey.definitionVersion, text("1")); // a resumed draft keeps its version
    EXPECT_EQ(count(QStringLiteral("survey")), 1);
    EXPECT_EQ(AuditLog::history(m_database.connectionName(), QStringLiteral("survey"),
                                idText(first.survey.id))
                  .size(),
              1);
}

TEST_F(DoorstepSurveyTest, AnswersAreSavedAtOnceAndSurviveReopening)
{
    const QUuid id = addHousehold(text("5 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid visit = visits().recordVisit(id, VisitOutcome::Accepted).visit.id;
    const QUuid surveyId = surveys().startOrResume(id, text("1"), visit).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("front_door.material"), QJsonValue(text("timber")),
                                text("front_door"))
                    .ok());
    ASSERT_TRUE(
        surveys()
            .saveAnswer(surveyId, text("windows.unlocked_count"), QJsonValue(3), text("windows"))
            .ok());
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("notes.extra"), QJsonArray {text("a"), text("b")},
                                text("windows"))
                    .ok());
    ASSERT_TRUE(surveys().savePosition(surveyId, text("lighting")).ok());

    m_doorstep.reset();
    m_repository.reset();
    m_database.close();
    Database reopened(QStringLiteral("doorstep-reopened"));
    const auto opened = reopened.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    Doorstep again(reopened);
    const std::optional<SurveyRecord> draft = must(again.surveys.resumeDraft(id));
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->id, surveyId);
    EXPECT_EQ(draft->visitId, visit);
    EXPECT_EQ(draft->position, text("lighting"));
    EXPECT_EQ(draft->answers.value(text("front_door.material")).toString(), text("timber"));
    EXPECT_EQ(draft->answers.value(text("windows.unlocked_count")).toInt(), 3);
    EXPECT_EQ(draft->answers.value(text("notes.extra")).toArray().size(), 2);
    EXPECT_EQ(draft->answers.size(), 3);
}

TEST_F(DoorstepSurveyTest, EachAnswerIsAuditedAndCanBeCleared)
{
    const QUuid id = addHousehold(text("7 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    const QString lock = text("front_door.lock");
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(text("none")), text("a")).ok());
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(text("none")), text("b")).ok());
    ASSERT_TRUE(
        surveys().saveAnswer(surveyId, lock, QJsonValue(text("multipoint")), text("b")).ok());
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(), text("b")).ok());
    EXPECT_FALSE(surveys().saveAnswer(surveyId, text("not an id"), QJsonValue(1), {}).ok());
    EXPECT_FALSE(must(surveys().resumeDraft(id))->answers.contains(lock));

    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    ASSERT_EQ(events.size(), 4); // created, none, multipoint, cleared (the repeat is no change)
    EXPECT_EQ(events[1].field, text("answers.front_door.lock"));
    EXPECT_TRUE(events[1].oldValue.isNull());
    EXPECT_EQ(events[1].newValue.toString(), text("\"none\""));
    EXPECT_EQ(events[2].oldValue.toString(), text("\"none\""));
    EXPECT_EQ(events[2].newValue.toString(), text("\"multipoint\""));
    EXPECT_TRUE(events[3].newValue.isNull());
}

TEST_F(DoorstepSurveyTest, AFailedWriteNamesTheFileAndTableAndSavesNothing)
{
    const QUuid id = addHousehold(text("8 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    const QString lock = text("front_door.lock");

    // Another program holds the write lock: the visit is refused as locked, not as damage.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                       QStringLiteral("doorstep-other"));
        other.setDatabaseName(m_path);
        ASSERT_TRUE(other.open());
        ASSERT_TRUE(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
        Visit visit;
        visit.householdId = id;
        visit.outcome = VisitOutcome::NoAnswer;
        const Result<Visit> saved = m_doorstep->visitStore.insert(visit, {});
        ASSERT_FALSE(saved.ok());
        EXPECT_EQ(saved.error().kind, Error::Kind::Locked) << qPrintable(saved.errorString());
        EXPECT_TRUE(saved.errorString().contains(QDir::toNativeSeparators(m_path)))
            << qPrintable(saved.errorString());
        ASSERT_TRUE(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("doorstep-other"));
    EXPECT_EQ(count(text("visit")), 0);

    // The audit trail is gone: the answer is not saved without it, and the message says so.
    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("DROP TABLE audit_event")));
    const Status saved
        = m_doorstep->surveyStore.saveAnswer(surveyId, lock, QJsonValue(text("none")), text("a"));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().kind, Error::Kind::Database);
    EXPECT_TRUE(saved.errorString().contains(QDir::toNativeSeparators(m_path)))
        << qPrintable(saved.errorString());
    EXPECT_TRUE(saved.errorString().contains(text("no such table: audit_event")))
        << qPrintable(saved.errorString());
    EXPECT_FALSE(must(surveys().resumeDraft(id))->answers.contains(lock));

    // Nothing to save into: a survey that is no open draft is not found.
    const Status missing
        = m_doorstep->surveyStore.savePosition(QUuid::createUuid(), text("lighting"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
}

TEST_F(DoorstepSurveyTest, CompletingMovesTheHouseholdToSurveyed)
{
    const QUuid id = addHousehold(text("9 Church Street"));
    giveSurveyConsent(id);
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::Accepted).ok());
    ASSERT_EQ(status(id), HouseholdStatus::Contacted);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("front_door.viewer"), QJsonValue(text("no")),
                                text("front_door"))
                    .ok());
    const auto result = surveys().complete(surveyId, text("1"));
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_FALSE(result.survey.isDraft());
    EXPECT_EQ(result.survey.definitionVersion, text("1"));
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);
    EXPECT_FALSE(must(surveys().resumeDraft(id)));
    EXPECT_FALSE(surveys()
                     .saveAnswer(surveyId, text("front_door.viewer"), QJsonValue(text("yes")), {})
                     .ok());
    EXPECT_FALSE(surveys().complete(surveyId, text("1")).ok());
    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    EXPECT_EQ(events.constLast().field, text("completed_at"));
}

TEST_F(DoorstepSurveyTest, ASurveyOfAnIdentifiedHouseholdMakesContactFirst)
{
    const QUuid id = addHousehold(text("11 Church Street"));
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys().complete(surveyId, text("1")).ok());
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);
    const QList<AuditEvent> events
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"), idText(id));
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[1].newValue.toString(), text("contacted"));
    EXPECT_EQ(events[2].newValue.toString(), text("surveyed"));
}

TEST_F(DoorstepSurveyTest, SurveysKeepTheirDefinitionVersion)
{
    const QUuid id = addHousehold(text("13 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid first = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys().complete(first, text("1")).ok());
    const auto second = surveys().startOrResume(id, text("2"));
    ASSERT_TRUE(second.ok());
    EXPECT_NE(second.survey.id, first);
    ASSERT_TRUE(surveys().complete(second.survey.id, text("2")).ok());
    EXPECT_EQ(must(surveys().survey(first)).definitionVersion, text("1"));
    EXPECT_EQ(must(surveys().survey(second.survey.id)).definitionVersion, text("2"));
    EXPECT_EQ(must(surveys().surveys(id)).size(), 2);
}

TEST_F(DoorstepSurveyTest, TheLatestCompletedSurveyIsTheNewestCompletedOneNeverADraft)
{
    const QUuid id = addHousehold(text("15 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    EXPECT_FALSE(must(surveys().latestCompleted(id)).has_value());
    const QUuid first = surveys().startOrResume(id, text("1")).survey.id;
    EXPECT_FALSE(must(surveys().latestCompleted(id)).has_value()) << "a draft is not completed";
    ASSERT_TRUE(surveys().complete(first, text("1")).ok());
    EXPECT_EQ(must(surveys().latestCompleted(id))->definitionVersion, text("1"));
    const QUuid second = surveys().startOrResume(id, text("2")).survey.id;
    ASSERT_TRUE(surveys().complete(second, text("2")).ok());
    const QUuid draft = surveys().startOrResume(id, text("3")).survey.id;
    ASSERT_FALSE(draft.isNull());
    const std::optional<SurveyRecord> latest = must(surveys().latestCompleted(id));
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->definitionVersion, text("2"));
    EXPECT_FALSE(latest->isDraft());
    EXPECT_EQ(must(surveys().surveys(id)).size(), 3);
}

TEST_F(DoorstepSurveyTest, CompletingIsRefusedWhenTheFunnelSaysNo)
{
    const QUuid id = addHousehold(text("15 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::MovedAway).ok());
    const int audits = count(QStringLiteral("audit_event"));
    const auto result = surveys().complete(surveyId, text("1"));
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(must(surveys().survey(surveyId)).isDraft());
    EXPECT_EQ(status(id), HouseholdStatus::MovedAway);
    EXPECT_EQ(count(QStringLiteral("audit_event")), audits);
}

TEST_F(DoorstepSurveyTest, AgreeingThePackageMovesTheHouseholdToAccepted)
{
    for (const char *code : {"DOOR_VIEWER", "PIR_LIGHT", "WINDOW_LOCK", "INTRUDER_ALARM"})
        addEquipment(text(code));
    const QUuid id = addHousehold(text("17 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    const QList<PackageItem> items {
        {text("DOOR_VIEWER"), 1, text("front_door.viewer = no"), true},
        {text("WINDOW_LOCK"), 3, text("3 unlocked windows"), true},
        {text("INTRUDER_ALARM"), 1, text("no alarm"), false},
    };
    auto result = surveys().agreePackage(surveyId, items);
    EXPECT_FALSE(result.ok()); // still a draft
    ASSERT_TRUE(surveys().complete(surveyId, text("1")).ok());

    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("NO_SUCH_THING"), 1, {}, true}}).ok());
    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("PIR_LIGHT"), 0, {}, true}}).ok());
    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("PIR_LIGHT"), 1, {}, false}}).ok());
    EXPECT_EQ(count(QStringLiteral("recommendation")), 0);
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);

    result = surveys().agreePackage(surveyId, items);
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_EQ(status(id), HouseholdStatus::Accepted);
    EXPECT_EQ(must(surveys().package(surveyId)), items);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM recommendation WHERE survey_id = ? "
                                    "AND agreed = 1"),
                     {idText(surveyId)})
                  .toInt(),
              2);

    // A new agreement replaces the old one; the household stays accepted.
    const QList<PackageItem> changed {{text("PIR_LIGHT"), 2, text("dark drive"), true}};
    ASSERT_TRUE(surveys().agreePackage(surveyId, changed).ok());
    EXPECT_EQ(must(surveys().package(surveyId)), changed);
    EXPECT_EQ(count(QStringLiteral("recommendation")), 1);
    EXPECT_EQ(status(id), HouseholdStatus::Accepted);

    QList<AuditEvent> package;
    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    for (const AuditEvent &event : events) {
        if (event.field == text("package"))
            package.append(event);
    }
    ASSERT_EQ(package.size(), 2);
    EXPECT_TRUE(package[0].oldValue.isNull());
    EXPECT_TRUE(package[1].oldValue.toString().contains(text("WINDOW_LOCK")));
    EXPECT_TRUE(package[1].newValue.toString().contains(text("PIR_LIGHT")));
    const QList<AuditEvent> household
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"), idText(id));
    EXPECT_EQ(household.constLast().newValue.toString(), text("accepted"));
}
