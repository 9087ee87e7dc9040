#include "shell/mainwindow.h"

#include "common/messagebanner.h"
#include "common/touchbutton.h"
#include "dashboard/dashboardfilterbar.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/progressdock.h"
#include "doorstep/doorsteppage.h"
#include "doorstep/surveyresources.h"
#include "import/importlauncher.h"
#include "map/mappage.h"
#include "map/mapwidget.h"
#include "register/householdexport.h"
#include "schedule/boardpage.h"
#include "shell/sidebar.h"
#include "stock/stockpage.h"
#include "store/database.h"
#include "sync/synccontroller.h"
#include "sync/syncstatusindicator.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

enum Mode { HouseholdsMode, DoorstepMode, ScheduleMode, MapMode, StockMode, DashboardMode };

/// The feature each sidebar mode belongs to, in the order of Mode.
constexpr Feature kModeFeatures[] = {Feature::Households, Feature::Doorstep, Feature::Schedule,
                                     Feature::Map,        Feature::Stock,    Feature::Dashboard};

} // namespace

MainWindow::MainWindow(Database &database, std::unique_ptr<Settings> settings,
                       std::shared_ptr<const RecommendationEngine> survey,
                       std::unique_ptr<SyncSettings> syncSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_settings(settings ? std::move(settings) : std::make_unique<Settings>())
    , m_repository(database, Database::localUserName())
    , m_survey(std::move(survey))
{
    setWindowTitle(tr("SaferHomes \u2014 Households"));
    m_syncBar = new SyncBar(database, std::move(syncSettings), this);
    m_banner = new MessageBanner(this);
    m_register = new RegisterPage(database, m_repository, this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(createModes(), 1);
    setCentralWidget(central);

    m_progressDock = new ProgressDock(m_repository, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_progressDock);
    m_export = new HouseholdExport(database.path(), *m_settings, this);
    m_import = new ImportLauncher(database.path(), *m_settings, this);

    createActions();
    createStatusBar();
    connectFeatures();
    restoreSettings();
    reload();
}

MainWindow::~MainWindow()
{
    // Doorstep mode saves typed text as it goes, with the survey definition held here.
    delete m_doorstep;
}

QWidget *MainWindow::createModes()
{
    if (!m_survey) {
        const Result<SurveyResources::Engine> survey = SurveyResources::loadBuiltIn();
        if (survey) {
            m_survey = *survey;
        } else {
            showError(survey.errorString());
            m_survey = std::make_shared<const RecommendationEngine>(SurveyDefinition());
        }
    }
    m_doorstep = new DoorstepPage(m_database, m_repository, *m_survey, *m_settings, this);
    m_modes = new QStackedWidget(this);
    m_modes->insertWidget(HouseholdsMode, m_register);
    m_modes->insertWidget(DoorstepMode, m_doorstep);
    m_board = new BoardPage(m_database, this);
    m_modes->insertWidget(ScheduleMode, m_board);
    m_sidebar = new Sidebar(this);
    m_sidebar->addEntry(tr("Households"), QStringLiteral("modeHouseholds"));
    m_sidebar->addEntry(tr("Doorstep"), QStringLiteral("modeDoorstep"));
    m_sidebar->addEntry(tr("Schedule"), QStringLiteral("modeSchedule"));
    m_sidebar->button(ScheduleMode)->setToolTip(tr("The schedule board (Ctrl+B)"));
    // The map (issue 15).
    m_map = new MapPage(m_database, {}, this);
    m_modes->insertWidget(MapMode, m_map);
    m_sidebar->addEntry(tr("Map"), QStringLiteral("modeMap"));
    m_sidebar->button(MapMode)->setToolTip(tr("Households and routes on the map (Ctrl+M)"));
    connect(m_map, &MapPage::householdActivated, this, [this](const QUuid &id) {
        showDoorstep(false);
        selectHousehold(id);
    });
    // The register's filters drive the map too: the same area and status on both.
    const auto followRegister = [this] {
        m_map->followFilters(m_register->areaFilterBox()->currentData().toString(),
                             HouseholdStatusRules::fromName(
                                 m_register->statusFilterBox()->currentData().toString()));
    };
    connect(m_register->statusFilterBox(), &QComboBox::currentIndexChanged, m_map, followRegister);
    connect(m_register->areaFilterBox(), &QComboBox::currentIndexChanged, m_map, followRegister);
    m_stock = new StockPage(m_database, this);
    m_modes->insertWidget(StockMode, m_stock);
    m_sidebar->addEntry(tr("Stock"), QStringLiteral("modeStock"));
    m_sidebar->button(StockMode)->setToolTip(tr("Stock levels, movements and vans (Ctrl+T)"));
    // A sync may bring movements made on other devices.
    connect(m_syncBar, &SyncBar::householdsPulled, m_stock, [this] {
        if (m_stock->isVisible())
            m_stock->refresh();
    });
    // The managers' dashboard (RoleAccess hides it from roles that do not use it).
    m_dashboard = new DashboardPage(m_database, *m_settings, this);
    m_modes->insertWidget(DashboardMode, m_dashboard);
    m_sidebar->addEntry(tr("Dashboard"), QStringLiteral("modeDashboard"));
    connect(m_dashboard, &DashboardPage::householdActivated, this, [this](const QUuid &id) {
        showDoorstep(false);
        selectHousehold(id);
    });
    // And so does the dashboard's one filter: its area and status.
    connect(m_dashboard->filterBar(), &DashboardFilterBar::filterChanged, m_map,
            [this](const DashboardFilter &filter) {
                QComboBox *area = m_dashboard->filterBar()->areaBox();
                m_map->followFilters(filter.areaId.isEmpty() ? QString() : area->currentText(),
                                     filter.status);
            });
    connect(m_sidebar, &Sidebar::currentChanged, this, [this](int index) {
        if (index == MapMode)
            showMap();
        else if (index == ScheduleMode)
            showSchedule();
        else if (index == StockMode)
            showStock();
        else if (index == DashboardMode)
            showDashboard();
        else
            showDoorstep(index == DoorstepMode);
    });
    auto *modes = new QWidget(this);
    auto *layout = new QHBoxLayout(modes);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_modes, 1);
    return modes;
}

void MainWindow::createStatusBar()
{
    auto *user = new QLabel(tr("User: %1").arg(Database::localUserName()), this);
    auto *path = new QLabel(QDir::toNativeSeparators(m_database.path()), this);
    path->setObjectName(QStringLiteral("databasePath"));
    path->setToolTip(tr("The local database"));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_export->progressBar());
    statusBar()->addPermanentWidget(m_syncBar->progressBar());
    statusBar()->addPermanentWidget(m_syncBar->indicator());
    statusBar()->addPermanentWidget(m_register->showingLabel());
    statusBar()->addPermanentWidget(m_register->countLabel());
    statusBar()->addPermanentWidget(user);
    statusBar()->addPermanentWidget(path);
}

void MainWindow::connectFeatures()
{
    connect(m_register, &RegisterPage::householdEdited, this, &MainWindow::householdChanged);
    connect(m_register, &RegisterPage::importRequested, this, [this] { openImportWizard(); });
    connect(m_register, &RegisterPage::demoDataLoaded, this, &MainWindow::reload);
    connect(m_register, &RegisterPage::error, this, &MainWindow::showError);
    connect(m_register, &RegisterPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_doorstep, &DoorstepPage::householdChanged, this, [this](const QUuid &id) {
        m_register->refreshHouseholdAndDetails(id);
        householdChanged();
    });
    connect(m_import, &ImportLauncher::imported, this, &MainWindow::reload);
    connect(m_import, &ImportLauncher::statusMessage, this, &MainWindow::showStatus);
    connect(m_export, &HouseholdExport::finished, this, &MainWindow::exportFinished);
    connect(m_export, &HouseholdExport::error, this, &MainWindow::showError);
    connect(m_export, &HouseholdExport::statusMessage, this, &MainWindow::showStatus);
    // The details are left alone while the user is typing in them: a background sync must
    // not throw that away (they are read again when another household is chosen).
    connect(m_syncBar, &SyncBar::householdsPulled, this,
            [this] { reloadAll(!m_register->isEditingDetails()); });
    connect(m_syncBar, &SyncBar::householdsResolved, this, &MainWindow::reload);
    // A sync may bring jobs booked or moved elsewhere: the board shows them at once.
    connect(m_syncBar, &SyncBar::householdsPulled, m_board, [this] {
        if (m_board->isVisible())
            m_board->refresh();
    });
    connect(m_syncBar, &SyncBar::error, this, &MainWindow::showError);
    connect(m_syncBar, &SyncBar::statusMessage, this, &MainWindow::showStatus);
}

void MainWindow::showDoorstep(bool show)
{
    if (show && !isDoorstepShown()) {
        m_progressShownInRegister = m_progressDock->isVisible();
        m_progressDock->hide();
    } else if (!show && isDoorstepShown() && m_progressShownInRegister) {
        m_progressDock->show();
    }
    m_modes->setCurrentIndex(show ? DoorstepMode : HouseholdsMode);
    m_sidebar->setCurrentIndex(show ? DoorstepMode : HouseholdsMode);
    setWindowTitle(show ? tr("SaferHomes \u2014 Doorstep") : tr("SaferHomes \u2014 Households"));
    if (show && m_doorstep->isShowingFinder())
        m_doorstep->focusFind();
    else if (show)
        m_doorstep->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showSchedule()
{
    showDoorstep(false); // puts back what doorstep mode hid
    m_modes->setCurrentIndex(ScheduleMode);
    m_sidebar->setCurrentIndex(ScheduleMode);
    setWindowTitle(tr("SaferHomes \u2014 Schedule"));
    m_board->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showMap()
{
    showDoorstep(false); // puts back what doorstep mode hid
    m_modes->setCurrentIndex(MapMode);
    m_sidebar->setCurrentIndex(MapMode);
    setWindowTitle(tr("SaferHomes \u2014 Map"));
    m_map->refresh();
    m_map->mapWidget()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showStock()
{
    showDoorstep(false); // puts back what doorstep mode hid
    m_stock->refresh();
    m_modes->setCurrentIndex(StockMode);
    m_sidebar->setCurrentIndex(StockMode);
    setWindowTitle(tr("SaferHomes \u2014 Stock"));
    m_stock->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showDashboard()
{
    showDoorstep(false);
    m_modes->setCurrentIndex(DashboardMode);
    m_sidebar->setCurrentIndex(DashboardMode);
    setWindowTitle(tr("SaferHomes \u2014 Dashboard"));
    m_dashboard->setFocus(Qt::ShortcutFocusReason);
}

bool MainWindow::isDoorstepShown() const
{
    return m_modes->currentIndex() == DoorstepMode;
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->mainWindowGeometry())) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
        resize(available.boundedTo(QSize(1400, 900)));
    }
    restoreState(m_settings->mainWindowState());
    m_register->restoreLayout(*m_settings);
}

void MainWindow::saveSettings()
{
    m_settings->setMainWindowGeometry(saveGeometry());
    // The layout saved is the register's: doorstep mode only hides the dock for a while.
    const bool hiddenForDoorstep = isDoorstepShown() && m_progressShownInRegister;
    m_progressDock->setVisible(m_progressDock->isVisible() || hiddenForDoorstep);
    m_settings->setMainWindowState(saveState());
    if (hiddenForDoorstep)
        m_progressDock->hide();
    m_register->saveLayout(*m_settings);
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::reload()
{
    reloadAll(true);
}

void MainWindow::reloadAll(bool refreshDetails)
{
    applyRole();
    m_register->reload(refreshDetails);
    m_doorstep->reload();
    m_progressDock->refresh();
    m_dashboard->refresh();
    syncController()->refreshSummary();
}

void MainWindow::applyRole()
{
    const Result<SignedInUser> user = SyncLedger(m_database.connectionName()).signedInUser();
    if (!user) {
        // Shown, and the screens stay as they were: a failed read grants nothing new.
        showError(tr("Cannot read who this device syncs as: %1").arg(user.errorString()));
        return;
    }
    m_user = *user;
    for (int mode = 0; mode < int(std::size(kModeFeatures)); ++mode)
        m_sidebar->setEntryVisible(mode, offers(kModeFeatures[mode]));
    for (const auto &[feature, action] : std::as_const(m_featureActions))
        action->setVisible(offers(feature));
    if (!offers(kModeFeatures[m_modes->currentIndex()]))
        showDoorstep(false);
}

void MainWindow::householdChanged()
{
    m_progressDock->refreshSoon();
    // An edit waits in the outbox: the pending count changes.
    syncController()->refreshSummary();
}

ProgressPanel *MainWindow::progressPanel() const
{
    return m_progressDock->panel();
}

QString MainWindow::showingText() const
{
    return m_register->showingLabel()->text();
}

QString MainWindow::bannerText() const
{
    return m_banner->message();
}

ImportWizard *MainWindow::openImportWizard(const QString &filePath)
{
    return m_import->open(filePath);
}

void MainWindow::exportTo(const QString &filePath)
{
    m_export->exportTo(filePath);
}

void MainWindow::showStatus(const QString &message, int timeout)
{
    statusBar()->showMessage(message, timeout);
}

void MainWindow::showError(const QString &message)
{
    m_banner->showMessage(message);
}

} // namespace saferhomes
