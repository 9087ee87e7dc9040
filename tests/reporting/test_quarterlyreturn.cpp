#include "handmadereturn.h"
#include "reporting/quarterlyreturn.h"
#include "reportingfixture.h"
#include "store/migrations.h"
#include "store/reportingstore.h"
#include "store/surveyrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

QStringList ids(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(HandMadeReturn::id(name));
    return list;
}

const QDateTime kNow = QDateTime::fromString(u"2025-06-01T12:00:00Z"_s, Qt::ISODate);

class QuarterlyReturnTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
    }

    QuarterlyReturn q3()
    {
        const auto computed
            = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 3), kNow);
        EXPECT_TRUE(computed.ok()) << computed.errorString().toStdString();
        return computed.ok() ? *computed : QuarterlyReturn();
    }
};

} // namespace

TEST_F(QuarterlyReturnTest, EveryKeyMatchesTheHandCount)
{
    const QuarterlyReturn r = q3();
    struct Expected {
        QString key;
        qint64 value;
        QStringList households;
    };
    const QList<Expected> expected {
        {u"households_visited"_s, 4, ids({"h1", "h3", "h5", "h6"})},
        {u"households_declined"_s, 2, ids({"h3", "h5"})},
        {u"households_accepted"_s, 2, ids({"h1", "h8"})},
        {u"homes_secured"_s, 4, ids({"h1", "h3", "h6", "h7"})},
        {u"homes_secured_to_date"_s, 5, ids({"h1", "h2", "h3", "h6", "h7"})},
        {u"items_fitted.ALARM"_s, 1, ids({"h7"})},
        {u"items_fitted.LIGHT"_s, 3, ids({"h1", "h3"})},
        {u"items_fitted.TLOCK"_s, 1, ids({"h1"})},
        {u"spend_pence"_s, 7000, ids({"h1", "h3", "h7"})},
        {u"spend_to_date_pence"_s, 16500, ids({"h1", "h2", "h3", "h7"})},
        {u"target_homes"_s, 150, {}},
    };
    ASSERT_EQ(r.figures.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const ReturnFigure &figure = r.figures[i];
        EXPECT_EQ(figure.key, expected[i].key);
        EXPECT_EQ(figure.value, expected[i].value) << figure.key.toStdString();
        EXPECT_EQ(figure.households, expected[i].households) << figure.key.toStdString();
        EXPECT_FALSE(figure.label.isEmpty());
    }
}

TEST_F(QuarterlyReturnTest, DrillDownListsEqualTheCountingFigures)
{
    const QuarterlyReturn r = q3();
    for (const QString &key :
         {u"households_visited"_s, u"households_declined"_s, u"households_accepted"_s,
          u"homes_secured"_s, u"homes_secured_to_date"_s}) {
        const ReturnFigure *figure = r.figure(key);
        ASSERT_NE(figure, nullptr);
        EXPECT_EQ(r.evidenceRows(*figure).size(), figure->value) << key.toStdString();
    }
    // The evidence of a to-date figure lists items and fit dates to date, of a period figure
    // those of the period: h7 fitted TLOCK x2 in June and ALARM x1 on 10 November.
    const auto row = [&](const QString &key, const char *household) {
        const ReturnFigure *figure = r.figure(key);
        for (const QStringList &line : r.evidenceRows(*figure)) {
            if (line.first() == HandMadeReturn::id(household))
                return line;
        }
        return QStringList();
    };
    EXPECT_EQ(row(u"homes_secured"_s, "h7"),
              (QStringList {HandMadeReturn::id("h7"), u"10000000007"_s,
                            u"7 Thorpe Road, Melton Mowbray, LE13 1AA"_s, u"ALARM x1"_s,
                            u"2024-11-10"_s}));
    EXPECT_EQ(row(u"homes_secured_to_date"_s, "h7").at(3), u"ALARM x1; TLOCK x2"_s);
    // h1's job at 23:15Z on 30 September was 00:15 on 1 October in London.
    EXPECT_EQ(row(u"homes_secured"_s, "h1").at(4), u"2024-10-01"_s);
    EXPECT_EQ(row(u"homes_secured"_s, "h1").at(3), u"LIGHT x2; TLOCK x1"_s);
    EXPECT_EQ(row(u"homes_secured"_s, "h6").at(3), QString());
}

TEST_F(QuarterlyReturnTest, NeighbouringQuartersTakeTheBoundaryRows)
{
    // Q2 (Jul-Sep, BST): h2's visit at 23:30 and its job at 23:45 on 30 September.
    const auto q2 = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 2), kNow);
    ASSERT_TRUE(q2.ok());
    EXPECT_EQ(q2->figure(u"households_visited"_s)->households, ids({"h2"}));
    EXPECT_EQ(q2->figure(u"homes_secured"_s)->households, ids({"h2"}));
    EXPECT_EQ(q2->figure(u"items_fitted.ALARM"_s)->value, 3);
    EXPECT_EQ(q2->figure(u"homes_secured_to_date"_s)->households, ids({"h2", "h7"}));
    // Q4 (Jan-Mar, GMT): h4's visit at 00:00 and its job at 00:05 on 1 January.
    const auto q4 = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 4), kNow);
    ASSERT_TRUE(q4.ok());
    EXPECT_EQ(q4->figure(u"households_visited"_s)->households, ids({"h4"}));
    EXPECT_EQ(q4->figure(u"homes_secured"_s)->households, ids({"h4"}));
    EXPECT_EQ(q4->figure(u"spend_pence"_s)->value, 12500);
    EXPECT_EQ(q4->figure(u"homes_secured_to_date"_s)->value, 6);
}

TEST_F(QuarterlyReturnTest, JsonFollowsTheContract)
{
    const QuarterlyReturn r = q3();
    const QJsonObject json = QJsonDocument::fromJson(r.toJsonBytes()).object();
    EXPECT_EQ(json.value(u"period").toString(), u"2024/25-Q3"_s);
    EXPECT_EQ(json.value(u"from").toString(), u"2024-10-01"_s);
    EXPECT_EQ(json.value(u"to").toString(), u"2024-12-31"_s);
    const QJsonArray figures = json.value(u"figures").toArray();
    ASSERT_EQ(figures.size(), 11);
    const QJsonObject spend = figures.at(8).toObject();
    EXPECT_EQ(spend.value(u"key").toString(), u"spend_pence"_s);
    EXPECT_EQ(spend.value(u"value").toInteger(), 7000);
    EXPECT_EQ(spend.value(u"households").toArray().size(), 3);
    EXPECT_TRUE(spend.contains(u"label"));
    EXPECT_EQ(json.value(u"scheme").toString(), u"Melton Town Centre and Oadby and Wigston"_s);
}

TEST_F(QuarterlyReturnTest, ForecastBelowTheAllocationIsFlagged)
{
    const QuarterlyReturn r = q3();
    ASSERT_TRUE(r.forecast.has_value());
    const SpendForecast &f = *r.forecast;
    EXPECT_EQ(f.year.name(), u"2024/25"_s);
    EXPECT_EQ(f.asOf, QDate(2024, 12, 31));
    EXPECT_EQ(f.daysElapsed, 275);
    EXPECT_EQ(f.dayCount, 365);
    EXPECT_EQ(f.scheme.spentPence, 16500);
    EXPECT_EQ(f.scheme.forecastPence, 21900);
    EXPECT_EQ(f.scheme.budgetPence(), 30000);
    EXPECT_EQ(f.scheme.outlook, SpendForecast::Outlook::Underspend);
    EXPECT_TRUE(f.scheme.flagged());
    ASSERT_EQ(f.byArea.size(), 2);
    EXPECT_EQ(f.byArea[0].areaName, u"Melton Town Centre"_s);
    EXPECT_EQ(f.byArea[0].spentPence, 12000);
    EXPECT_EQ(f.byArea[0].forecastPence, 15927);
    EXPECT_TRUE(f.byArea[0].flagged());
    EXPECT_EQ(f.byArea[1].spentPence, 4500);
    EXPECT_EQ(f.byArea[1].outlook, SpendForecast::Outlook::NoBudget);
    const QJsonObject budget = r.toJson().value(u"budget").toObject();
    EXPECT_EQ(budget.value(u"forecast_pence").toInteger(), 21900);
    EXPECT_EQ(budget.value(u"outlook").toString(), u"underspend"_s);
    EXPECT_TRUE(budget.value(u"flagged").toBool());

    EXPECT_EQ(SpendForecast::project(100, 1, 3), 300);
    EXPECT_EQ(SpendForecast::project(1, 2, 3), 2); // 1.5 rounds half up
    EXPECT_EQ(SpendForecast::project(500, 365, 365), 500);
    EXPECT_EQ(SpendForecast::judge(30000, 30000, true), SpendForecast::Outlook::OnTrack);
    EXPECT_EQ(SpendForecast::judge(30001, 30000, true), SpendForecast::Outlook::Overspend);
}

TEST_F(QuarterlyReturnTest, AFailedReadIsAFailureNeverZeros)
{
    exec(u"DROP INDEX job_completed"_s);
    exec(u"ALTER TABLE job RENAME TO job_gone"_s);
    const auto r = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 3), kNow);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Database);
    EXPECT_TRUE(r.errorString().contains(u"job"_s)) << r.errorString().toStdString();
}

namespace {

/// Adds a completed survey of \a household with one agreed package item, agreed at \a agreedAt.
void addAgreedSurvey(const QSqlDatabase &db, const char *name, const char *household,
                     const QString &completedAt, const QString &agreedAt)
{
    EXPECT_EQ(
        HandMadeReturn::exec(
            db,
            u"INSERT INTO survey (id, household_id, definition_version, started_at, "
            "completed_at, by_user, package_agreed_at) VALUES (?, ?, '1', ?, ?, 'tester', ?)"_s,
            {HandMadeReturn::id(name), HandMadeReturn::id(household), completedAt, completedAt,
             agreedAt}),
        QString());
    EXPECT_EQ(HandMadeReturn::exec(
                  db,
                  u"INSERT INTO recommendation (id, survey_id, equipment_code, "
                  "qty, agreed) VALUES (?, ?, 'ALARM', 1, 1)"_s,
                  {QUuid::createUuid().toString(QUuid::WithoutBraces), HandMadeReturn::id(name)}),
              QString());
}

} // namespace

TEST_F(QuarterlyReturnTest, AcceptedIsDatedByTheAgreementNotTheSurvey)
{
    const QSqlDatabase db = m_database.connection();
    // Surveys completed in Q2 (September, BST): h2's package agreed at 00:00 on 1 October in
    // London (23:00Z) is Q3; h5's at 23:59:59.999 on 30 September is Q2.
    addAgreedSurvey(db, "s2", "h2", u"2024-09-20T10:00:00.000Z"_s, u"2024-09-30T23:00:00.000Z"_s);
    addAgreedSurvey(db, "s5", "h5", u"2024-09-20T10:00:00.000Z"_s, u"2024-09-30T22:59:59.999Z"_s);
    // Surveys completed in Q3 (December, GMT): h3's agreed at 23:59 on 31 December is Q3, h4's
    // at 00:00 on 1 January is Q4.
    addAgreedSurvey(db, "s3", "h3", u"2024-12-20T10:00:00.000Z"_s, u"2024-12-31T23:59:00.000Z"_s);
    addAgreedSurvey(db, "s4", "h4", u"2024-12-20T10:00:00.000Z"_s, u"2025-01-01T00:00:00.000Z"_s);

    const auto accepted = [&](int quarter) {
        const auto r
            = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, quarter), kNow);
        EXPECT_TRUE(r.ok()) << r.errorString().toStdString();
        return r.ok() ? r->figure(u"households_accepted"_s)->households : QStringList {u"?"_s};
    };
    EXPECT_EQ(accepted(1), ids({"h7"}));
    EXPECT_EQ(accepted(2), ids({"h5"}));
    EXPECT_EQ(accepted(3), ids({"h1", "h2", "h3", "h8"}));
    EXPECT_EQ(accepted(4), ids({"h4"}));
}

TEST_F(QuarterlyReturnTest, AgreeingAgainKeepsTheFirstAgreement)
{
    // h5's package was agreed at 10:30 on 5 November 2024 (Q3); it is agreed again today.
    addAgreedSurvey(m_database.connection(), "s5", "h5", u"2024-11-05T10:00:00.000Z"_s,
                    u"2024-11-05T10:30:00.000Z"_s);
    const QUuid s5 = QUuid::fromString(HandMadeReturn::id("s5"));
    const auto agreedAt = [&] {
        return scalar(u"SELECT package_agreed_at FROM survey WHERE id = '%1'"_s.arg(
                          HandMadeReturn::id("s5")))
            .toString();
    };
    SurveyRepository surveys(m_database, u"tester"_s);
    const Status saved1 = surveys.savePackage(
        s5, {PackageItem {u"TLOCK"_s, 2, {}, true}, PackageItem {u"LIGHT"_s, 1, {}, false}}, {});
    ASSERT_TRUE(saved1) << saved1.errorString().toStdString();
    EXPECT_EQ(agreedAt(), u"2024-11-05T10:30:00.000Z"_s);
    const auto q3 = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 3), kNow);
    ASSERT_TRUE(q3.ok()) << q3.errorString().toStdString();
    EXPECT_EQ(q3->figure(u"households_accepted"_s)->households, ids({"h1", "h5", "h8"}));

    // A package left with nothing agreed has no agreement; agreeing it later dates it then.
    const Status saved2 = surveys.savePackage(s5, {PackageItem {u"TLOCK"_s, 2, {}, false}}, {});
    ASSERT_TRUE(saved2) << saved2.errorString().toStdString();
    EXPECT_EQ(scalar(u"SELECT package_agreed_at IS NULL FROM survey WHERE id = '%1'"_s.arg(
                         HandMadeReturn::id("s5")))
                  .toInt(),
              1);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Status saved3 = surveys.savePackage(s5, {PackageItem {u"TLOCK"_s, 2, {}, true}}, {});
    ASSERT_TRUE(saved3) << saved3.errorString().toStdString();
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    const QDateTime now = QDateTime::fromString(agreedAt(), Qt::ISODateWithMs);
    EXPECT_TRUE(now.isValid() && now >= before && now <= after) << agreedAt().toStdString();
    const ReportingStore store(m_database);
    const auto stamp = [](const QDateTime &t) {
        return t.toString(Qt::ISODateWithMs);
    };
    const auto rows = store.returnRows(stamp(before), stamp(after));
    ASSERT_TRUE(rows.ok()) << rows.errorString().toStdString();
    EXPECT_EQ(rows->accepted, ids({"h5"}));
}

TEST(PackageAgreedUpgrade, PackagesAgreedBeforeTheUpgradeAreDatedByTheirSurvey)
{
    // A database one schema older than this version, with a survey whose package was agreed,
    // one whose package agreed nothing and a draft: after the upgrade only the first has an
    // agreement time, its completion (what the return counted it by before), and the
    // backfill queued nothing to send (the server backfills alike).
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u"older.sqlite"_s);
    const QStringList scripts = Migrations::scripts(u"sqlite"_s);
    ASSERT_TRUE(scripts.last().endsWith(u"_package_agreed.sql"_s)) << scripts.last().toStdString();
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
        old.setDatabaseName(path);
        ASSERT_TRUE(old.open());
        QSqlQuery query(old);
        for (qsizetype index = 0; index + 1 < scripts.size(); ++index) {
            QFile script(scripts[index]);
            ASSERT_TRUE(script.open(QIODevice::ReadOnly));
            for (const QString &statement :
                 Migrations::statements(QString::fromUtf8(script.readAll())))
                ASSERT_TRUE(query.exec(statement)) << query.lastError().text().toStdString();
        }
        const QStringList rows {
            u"PRAGMA user_version = %1"_s.arg(scripts.size() - 1),
            u"INSERT INTO meta (key, value) VALUES ('device_id', "
            "'6f1c7c52-8d1e-4a36-9a53-1b2c3d4e5f60')"_s,
            u"INSERT INTO household (rid, id, address_line1, postcode, created_at, updated_at) "
            "VALUES (1, 'h', '1 Old Row', 'LE13 1AA', '2024-01-01T00:00:00.000Z', "
            "'2024-01-01T00:00:00.000Z')"_s,
            u"INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, skill) "
            "VALUES ('TLOCK', 'Lock', 2500, 30, 'locks')"_s,
            u"INSERT INTO survey (id, household_id, definition_version, started_at, "
            "completed_at, by_user) VALUES "
            "('agreed', 'h', '1', '2024-05-01T09:00:00.000Z', '2024-05-01T09:40:00.000Z', 'o'), "
            "('nothing', 'h', '1', '2024-05-02T09:00:00.000Z', '2024-05-02T09:40:00.000Z', 'o'), "
            "('draft', 'h', '1', '2024-05-03T09:00:00.000Z', NULL, 'o')"_s,
            u"INSERT INTO recommendation (id, survey_id, equipment_code, qty, agreed) VALUES "
            "('r1', 'agreed', 'TLOCK', 1, 1), ('r2', 'agreed', 'TLOCK', 1, 0), "
            "('r3', 'nothing', 'TLOCK', 1, 0), ('r4', 'draft', 'TLOCK', 1, 1)"_s,
            u"DELETE FROM outbox"_s,
        };
        for (const QString &sql : rows)
            ASSERT_TRUE(query.exec(sql))
                << sql.toStdString() << query.lastError().text().toStdString();
    }
    QSqlDatabase::removeDatabase(u"older"_s);

    Database database(u"upgraded"_s);
    const auto opened = database.open(path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    QSqlQuery query(database.connection());
    ASSERT_TRUE(
        query.exec(u"SELECT id, coalesce(package_agreed_at, '-') FROM survey ORDER BY id"_s));
    QStringList agreed;
    while (query.next())
        agreed.append(query.value(0).toString() + u' ' + query.value(1).toString());
    EXPECT_EQ(agreed,
              (QStringList {u"agreed 2024-05-01T09:40:00.000Z"_s, u"draft -"_s, u"nothing -"_s}));
    ASSERT_TRUE(query.exec(u"SELECT count(*) FROM outbox"_s) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);
}
