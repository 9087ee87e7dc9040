#include "sync/syncbar.h"

#include "sync/conflictview.h"
#include "sync/connectiondialog.h"
#include "sync/synccontroller.h"
#include "sync/syncstatusindicator.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>

namespace saferhomes {

SyncBar::SyncBar(const Database &database, std::unique_ptr<SyncSettings> settings, QWidget *window)
    : QObject(window)
    , m_database(database)
    , m_window(window)
    , m_sync(new SyncController(database, std::move(settings), window))
    , m_indicator(new SyncStatusIndicator(*m_sync, window))
    , m_progress(new QProgressBar(window))
{
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(200);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->hide();
    connect(m_indicator, &SyncStatusIndicator::clicked, this, &SyncBar::openConflictView);
    connect(m_sync, &SyncController::started, this, &SyncBar::started);
    connect(m_sync, &SyncController::progress, this, &SyncBar::progress);
    connect(m_sync, &SyncController::finished, this, &SyncBar::finished);
    connect(m_sync, &SyncController::connectionNeeded, this, [this] {
        emit statusMessage(tr("Set up the central database connection first."), 8000);
        openConnectionDialog();
    });
}

SyncStatusIndicator *SyncBar::indicator() const
{
    return m_indicator;
}

QProgressBar *SyncBar::progressBar() const
{
    return m_progress;
}

void SyncBar::fillMenu(QMenu *menu)
{
    m_syncNowAction = menu->addAction(tr("Sync &now"), this, [this] {
        if (!m_sync->syncNow() && m_sync->isRunning())
            emit statusMessage(tr("A sync is already running."), 5000);
    });
    m_syncNowAction->setObjectName(QStringLiteral("syncNow"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_autoSyncAction = menu->addAction(tr("Sync &automatically"));
    m_autoSyncAction->setObjectName(QStringLiteral("autoSync"));
    m_autoSyncAction->setCheckable(true);
    m_autoSyncAction->setChecked(m_sync->autoSync());
    connect(m_autoSyncAction, &QAction::toggled, m_sync, &SyncController::setAutoSync);
    menu->addSeparator();
    menu->addAction(tr("&Conflicts and refused changes\u2026"), this, &SyncBar::openConflictView);
    menu->addAction(tr("C&onnection\u2026"), this, &SyncBar::openConnectionDialog);
}

ConnectionDialog *SyncBar::openConnectionDialog()
{
    if (m_connectionDialog) {
        m_connectionDialog->raise();
        m_connectionDialog->activateWindow();
        return m_connectionDialog;
    }
    SyncSettings &settings = m_sync->settings();
    const SyncSettings::Connection connection = settings.connection();
    m_connectionDialog = new ConnectionDialog(connection, settings.autoSync(),
                                              settings.intervalMinutes(), m_window);
    m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_connectionDialog->setKnownPassword(
        m_sync->keychain().sessionPassword(connection.keychainKey()));
    connect(m_connectionDialog, &QDialog::accepted, this, [this] {
        ConnectionDialog *dialog = m_connectionDialog;
        m_sync->settings().setIntervalMinutes(dialog->intervalMinutes());
        m_sync->setConnection(dialog->connection(), dialog->password());
        if (m_autoSyncAction)
            m_autoSyncAction->setChecked(dialog->autoSync());
        m_sync->setAutoSync(dialog->autoSync());
        emit statusMessage(tr("Connection saved."), 5000);
    });
    m_connectionDialog->open();
    return m_connectionDialog;
}

ConflictView *SyncBar::openConflictView()
{
    if (m_conflictView) {
        m_conflictView->reload();
        m_conflictView->raise();
        m_conflictView->activateWindow();
        return m_conflictView;
    }
    m_conflictView = new ConflictView(m_database, m_window);
    m_conflictView->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictView, &ConflictView::changed, this, &SyncBar::householdsResolved);
    m_conflictView->show();
    return m_conflictView;
}

void SyncBar::started()
{
    if (!m_progress)
        return;
    // Indeterminate until the first download says how much is coming.
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_progress->setToolTip(tr("Syncing with the central database"));
    m_progress->show();
}

void SyncBar::progress(qint64 done, qint64 total)
{
    if (total <= 0 || !m_progress)
        return;
    const QLocale locale;
    m_progress->setRange(0, int(total));
    m_progress->setValue(int(done));
    m_progress->setFormat(tr("%1 / %2").arg(locale.toString(done), locale.toString(total)));
    m_progress->setToolTip(
        tr("First download: %1 of %Ln rows", nullptr, int(total)).arg(locale.toString(done)));
}

void SyncBar::finished(const SyncResult &result, bool manual)
{
    if (m_progress)
        m_progress->hide();
    // What the sync brought in (or removed: an erasure, an area taken away) shows at once.
    if (result.ok() || result.pulled > 0)
        emit householdsPulled();
    if (m_conflictView)
        m_conflictView->reload();
    if (!result.ok()) {
        // An automatic sync that finds the server away only says so in the status bar.
        if (manual || !result.unreachable())
            emit error(tr("Sync failed: %1").arg(result.errorString()));
        return;
    }
    if (!result.rejected.isEmpty()) {
        emit error(tr("The central database refused %n change(s); they are kept on this device. "
                      "See Sync \u203a Conflicts and refused changes.",
                      nullptr, int(result.rejected.size())));
    } else if (result.conflicts > 0) {
        emit error(tr("%n field(s) were changed by someone else too; the server kept its "
                      "value. See Sync \u203a Conflicts and refused changes.",
                      nullptr, result.conflicts));
    }
    emit statusMessage(tr("Synced: sent %Ln change(s), received %1.", nullptr, result.pushed)
                           .arg(QLocale().toString(result.pulled)),
                       8000);
}

} // namespace saferhomes
