#include "demo/demodata.h"
#include "domain/householdfield.h"
#include "domain/householdstatus.h"
#include "domain/job.h"
#include "domain/visit.h"
#include "service/scheduleservice.h"
#include "store/database.h"
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
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtEndian>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <memory>

using namespace saferhomes;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// Demo databases, each a real SQLite file in one temporary folder.
class DemoDataTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
    }

    Database &open(const QString &name)
    {
        auto database = std::make_unique<Database>(QStringLiteral("demo-test-") + name);
        const auto opened = database->open(m_dir.filePath(name + QStringLiteral(".sqlite")));
        EXPECT_TRUE(opened) << qPrintable(opened.errorString());
        m_databases.push_back(std::move(database));
        return *m_databases.back();
    }

    Database &filled(const QString &name, int households, quint32 seed)
    {
        Database &database = open(name);
        const Status done = DemoData::fill(database, {households, seed});
        EXPECT_TRUE(done.ok()) << qPrintable(done.errorString());
        return database;
    }

    /// Every row of \a sql, each column as text.
    static QList<QStringList> rows(const Database &database, const QString &sql,
                                   const QVariantList &values = {})
    {
        QSqlQuery query(database.connection());
        EXPECT_TRUE(query.prepare(sql)) << qPrintable(query.lastError().text());
        for (const QVariant &value : values)
            query.addBindValue(value);
        EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
        QList<QStringList> result;
        while (query.next()) {
            QStringList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i).toString());
            result.append(row);
        }
        return result;
    }

    static int number(const Database &database, const QString &sql, const QVariantList &values = {})
    {
        const QList<QStringList> result = rows(database, sql, values);
        return result.isEmpty() ? -1 : result.first().first().toInt();
    }

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<Database>> m_databases;
};

const QString kHouseholdColumns = QStringLiteral(
    "SELECT rid, id, uprn, address_line1, address_line2, town, postcode, latitude, longitude, "
    "area_id, eligibility, status, priority, notes, deleted_at FROM household ORDER BY rid");
const QString kResidentColumns = QStringLiteral(
    "SELECT id, household_id, name, phone, email, preferred_contact, language, access_needs, "
    "is_primary FROM resident ORDER BY id");

} // namespace

TEST_F(DemoDataTest, SameSeedGivesTheSameHouseholds)
{
    const Database &first = filled(QStringLiteral("a"), 300, 42);
    const Database &second = filled(QStringLiteral("b"), 300, 42);
    const QList<QStringList> households = rows(first, kHouseholdColumns);
    ASSERT_EQ(households.size(), 300);
    EXPECT_EQ(households, rows(second, kHouseholdColumns));
    EXPECT_EQ(rows(first, kResidentColumns), rows(second, kResidentColumns));
    // The quick-find index finds the same households for every initial.
    for (char initial = 'a'; initial <= 'z'; ++initial) {
        const QString search = QStringLiteral("SELECT rowid FROM household_fts WHERE "
                                              "household_fts MATCH '%1*' ORDER BY rowid")
                                   .arg(QLatin1Char(initial));
        EXPECT_EQ(rows(first, search), rows(second, search)) << initial;
    }
    // The stories repeat too; the services give their rows new ids each time.
    for (const char *sql :
         {"SELECT h.uprn, v.at, v.by_user, v.outcome, v.reason, v.revisit_at, v.notes "
          "FROM visit v JOIN household h ON h.id = v.household_id ORDER BY h.rid, v.at",
          "SELECT h.uprn, c.purpose, c.method, c.resident_id, c.witness, c.given_at, "
          "c.withdrawn_at, c.recorded_by FROM consent c JOIN household h "
          "ON h.id = c.household_id ORDER BY h.rid, c.given_at, c.purpose",
          "SELECT h.uprn, s.answers, s.started_at, s.completed_at, s.by_user, "
          "(SELECT group_concat(r.equipment_code || ' ' || r.qty || ' ' || r.agreed, ', ') "
          "FROM recommendation r WHERE r.survey_id = s.id) FROM survey s JOIN household h "
          "ON h.id = s.household_id ORDER BY h.rid",
          "SELECT h.uprn, a.sha256 FROM attachment a JOIN household h "
          "ON h.id = a.household_id ORDER BY h.rid",
          "SELECT id, household_id, fitter_id, status, scheduled_start, completed_at "
          "FROM job ORDER BY id"}) {
        const QList<QStringList> story = rows(first, QString::fromLatin1(sql));
        EXPECT_FALSE(story.isEmpty()) << sql;
        EXPECT_EQ(story, rows(second, QString::fromLatin1(sql))) << sql;
    }

    const Database &other = filled(QStringLiteral("c"), 300, 43);
    const QString addresses = QStringLiteral(
        "SELECT uprn, address_line1, postcode, status FROM household ORDER BY rid");
    EXPECT_NE(rows(first, addresses), rows(other, addresses));
}

TEST_F(DemoDataTest, EveryStatusAppears)
{
    for (const quint32 seed : {1u, 7u, 42u}) {
        const Database &database = filled(QStringLiteral("s%1").arg(seed), 300, seed);
        for (const QString &status : HouseholdStatusRules::allNames()) {
            EXPECT_GT(number(database,
                             QStringLiteral("SELECT count(*) FROM household "
                                            "WHERE status = ?"),
                             {status}),
                      0)
                << "seed " << seed << " has no " << qPrintable(status);
        }
        // In each area too, so per-area dashboards show the whole funnel.
        EXPECT_EQ(
            number(database,
                   QStringLiteral(
                       "SELECT count(*) FROM (SELECT DISTINCT area_id, status FROM household)")),
            2 * HouseholdStatusRules::allNames().size());
    }
}

TEST_F(DemoDataTest, RecordsAgreeWithTheStatus)
{
    const Database &db = filled(QStringLiteral("consistent"), 300, 5);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const auto violations
        = [&](const char *what, const char *sql, const QVariantList &values = {}) {
              EXPECT_EQ(number(db, QString::fromLatin1(sql), values), 0) << what;
          };
    violations("a visited household without a visit",
               "SELECT count(*) FROM household h WHERE status NOT IN ('identified') "
               "AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)");
    violations("surveyed or beyond without a completed survey",
               "SELECT count(*) FROM household h WHERE status IN ('surveyed', 'accepted', "
               "'scheduled', 'installed', 'followed_up') AND NOT EXISTS (SELECT 1 FROM survey s "
               "WHERE s.household_id = h.id AND s.completed_at IS NOT NULL)");
    violations("a survey left as a draft",
               "SELECT count(*) FROM survey WHERE completed_at IS NULL");
    violations("accepted or beyond without an agreed recommendation",
               "SELECT count(*) FROM household h WHERE status IN ('accepted', 'scheduled', "
               "'installed', 'followed_up') AND NOT EXISTS (SELECT 1 FROM survey s JOIN "
               "recommendation r ON r.survey_id = s.id WHERE s.household_id = h.id "
               "AND r.agreed = 1)");
    violations("a package before acceptance",
               "SELECT count(*) FROM household h JOIN survey s ON s.household_id = h.id JOIN "
               "recommendation r ON r.survey_id = s.id "
               "WHERE h.status NOT IN ('accepted', 'scheduled', 'installed', 'followed_up')");
    violations("a survey without survey consent given before it",
               "SELECT count(*) FROM survey s WHERE NOT EXISTS (SELECT 1 FROM consent c "
               "WHERE c.household_id = s.household_id AND c.purpose = 'survey_fitting' "
               "AND c.method != 'refused' AND c.withdrawn_at IS NULL "
               "AND c.resident_id IS NOT NULL AND c.given_at <= s.started_at)");
    violations("a survey not taken on a visit to its household",
               "SELECT count(*) FROM survey s WHERE NOT EXISTS (SELECT 1 FROM visit v "
               "WHERE v.id = s.visit_id AND v.household_id = s.household_id "
               "AND v.at <= s.started_at)");
    violations("signed consent without the household's signature",
               "SELECT count(*) FROM consent c WHERE (c.method = 'signature') != EXISTS "
               "(SELECT 1 FROM attachment a WHERE a.id = c.signature_attachment_id "
               "AND a.household_id = c.household_id AND a.kind = 'signature')");
    violations("verbal consent without a witness",
               "SELECT count(*) FROM consent WHERE method = 'verbal_witnessed' AND witness = ''");
    violations("a declined household that neither refused nor was surveyed",
               "SELECT count(*) FROM household h WHERE status = 'declined' AND NOT EXISTS "
               "(SELECT 1 FROM consent c WHERE c.household_id = h.id) ");
    violations("consent at a household never surveyed, or a refusal at a surveyed one",
               "SELECT count(*) FROM consent c WHERE (c.method = 'refused') = EXISTS "
               "(SELECT 1 FROM survey s WHERE s.household_id = c.household_id)");
    violations("scheduled without a future scheduled job with a fitter",
               "SELECT count(*) FROM household h WHERE status = 'scheduled' AND NOT EXISTS "
               "(SELECT 1 FROM job j WHERE j.household_id = h.id AND j.status = 'scheduled' "
               "AND j.fitter_id IS NOT NULL AND j.scheduled_start > ? "
               "AND j.scheduled_end > j.scheduled_start)",
               {now});
    violations("installed without a completed, fitted job with its stock movements",
               "SELECT count(*) FROM household h WHERE status IN ('installed', 'followed_up') "
               "AND NOT EXISTS (SELECT 1 FROM job j WHERE j.household_id = h.id "
               "AND j.status = 'completed' AND j.completed_at < ? AND j.fitter_id IS NOT NULL "
               "AND EXISTS (SELECT 1 FROM job_item i WHERE i.job_id = j.id) "
               "AND NOT EXISTS (SELECT 1 FROM job_item i WHERE i.job_id = j.id AND i.fitted = 0) "
               "AND (SELECT -sum(m.qty_change) FROM stock_movement m WHERE m.job_id = j.id "
               "AND m.reason = 'fitted') = (SELECT sum(i.qty) FROM job_item i "
               "WHERE i.job_id = j.id))",
               {now});
    violations("a booked job before the household reached scheduled",
               "SELECT count(*) FROM job j JOIN household h ON h.id = j.household_id "
               "WHERE h.status NOT IN ('scheduled', 'installed', 'followed_up') "
               "AND j.status <> 'unscheduled'");
    violations("an accepted household without its job in the tray",
               "SELECT count(*) FROM household h WHERE status = 'accepted' AND NOT EXISTS "
               "(SELECT 1 FROM job j WHERE j.household_id = h.id AND j.status = 'unscheduled' "
               "AND j.fitter_id IS NULL AND j.scheduled_start IS NULL)");
    violations("an unscheduled job at a household that is not accepted",
               "SELECT count(*) FROM job j JOIN household h ON h.id = j.household_id "
               "WHERE j.status = 'unscheduled' AND h.status <> 'accepted'");
    violations("a job whose duration is not its items' fit minutes and 15 minutes' set-up",
               "SELECT count(*) FROM job j WHERE j.duration_minutes IS NOT 15 + (SELECT "
               "sum(e.fit_minutes * i.qty) FROM job_item i JOIN equipment_type e "
               "ON e.code = i.equipment_code WHERE i.job_id = j.id)");
    violations("a booking that does not last the job's duration",
               "SELECT count(*) FROM job WHERE scheduled_start IS NOT NULL AND "
               "CAST(round((julianday(scheduled_end) - julianday(scheduled_start)) * 1440) "
               "AS INTEGER) != duration_minutes");
    violations("a fitted item without its fitted quantity",
               "SELECT count(*) FROM job_item WHERE fitted_qty != CASE WHEN fitted = 1 "
               "THEN qty ELSE 0 END");
    violations("a completed job at a scheduled household",
               "SELECT count(*) FROM job j JOIN household h ON h.id = j.household_id "
               "WHERE h.status = 'scheduled' AND j.status = 'completed'");
    violations("job items that are not the agreed package",
               "SELECT count(*) FROM job j WHERE (SELECT sum(qty) FROM job_item "
               "WHERE job_id = j.id) IS NOT (SELECT sum(qty) FROM recommendation "
               "WHERE survey_id = j.survey_id AND agreed = 1)");
    for (const char *outcome : {"declined", "not_eligible", "moved_away"}) {
        violations(outcome,
                   "SELECT count(*) FROM household h WHERE status = ? AND (SELECT outcome FROM "
                   "visit v WHERE v.household_id = h.id ORDER BY at DESC LIMIT 1) IS NOT ?",
                   {QString::fromLatin1(outcome), QString::fromLatin1(outcome)});
    }
    violations("unreachable households that were reached",
               "SELECT count(*) FROM household h WHERE status = 'unreachable' AND ((SELECT "
               "count(*) FROM visit v WHERE v.household_id = h.id AND outcome = 'no_answer') < 3 "
               "OR EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id "
               "AND outcome != 'no_answer'))");
    violations("a refusal that keeps personal details",
               "SELECT count(*) FROM consent WHERE method = 'refused' AND (resident_id IS NOT "
               "NULL OR witness != '' OR signature_attachment_id IS NOT NULL)");
    violations("a visit, consent or survey in the future",
               "SELECT (SELECT count(*) FROM visit WHERE at > ?) + "
               "(SELECT count(*) FROM consent WHERE given_at > ? OR withdrawn_at > ?) + "
               "(SELECT count(*) FROM attachment WHERE created_at > ?) + "
               "(SELECT count(*) FROM survey WHERE started_at > completed_at "
               "OR completed_at > ?)",
               {now, now, now, now, now});
    violations("a revisit asked for in the past",
               "SELECT count(*) FROM visit WHERE (outcome = 'revisit_requested') "
               "!= (revisit_at IS NOT NULL) OR revisit_at <= ?",
               {now});
    // The services stamp the time of writing; the stories happened over the past year.
    EXPECT_GT(number(db, QStringLiteral("SELECT count(DISTINCT substr(at, 1, 10)) FROM visit")),
              100);
    violations("a survey made after its job",
               "SELECT count(*) FROM job j JOIN survey s ON s.id = j.survey_id "
               "WHERE s.completed_at > j.scheduled_start");
    // One double booking is left in the coming week on purpose, for the board to mark.
    EXPECT_EQ(number(db,
                     QStringLiteral("SELECT count(*) FROM job a JOIN job b "
                                    "ON a.fitter_id = b.fitter_id AND a.id < b.id "
                                    "AND a.scheduled_start < b.scheduled_end "
                                    "AND b.scheduled_start < a.scheduled_end")),
              1)
        << "a fitter booked twice at once";
    violations("a fitter without the skill for an item",
               "SELECT count(*) FROM job_item i JOIN job j ON j.id = i.job_id "
               "JOIN fitter f ON f.id = j.fitter_id JOIN equipment_type e "
               "ON e.code = i.equipment_code "
               "WHERE instr(';' || f.skills || ';', ';' || e.skill || ';') = 0");
    violations("stock below zero",
               "SELECT count(*) FROM (SELECT sum(qty_change) AS level FROM stock_movement "
               "GROUP BY equipment_code) WHERE level < 0");
    violations("a survey without the core answers",
               "SELECT count(*) FROM survey WHERE json_extract(answers, '$.\"front_door.lock\"') "
               "IS NULL OR json_extract(answers, '$.\"alarm.intruder\"') IS NULL "
               "OR json_extract(answers, '$.\"property_marking.done\"') IS NULL");
    violations("a door viewer rule that did not fire",
               "SELECT count(*) FROM survey s WHERE EXISTS (SELECT 1 FROM recommendation r "
               "WHERE r.survey_id = s.id) AND (json_extract(answers, "
               "'$.\"front_door.viewer\"') = 'no') != EXISTS (SELECT 1 FROM recommendation r "
               "WHERE r.survey_id = s.id AND r.equipment_code = 'DOOR_VIEWER')");
    violations("a household without its audit event",
               "SELECT count(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
               "WHERE a.entity = 'household' AND a.entity_id = h.id AND a.field = 'created')");
    violations("a household without a primary resident",
               "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM resident r "
               "WHERE r.household_id = h.id AND r.is_primary = 1) != 1");

    QSet<QString> codes;
    for (const QStringList &row : rows(db, QStringLiteral("SELECT code FROM equipment_type")))
        codes.insert(row.first());
    const QSet<QString> expected {QStringLiteral("MORTICE_DEADLOCK_BS3621"),
                                  QStringLiteral("CYLINDER_TS007_3STAR"),
                                  QStringLiteral("DOOR_VIEWER"),
                                  QStringLiteral("DOOR_CHAIN_TS003"),
                                  QStringLiteral("WINDOW_LOCK"),
                                  QStringLiteral("LETTERBOX_GUARD"),
                                  QStringLiteral("PIR_LIGHT"),
                                  QStringLiteral("INTRUDER_ALARM"),
                                  QStringLiteral("GATE_LOCK"),
                                  QStringLiteral("SHED_ALARM"),
                                  QStringLiteral("PROPERTY_MARKING_KIT")};
    EXPECT_EQ(codes, expected);
    const int fitters = number(db, QStringLiteral("SELECT count(*) FROM fitter"));
    EXPECT_GE(fitters, 4);
    EXPECT_LE(fitters, 6);
    EXPECT_GT(number(db,
                     QStringLiteral("SELECT count(*) FROM stock_movement "
                                    "WHERE reason = 'received'")),
              0);
}

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

TEST_F(DemoDataTest, AddressesAreValidAndInTheirAreas)
{
    const Database &db = filled(QStringLiteral("places"), 300, 9);
    struct Centre {
        double latitude, longitude;
    };
    const QHash<QString, Centre> towns {{QStringLiteral("Melton Mowbray"), {52.766, -0.886}},
                                        {QStringLiteral("Oadby"), {52.606, -1.083}},
                                        {QStringLiteral("Wigston"), {52.585, -1.105}}};
    QSet<QString> uprns;
    const QList<QStringList> households = rows(
        db,
        QStringLiteral(
            "SELECT h.uprn, h.postcode, h.latitude, h.longitude, h.town, a.name, h.eligibility, "
            "h.address_line1 FROM household h JOIN area a ON a.id = h.area_id"));
    ASSERT_EQ(households.size(), 300);
    for (const QStringList &h : households) {
        const QString &uprn = h[0], &postcode = h[1], &town = h[4], &area = h[5];
        EXPECT_TRUE(HouseholdFields::isValidUprn(uprn) && uprn.size() == 12) << qPrintable(uprn);
        uprns.insert(uprn);
        EXPECT_EQ(HouseholdFields::normalisePostcode(postcode).value_or(QString()), postcode);
        const double latitude = h[2].toDouble(), longitude = h[3].toDouble();
        EXPECT_TRUE(HouseholdFields::isInsideUk(latitude, longitude));
        ASSERT_TRUE(towns.contains(town)) << qPrintable(town);
        const Centre centre = towns.value(town);
        const double dy = (latitude - centre.latitude) * 111.3;
        const double dx = (longitude - centre.longitude) * 111.3 * std::cos(52.7 * M_PI / 180);
        EXPECT_LT(std::hypot(dx, dy), 3.0) << qPrintable(h[7]) << " is far from its town";
        if (area == u"Melton Town Centre") {
            EXPECT_TRUE(postcode.startsWith(u"LE13 0") || postcode.startsWith(u"LE13 1"));
        } else {
            EXPECT_EQ(area, QStringLiteral("Oadby and Wigston"));
            EXPECT_TRUE(postcode.startsWith(u"LE2 4") || postcode.startsWith(u"LE2 5")
                        || postcode.startsWith(u"LE18 "))
                << qPrintable(postcode);
        }
        const FieldCheck eligibility = HouseholdFields::check(HouseholdField::Eligibility, h[6]);
        EXPECT_TRUE(eligibility.ok() && eligibility.value == h[6]) << qPrintable(h[6]);
        EXPECT_FALSE(h[6].isEmpty());
    }
    EXPECT_EQ(uprns.size(), 300);
    // No two homes share an address.
    EXPECT_EQ(number(db,
                     QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT address_line1, "
                                    "address_line2, town FROM household)")),
              300);
}

TEST_F(DemoDataTest, NamesAreVariedAndQuickFindWorks)
{
    const Database &db = filled(QStringLiteral("names"), 300, 3);
    const QList<QStringList> names = rows(db, QStringLiteral("SELECT name FROM resident"));
    bool apostrophe = false, diacritic = false;
    QSet<QString> distinct;
    for (const QStringList &row : names) {
        const QString &name = row.first();
        apostrophe = apostrophe || name.contains(QLatin1Char('\''));
        diacritic = diacritic
            || std::any_of(name.begin(), name.end(), [](QChar c) { return c.unicode() > 127; });
        distinct.insert(name);
    }
    EXPECT_TRUE(apostrophe);
    EXPECT_TRUE(diacritic);
    EXPECT_GT(distinct.size(), 200);

    const HouseholdRepository repository(db, QStringLiteral("tester"));
    EXPECT_EQ(repository.count().value(), 300);
    EXPECT_FALSE(repository.quickFind(QStringLiteral("Thorpe End")).value().isEmpty());
    const QString someone
        = rows(db, QStringLiteral("SELECT r.name FROM resident r WHERE r.is_primary = 1 LIMIT 1"))
              .first()
              .first();
    EXPECT_FALSE(repository.quickFind(someone).value().isEmpty()) << qPrintable(someone);
    const StatusCounts counts = repository.statusCounts().value();
    ASSERT_EQ(counts.byArea.size(), 2);
    EXPECT_EQ(counts.byArea[0].name, QStringLiteral("Melton Town Centre"));
    EXPECT_EQ(counts.byArea[0].target, 150);
    EXPECT_EQ(counts.byArea[1].target, 170);
}

TEST_F(DemoDataTest, RefusesADatabaseThatHasHouseholds)
{
    Database &db = filled(QStringLiteral("twice"), 50, 1);
    const int events = number(db, QStringLiteral("SELECT count(*) FROM audit_event"));
    const Status again = DemoData::fill(db, {50, 1});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(again.errorString().contains(QStringLiteral("already")))
        << qPrintable(again.errorString());
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 50);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM audit_event")), events);

    Database &imported = open(QStringLiteral("imported"));
    HouseholdRecord record;
    record.household.addressLine1 = text("12 Thorpe End");
    record.household.postcode = text("LE13 1RB");
    HouseholdRepository repository(imported, QStringLiteral("tester"));
    ASSERT_TRUE(repository.insert({record})) << qPrintable(repository.errorString());
    const Status onImported = DemoData::fill(imported, {});
    EXPECT_FALSE(onImported.ok());
    EXPECT_FALSE(onImported.errorString().isEmpty());
    EXPECT_EQ(repository.count().value(), 1);
}

TEST_F(DemoDataTest, AFailureLeavesTheDatabaseUnchanged)
{
    // Make the fill collide with a fitter that is already there (ids repeat with the seed).
    const Database &reference = filled(QStringLiteral("reference"), 20, 8);
    const QString fitterId
        = rows(reference, QStringLiteral("SELECT id FROM fitter ORDER BY rowid DESC LIMIT 1"))
              .first()
              .first();
    Database &db = open(QStringLiteral("collision"));
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("INSERT INTO fitter (id, name) VALUES (?, 'Someone Else')"));
    query.addBindValue(fitterId);
    ASSERT_TRUE(query.exec()) << qPrintable(query.lastError().text());

    const Status collided = DemoData::fill(db, {20, 8});
    EXPECT_FALSE(collided.ok());
    EXPECT_FALSE(collided.errorString().isEmpty());
    for (const char *table : {"household", "area", "equipment_type", "audit_event", "resident"})
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                  0)
            << table;
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM fitter")), 1);
    // ...and a later fill on the same connection works.
    query.exec(QStringLiteral("DELETE FROM fitter"));
    const Status retried = DemoData::fill(db, {20, 8});
    EXPECT_TRUE(retried.ok()) << qPrintable(retried.errorString());
    EXPECT_FALSE(QFile::exists(DemoData::scratchPath(db.path())));
}

TEST_F(DemoDataTest, AFailureWhileCopyingLeavesNothing)
{
    // A disk that fills up half way through the one transaction that brings the fill in: the
    // 40th survey (or, second time round, the first job) cannot be written.
    int round = 0;
    for (const char *trigger :
         {"CREATE TRIGGER fail BEFORE INSERT ON survey WHEN (SELECT count(*) FROM survey) >= 40 "
          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
          "CREATE TRIGGER fail BEFORE INSERT ON job "
          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"}) {
        Database &db = open(QStringLiteral("undone-%1").arg(++round));
        QSqlQuery query(db.connection());
        ASSERT_TRUE(query.exec(QString::fromLatin1(trigger)))
            << qPrintable(query.lastError().text());

        const Status failed = DemoData::fill(db, {120, 4});
        ASSERT_FALSE(failed.ok());
        EXPECT_EQ(failed.error().kind, Error::Kind::Database);
        EXPECT_TRUE(failed.errorString().contains(QStringLiteral("disk is full")))
            << qPrintable(failed.errorString());
        for (const char *table :
             {"household", "resident", "area", "equipment_type", "fitter", "visit", "consent",
              "attachment", "survey", "recommendation", "job", "job_item", "stock_movement",
              "audit_event", "outbox", "meta WHERE key = 'demo_data'"}) {
            EXPECT_EQ(
                number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0)
                << table << " after " << trigger;
        }
        const HouseholdRepository repository(db, QStringLiteral("tester"));
        EXPECT_TRUE(repository.quickFind(QStringLiteral("Road")).value().isEmpty());
        EXPECT_EQ(number(db, QStringLiteral("PRAGMA synchronous")), 2) << "FULL";
        EXPECT_FALSE(QFile::exists(DemoData::scratchPath(db.path())));

        // ...and once the disk has room again, the fill works.
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TRIGGER fail")));
        const Status retried = DemoData::fill(db, {120, 4});
        EXPECT_TRUE(retried.ok()) << qPrintable(retried.errorString());
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 120);
    }
}

TEST_F(DemoDataTest, ACancelledFillLeavesNothing)
{
    Database &db = open(QStringLiteral("cancelled"));
    std::atomic_bool cancel = false;
    int lastDone = 0;
    DemoData::Options options {80, 3};
    options.cancel = &cancel;
    options.progress = [&](int done, int total) {
        EXPECT_EQ(total, 80);
        EXPECT_EQ(done, lastDone + 1);
        lastDone = done;
        if (done == 30)
            cancel = true;
    };
    const Status stopped = DemoData::fill(db, options);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().kind, Error::Kind::Cancelled);
    EXPECT_EQ(lastDone, 30);
    for (const char *table : {"household", "area", "visit", "audit_event"})
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                  0)
            << table;
    EXPECT_FALSE(QFile::exists(DemoData::scratchPath(db.path())));
}

TEST_F(DemoDataTest, TheDemoIsMarkedAndQueuesNothingToSend)
{
    const Database &db = filled(QStringLiteral("marked"), 40, 2);
    const Result<bool> demo = DemoTransfer::isDemo(db);
    ASSERT_TRUE(demo.ok()) << qPrintable(demo.errorString());
    EXPECT_TRUE(demo.value());
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT applying FROM sync_flag")), 0);

    const Database &plain = open(QStringLiteral("plain"));
    const Result<bool> notDemo = DemoTransfer::isDemo(plain);
    ASSERT_TRUE(notDemo.ok()) << qPrintable(notDemo.errorString());
    EXPECT_FALSE(notDemo.value());
}

TEST_F(DemoDataTest, TheDemoIsOfferedOnlyToANewRegister)
{
    const auto offered = [](const Database &db) {
        const Result<bool> offer = DemoTransfer::shouldOfferDemo(db);
        EXPECT_TRUE(offer.ok()) << qPrintable(offer.errorString());
        return offer.ok() && offer.value();
    };
    const Database &fresh = open(QStringLiteral("fresh"));
    EXPECT_TRUE(offered(fresh));
    ASSERT_TRUE(DemoTransfer::declineDemo(fresh).ok());
    EXPECT_FALSE(offered(fresh)) << "declined";

    EXPECT_FALSE(offered(filled(QStringLiteral("demo"), 10, 1))) << "holds the demo";

    Database &imported = open(QStringLiteral("imported"));
    HouseholdRecord record;
    record.household.addressLine1 = text("3 Burton Road");
    record.household.postcode = text("LE13 1DL");
    HouseholdRepository repository(imported, QStringLiteral("tester"));
    ASSERT_TRUE(repository.insert({record})) << qPrintable(repository.errorString());
    EXPECT_FALSE(offered(imported)) << "has a household";

    const Database &synced = open(QStringLiteral("synced"));
    QSqlQuery query(synced.connection());
    ASSERT_TRUE(
        query.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('cursor', '1')")));
    EXPECT_FALSE(offered(synced)) << "has synced";

    // A damaged database is an error, not "no".
    const Database &broken = open(QStringLiteral("broken"));
    QSqlQuery drop(broken.connection());
    ASSERT_TRUE(drop.exec(QStringLiteral("DROP TABLE sync_state")));
    const Result<bool> failed = DemoTransfer::shouldOfferDemo(broken);
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.errorString().contains(QStringLiteral("sync_state")))
        << qPrintable(failed.errorString());
    const Result<bool> demoFailed = DemoTransfer::isDemo(broken);
    EXPECT_TRUE(demoFailed.ok()) << "meta is still there";
}

TEST_F(DemoDataTest, EveryTableIsCopiedOrDeliberatelySkipped)
{
    const Database &db = open(QStringLiteral("tables"));
    QStringList expected = DemoTransfer::copiedTables() + DemoTransfer::skippedTables();
    expected.sort();
    QStringList tables;
    for (const QStringList &row :
         rows(db,
              QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                             "NOT LIKE 'household_fts_%' ORDER BY name")))
        tables << row.first();
    EXPECT_EQ(tables, expected);
}

TEST_F(DemoDataTest, DurabilityIsRestoredAfterTheFill)
{
    const Database &db = filled(QStringLiteral("durable"), 30, 1);
    EXPECT_EQ(number(db, QStringLiteral("PRAGMA synchronous")), 2);
    EXPECT_EQ(number(db, QStringLiteral("PRAGMA wal_autocheckpoint")), 1000);
}

TEST_F(DemoDataTest, NoHouseholdsStillGivesACatalogue)
{
    const Database &db = filled(QStringLiteral("empty"), 0, 1);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM equipment_type")), 11);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM area")), 2);
}

// A timing, not a check: run with --gtest_also_run_disabled_tests.
TEST_F(DemoDataTest, DISABLED_HundredThousandHouseholds)
{
    Database &db = open(QStringLiteral("large"));
    QElapsedTimer timer;
    timer.start();
    const Status done = DemoData::fill(db, {100000, 1});
    ASSERT_TRUE(done.ok()) << qPrintable(done.errorString());
    std::printf("100000 households in %.1f s\n", double(timer.elapsed()) / 1000.0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 100000);
    for (const char *table :
         {"resident", "visit", "consent", "attachment", "survey", "recommendation", "job",
          "job_item", "stock_movement", "audit_event", "fitter"}) {
        std::printf(
            "%-16s %d\n", table,
            number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    }
    for (const QString &status : HouseholdStatusRules::allNames()) {
        EXPECT_GT(
            number(db, QStringLiteral("SELECT count(*) FROM household WHERE status = ?"), {status}),
            0);
    }
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

// The writes of the fill keep their statements prepared (PreparedCache); a connection closed
// and opened again, or a statement that could not be prepared, is prepared afresh.
TEST_F(DemoDataTest, KeptStatementsArePreparedAgainWhenTheConnectionChanged)
{
    Database &db = open(QStringLiteral("kept"));
    const QString path = db.path();
    PreparedCache cache;
    const QString insert = QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)");
    const auto write = [&](const QString &key) {
        PreparedCache::Statement statement = cache.statement(db.connectionName(), insert);
        EXPECT_TRUE(statement.prepared) << qPrintable(statement.query.lastError().text());
        statement.query.addBindValue(key);
        statement.query.addBindValue(QStringLiteral("1"));
        EXPECT_TRUE(statement.query.exec()) << qPrintable(statement.query.lastError().text());
        return &statement.query;
    };
    QSqlQuery *first = write(QStringLiteral("kept-a"));
    EXPECT_EQ(write(QStringLiteral("kept-b")), first) << "the same statement, kept";
    db.close();
    ASSERT_TRUE(db.open(path).ok());
    write(QStringLiteral("kept-c"));
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'kept-%'")), 3);

    const QString elsewhere = QStringLiteral("INSERT INTO elsewhere (x) VALUES (?)");
    const PreparedCache::Statement missing = cache.statement(db.connectionName(), elsewhere);
    EXPECT_FALSE(missing.prepared);
    EXPECT_TRUE(missing.query.lastError().text().contains(QStringLiteral("elsewhere")))
        << qPrintable(missing.query.lastError().text());
    QSqlQuery create(db.connection());
    ASSERT_TRUE(create.exec(QStringLiteral("CREATE TABLE elsewhere (x)")));
    PreparedCache::Statement found = cache.statement(db.connectionName(), elsewhere);
    ASSERT_TRUE(found.prepared) << qPrintable(found.query.lastError().text());
    found.query.addBindValue(7);
    EXPECT_TRUE(found.query.exec()) << qPrintable(found.query.lastError().text());
    EXPECT_EQ(number(db, QStringLiteral("SELECT x FROM elsewhere")), 7);
}
