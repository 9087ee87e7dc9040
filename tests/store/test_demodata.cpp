// The demo register's households: the same seed gives the same ones, every status appears with
// the records it implies, and addresses and names are realistic. The stories told with them are
// in test_demodatastories.cpp, how the fill is written in test_demofill.cpp.

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

namespace {

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
        const Result<QString> eligibility
            = HouseholdFields::check(HouseholdField::Eligibility, h[6]);
        EXPECT_TRUE(eligibility.ok() && *eligibility == h[6]) << qPrintable(h[6]);
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
