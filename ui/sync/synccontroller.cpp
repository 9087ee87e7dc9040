#include "sync/synccontroller.h"

#include "store/database.h"
#include "sync/connectionproblem.h"
#include "sync/synctask.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QTimer>

namespace saferhomes {

namespace {

/// The first automatic sync waits until the window is up.
constexpr int kFirstAutoSyncMs = 5000;

} // namespace

SyncController::SyncController(const Database &database, std::unique_ptr<SyncSettings> settings,
                               QWidget *window)
    : QObject(window)
    , m_database(database)
    , m_settings(settings ? std::move(settings) : std::make_unique<SyncSettings>())
    , m_window(window)
    , m_resolver(database, Database::localUserName())
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &SyncController::autoSyncDue);
    connect(&m_watcher, &QFutureWatcher<SyncResult>::finished, this, &SyncController::syncFinished);
    connect(&m_watcher, &QFutureWatcher<SyncResult>::progressValueChanged, this,
            [this](int value) { emit progress(value, m_watcher.progressMaximum()); });
    connect(&m_keychain, &SyncKeychain::writeFailed, this, [this](const QString &message) {
        m_lastError = tr("The password could not be kept in the keychain (%1); it is kept "
                         "until SaferHomes closes.")
                          .arg(message);
        emit statusChanged();
    });
    m_link = m_settings->connection().isConfigured() ? Link::NotTried : Link::NotConfigured;
    updateTimer();
    if (m_timer->isActive())
        m_timer->start(kFirstAutoSyncMs);
    m_summary = m_resolver.summary();
}

SyncController::~SyncController()
{
    // The worker has its own connection, but the file must stay until it is done.
    m_watcher.waitForFinished();
}

bool SyncController::syncNow()
{
    return begin(true);
}

bool SyncController::autoSyncDue()
{
    updateTimer();
    return begin(false);
}

bool SyncController::begin(bool interactive)
{
    if (isRunning() || m_preparing)
        return false;
    const SyncSettings::Connection connection = m_settings->connection();
    if (!connection.isConfigured()) {
        m_link = Link::NotConfigured;
        emit statusChanged();
        if (interactive)
            emit connectionNeeded();
        return false;
    }
    // A refused password is not tried again behind the user's back.
    if (!interactive && m_passwordRefused)
        return false;
    m_preparing = true;
    m_keychain.read(
        connection.keychainKey(),
        [this, connection, interactive](SyncKeychain::Found found, const QString &password) {
            if (found == SyncKeychain::Found::Password) {
                start(connection, password, interactive);
            } else if (interactive) {
                askForPassword(connection);
            } else {
                m_preparing = false;
                m_lastError = tr("Automatic sync needs the password: choose Sync "
                                 "now (F5) to enter it.");
                emit statusChanged();
            }
        });
    return true;
}

void SyncController::askForPassword(const SyncSettings::Connection &connection)
{
    auto *prompt = new QInputDialog(m_window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setObjectName(QStringLiteral("syncPasswordPrompt"));
    prompt->setWindowTitle(tr("Sign in to the central database"));
    prompt->setInputMode(QInputDialog::TextInput);
    prompt->setTextEchoMode(QLineEdit::Password);
    const QString who = connection.keychainKey();
    prompt->setLabelText(m_passwordRefused
                             ? tr("The password was refused. Password for %1:").arg(who)
                             : tr("Password for %1:").arg(who));
    connect(prompt, &QInputDialog::textValueSelected, this,
            [this, connection](const QString &password) {
                m_keychain.write(connection.keychainKey(), password);
                m_passwordRefused = false;
                start(connection, password, true);
            });
    connect(prompt, &QDialog::rejected, this, [this] {
        m_preparing = false;
        m_lastError = tr("Not synced: no password was given.");
        emit statusChanged();
    });
    m_prompt = prompt;
    prompt->open();
}

void SyncController::start(const SyncSettings::Connection &connection, const QString &password,
                           bool manual)
{
    m_preparing = false;
    m_syncing = true;
    m_manual = manual;
    m_running = connection;
    m_watcher.setFuture(m_task.run(m_database.path(), connection.uri(), password));
    emit started();
    emit statusChanged();
}

void SyncController::syncFinished()
{
    const SyncResult result = m_watcher.result();
    m_syncing = false;
    if (result.ok()) {
        m_link = Link::Online;
        m_lastError.clear();
    } else {
        m_link = result.unreachable() ? Link::Offline : Link::Failed;
        m_lastError = result.errorString();
        if (ConnectionProblem::isPasswordRefusal(m_lastError)) {
            m_keychain.forget(m_running.keychainKey());
            m_passwordRefused = true;
        }
    }
    updateTimer();
    refreshSummary();
    emit finished(result, m_manual);
}

bool SyncController::autoSync() const
{
    return m_settings->autoSync();
}

void SyncController::setAutoSync(bool on)
{
    m_settings->setAutoSync(on);
    m_settings->sync();
    updateTimer();
    emit statusChanged();
}

void SyncController::updateTimer()
{
    if (autoSync() && m_settings->connection().isConfigured())
        m_timer->start(m_settings->intervalMinutes() * 60'000);
    else
        m_timer->stop();
}

void SyncController::setConnection(const SyncSettings::Connection &connection,
                                   const QString &password)
{
    if (!(m_settings->connection() == connection)) {
        m_settings->setConnection(connection);
        m_settings->sync();
        m_link = connection.isConfigured() ? Link::NotTried : Link::NotConfigured;
        m_lastError.clear();
        m_passwordRefused = false;
    }
    if (!password.isEmpty()) {
        m_keychain.write(connection.keychainKey(), password);
        m_passwordRefused = false;
    }
    updateTimer();
    emit statusChanged();
}

void SyncController::refreshSummary()
{
    m_summary = m_resolver.summary();
    emit statusChanged();
}

} // namespace saferhomes
