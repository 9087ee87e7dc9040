#include "sync/synctest.h"

#include "store/auditlog.h"
#include "sync/synccontroller.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace saferhomes::test {

void SyncUiTest::SetUp()
{
    UiTest::SetUp();
    insertSampleHouseholds();
}

QString SyncUiTest::settingsPath() const
{
    return m_dir.filePath(QStringLiteral("settings.ini"));
}

std::unique_ptr<SyncSettings> SyncUiTest::syncSettings() const
{
    return std::make_unique<SyncSettings>(settingsPath());
}

void SyncUiTest::configure(const QString &host, int port, const QString &user,
                           const QString &sslMode) const
{
    SyncSettings::Connection connection;
    connection.host = host;
    connection.port = port;
    connection.user = user;
    connection.sslMode = sslMode;
    const auto settings = syncSettings();
    settings->setConnection(connection);
    settings->sync();
}

bool SyncUiTest::mayHaveRealKeychain()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

std::unique_ptr<MainWindow> SyncUiTest::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_database, settings(), nullptr, syncSettings());
    if (mayHaveRealKeychain())
        window->syncController()->keychain().setKeychainEnabled(false);
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get(), kPatienceMs));
    return window;
}

void SyncUiTest::settleOutbox(const QUuid &id, const QString &serverNotes) const
{
    HouseholdRepository repo = repository();
    ASSERT_TRUE(repo.setFields(id, {{HouseholdField::Notes, serverNotes}}));
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("DELETE FROM outbox")));
}

qint64 SyncUiTest::addConflict(const QUuid &id, const QString &field, const QString &local,
                               const QString &server) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO sync_conflict (op_id, entity, entity_id, field, "
                                 "local_value, server_value, at) "
                                 "VALUES (?, 'household', ?, ?, ?, ?, ?)"));
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.addBindValue(id.toString(QUuid::WithoutBraces));
    query.addBindValue(field);
    query.addBindValue(local);
    query.addBindValue(server);
    query.addBindValue(storeTimestamp());
    EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
    return query.lastInsertId().toLongLong();
}

void SyncUiTest::refuseOldestChange(const QString &reason) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE outbox SET rejected_at = ?, rejected_reason = ? "
                                 "WHERE seq = (SELECT min(seq) FROM outbox "
                                 "WHERE rejected_at IS NULL)"));
    query.addBindValue(storeTimestamp());
    query.addBindValue(reason);
    EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
    EXPECT_EQ(query.numRowsAffected(), 1);
}

QVariant SyncUiTest::value(const QString &sql, const QVariantList &bindings) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QVariant &binding : bindings)
        query.addBindValue(binding);
    EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
    return query.next() ? query.value(0) : QVariant();
}

bool SyncUiTest::isResolved(qint64 conflictId) const
{
    return !value(QStringLiteral("SELECT resolved_at FROM sync_conflict WHERE id = ?"),
                  {conflictId})
                .isNull();
}

int SyncUiTest::outboxRows() const
{
    return value(QStringLiteral("SELECT count(*) FROM outbox")).toInt();
}

int closedPort()
{
    // Bind to any free port, note it, close: nothing listens there right after.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 1;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), length) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

} // namespace saferhomes::test
