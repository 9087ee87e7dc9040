#include "demo/demodata.h"
#include "domain/householdfield.h"
#include "domain/householdstatus.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

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
        EXPECT_TRUE(database->open(m_dir.filePath(name + QStringLiteral(".sqlite"))))
            << qPrintable(database->errorString());
        m_databases.push_back(std::move(database));
        return *m_databases.back();
    }

    Database &filled(const QString &name, int households, quint32 seed)
    {
        Database &database = open(name);
        QString error;
        EXPECT_TRUE(DemoData::fill(database, {households, seed}, &error)) << qPrintable(error);
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
    const QString search = QStringLiteral("SELECT rowid, search_text FROM household_fts "
                                          "ORDER BY rowid");
    EXPECT_EQ(rows(first, search), rows(second, search));

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
    violations("surveyed or beyond without a completed survey with recommendations",
               "SELECT count(*) FROM household h WHERE status IN ('surveyed', 'accepted', "
               "'scheduled', 'installed', 'followed_up') AND NOT EXISTS (SELECT 1 FROM survey s "
               "WHERE s.household_id = h.id AND s.completed_at IS NOT NULL AND EXISTS "
               "(SELECT 1 FROM recommendation r WHERE r.survey_id = s.id))");
    violations("accepted or beyond without an agreed recommendation",
               "SELECT count(*) FROM household h WHERE status IN ('accepted', 'scheduled', "
               "'installed', 'followed_up') AND NOT EXISTS (SELECT 1 FROM survey s JOIN "
               "recommendation r ON r.survey_id = s.id WHERE s.household_id = h.id "
               "AND r.agreed = 1)");
    violations("agreed recommendations before acceptance",
               "SELECT count(*) FROM household h JOIN survey s ON s.household_id = h.id JOIN "
               "recommendation r ON r.survey_id = s.id WHERE r.agreed = 1 "
               "AND h.status IN ('surveyed', 'declined')");
    violations("surveyed or beyond without survey consent",
               "SELECT count(*) FROM household h WHERE status IN ('surveyed', 'accepted', "
               "'scheduled', 'installed', 'followed_up') AND NOT EXISTS (SELECT 1 FROM consent c "
               "WHERE c.household_id = h.id AND c.purpose = 'survey_fitting' "
               "AND c.method != 'refused' AND c.resident_id IS NOT NULL)");
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
    violations("a job before the household reached scheduled",
               "SELECT count(*) FROM job j JOIN household h ON h.id = j.household_id "
               "WHERE h.status NOT IN ('scheduled', 'installed', 'followed_up')");
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
               "SELECT count(*) FROM consent WHERE method = 'refused' AND resident_id IS NOT NULL");
    violations("a visit or survey in the future",
               "SELECT (SELECT count(*) FROM visit WHERE at > ?) + "
               "(SELECT count(*) FROM survey WHERE completed_at > ?)",
               {now, now});
    violations("a survey made after its job",
               "SELECT count(*) FROM job j JOIN survey s ON s.id = j.survey_id "
               "WHERE s.completed_at > j.scheduled_start");
    violations("a fitter booked twice at once",
               "SELECT count(*) FROM job a JOIN job b ON a.fitter_id = b.fitter_id "
               "AND a.id < b.id AND a.scheduled_start < b.scheduled_end "
               "AND b.scheduled_start < a.scheduled_end");
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
               "SELECT count(*) FROM survey s WHERE (json_extract(answers, "
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
    EXPECT_EQ(repository.count(), 300);
    EXPECT_FALSE(repository.quickFind(QStringLiteral("Thorpe End")).isEmpty());
    const QString someone
        = rows(db, QStringLiteral("SELECT r.name FROM resident r WHERE r.is_primary = 1 LIMIT 1"))
              .first()
              .first();
    EXPECT_FALSE(repository.quickFind(someone).isEmpty()) << qPrintable(someone);
    const StatusCounts counts = repository.statusCounts();
    ASSERT_EQ(counts.byArea.size(), 2);
    EXPECT_EQ(counts.byArea[0].name, QStringLiteral("Melton Town Centre"));
    EXPECT_EQ(counts.byArea[0].target, 150);
    EXPECT_EQ(counts.byArea[1].target, 170);
}

TEST_F(DemoDataTest, RefusesADatabaseThatHasHouseholds)
{
    Database &db = filled(QStringLiteral("twice"), 50, 1);
    const int events = number(db, QStringLiteral("SELECT count(*) FROM audit_event"));
    QString error;
    EXPECT_FALSE(DemoData::fill(db, {50, 1}, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("already"))) << qPrintable(error);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 50);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM audit_event")), events);

    Database &imported = open(QStringLiteral("imported"));
    HouseholdRecord record;
    record.household.addressLine1 = text("12 Thorpe End");
    record.household.postcode = text("LE13 1RB");
    HouseholdRepository repository(imported, QStringLiteral("tester"));
    ASSERT_TRUE(repository.insert({record})) << qPrintable(repository.errorString());
    error.clear();
    EXPECT_FALSE(DemoData::fill(imported, {}, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(repository.count(), 1);
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

    QString error;
    EXPECT_FALSE(DemoData::fill(db, {20, 8}, &error));
    EXPECT_FALSE(error.isEmpty());
    for (const char *table : {"household", "area", "equipment_type", "audit_event", "resident"})
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                  0)
            << table;
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM fitter")), 1);
    // ...and a later fill on the same connection works.
    query.exec(QStringLiteral("DELETE FROM fitter"));
    EXPECT_TRUE(DemoData::fill(db, {20, 8}, &error)) << qPrintable(error);
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
    QString error;
    ASSERT_TRUE(DemoData::fill(db, {100000, 1}, &error)) << qPrintable(error);
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
