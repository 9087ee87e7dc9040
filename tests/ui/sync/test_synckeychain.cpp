// The password in a real Secret Service keychain (DESIGN §10): each test starts its own D-Bus
// session bus and its own gnome-keyring (a login keyring in a temporary folder, unlocked with a
// throwaway password), so a real keychain works under test and the user's own is never
// touched. The test process talks to that bus only.

#include "sync/synckeychain.h"
#include "uitest.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <optional>

namespace saferhomes::test {

namespace {

const QString kKey = QStringLiteral("officer_a@127.0.0.1:5432/saferhomes");
const QString kService = QStringLiteral("SaferHomes keychain test");

class SyncKeychainTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString keyring
            = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        ASSERT_FALSE(dbus.isEmpty()) << "dbus-daemon is missing (package dbus-daemon)";
        ASSERT_FALSE(keyring.isEmpty()) << "gnome-keyring-daemon is missing (gnome-keyring)";

        m_bus.setProgram(dbus);
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                            QStringLiteral("--print-address=1")});
        m_bus.start();
        ASSERT_TRUE(m_bus.waitForStarted(kPatienceMs)) << qPrintable(m_bus.errorString());
        ASSERT_TRUE(waitFor([this] { return m_bus.canReadLine(); })) << "the bus never said "
                                                                        "where it listens";
        m_address = QString::fromUtf8(m_bus.readLine().trimmed());
        ASSERT_TRUE(m_address.startsWith(QStringLiteral("unix:"))) << qPrintable(m_address);
        // QtDBus reads the address when it first connects, which happens in the test below.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        m_keyring.setProcessEnvironment(environment);
        m_keyring.setProgram(keyring);
        m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                QStringLiteral("--components=secrets")});
        m_keyring.start();
        ASSERT_TRUE(m_keyring.waitForStarted(kPatienceMs)) << qPrintable(m_keyring.errorString());
        m_keyring.write("throwaway-login-password");
        m_keyring.closeWriteChannel();
        ASSERT_TRUE(waitFor([this] { return secretServiceIsUp(); }))
            << "gnome-keyring never took its name on the test bus";
    }

    void TearDown() override
    {
        for (QProcess *process : {&m_keyring, &m_bus}) {
            process->terminate();
            if (!process->waitForFinished(kPatienceMs))
                process->kill();
        }
    }

    /// Whether org.freedesktop.secrets has an owner on the test bus (asked with dbus-send, a
    /// program apart from the code under test).
    bool secretServiceIsUp() const
    {
        QProcess ask;
        ask.start(QStringLiteral("dbus-send"),
                  {QStringLiteral("--bus=") + m_address, QStringLiteral("--print-reply"),
                   QStringLiteral("--dest=org.freedesktop.DBus"),
                   QStringLiteral("/org/freedesktop/DBus"),
                   QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                   QStringLiteral("string:org.freedesktop.secrets")});
        return ask.waitForFinished(kPatienceMs) && ask.exitCode() == 0
            && ask.readAllStandardOutput().contains("boolean true");
    }

    /// What a keychain object made for this read alone finds for \a key: nothing of this
    /// session's memory can answer it, only the keychain.
    static std::pair<SyncKeychain::Found, QString> readFresh(const QString &key)
    {
        SyncKeychain keychain(kService);
        std::optional<std::pair<SyncKeychain::Found, QString>> result;
        keychain.read(key, [&result](SyncKeychain::Found found, const QString &password) {
            result = {found, password};
        });
        EXPECT_TRUE(waitFor([&result] { return result.has_value(); }));
        return result.value_or(std::pair {SyncKeychain::Found::Unavailable, QString()});
    }

    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
};

} // namespace

TEST_F(SyncKeychainTest, ThePasswordIsFoundInTheKeychainByTheNextSessionUntilForgotten)
{
    EXPECT_EQ(readFresh(kKey).first, SyncKeychain::Found::Missing) << "an empty keychain";

    SyncKeychain keychain(kService);
    QSignalSpy stored(&keychain, &SyncKeychain::stored);
    QSignalSpy failed(&keychain, &SyncKeychain::writeFailed);
    keychain.write(kKey, QStringLiteral("s3cret-in-keyring"));
    ASSERT_TRUE(waitFor([&] { return !stored.isEmpty() || !failed.isEmpty(); }));
    ASSERT_TRUE(failed.isEmpty()) << qPrintable(failed.first().first().toString());
    EXPECT_EQ(stored.first().first().toString(), kKey);
    EXPECT_FALSE(keychain.isUnavailable());

    const auto [found, password] = readFresh(kKey);
    EXPECT_EQ(found, SyncKeychain::Found::Password);
    EXPECT_EQ(password, QStringLiteral("s3cret-in-keyring"));
    EXPECT_EQ(readFresh(QStringLiteral("someone_else@127.0.0.1:5432/saferhomes")).first,
              SyncKeychain::Found::Missing)
        << "another login's password is its own";

    QSignalSpy removed(&keychain, &SyncKeychain::removed);
    keychain.forget(kKey);
    EXPECT_TRUE(keychain.sessionPassword(kKey).isEmpty());
    ASSERT_TRUE(waitFor([&removed] { return !removed.isEmpty(); }));
    EXPECT_EQ(readFresh(kKey).first, SyncKeychain::Found::Missing) << "forgotten everywhere";
}

TEST_F(SyncKeychainTest, ANewPasswordReplacesTheOldOne)
{
    SyncKeychain keychain(kService);
    QSignalSpy stored(&keychain, &SyncKeychain::stored);
    keychain.write(kKey, QStringLiteral("first"));
    ASSERT_TRUE(waitFor([&stored] { return stored.size() == 1; }));
    keychain.write(kKey, QStringLiteral("second, after a change"));
    ASSERT_TRUE(waitFor([&stored] { return stored.size() == 2; }));
    EXPECT_EQ(readFresh(kKey).second, QStringLiteral("second, after a change"));
}

} // namespace saferhomes::test
