// The stories the demo register tells: surveys and their packages, the audit trail, signatures,
// fitters' weeks with the coming week's rule breaks, and survey answers saved together.

#include "demodatatest.h"
#include "domain/householdfield.h"
#include "domain/householdstatus.h"
#include "domain/job.h"
#include "domain/visit.h"
#include "service/scheduleservice.h"
#include "store/demotransfer.h"
#include "store/fitterrepository.h"
#include "store/householdrepository.h"
#include "store/jobrepository.h"
#include "store/preparedcache.h"
#include "store/surveyrepository.h"
#include "survey/recommendationengine.h"
#include "survey/surveydefinition.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtEndian>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

using namespace saferhomes;
using namespace saferhomes::test;

TEST_F(DemoDataTest, SurveysValidateAndPackagesAreTheEnginesRecommendation)
{
    const Database &db = filled(QStringLiteral("surveys"), 300, 11);
    const RecommendationEngine engine = RecommendationEngine::builtIn();
    ASSERT_TRUE(engine.isValid()) << qPrintable(engine.status().errorString());
    const SurveyDefinition &definition = engine.definition();
    const QList<QStringList> surveys = rows(
        db,
        QStringLiteral("SELECT s.id, s.answers, s.definition_version, h.status FROM survey s "
                       "JOIN household h ON h.id = s.household_id ORDER BY h.rid"));
    ASSERT_GT(surveys.size(), 100);
    int packages = 0;
    for (const QStringList &survey : surveys) {
        const QJsonObject answers = QJsonDocument::fromJson(survey[1].toUtf8()).object();
        EXPECT_EQ(survey[2], definition.version());
        for (const SurveyIssue &issue : definition.validate(answers))
            ADD_FAILURE() << qPrintable(issue.questionId) << ": " << qPrintable(issue.message);
        EXPECT_TRUE(definition.progress(answers).isComplete());
        // Hidden questions are left unanswered, as the form leaves them.
        EXPECT_EQ(definition.effectiveAnswers(answers).size(), answers.size());

        const auto status = HouseholdStatusRules::fromName(survey[3]);
        ASSERT_TRUE(status);
        const QList<QStringList> package
            = rows(db,
                   QStringLiteral("SELECT equipment_code, qty, reason, agreed FROM recommendation "
                                  "WHERE survey_id = ? ORDER BY rowid"),
                   {survey[0]});
        if (!HouseholdStatusRules::isAcceptedOrBeyond(*status)) {
            EXPECT_TRUE(package.isEmpty()) << qPrintable(survey[3]);
            continue;
        }
        ++packages;
        const QList<Recommendation> expected = engine.recommend(answers);
        ASSERT_EQ(package.size(), expected.size()) << qPrintable(survey[1]);
        bool agreed = false;
        for (int i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(package[i][0], expected[i].code);
            EXPECT_EQ(package[i][1].toInt(), expected[i].qty);
            EXPECT_EQ(package[i][2], expected[i].reason);
            agreed = agreed || package[i][3] == u"1";
        }
        EXPECT_TRUE(agreed) << "nothing agreed for survey " << qPrintable(survey[0]);
    }
    EXPECT_EQ(packages,
              number(db,
                     QStringLiteral("SELECT count(*) FROM household WHERE status IN "
                                    "('accepted', 'scheduled', 'installed', 'followed_up')")));
    // Every package code is in the catalogue (the foreign key says so too).
    EXPECT_EQ(number(db,
                     QStringLiteral("SELECT count(*) FROM recommendation r WHERE NOT EXISTS "
                                    "(SELECT 1 FROM equipment_type e "
                                    "WHERE e.code = r.equipment_code)")),
              0);
}

TEST_F(DemoDataTest, TheAuditTrailCoversTheStories)
{
    const Database &db = filled(QStringLiteral("audit"), 300, 12);
    const auto missing = [&](const char *what, const char *sql) {
        EXPECT_EQ(number(db, QString::fromLatin1(sql)), 0) << what;
    };
    missing("a visit without its audit event",
            "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
            "WHERE a.entity = 'visit' AND a.entity_id = v.id AND a.field = 'created' "
            "AND a.user_name = v.by_user)");
    missing("a consent without its audit event",
            "SELECT count(*) FROM consent c WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
            "WHERE a.entity = 'consent' AND a.entity_id = c.id AND a.field = 'created' "
            "AND a.user_name = c.recorded_by)");
    missing("a withdrawal without its audit event",
            "SELECT count(*) FROM consent c WHERE c.withdrawn_at IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM audit_event a WHERE a.entity = 'consent' AND a.entity_id = c.id "
            "AND a.field = 'withdrawn_at')");
    missing("a signature without its audit event",
            "SELECT count(*) FROM attachment t WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
            "WHERE a.entity = 'attachment' AND a.entity_id = t.id)");
    missing("a survey without its created and completed events",
            "SELECT count(*) FROM survey s WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
            "WHERE a.entity = 'survey' AND a.entity_id = s.id AND a.field = 'created') "
            "OR NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.entity = 'survey' "
            "AND a.entity_id = s.id AND a.field = 'completed_at')");
    missing("a survey whose answers were not saved one by one",
            "SELECT count(*) FROM survey s WHERE (SELECT count(*) FROM json_each(s.answers)) "
            "!= (SELECT count(*) FROM audit_event a WHERE a.entity = 'survey' "
            "AND a.entity_id = s.id AND a.field LIKE 'answers.%')");
    missing("a package without its audit event",
            "SELECT count(*) FROM survey s WHERE EXISTS (SELECT 1 FROM recommendation r "
            "WHERE r.survey_id = s.id) AND NOT EXISTS (SELECT 1 FROM audit_event a "
            "WHERE a.entity = 'survey' AND a.entity_id = s.id AND a.field = 'package')");
    // Each household walked the funnel one audited step at a time to where it stands.
    missing("a status reached without its audited steps",
            "SELECT count(*) FROM household h WHERE h.status != coalesce((SELECT a.new_value "
            "FROM audit_event a WHERE a.entity = 'household' AND a.entity_id = h.id "
            "AND a.field = 'status' ORDER BY a.seq DESC LIMIT 1), 'identified')");
    missing("a status step that does not follow the one before",
            "SELECT count(*) FROM audit_event a WHERE a.entity = 'household' "
            "AND a.field = 'status' AND a.old_value IS NOT coalesce((SELECT b.new_value "
            "FROM audit_event b WHERE b.entity = 'household' AND b.entity_id = a.entity_id "
            "AND b.field = 'status' AND b.seq < a.seq ORDER BY b.seq DESC LIMIT 1), "
            "'identified')");
    EXPECT_EQ(number(db,
                     QStringLiteral("SELECT count(*) FROM household h WHERE status = "
                                    "'followed_up' AND (SELECT count(*) FROM audit_event a "
                                    "WHERE a.entity = 'household' AND a.entity_id = h.id "
                                    "AND a.field = 'status') != 6")),
              0)
        << "followed_up is six steps from identified";
    missing("a job status change without its audit event",
            "SELECT count(*) FROM job j WHERE j.status = 'completed' AND NOT EXISTS "
            "(SELECT 1 FROM audit_event a WHERE a.entity = 'job' AND a.entity_id = j.id "
            "AND a.field = 'status' AND a.new_value = 'completed')");
}

TEST_F(DemoDataTest, SignaturesArePngImages)
{
    const Database &db = filled(QStringLiteral("signatures"), 300, 13);
    QSqlQuery query(db.connection());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "SELECT bytes, mime_type, sha256 FROM attachment WHERE kind = 'signature'")));
    QSet<QString> hashes;
    int count = 0;
    while (query.next()) {
        ++count;
        const QByteArray png = query.value(0).toByteArray();
        EXPECT_EQ(query.value(1).toString(), QStringLiteral("image/png"));
        EXPECT_EQ(Attachment::sha256Hex(png), query.value(2).toString());
        hashes.insert(query.value(2).toString());
        ASSERT_TRUE(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
        // Chunks: IHDR (200 × 60, 1 bit, grey), IDAT (zlib), IEND.
        qsizetype at = 8;
        QByteArray header;
        QByteArray image;
        QList<QByteArray> types;
        while (at + 12 <= png.size()) {
            const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
            const QByteArray type = png.mid(at + 4, 4);
            types.append(type);
            if (type == "IHDR")
                header = png.mid(at + 8, length);
            if (type == "IDAT")
                image += png.mid(at + 8, length);
            at += 12 + length;
        }
        EXPECT_EQ(at, png.size());
        EXPECT_EQ(types, (QList<QByteArray> {"IHDR", "IDAT", "IEND"}));
        ASSERT_EQ(header.size(), 13);
        EXPECT_EQ(qFromBigEndian<quint32>(header.constData()), 200u);
        EXPECT_EQ(qFromBigEndian<quint32>(header.constData() + 4), 60u);
        EXPECT_EQ(header.mid(8), QByteArray("\x01\x00\x00\x00\x00", 5));
        // qUncompress wants the expected size in front of the zlib stream.
        QByteArray sized(4, '\0');
        qToBigEndian<quint32>(60 * (1 + 25), sized.data());
        const QByteArray pixels = qUncompress(sized + image);
        ASSERT_EQ(pixels.size(), 60 * (1 + 25));
        int ink = 0;
        for (qsizetype i = 0; i < pixels.size(); ++i) {
            if (i % 26 == 0)
                EXPECT_EQ(pixels[i], '\0') << "filter type of row " << i / 26;
            else
                ink += 8 - qPopulationCount(quint8(pixels[i]));
        }
        EXPECT_GT(ink, 200) << "a signature is a pen stroke";
    }
    EXPECT_GT(count, 50);
    EXPECT_EQ(hashes.size(), count) << "every signature is different";
}

// Issue 12 item 8: fitters with weeks of their own, the coordinator's tray, and a coming week
// with a double booking and a householder's window missed for the board to show.
TEST_F(DemoDataTest, FittersWeeksTheTrayAndTheComingWeeksRuleBreaks)
{
    const Database &db = filled(QStringLiteral("schedule"), 300, 5);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM fitter WHERE van = ''")), 0);
    EXPECT_EQ(rows(db,
                   QStringLiteral("SELECT name, weekly_shifts, absences FROM fitter "
                                  "WHERE weekly_shifts <> '{}' OR absences <> '[]' "
                                  "ORDER BY rowid"))
                  .size(),
              5);
    EXPECT_EQ(rows(db,
                   QStringLiteral("SELECT weekly_shifts FROM fitter WHERE name = "
                                  "'Mo Rahman'")),
              (QList<QStringList> {{QStringLiteral(R"({"1":null,"6":["09:00","13:00"]})")}}));
    EXPECT_GT(number(db, QStringLiteral("SELECT count(*) FROM job WHERE status = 'unscheduled'")),
              0);
    EXPECT_GT(number(db, QStringLiteral("SELECT count(*) FROM job WHERE status = 'no_access'")), 0);
    EXPECT_GT(number(db, QStringLiteral("SELECT count(*) FROM job WHERE status = 'completed'")), 0);
    EXPECT_GT(number(db, QStringLiteral("SELECT count(*) FROM job WHERE access_notes <> ''")), 0);

    // Booked in the coming week outside the householder's window: exactly one, read with the
    // availability's own rules (a visit starts inside a window).
    const QTimeZone london("Europe/London");
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(london).date();
    const QDate monday = today.addDays(8 - today.dayOfWeek());
    int missed = 0;
    int booked = 0;
    for (const QStringList &row :
         rows(db,
              QStringLiteral("SELECT scheduled_start, availability FROM job "
                             "WHERE status = 'scheduled'"))) {
        const QDateTime start
            = QDateTime::fromString(row.at(0), Qt::ISODateWithMs).toTimeZone(london);
        const JobAvailability availability
            = JobAvailability::fromJson(QJsonDocument::fromJson(row.at(1).toUtf8()).object());
        if (start.date() >= monday && start.date() < monday.addDays(5))
            ++booked;
        if (!availability.allows(start))
            ++missed;
    }
    EXPECT_GT(booked, 2);
    EXPECT_EQ(missed, 1);

    // The board shows them: its marks (the optimiser's checker, through ScheduleService) name
    // the two jobs of the double booking and the one whose window was missed.
    JobRepository jobs(db, QStringLiteral("demo"));
    FitterRepository fitters(db, QStringLiteral("demo"));
    const Result<ScheduleSnapshot> snapshot = ScheduleService(jobs, fitters).snapshot();
    ASSERT_TRUE(snapshot) << qPrintable(snapshot.errorString());
    QHash<ScheduleRule, int> marked;
    const QHash<QUuid, QList<JobRuleBreak>> breaks = ScheduleService::ruleBreaks(*snapshot);
    for (const QList<JobRuleBreak> &list : breaks) {
        QSet<ScheduleRule> rules;
        for (const JobRuleBreak &rule : list)
            rules.insert(rule.rule);
        for (const ScheduleRule rule : std::as_const(rules))
            ++marked[rule];
    }
    EXPECT_EQ(marked.value(ScheduleRule::DoubleBooking), 2);
    EXPECT_EQ(marked.value(ScheduleRule::WindowMissed), 1);
}

// The fill saves a survey's answers together (SurveyRepository::saveAnswers): it leaves what
// an officer who answers them one by one leaves, an audit event for each answer that changed.
TEST_F(DemoDataTest, AnswersSavedTogetherLeaveWhatAnswersSavedOneByOneLeave)
{
    const Database &db = filled(QStringLiteral("answers"), 20, 5);
    const QList<QStringList> identified
        = rows(db,
               QStringLiteral("SELECT id FROM household WHERE status = 'identified' ORDER BY rid "
                              "LIMIT 2"));
    ASSERT_EQ(identified.size(), 2);
    SurveyRepository surveys(db, QStringLiteral("tester"));
    const QList<std::pair<QString, QJsonValue>> answers {
        {QStringLiteral("q1"), QStringLiteral("yes")},
        {QStringLiteral("q2"), 3},
        {QStringLiteral("q1"), QStringLiteral("no")},
        {QStringLiteral("q3"), QJsonValue()},
    };
    QList<QUuid> ids;
    for (const QStringList &household : identified) {
        const Result<SurveyRecord> draft
            = surveys.openDraft(QUuid::fromString(household.first()), QStringLiteral("v1"), {});
        ASSERT_TRUE(draft.ok()) << qPrintable(draft.errorString());
        ids.append(draft->id);
    }
    for (int i = 0; i < answers.size(); ++i) {
        const Status saved = surveys.saveAnswer(ids[0], answers[i].first, answers[i].second,
                                                QStringLiteral("s%1").arg(i + 1));
        ASSERT_TRUE(saved.ok()) << qPrintable(saved.errorString());
    }
    const Status saved = surveys.saveAnswers(ids[1], answers, QStringLiteral("s4"));
    ASSERT_TRUE(saved.ok()) << qPrintable(saved.errorString());

    for (const QUuid &id : std::as_const(ids)) {
        const QString survey = id.toString(QUuid::WithoutBraces);
        EXPECT_EQ(
            rows(db, QStringLiteral("SELECT answers, draft_position FROM survey WHERE id = ?"),
                 {survey}),
            (QList<QStringList> {{QStringLiteral(R"({"q1":"no","q2":3})"), QStringLiteral("s4")}}));
        EXPECT_EQ(rows(db,
                       QStringLiteral("SELECT field, coalesce(old_value, 'NULL'), "
                                      "coalesce(new_value, 'NULL'), user_name FROM audit_event "
                                      "WHERE entity = 'survey' AND entity_id = ? AND field LIKE "
                                      "'answers.%' ORDER BY seq"),
                       {survey}),
                  (QList<QStringList> {
                      {QStringLiteral("answers.q1"), QStringLiteral("NULL"),
                       QStringLiteral(R"("yes")"), QStringLiteral("tester")},
                      {QStringLiteral("answers.q2"), QStringLiteral("NULL"), QStringLiteral("3"),
                       QStringLiteral("tester")},
                      {QStringLiteral("answers.q1"), QStringLiteral(R"("yes")"),
                       QStringLiteral(R"("no")"), QStringLiteral("tester")},
                  }));
    }
    // A survey that is not an open draft takes no answers.
    const Status closed = surveys.saveAnswers(QUuid::createUuid(), answers, QStringLiteral("s1"));
    EXPECT_EQ(closed.error().kind, Error::Kind::NotFound);
}
