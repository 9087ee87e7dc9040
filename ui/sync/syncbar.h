#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QProgressBar;
class QWidget;

namespace saferhomes {

class ConflictView;
class ConnectionDialog;
class Database;
class SyncController;
class SyncSettings;
class SyncStatusIndicator;
struct SyncResult;

/// The window's sync: the Sync menu, the status bar's progress bar and status, the
/// connection dialog and the conflict view, and what a finished sync tells the user.
class SyncBar : public QObject {
    Q_OBJECT

public:
    /// Dialogs and password prompts open over \a window; \a database must outlive this.
    SyncBar(const Database &database, std::unique_ptr<SyncSettings> settings, QWidget *window);

    /// Fills the Sync menu.
    void fillMenu(QMenu *menu);
    /// Sync > Connection: opens the connection dialog (non-modal; saved when accepted).
    ConnectionDialog *openConnectionDialog();
    /// Sync > Conflicts, or a click on the sync status: opens the conflict view.
    ConflictView *openConflictView();

    SyncController *controller() const { return m_sync; }
    /// For the status bar, which takes them.
    SyncStatusIndicator *indicator() const;
    QProgressBar *progressBar() const;
    QAction *syncNowAction() const { return m_syncNowAction; }
    QAction *autoSyncAction() const { return m_autoSyncAction; }

signals:
    /// A sync brought or removed households: what the window shows should be read again.
    void householdsPulled();
    /// A conflict was resolved or a refused change discarded.
    void householdsResolved();
    void error(const QString &message);
    void statusMessage(const QString &message, int timeout);

private:
    void started();
    void progress(qint64 done, qint64 total);
    void finished(const SyncResult &result, bool manual);

    const Database &m_database;
    QWidget *m_window;
    SyncController *m_sync;
    QPointer<SyncStatusIndicator> m_indicator;
    QPointer<QProgressBar> m_progress;
    QAction *m_syncNowAction = nullptr;
    QAction *m_autoSyncAction = nullptr;
    QPointer<ConnectionDialog> m_connectionDialog;
    QPointer<ConflictView> m_conflictView;
};

} // namespace saferhomes
