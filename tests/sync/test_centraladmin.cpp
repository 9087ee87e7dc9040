// Adding people to the central database (DESIGN §4 admin add-user, §7 roles): the login works
// with its password and only with it, its areas are assigned (and made when new), and bad
// names never reach the server.

#include "centraltest.h"
#include "sync/centraladmin.h"
#include "sync/centralconnection.h"

namespace saferhomes::synctest {

namespace {

class CentralAdminUsers : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_database = initialisedDatabase(QStringLiteral("admin")); }

    void SetUp() override { ASSERT_FALSE(s_database.isEmpty()); }

    static CentralAdmin::Report add(const QString &name, const QString &role,
                                    const QStringList &areas = {},
                                    const QString &password = QStringLiteral("pass-word-1"))
    {
        return CentralAdmin().addUser(superuserUri(s_database), name, role, areas, password);
    }

    static inline QString s_database;
};

} // namespace

TEST_F(CentralAdminUsers, AddUserMakesALoginThatWorksWithItsPasswordOnly)
{
    const QString name = PgCluster::uniqueName(QStringLiteral("officer"));
    const QString melton = PgCluster::uniqueName(QStringLiteral("Melton"));
    const QString oadby = PgCluster::uniqueName(QStringLiteral("Oadby"));
    const CentralAdmin::Report result
        = add(name, QStringLiteral("officer"), {melton, QStringLiteral(" %1 ").arg(oadby), melton},
              QStringLiteral("correct horse"));
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    EXPECT_EQ(result.createdAreas, QStringList({melton, oadby}));
    EXPECT_EQ(result.warnings.size(), 2) << result.warnings.join(u'\n').toStdString();

    const auto admin = superuserSession(s_database);
    EXPECT_EQ(admin->value(QStringLiteral("SELECT role FROM app_user WHERE login = ?"), {name})
                  .toString(),
              u"officer");
    EXPECT_EQ(admin->column(QStringLiteral("SELECT a.name FROM user_area ua "
                                           "JOIN area a ON a.id = ua.area_id "
                                           "JOIN app_user u ON u.id = ua.user_id "
                                           "WHERE u.login = ?"),
                            {name}),
              QStringList({melton, oadby}));
    EXPECT_TRUE(
        admin->value(QStringLiteral("SELECT pg_has_role(?, 'sh_officer', 'MEMBER')"), {name})
            .toBool());

    PgSession good(cluster(), s_database, name, QStringLiteral("correct horse"));
    EXPECT_TRUE(good.isOpen()) << good.openError().toStdString();
    EXPECT_EQ(good.value(QStringLiteral("SELECT current_user")).toString(), name);
    PgSession bad(cluster(), s_database, name, QStringLiteral("correct horse battery"));
    EXPECT_FALSE(bad.isOpen());

    CentralConnection wrong(QStringLiteral("test-wrong-user-password"));
    const Status refused
        = wrong.open(CentralConnection::parseUri(cluster().uri(name, s_database)).value(),
                     QStringLiteral("nope"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
}

TEST_F(CentralAdminUsers, KnownAreasAreReused)
{
    const QString area = PgCluster::uniqueName(QStringLiteral("Area"));
    ASSERT_TRUE(
        add(PgCluster::uniqueName(QStringLiteral("vol")), QStringLiteral("volunteer"), {area})
            .ok());
    const CentralAdmin::Report second
        = add(PgCluster::uniqueName(QStringLiteral("vol")), QStringLiteral("volunteer"), {area});
    ASSERT_TRUE(second.ok()) << second.errorString().toStdString();
    EXPECT_TRUE(second.createdAreas.isEmpty());
    EXPECT_TRUE(second.warnings.isEmpty());
    const auto admin = superuserSession(s_database);
    EXPECT_EQ(
        admin->value(QStringLiteral("SELECT count(*) FROM area WHERE name = ?"), {area}).toInt(),
        1);
}

TEST_F(CentralAdminUsers, PasswordsAreQuotedByTheServer)
{
    const QString name = PgCluster::uniqueName(QStringLiteral("quoted"));
    const QString password = QStringLiteral("it's \"odd\" \\ $$ ; -- %L %I \u00e9");
    ASSERT_TRUE(add(name, QStringLiteral("manager"), {}, password).ok());
    PgSession session(cluster(), s_database, name, password);
    EXPECT_TRUE(session.isOpen()) << session.openError().toStdString();
}

TEST_F(CentralAdminUsers, BadNamesAndRolesAreRefusedBeforeTheServer)
{
    const auto admin = superuserSession(s_database);
    const int roles = admin->value(QStringLiteral("SELECT count(*) FROM pg_roles")).toInt();
    const QStringList badNames {
        QString(),
        QStringLiteral("Alice"),
        QStringLiteral("1alice"),
        QStringLiteral("al-ice"),
        QStringLiteral("alice; DROP TABLE app_user; --"),
        QStringLiteral("x\"; DROP ROLE postgres; --"),
        QStringLiteral("sh_admin"),
        QStringLiteral("pg_monitor"),
        QString(64, QLatin1Char('a')),
    };
    for (const QString &name : badNames) {
        const CentralAdmin::Report result = add(name, QStringLiteral("officer"));
        EXPECT_EQ(result.status.error().kind, Error::Kind::Refused) << name.toStdString();
    }
    const CentralAdmin::Report wizard
        = add(PgCluster::uniqueName(QStringLiteral("wiz")), QStringLiteral("wizard"));
    EXPECT_EQ(wizard.status.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(wizard.errorString().contains(u"volunteer")) << wizard.errorString().toStdString();
    EXPECT_EQ(admin->value(QStringLiteral("SELECT count(*) FROM pg_roles")).toInt(), roles);
    EXPECT_TRUE(CentralAdmin::isValidLoginName(QString(63, QLatin1Char('a'))));
}

TEST_F(CentralAdminUsers, AnExistingLoginIsRefusedAndKeepsItsPassword)
{
    const QString name = PgCluster::uniqueName(QStringLiteral("twice"));
    ASSERT_TRUE(add(name, QStringLiteral("officer"), {}, QStringLiteral("first")).ok());
    const CentralAdmin::Report again
        = add(name, QStringLiteral("admin"), {}, QStringLiteral("second"));
    EXPECT_EQ(again.status.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(again.errorString().contains(u"exists")) << again.errorString().toStdString();
    PgSession session(cluster(), s_database, name, QStringLiteral("first"));
    EXPECT_TRUE(session.isOpen()) << session.openError().toStdString();
    const auto admin = superuserSession(s_database);
    EXPECT_FALSE(admin->value(QStringLiteral("SELECT pg_has_role(?, 'sh_admin', 'MEMBER')"), {name})
                     .toBool());
}

TEST_F(CentralAdminUsers, AFitterGetsAFitterRowAndAnAdminMayAddPeople)
{
    const QString fitter = PgCluster::uniqueName(QStringLiteral("fitter"));
    ASSERT_TRUE(add(fitter, QStringLiteral("fitter")).ok());
    const auto admin = superuserSession(s_database);
    EXPECT_EQ(admin
                  ->value(QStringLiteral("SELECT f.name FROM fitter f "
                                         "JOIN app_user u ON u.id = f.user_id WHERE u.login = ?"),
                          {fitter})
                  .toString(),
              fitter);

    // An admin person (not a superuser) adds a volunteer.
    const QString boss = PgCluster::uniqueName(QStringLiteral("admin"));
    ASSERT_TRUE(add(boss, QStringLiteral("admin"), {}, QStringLiteral("boss-pass")).ok());
    const QByteArray superuserPassword = qgetenv("PGPASSWORD");
    qputenv("PGPASSWORD", "boss-pass");
    const QString volunteer = PgCluster::uniqueName(QStringLiteral("vol"));
    const CentralAdmin::Report added = CentralAdmin().addUser(
        cluster().uri(boss, s_database), volunteer, QStringLiteral("volunteer"),
        {QStringLiteral("Melton Town Centre")}, QStringLiteral("vol-pass"));
    qputenv("PGPASSWORD", superuserPassword);
    ASSERT_TRUE(added.ok()) << added.errorString().toStdString();
    PgSession session(cluster(), s_database, volunteer, QStringLiteral("vol-pass"));
    EXPECT_TRUE(session.isOpen()) << session.openError().toStdString();
}

TEST(CentralAdminSetup, AddUserBeforeInitServerIsRefused)
{
    const QString database = newDatabase(QStringLiteral("empty"));
    ASSERT_FALSE(database.isEmpty());
    const CentralAdmin::Report result = CentralAdmin().addUser(
        superuserUri(database), PgCluster::uniqueName(QStringLiteral("early")),
        QStringLiteral("officer"), {}, QStringLiteral("pass"));
    EXPECT_EQ(result.status.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(result.errorString().contains(u"init-server"))
        << result.errorString().toStdString();
}

TEST(CentralAdminSetup, UnreachableServerIsNotARefusal)
{
    const CentralAdmin::Report result = CentralAdmin().initServer(
        QStringLiteral("postgresql://postgres@127.0.0.1:%1/x").arg(PgCluster::freePort()));
    EXPECT_EQ(result.status.error().kind, Error::Kind::Network)
        << result.errorString().toStdString();
    const CentralAdmin::Report bad = CentralAdmin().initServer(QStringLiteral("http://x/"));
    EXPECT_EQ(bad.status.error().kind, Error::Kind::Invalid);
}

} // namespace saferhomes::synctest
