#pragma once

#include "sync/conflictresolver.h"
#include "sync/syncengine.h"
#include "sync/synckeychain.h"
#include "sync/syncsettings.h"
#include "sync/synctask.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QObject>
#include <QPointer>

#include <memory>

class QTimer;
class QWidget;

namespace saferhomes {

class Database;

/// Runs syncs for the window: "sync now" and automatic syncs, one at a time and off the GUI
/// thread; finds the password (keychain or prompt); and keeps what the status bar shows.
class SyncController : public QObject {
    Q_OBJECT

public:
    /// What the last attempt found.
    enum class Link {
        NotConfigured, ///< no central database set up yet
        NotTried, ///< set up, no attempt in this session yet
        Online, ///< the last sync completed
        Offline, ///< the last attempt could not reach the server (nothing lost)
        Failed, ///< the server refused (password, privileges, version) or the sync failed
    };

    /// \a database is the window's; each sync opens its own connection to the same file.
    /// Password prompts open over \a window.
    SyncController(const Database &database, std::unique_ptr<SyncSettings> settings,
                   QWidget *window);
    /// Waits for a running sync to finish.
    ~SyncController() override;

    SyncSettings &settings() { return *m_settings; }
    SyncKeychain &keychain() { return m_keychain; }

    /// Starts a sync, asking for the password when none is known. Returns false when a sync
    /// is already running or under way, or when no connection is set up (then
    /// connectionNeeded() is emitted).
    bool syncNow();
    /// What the automatic sync timer does: a sync when the password is known, never a prompt.
    bool autoSyncDue();
    /// From the start of a sync until its finished() was emitted.
    bool isRunning() const { return m_syncing; }

    bool autoSync() const;
    void setAutoSync(bool on);
    QTimer *autoSyncTimer() const { return m_timer; }

    /// Saves the connection; a non-empty \a password goes to the keychain (or this session's
    /// memory when there is no keychain).
    void setConnection(const SyncSettings::Connection &connection, const QString &password);

    /// Reads the counts again (after an edit or a resolution) and emits statusChanged().
    void refreshSummary();

    Link link() const { return m_link; }
    /// Why the last attempt failed; empty after a completed sync.
    QString lastError() const { return m_lastError; }
    /// The counts, or why the sync state could not be read.
    Result<SyncSummary> summary() const { return m_summary; }
    /// The password prompt while it is open (tests answer it).
    QInputDialog *passwordPrompt() const { return m_prompt; }

signals:
    void started();
    /// The first download's rows received so far and in all (0 while unknown).
    void progress(qint64 done, qint64 total);
    /// \a manual: the user asked for this sync (rather than the timer).
    void finished(const SyncResult &result, bool manual);
    void statusChanged();
    /// "Sync now" without a connection: the window offers the connection dialog.
    void connectionNeeded();

private:
    bool begin(bool interactive);
    void askForPassword(const SyncSettings::Connection &connection);
    void start(const SyncSettings::Connection &connection, const QString &password, bool manual);
    void syncFinished();
    void updateTimer();

    const Database &m_database;
    std::unique_ptr<SyncSettings> m_settings;
    QPointer<QWidget> m_window;
    SyncKeychain m_keychain;
    ConflictResolver m_resolver;
    SyncTask m_task; ///< before m_watcher: destroyed after the watcher has waited
    QFutureWatcher<SyncResult> m_watcher;
    QTimer *m_timer;
    QPointer<QInputDialog> m_prompt;
    SyncSettings::Connection m_running; ///< the connection of the sync under way
    bool m_syncing = false;
    bool m_manual = false; ///< the sync under way was asked for by the user
    bool m_preparing = false; ///< reading the keychain or asking, before the sync starts
    bool m_passwordRefused = false; ///< automatic syncs wait for the user to give a new one
    Link m_link = Link::NotConfigured;
    QString m_lastError;
    Result<SyncSummary> m_summary {SyncSummary {}};
};

} // namespace saferhomes
