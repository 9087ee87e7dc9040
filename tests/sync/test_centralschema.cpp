// The central schema (DESIGN §7): what init-server creates, that running it again changes
// nothing, and the pieces it is built from (URI parsing, script splitting).

#include "centraltest.h"
#include "sync/centraladmin.h"
#include "sync/centralconnection.h"

#include <QFile>

namespace saferhomes::synctest {

namespace {

const QStringList kTables {
    QStringLiteral("applied_ops"),
    QStringLiteral("app_user"),
    QStringLiteral("area"),
    QStringLiteral("attachment"),
    QStringLiteral("audit_event"),
    QStringLiteral("consent"),
    QStringLiteral("equipment_type"),
    QStringLiteral("fitter"),
    QStringLiteral("household"),
    QStringLiteral("household_move"),
    QStringLiteral("job"),
    QStringLiteral("job_item"),
    QStringLiteral("recommendation"),
    QStringLiteral("resident"),
    QStringLiteral("schema_info"),
    QStringLiteral("stock_movement"),
    QStringLiteral("survey"),
    QStringLiteral("user_area"),
    QStringLiteral("visit"),
    QStringLiteral("area_budget"),
    QStringLiteral("frozen_return"),
};

// Everything init-server could touch, with each catalog row's xmin: a row rewritten by a
// second run would show a new xmin even if its content came out the same. Memberships and
// roles of other tests' logins (the cluster is shared) are left out.
QStringList catalogSnapshot(PgSession &session)
{
    return session.column(QStringLiteral(R"(
        SELECT 'class ' || c.relname || ' ' || c.relkind::text || ' '
               || coalesce(c.relacl::text, '') || ' ' || c.relrowsecurity || c.relforcerowsecurity || ' ' || c.xmin
          FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'attribute ' || a.attrelid::regclass || '.' || a.attname || ' '
               || format_type(a.atttypid, a.atttypmod) || ' ' || coalesce(a.attacl::text, '')
               || ' ' || a.xmin
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0
        UNION ALL
        SELECT 'policy ' || p.polrelid::regclass || '.' || p.polname || ' '
               || pg_get_expr(p.polqual, p.polrelid) || ' ' || p.xmin
          FROM pg_policy p
        UNION ALL
        SELECT 'constraint ' || conname || ' ' || xmin FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'trigger ' || tgname || ' ' || xmin FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL
        SELECT 'function ' || proname || ' ' || xmin FROM pg_proc
         WHERE pronamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'extension ' || extname || ' ' || extversion || ' ' || xmin FROM pg_extension
        UNION ALL
        SELECT 'role ' || rolname || ' ' || rolcanlogin || ' ' || xmin FROM pg_authid
         WHERE rolname LIKE 'sh\_%'
        UNION ALL
        SELECT 'database ' || coalesce(datacl::text, '') || ' ' || xmin FROM pg_database
         WHERE datname = current_database()
        UNION ALL
        SELECT 'schema_info ' || schema_version || ' ' || min_client_version || ' ' || xmin
          FROM schema_info
    )"));
}

} // namespace

TEST(CentralUri, ReadsHostPortDatabaseUserAndConnectOptions)
{
    const auto address = CentralConnection::parseUri(
        QStringLiteral("postgresql://alice@db.example.org:6543/saferhomes?sslmode=verify-full"
                       "&sslrootcert=/etc/saferhomes/ca.pem&channel_binding=require"));
    ASSERT_TRUE(address) << address.errorString().toStdString();
    EXPECT_EQ(address->user, u"alice");
    EXPECT_EQ(address->host, u"db.example.org");
    EXPECT_EQ(address->port, 6543);
    EXPECT_EQ(address->database, u"saferhomes");
    EXPECT_EQ(address->sslMode, u"verify-full");
    EXPECT_EQ(address->options,
              QStringList({QStringLiteral("sslmode='verify-full'"),
                           QStringLiteral("sslrootcert='/etc/saferhomes/ca.pem'"),
                           QStringLiteral("channel_binding='require'")}));
    EXPECT_TRUE(address->securityWarning().isEmpty());
    EXPECT_EQ(address->display(), u"alice@db.example.org:6543/saferhomes");
}

TEST(CentralUri, ReadsIpv6PercentEncodingAndDefaults)
{
    auto address
        = CentralConnection::parseUri(QStringLiteral("postgres://bob%40x@[::1]:5433/my%20db"));
    ASSERT_TRUE(address) << address.errorString().toStdString();
    EXPECT_EQ(address->user, u"bob@x");
    EXPECT_EQ(address->host, u"::1");
    EXPECT_EQ(address->port, 5433);
    EXPECT_EQ(address->database, u"my db");

    address = CentralConnection::parseUri(QStringLiteral("postgresql://"));
    ASSERT_TRUE(address) << address.errorString().toStdString();
    EXPECT_TRUE(address->host.isEmpty());
    EXPECT_EQ(address->port, -1);

    address = CentralConnection::parseUri(
        QStringLiteral("postgresql:///saferhomes?host=%2Fvar%2Frun%2Fpostgresql&port=5444"));
    ASSERT_TRUE(address) << address.errorString().toStdString();
    EXPECT_EQ(address->host, u"/var/run/postgresql");
    EXPECT_EQ(address->port, 5444);
    EXPECT_EQ(address->database, u"saferhomes");
}

TEST(CentralUri, RefusesPasswordsAndWhatLibpqWouldMisread)
{
    const QStringList bad {
        QStringLiteral("postgresql://alice:secret@db.example.org/saferhomes"),
        QStringLiteral("postgresql://alice@db.example.org/saferhomes?password=secret"),
        QStringLiteral("mysql://alice@db.example.org/saferhomes"),
        QStringLiteral("postgresql://alice@db.example.org:99999/saferhomes"),
        QStringLiteral("postgresql://alice@a.example.org,b.example.org/saferhomes"),
        QStringLiteral("postgresql://alice@db.example.org/s?sslrootcert=/a;host=evil"),
        QStringLiteral("postgresql://alice@db.example.org/s?bad key=1"),
    };
    for (const QString &uri : bad) {
        const auto address = CentralConnection::parseUri(uri);
        ASSERT_FALSE(address) << uri.toStdString();
        EXPECT_EQ(address.error().kind, Error::Kind::Invalid) << uri.toStdString();
        EXPECT_FALSE(address.errorString().isEmpty()) << uri.toStdString();
    }
    const QString error
        = CentralConnection::parseUri(QStringLiteral("postgresql://a:b@h/d")).errorString();
    EXPECT_TRUE(error.contains(u"PGPASSWORD")) << error.toStdString();
}

TEST(CentralUri, WarnsWhenARemoteServerIsNotVerified)
{
    auto address = CentralConnection::parseUri(
        QStringLiteral("postgresql://a@db.example.org/s?sslmode=require"));
    ASSERT_TRUE(address);
    EXPECT_FALSE(address->securityWarning().isEmpty());
    address = CentralConnection::parseUri(QStringLiteral("postgresql://a@127.0.0.1:5432/s"));
    ASSERT_TRUE(address);
    EXPECT_TRUE(address->securityWarning().isEmpty());
}

TEST(CentralConnection, TellsUnreachableFromRefused)
{
    using Failure = CentralConnection::Failure;
    EXPECT_EQ(CentralConnection::classifyConnectError(QStringLiteral(
                  "connection to server at \"127.0.0.1\", port 1 failed: Connection refused "
                  "Is the server running on that host and accepting TCP/IP connections?")),
              Failure::Unreachable);
    EXPECT_EQ(CentralConnection::classifyConnectError(
                  QStringLiteral("could not translate host name \"nowhere\" to address")),
              Failure::Unreachable);
    EXPECT_EQ(CentralConnection::classifyConnectError(
                  QStringLiteral("connection to server at \"10.0.0.1\", port 5432 failed: "
                                 "FATAL:  the database system is starting up")),
              Failure::Unreachable);
    EXPECT_EQ(CentralConnection::classifyConnectError(
                  QStringLiteral("connection to server at \"127.0.0.1\", port 5432 failed: "
                                 "FATAL:  password authentication failed for user \"x\"")),
              Failure::Refused);
    EXPECT_EQ(CentralConnection::classifyConnectError(
                  QStringLiteral("server certificate for \"db\" does not match host name")),
              Failure::Refused);

    CentralConnection closed(QStringLiteral("test-closed-port"));
    const Status unreached = closed.open(
        CentralConnection::parseUri(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/x").arg(PgCluster::freePort()))
            .value(),
        QStringLiteral("whatever"));
    ASSERT_FALSE(unreached);
    EXPECT_EQ(unreached.error().kind, Error::Kind::Network)
        << unreached.errorString().toStdString();

    CentralConnection wrong(QStringLiteral("test-wrong-password"));
    const Status refused
        = wrong.open(CentralConnection::parseUri(superuserUri(QStringLiteral("postgres"))).value(),
                     QStringLiteral("not the password"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused) << refused.errorString().toStdString();
}

TEST(CentralScript, SplitsAtTopLevelSemicolonsOnly)
{
    const QString script
        = QStringLiteral("-- a comment; with a semicolon\n"
                         "CREATE TABLE t (a text DEFAULT 'x;y', \"odd;name\" int);\n"
                         "/* block; /* nested; */ still comment; */\n"
                         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                         "BEGIN\n  RAISE NOTICE 'it''s; fine';\n  RETURN NEW;\nEND;\n$$;\n"
                         "DO $body$ BEGIN PERFORM 1; END $body$;\n"
                         "SELECT $1::text;\n"
                         "-- trailing comment only\n");
    const QStringList statements = CentralAdmin::statements(script);
    ASSERT_EQ(statements.size(), 4) << statements.join(u'|').toStdString();
    EXPECT_TRUE(statements[0].endsWith(u"\"odd;name\" int);"));
    EXPECT_TRUE(statements[1].contains(u"RETURN NEW;\nEND;\n$$;"));
    EXPECT_TRUE(statements[2].startsWith(u"DO $body$"));
    EXPECT_EQ(statements[3], u"SELECT $1::text;");
}

TEST(CentralScript, ShipsNumberedMigrations)
{
    EXPECT_EQ(CentralAdmin::latestSchemaVersion(), 19);
    for (const QString &path : {QStringLiteral(":/sql/postgres/0001_central.sql"),
                                QStringLiteral(":/sql/postgres/0002_access.sql")}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        const QStringList statements = CentralAdmin::statements(QString::fromUtf8(file.readAll()));
        EXPECT_GT(statements.size(), 20) << path.toStdString();
        for (const QString &statement : statements)
            EXPECT_TRUE(statement.endsWith(u';')) << statement.toStdString();
    }
}

TEST(CentralSchema, InitServerCreatesTablesRolesAndPolicies)
{
    const QString database = newDatabase(QStringLiteral("schema"));
    ASSERT_FALSE(database.isEmpty());
    const CentralAdmin::Report result = CentralAdmin().initServer(superuserUri(database));
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    EXPECT_EQ(result.applied, CentralAdmin::latestSchemaVersion());
    EXPECT_EQ(result.schemaVersion, 19);

    const auto session = superuserSession(database);
    EXPECT_EQ(session->column(QStringLiteral("SELECT relname FROM pg_class WHERE relkind = 'r' "
                                             "AND relnamespace = 'public'::regnamespace")),
              [] {
                  QStringList sorted = kTables;
                  sorted.sort();
                  return sorted;
              }());
    // Every table has row-level security enabled and forced.
    EXPECT_EQ(session->column(QStringLiteral("SELECT relname FROM pg_class WHERE relkind = 'r' "
                                             "AND relnamespace = 'public'::regnamespace "
                                             "AND NOT (relrowsecurity AND relforcerowsecurity)")),
              QStringList());
    EXPECT_EQ(session->column(QStringLiteral("SELECT rolname FROM pg_roles "
                                             "WHERE rolname LIKE 'sh\\_%' AND NOT rolcanlogin")),
              QStringList({QStringLiteral("sh_admin"), QStringLiteral("sh_coordinator"),
                           QStringLiteral("sh_fitter"), QStringLiteral("sh_manager"),
                           QStringLiteral("sh_officer"), QStringLiteral("sh_volunteer")}));
    EXPECT_EQ(session
                  ->value(QStringLiteral("SELECT count(*) FROM pg_extension "
                                         "WHERE extname = 'btree_gist'"))
                  .toInt(),
              1);
    EXPECT_EQ(session->value(QStringLiteral("SELECT schema_version FROM schema_info")).toInt(), 19);
    EXPECT_FALSE(session->value(QStringLiteral("SELECT min_client_version FROM schema_info"))
                     .toString()
                     .isEmpty());

    // Every synced table: row_version bigint, txid xid8, and an index on (txid, key).
    const QStringList synced = session->column(QStringLiteral(
        "SELECT c.relname FROM pg_class c "
        "JOIN pg_attribute v ON v.attrelid = c.oid AND v.attname = 'row_version' "
        "     AND v.atttypid = 'bigint'::regtype "
        "JOIN pg_attribute t ON t.attrelid = c.oid AND t.attname = 'txid' "
        "     AND t.atttypid = 'xid8'::regtype "
        "JOIN pg_index i ON i.indrelid = c.oid AND i.indkey[0] = t.attnum AND i.indnatts = 2 "
        "WHERE c.relnamespace = 'public'::regnamespace"));
    QStringList expected = kTables;
    expected.removeAll(QStringLiteral("applied_ops"));
    expected.removeAll(QStringLiteral("schema_info"));
    expected.sort();
    EXPECT_EQ(synced, expected);
    EXPECT_EQ(session->column(QStringLiteral(
                  "SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute "
                  "WHERE attrelid = 'applied_ops'::regclass AND attnum > 0 "
                  "AND attname IN ('op_id', 'result', 'applied_at')")),
              QStringList({QStringLiteral("applied_at timestamp with time zone"),
                           QStringLiteral("op_id uuid"), QStringLiteral("result jsonb")}));
    EXPECT_EQ(session
                  ->value(QStringLiteral("SELECT count(*) FROM pg_constraint "
                                         "WHERE conname = 'job_fitter_not_double_booked' "
                                         "AND contype = 'x'"))
                  .toInt(),
              1);
    // Nobody has DELETE or TRUNCATE, and nobody may UPDATE the ledgers.
    EXPECT_EQ(session->column(QStringLiteral(
                  "SELECT table_name || ' ' || grantee || ' ' || privilege_type "
                  "FROM information_schema.role_table_grants WHERE grantee LIKE 'sh\\_%' "
                  "AND (privilege_type IN ('DELETE', 'TRUNCATE') OR (privilege_type = 'UPDATE' "
                  "AND table_name IN ('audit_event', 'stock_movement')))")),
              QStringList());
}

TEST(CentralSchema, InitServerTwiceChangesNothing)
{
    const QString database = initialisedDatabase(QStringLiteral("twice"));
    ASSERT_FALSE(database.isEmpty());
    const auto session = superuserSession(database);
    const QStringList before = catalogSnapshot(*session);
    ASSERT_GT(before.size(), 200) << session->lastError().toStdString();

    const CentralAdmin::Report again = CentralAdmin().initServer(superuserUri(database));
    ASSERT_TRUE(again.ok()) << again.errorString().toStdString();
    EXPECT_EQ(again.applied, 0);
    EXPECT_EQ(again.schemaVersion, 19);
    EXPECT_TRUE(again.createdRoles.isEmpty());
    EXPECT_EQ(catalogSnapshot(*session), before);
}

TEST(CentralSchema, InitServerRefusesANewerSchema)
{
    const QString database = initialisedDatabase(QStringLiteral("newer"));
    ASSERT_FALSE(database.isEmpty());
    const auto session = superuserSession(database);
    ASSERT_TRUE(session->exec(QStringLiteral("UPDATE schema_info SET schema_version = 99")))
        << session->lastError().toStdString();
    const QStringList before = catalogSnapshot(*session);

    const CentralAdmin::Report result = CentralAdmin().initServer(superuserUri(database));
    EXPECT_EQ(result.status.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(result.errorString().contains(u"newer")) << result.errorString().toStdString();
    EXPECT_EQ(catalogSnapshot(*session), before);
}

TEST(CentralSchema, OwnerThatIsNotASuperuserCanSetUpAndAddPeople)
{
    // Managed PostgreSQL services give a database owner with CREATEROLE, not a superuser.
    const QString owner = PgCluster::uniqueName(QStringLiteral("owner"));
    QString error;
    ASSERT_TRUE(cluster().superuserExec(
        QStringLiteral("postgres"),
        QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE PASSWORD 'owner-secret'").arg(owner),
        &error))
        << error.toStdString();
    const QString database = newDatabase(QStringLiteral("owned"), owner);
    ASSERT_FALSE(database.isEmpty());

    const QByteArray superuserPassword = qgetenv("PGPASSWORD");
    qputenv("PGPASSWORD", "owner-secret");
    const CentralAdmin::Report init = CentralAdmin().initServer(cluster().uri(owner, database));
    const QString officer = PgCluster::uniqueName(QStringLiteral("officer"));
    const CentralAdmin::Report added
        = CentralAdmin().addUser(cluster().uri(owner, database), officer, QStringLiteral("officer"),
                                 {QStringLiteral("Melton")}, QStringLiteral("officer-secret"));
    qputenv("PGPASSWORD", superuserPassword);
    ASSERT_TRUE(init.ok()) << init.errorString().toStdString();
    ASSERT_TRUE(added.ok()) << added.errorString().toStdString();

    PgSession session(cluster(), database, officer, QStringLiteral("officer-secret"));
    ASSERT_TRUE(session.isOpen()) << session.openError().toStdString();
    EXPECT_EQ(session.column(QStringLiteral("SELECT login FROM app_user")), QStringList(officer));
}

} // namespace saferhomes::synctest
