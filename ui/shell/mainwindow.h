#pragma once

#include "common/settings.h"
#include "domain/roleaccess.h"
#include "register/registerpage.h"
#include "store/householdrepository.h"
#include "sync/syncbar.h"
#include "sync/syncledger.h"
#include "sync/syncsettings.h"

#include <QMainWindow>
#include <QUuid>

#include <memory>

class QStackedWidget;

namespace saferhomes {

class BoardPage;
class DashboardPage;
class Database;
class DoorstepPage;
class FitterDayPage;
class HouseholdExport;
class ImportLauncher;
class ImportWizard;
class MapPage;
class MessageBanner;
class ProgressDock;
class ProgressPanel;
class RecommendationEngine;
class Sidebar;
class StockPage;

/// The main window: the sidebar's modes (the household register, doorstep mode), the
/// progress dock, the menus and the status bar. It wires the features together; each does
/// its own work.
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
    void selectHousehold(const QUuid &id) { m_register->selectHousehold(id); }
    /// Saves window geometry, layout, splitter and column widths.
    void saveSettings();
    /// Shows doorstep mode (Ctrl+D) or the register (Ctrl+H).
    void showDoorstep(bool show = true);
    bool isDoorstepShown() const;
    /// Shows the schedule board (Ctrl+B).
    void showSchedule();
    BoardPage *boardPage() const { return m_board; }
    /// Shows the stock levels, movements and vans (Ctrl+T).
    void showStock();
    StockPage *stockPage() const { return m_stock; }
    /// Shows the managers' dashboard (not offered to volunteers).
    void showDashboard();
    DashboardPage *dashboardPage() const { return m_dashboard; }
    /// Who the device last synced as; empty on a register that has never synced.
    const SignedInUser &signedInUser() const { return m_user; }
    /// Whether the signed-in role uses \a feature (the sidebar and menus offer only those).
    bool offers(Feature feature) const { return RoleAccess::allows(m_user.role, feature); }
    /// Opens the fitter's day in a window of its own, on the signed-in fitter's day when the
    /// device is a fitter's.
    FitterDayPage *openFitterDay();
    /// Shows the map (Ctrl+M).
    void showMap();
    MapPage *mapPage() const { return m_map; }

    HouseholdRepository &repository() { return m_repository; }
    RegisterPage *registerPage() const { return m_register; }
    /// Shows \a message in the banner above the register.
    void showError(const QString &message);
    HouseholdTableModel *tableModel() const { return m_register->tableModel(); }
    HouseholdFilterProxyModel *filterModel() const { return m_register->filterModel(); }
    QTableView *tableView() const { return m_register->tableView(); }
    QLineEdit *quickFindEdit() const { return m_register->quickFindEdit(); }
    QComboBox *statusFilterBox() const { return m_register->statusFilterBox(); }
    QComboBox *areaFilterBox() const { return m_register->areaFilterBox(); }
    HouseholdDetailPanel *detailPanel() const { return m_register->detailPanel(); }
    QSplitter *splitter() const { return m_register->splitter(); }
    QUndoStack *undoStack() const { return m_register->undoStack(); }
    bool isShowingEmptyState() const { return m_register->isShowingEmptyState(); }
    bool isQuickFindPending() const { return m_register->isQuickFindPending(); }
    ProgressPanel *progressPanel() const;
    DoorstepPage *doorstepPage() const { return m_doorstep; }
    Sidebar *sidebar() const { return m_sidebar; }

    SyncBar *syncBar() const { return m_syncBar; }
    ConnectionDialog *openConnectionDialog() { return m_syncBar->openConnectionDialog(); }
    ConflictView *openConflictView() { return m_syncBar->openConflictView(); }
    SyncController *syncController() const { return m_syncBar->controller(); }
    SyncStatusIndicator *syncIndicator() const { return m_syncBar->indicator(); }
    QProgressBar *syncProgressBar() const { return m_syncBar->progressBar(); }
    QAction *syncNowAction() const { return m_syncBar->syncNowAction(); }
    QAction *autoSyncAction() const { return m_syncBar->autoSyncAction(); }
    QString showingText() const;
    QString bannerText() const;

signals:
    void exportFinished(bool ok, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QWidget *createModes();
    void createStatusBar();
    void connectFeatures();
    void restoreSettings();
    void reloadAll(bool refreshDetails);
    void householdChanged();
    void showStatus(const QString &message, int timeout);
    /// Reads who the device syncs as and shows only what their role uses.
    void applyRole();

    Database &m_database;
    std::unique_ptr<Settings> m_settings;
    HouseholdRepository m_repository;
    std::shared_ptr<const RecommendationEngine> m_survey;

    MessageBanner *m_banner = nullptr;
    RegisterPage *m_register = nullptr;
    DoorstepPage *m_doorstep = nullptr;
    BoardPage *m_board = nullptr;
    MapPage *m_map = nullptr;
    StockPage *m_stock = nullptr;
    DashboardPage *m_dashboard = nullptr;
    QStackedWidget *m_modes = nullptr;
    Sidebar *m_sidebar = nullptr;
    ProgressDock *m_progressDock = nullptr;
    bool m_progressShownInRegister = true; ///< doorstep mode hides the dock to save room
    HouseholdExport *m_export = nullptr;
    SyncBar *m_syncBar = nullptr;
    ImportLauncher *m_import = nullptr;
    SignedInUser m_user;
    /// Menu commands that belong to one feature, hidden with it.
    QList<std::pair<Feature, QAction *>> m_featureActions;
};

} // namespace saferhomes
