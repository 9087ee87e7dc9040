#include "storefixture.h"

#include "store/migrations.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
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
    const auto opened = again.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    EXPECT_EQ(again.deviceId(), device);
}

TEST_F(DatabaseTest, TheMetaTableNamesTheVersionThatLastOpenedTheFile)
{
    // SAFERHOMES_PROJECT_VERSION is CMake's project(VERSION), the one version of the program.
    const QString c = m_database.connectionName();
    const QString read = QStringLiteral("SELECT value FROM meta WHERE key = 'app_version'");
    EXPECT_EQ(scalar(c, read).toString(), QStringLiteral(SAFERHOMES_PROJECT_VERSION));

    // A file an older version wrote says so until this version opens it.
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(
            QStringLiteral("UPDATE meta SET value = '0.0.1' WHERE key = 'app_version'")));
    }
    m_database.close();
    Database again(QStringLiteral("again"));
    const auto opened = again.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    EXPECT_EQ(scalar(again.connectionName(), read).toString(),
              QStringLiteral(SAFERHOMES_PROJECT_VERSION));
    EXPECT_EQ(scalar(again.connectionName(),
                     QStringLiteral("SELECT count(*) FROM meta WHERE key = 'app_version'"))
                  .toInt(),
              1);
}

TEST_F(DatabaseTest, NewerSchemaIsRefusedAndLeftAlone)
{
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    m_database.close();
    Database newer(QStringLiteral("newer"));
    const Status opened = newer.open(m_path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Refused);
    EXPECT_EQ(opened.errorString(),
              QStringLiteral("%1 was written by a newer version of SaferHomes (schema 999; this "
                             "version understands up to %2). Update SaferHomes to open it.")
                  .arg(QDir::toNativeSeparators(m_path))
                  .arg(int(Migrations::scripts(QStringLiteral("sqlite")).size())));
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
    const Status opened = database.open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Database);
    EXPECT_TRUE(opened.errorString().startsWith(
        path + QStringLiteral(" is not a SaferHomes database, or it is damaged (")))
        << qPrintable(opened.errorString());
    EXPECT_FALSE(database.isOpen());
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
        "INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, skill) "
        "VALUES ('DOOR_VIEWER', 'Door viewer', '', 1200, 15, 'locks')")));
    ASSERT_TRUE(query.exec(QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user) "
        "VALUES ('m1', 'DOOR_VIEWER', 10, 'received', '2026-01-01', 'x')")));
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE stock_movement SET qty_change = 11")));
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM stock_movement")));
}

TEST(DatabaseMigrationTest, AnOlderDatabaseGetsItsQuickFindIndexRebuilt)
{
    // A database at schema 3 whose quick-find index holds the old text, postcode also
    // without its space: after the upgrade an edit must leave no trace of the old text.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        QSqlDatabase old
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema-3"));
        old.setDatabaseName(path);
        ASSERT_TRUE(old.open());
        QSqlQuery query(old);
        const QStringList scripts = Migrations::scripts(QStringLiteral("sqlite"));
        ASSERT_GE(scripts.size(), 4);
        for (int index = 0; index < 3; ++index) {
            QFile script(scripts[index]);
            ASSERT_TRUE(script.open(QIODevice::ReadOnly));
            for (const QString &statement :
                 Migrations::statements(QString::fromUtf8(script.readAll())))
                ASSERT_TRUE(query.exec(statement)) << qPrintable(query.lastError().text());
        }
        for (const char *sql :
             {"PRAGMA user_version = 3",
              "INSERT INTO meta (key, value) VALUES ('device_id', "
              "'6f1c7c52-8d1e-4a36-9a53-1b2c3d4e5f60')",
              "INSERT INTO household (rid, id, address_line1, postcode, created_at, updated_at) "
              "VALUES (1, '0190a1b2-0000-7000-8000-000000000001', '12 Thorpe End', 'LE13 1RB', "
              "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
              "INSERT INTO resident (id, household_id, name, is_primary, created_at) VALUES "
              "('0190a1b2-0000-7000-8000-000000000002', '0190a1b2-0000-7000-8000-000000000001', "
              "'Margaret Smith', 1, '2024-01-01T00:00:00.000Z')",
              "INSERT INTO household_fts (rowid, search_text) VALUES "
              "(1, '12 Thorpe End   LE13 1RB LE131RB Margaret Smith')"}) {
            ASSERT_TRUE(query.exec(QString::fromLatin1(sql))) << sql;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema-3"));

    Database database(QStringLiteral("upgraded"));
    const auto opened = database.open(path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    HouseholdRepository repository(database, QStringLiteral("tester"));
    EXPECT_EQ(repository.quickFind(QStringLiteral("LE131RB")).value(), QList<qint64> {1});
    EXPECT_EQ(repository.quickFind(QStringLiteral("Smith")).value(), QList<qint64> {1});
    const QUuid id = QUuid::fromString(QStringLiteral("0190a1b2-0000-7000-8000-000000000001"));
    const Status changed
        = repository.setFields(id,
                               {{HouseholdField::Postcode, QStringLiteral("LE13 9ZZ")},
                                {HouseholdField::ResidentName, QStringLiteral("Ann Jones")}});
    ASSERT_TRUE(changed) << qPrintable(changed.errorString());
    EXPECT_TRUE(repository.quickFind(QStringLiteral("LE131RB")).value().isEmpty());
    EXPECT_TRUE(repository.quickFind(QStringLiteral("Smith")).value().isEmpty());
    EXPECT_EQ(repository.quickFind(QStringLiteral("LE139ZZ")).value(), QList<qint64> {1});
    EXPECT_EQ(repository.quickFind(QStringLiteral("Thorpe Jones")).value(), QList<qint64> {1});
}

namespace {

/// Another program's connection to \a path holding an exclusive lock on the whole file until
/// it is destroyed: exclusive locking mode, so that even readers of the WAL database wait.
class LockHolder {
public:
    explicit LockHolder(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(path);
        m_ok = db.open();
        QSqlQuery query(db);
        m_ok = m_ok && query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"))
            && query.exec(QStringLiteral("BEGIN EXCLUSIVE"))
            && query.exec(QStringLiteral("CREATE TABLE other_program (x)"));
        if (!m_ok)
            m_error = query.lastError().text();
    }
    ~LockHolder()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(kName, false);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(kName);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

private:
    static inline const QString kName = QStringLiteral("other-program");
    bool m_ok = false;
    QString m_error;
};

} // namespace

TEST_F(DatabaseTest, ADatabaseLockedByAnotherProgramIsInUseNotBroken)
{
    m_database.close();
    {
        LockHolder other(m_path);
        ASSERT_TRUE(other.ok()) << qPrintable(other.error());
        Database database(QStringLiteral("blocked"));
        const Status opened = database.open(m_path);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().kind, Error::Kind::Locked) << qPrintable(opened.errorString());
        EXPECT_TRUE(opened.errorString().startsWith(m_path)) << qPrintable(opened.errorString());
        EXPECT_TRUE(opened.errorString().contains(QStringLiteral("in use by another program")))
            << qPrintable(opened.errorString());
        EXPECT_FALSE(database.isOpen());
    }
    // Once the other program lets go, the same file opens as before.
    Database again(QStringLiteral("again"));
    const Status opened = again.open(m_path);
    EXPECT_TRUE(opened) << qPrintable(opened.errorString());
}

TEST(DatabaseOpenTest, ANewFileLockedDuringItsSetUpIsInUseNotAFailedMigration)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    LockHolder other(path);
    ASSERT_TRUE(other.ok()) << qPrintable(other.error());
    Database database(QStringLiteral("blocked"));
    const Status opened = database.open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Locked) << qPrintable(opened.errorString());
    EXPECT_TRUE(opened.errorString().contains(QStringLiteral("in use by another program")))
        << qPrintable(opened.errorString());
    EXPECT_FALSE(opened.errorString().contains(QStringLiteral("cannot update")))
        << qPrintable(opened.errorString());
}

TEST_F(DatabaseTest, ATruncatedFileIsReportedAsDamaged)
{
    QList<HouseholdRecord> records;
    for (int i = 1; i <= 2000; ++i) {
        records.append(household(QStringLiteral("%1 Thorpe End").arg(i), QStringLiteral("LE13 1RB"),
                                 QStringLiteral("Resident %1").arg(i)));
    }
    const Status inserted = m_repository->insert(records);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    m_database.close();
    QFile file(m_path);
    const qint64 size = file.size();
    ASSERT_GT(size, 16384 * 8);
    ASSERT_TRUE(file.resize(size / 2));

    Database database(QStringLiteral("truncated"));
    const Status opened = database.open(m_path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Database);
    EXPECT_TRUE(opened.errorString().startsWith(m_path)) << qPrintable(opened.errorString());
    EXPECT_TRUE(opened.errorString().contains(QStringLiteral("damaged")))
        << qPrintable(opened.errorString());
    EXPECT_FALSE(database.isOpen());
}

TEST_F(DatabaseTest, ANewerSchemaIsARefusalAndGarbageADatabaseError)
{
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    m_database.close();
    Database newer(QStringLiteral("newer"));
    const Status refused = newer.open(m_path);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);

    const QString path = m_dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("these are my notes, not a database\n").repeated(200));
    file.close();
    Database garbage(QStringLiteral("garbage"));
    const Status opened = garbage.open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Database);
    EXPECT_TRUE(opened.errorString().startsWith(path)) << qPrintable(opened.errorString());
}

TEST(DatabaseOpenTest, AFolderInPlaceOfTheFileIsNotAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("folder.sqlite"));
    ASSERT_TRUE(QDir().mkpath(path));
    Database database(QStringLiteral("folder"));
    const Status opened = database.open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Database);
    EXPECT_EQ(opened.errorString(),
              QDir::toNativeSeparators(path) + QStringLiteral(" is not a file"));
    EXPECT_FALSE(database.isOpen());
}

TEST(DatabaseOpenTest, AFolderThatCannotBeMadeIsSaid)
{
    QTemporaryDir dir;
    // A plain file where the database's folder would have to be.
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/sub/register.sqlite");
    Database database(QStringLiteral("nofolder"));
    const Status opened = database.open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind, Error::Kind::Database);
    EXPECT_EQ(opened.errorString(),
              QStringLiteral("cannot create the folder ")
                  + QDir::toNativeSeparators(blocker + QStringLiteral("/sub")));
    EXPECT_FALSE(database.isOpen());
}
