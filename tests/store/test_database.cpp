#include "storefixture.h"

#include <QFile>
#include <QSqlQuery>

using namespace saferhomes;
using saferhomes::test::StoreFixture;

namespace {

QVariant scalar(const QString &connection, const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

} // namespace

using DatabaseTest = StoreFixture;

TEST_F(DatabaseTest, NewDatabaseIsMigratedWithTheRightPragmas)
{
    const QString c = m_database.connectionName();
    EXPECT_EQ(scalar(c, QStringLiteral("PRAGMA user_version")).toInt(),
              Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 1);
    EXPECT_EQ(scalar(c, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(scalar(c, QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
    for (const char *table :
         {"household", "resident", "area", "visit", "consent", "survey", "recommendation",
          "equipment_type", "job", "job_item", "fitter", "stock_movement", "attachment",
          "audit_event", "app_user", "household_fts"}) {
        EXPECT_EQ(scalar(c,
                         QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                             .arg(QLatin1String(table)))
                      .toInt(),
                  1)
            << table;
    }
    EXPECT_FALSE(QUuid::fromString(m_database.deviceId()).isNull());
}

TEST_F(DatabaseTest, ReopeningKeepsTheDeviceIdAndSchema)
{
    const QString device = m_database.deviceId();
    m_database.close();
    Database again(QStringLiteral("again"));
    ASSERT_TRUE(again.open(m_path)) << qPrintable(again.errorString());
    EXPECT_EQ(again.deviceId(), device);
}

TEST_F(DatabaseTest, NewerSchemaIsRefusedAndLeftAlone)
{
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    m_database.close();
    Database newer(QStringLiteral("newer"));
    EXPECT_FALSE(newer.open(m_path));
    EXPECT_TRUE(newer.errorString().contains(QStringLiteral("newer version")))
        << qPrintable(newer.errorString());
    EXPECT_FALSE(newer.isOpen());
    // Opening it again would refuse too; read user_version from the header (bytes 60-63).
    QFile file(m_path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(64);
    EXPECT_EQ(quint8(header[63]), 999 % 256);
}

TEST_F(DatabaseTest, AFileThatIsNotADatabaseIsRefused)
{
    const QString path = m_dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("these are my notes, not a database\n").repeated(200));
    file.close();
    Database database(QStringLiteral("garbage"));
    EXPECT_FALSE(database.open(path));
    EXPECT_TRUE(database.errorString().contains(QStringLiteral("not a SaferHomes database")))
        << qPrintable(database.errorString());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().startsWith("these are my notes"));
}

TEST_F(DatabaseTest, AuditEventsAreAppendOnly)
{
    ASSERT_TRUE(m_repository->insert(
        {household(QStringLiteral("1 Thorpe End"), QStringLiteral("LE13 1RB"))}));
    QSqlQuery query(m_database.connection());
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE audit_event SET user_name = 'someone'")));
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM audit_event")));
    EXPECT_EQ(scalar(m_database.connectionName(),
                     QStringLiteral("SELECT count(*) FROM audit_event WHERE user_name = 'tester'"))
                  .toInt(),
              1);
}

TEST_F(DatabaseTest, StockLedgerIsAppendOnly)
{
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "INSERT INTO equipment_type VALUES ('DOOR_VIEWER', 'Door viewer', '', 1200, 15, "
        "'locks')")));
    ASSERT_TRUE(query.exec(QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user) "
        "VALUES ('m1', 'DOOR_VIEWER', 10, 'received', '2026-01-01', 'x')")));
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE stock_movement SET qty_change = 11")));
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM stock_movement")));
}
