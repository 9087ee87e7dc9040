// Push at scale (issue 9, item 7; DESIGN §7): the cost of a pushed op must not grow with the
// central database. On a server holding 100,000 households, every statement an op makes is
// planned, as each role, with its row-level policies: a household is reached through its
// primary key only, never by scanning the table.

#include "centraltest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace saferhomes::synctest {

namespace {

const QString kOadby = QStringLiteral("Oadby and Wigston");
constexpr int kHouseholds = 100'000;

/// Every way \a plan (EXPLAIN's JSON) reads the household table, as "node type/index" (the
/// table an UPDATE writes is named by its ModifyTable node too, which reads nothing itself).
void householdReads(const QJsonObject &plan, QStringList &reads)
{
    if (plan.value(u"Relation Name").toString() == u"household"
        && plan.value(u"Node Type").toString() != u"ModifyTable") {
        reads.append(plan.value(u"Node Type").toString() + u'/'
                     + plan.value(u"Index Name").toString());
    }
    for (const QJsonValue &child : plan.value(u"Plans").toArray())
        householdReads(child.toObject(), reads);
}

} // namespace

class PushScale : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_database = initialisedDatabase(QStringLiteral("pushscale"));
        if (s_database.isEmpty())
            return;
        const auto session = superuserSession(s_database);
        // One statement on the server: 100,000 households, then fresh statistics, as
        // autovacuum would have them on a server that grew to this size.
        const bool filled = session->exec(
            QStringLiteral("INSERT INTO household (id, address_line1, postcode, area_id) "
                           "SELECT gen_random_uuid(), n || ' Scale Road', 'LE18 3AA', "
                           "(SELECT id FROM area WHERE name = ?) "
                           "FROM generate_series(1, ?) AS n"),
            {kOadby, kHouseholds});
        if (!filled || !session->exec(QStringLiteral("ANALYZE"))) {
            ADD_FAILURE() << session->lastError().toStdString();
            s_database.clear();
        }
    }

    void SetUp() override { ASSERT_FALSE(s_database.isEmpty()) << "set-up failed"; }

    static inline QString s_database;
};

TEST_F(PushScale, EveryRolesPushedOpsReachTheHouseholdByItsPrimaryKey)
{
    const auto session = superuserSession(s_database);
    ASSERT_EQ(session->value(QStringLiteral("SELECT count(*) FROM household")).toInt(),
              kHouseholds);
    const QString household
        = session->value(QStringLiteral("SELECT id FROM household LIMIT 1")).toString();
    // A survey and a job of that household, for the ops that refer to them.
    const QString survey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString job = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ASSERT_TRUE(session->exec(QStringLiteral("INSERT INTO survey (id, household_id, "
                                             "definition_version, started_at, by_user) "
                                             "VALUES (?, ?, '1', now(), 'test')"),
                              {survey, household}))
        << session->lastError().toStdString();
    ASSERT_TRUE(session->exec(QStringLiteral("INSERT INTO job (id, household_id, status) VALUES "
                                             "(?, ?, 'tentative')"),
                              {job, household}))
        << session->lastError().toStdString();

    // The statements sh_push runs for one op of each kind (planned only, never run).
    const QString h = QStringLiteral("'%1'").arg(household);
    const QStringList statements {
        QStringLiteral("INSERT INTO resident (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO visit (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO attachment (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO consent (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO survey (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO job (id, household_id) VALUES (gen_random_uuid(), %1)"),
        QStringLiteral("INSERT INTO household_move (household_id) VALUES (%1)"),
        QStringLiteral("INSERT INTO audit_event (household_id) VALUES (%1)"),
        QStringLiteral("UPDATE household SET notes = notes WHERE id = %1"),
        QStringLiteral("UPDATE resident SET name = name WHERE household_id = %1"),
        QStringLiteral("INSERT INTO recommendation (id, survey_id) VALUES (gen_random_uuid(), "
                       "'%1')")
            .arg(survey),
        QStringLiteral("INSERT INTO job_item (id, job_id) VALUES (gen_random_uuid(), '%1')")
            .arg(job),
        QStringLiteral("UPDATE job SET notes = notes WHERE id = '%1'").arg(job),
        // A package agreed again on an officer's or volunteer's device (0018).
        QStringLiteral("UPDATE job SET duration_minutes = duration_minutes WHERE id = '%1'")
            .arg(job),
        QStringLiteral("UPDATE job_item SET deleted_at = deleted_at WHERE job_id = '%1'").arg(job),
    };
    const QStringList roles {QStringLiteral("volunteer"),   QStringLiteral("officer"),
                             QStringLiteral("coordinator"), QStringLiteral("fitter"),
                             QStringLiteral("manager"),     QStringLiteral("admin")};
    for (const QString &role : roles) {
        const QString login = PgCluster::uniqueName(role);
        const bool inAreas = role != u"fitter" && role != u"manager" && role != u"admin";
        const CentralAdmin::Report added = CentralAdmin().addUser(
            superuserUri(s_database), login, role, inAreas ? QStringList {kOadby} : QStringList {},
            QStringLiteral("push-scale-password"));
        ASSERT_TRUE(added.ok()) << added.errorString().toStdString();
        ASSERT_TRUE(session->exec(QStringLiteral("SET ROLE \"%1\"").arg(login)));
        int planned = 0;
        for (const QString &statement : statements) {
            const QString sql = statement.contains(u"%1") ? statement.arg(h) : statement;
            const auto plan = session->rows(QStringLiteral("EXPLAIN (FORMAT JSON) ") + sql);
            if (!plan) {
                // A statement the role may not run at all (no grant) plans nothing.
                EXPECT_EQ(session->lastState(), QStringLiteral("42501"))
                    << role.toStdString() << ": " << sql.toStdString() << ": "
                    << session->lastError().toStdString();
                continue;
            }
            ++planned;
            const QJsonObject root = QJsonDocument::fromJson(plan->first().first().toByteArray())
                                         .array()
                                         .first()
                                         .toObject();
            QStringList reads;
            householdReads(root.value(u"Plan").toObject(), reads);
            for (const QString &read : std::as_const(reads)) {
                EXPECT_TRUE(read == u"Index Scan/household_pkey"
                            || read == u"Index Only Scan/household_pkey")
                    << role.toStdString() << " reads household by " << read.toStdString() << " for "
                    << sql.toStdString();
            }
        }
        EXPECT_GT(planned, 0) << role.toStdString() << " may push nothing at all?";
        ASSERT_TRUE(session->exec(QStringLiteral("RESET ROLE")));
    }
}

} // namespace saferhomes::synctest
