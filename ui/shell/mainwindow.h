#pragma once

#include "common/settings.h"
#include "register/exporttask.h"
#include "store/householdrepository.h"
#include "sync/syncsettings.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QUuid>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace saferhomes {

class Database;
class DoorstepPage;
class HouseholdDetailPanel;
class HouseholdEditor;
class HouseholdFilterProxyModel;
class HouseholdTableModel;
class ImportWizard;
class MessageBanner;
class ProgressPanel;
class ConflictView;
class ConnectionDialog;
class QuickFind;
class RecommendationEngine;
class Sidebar;
class SyncController;
class SyncStatusIndicator;
struct SyncResult;

/// The household register: quick-find, filters, the table, the selected household's
/// details, scheme progress, and import and export; and doorstep mode beside it.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// \a database must stay open while the window exists. \a settings and \a syncSettings
    /// default to the application's settings; \a survey (definition and rules, loaded once at
    /// start-up) defaults to the built-in one.
    explicit MainWindow(Database &database, std::unique_ptr<Settings> settings = {},
                        std::shared_ptr<const RecommendationEngine> survey = {},
                        std::unique_ptr<SyncSettings> syncSettings = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Reads every household again (after an import or when asked).
    void reload();
    /// Opens the import wizard, with \a filePath filled in when given.
    ImportWizard *openImportWizard(const QString &filePath = {});
    /// Writes every household to \a filePath off the GUI thread; exportFinished() follows.
    void exportTo(const QString &filePath);
    void selectHousehold(const QUuid &id);
    /// Saves window geometry, layout, splitter and column widths.
    void saveSettings();
    /// Shows doorstep mode (Ctrl+D) or the register (Ctrl+H).
    void showDoorstep(bool show = true);
    bool isDoorstepShown() const;

    HouseholdRepository &repository() { return m_repository; }
    HouseholdTableModel *tableModel() const { return m_model; }
    HouseholdFilterProxyModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    QLineEdit *quickFindEdit() const { return m_quickFind; }
    QComboBox *statusFilterBox() const { return m_statusFilter; }
    QComboBox *areaFilterBox() const { return m_areaFilter; }
    HouseholdDetailPanel *detailPanel() const { return m_detail; }
    ProgressPanel *progressPanel() const { return m_progress; }
    DoorstepPage *doorstepPage() const { return m_doorstep; }
    Sidebar *sidebar() const { return m_sidebar; }
    QUndoStack *undoStack() const;
    QSplitter *splitter() const { return m_splitter; }
    bool isShowingEmptyState() const;

    /// Sync > Connection: opens the connection dialog (non-modal; saved when accepted).
    ConnectionDialog *openConnectionDialog();
    /// Sync > Conflicts, or a click on the sync status: opens the conflict view.
    ConflictView *openConflictView();
    SyncController *syncController() const { return m_sync; }
    SyncStatusIndicator *syncIndicator() const { return m_syncIndicator; }
    QProgressBar *syncProgressBar() const { return m_syncProgress; }
    QAction *syncNowAction() const { return m_syncNowAction; }
    QAction *autoSyncAction() const { return m_autoSyncAction; }
    /// Whether a quick-find answer is still to come (it runs off the GUI thread).
    bool isQuickFindPending() const;
    QString showingText() const;
    QString bannerText() const;

signals:
    void exportFinished(bool ok, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QWidget *createRegister();
    QWidget *createEmptyState();
    QWidget *createModes();
    void createStatusBar();
    void createSyncMenu();
    void restoreSettings();
    void syncStarted();
    void syncProgress(qint64 done, qint64 total);
    void syncFinished(const SyncResult &result, bool manual);
    void reloadRegister(bool refreshDetails);

    void applyQuickFind();
    void showQuickFindResult(const QString &text, const QList<qint64> &keys);
    void applyFilters();
    void reloadAreas();
    void refreshHousehold(const QUuid &id);
    void refreshProgress();
    void updateCounts();
    void currentRowChanged();
    void chooseExportFile();
    void exportFinishedInternal();
    void loadDemoData();
    void showError(const QString &message);

    Database &m_database;
    std::unique_ptr<Settings> m_settings;
    HouseholdRepository m_repository;
    std::shared_ptr<const RecommendationEngine> m_survey;
    HouseholdEditor *m_editor;
    HouseholdTableModel *m_model;
    HouseholdFilterProxyModel *m_filter;
    QuickFind *m_quickFindWorker;

    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_modes = nullptr;
    Sidebar *m_sidebar = nullptr;
    DoorstepPage *m_doorstep = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_quickFind = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_areaFilter = nullptr;
    QTableView *m_table = nullptr;
    HouseholdDetailPanel *m_detail = nullptr;
    ProgressPanel *m_progress = nullptr;
    QDockWidget *m_progressDock = nullptr;
    bool m_progressShownInRegister = true; ///< doorstep mode hides the dock to save room
    QTimer *m_progressTimer = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_showingLabel = nullptr;
    QProgressBar *m_exportProgress = nullptr;
    QFutureWatcher<ExportTask::Outcome> m_export;
    QString m_exportPath;
    QPointer<ImportWizard> m_wizard;

    SyncController *m_sync;
    QMenu *m_syncMenu = nullptr;
    SyncStatusIndicator *m_syncIndicator = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_autoSyncAction = nullptr;
    QPointer<ConnectionDialog> m_connectionDialog;
    QPointer<ConflictView> m_conflictView;
};

} // namespace saferhomes
