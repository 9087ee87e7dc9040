#include "shell/mainwindow.h"

#include "common/messagebanner.h"
#include "common/quickfind.h"
#include "common/settings.h"
#include "common/statuspalette.h"
#include "dashboard/progresspanel.h"
#include "demo/demodata.h"
#include "doorstep/doorsteppage.h"
#include "doorstep/surveyresources.h"
#include "import/importwizard.h"
#include "register/householddetailpanel.h"
#include "register/householdeditor.h"
#include "register/householdfilterproxymodel.h"
#include "register/householdtablemodel.h"
#include "reporting/progressreport.h"
#include "shell/sidebar.h"
#include "store/database.h"
#include "sync/conflictview.h"
#include "sync/connectiondialog.h"
#include "sync/synccontroller.h"
#include "sync/syncstatusindicator.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

enum Page { RegisterPage, EmptyPage };
enum Mode { HouseholdsMode, DoorstepMode };

} // namespace

MainWindow::MainWindow(Database &database, std::unique_ptr<Settings> settings,
                       std::shared_ptr<const RecommendationEngine> survey,
                       std::unique_ptr<SyncSettings> syncSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_settings(settings ? std::move(settings) : std::make_unique<Settings>())
    , m_repository(database, Database::localUserName())
    , m_survey(std::move(survey))
    , m_editor(new HouseholdEditor(m_repository, this))
    , m_model(new HouseholdTableModel(this))
    , m_filter(new HouseholdFilterProxyModel(this))
    , m_quickFindWorker(new QuickFind(database.path(), this))
    , m_progressTimer(new QTimer(this))
    , m_sync(new SyncController(database, std::move(syncSettings), this))
{
    setWindowTitle(tr("SaferHomes \u2014 Households"));
    m_filter->setSourceModel(m_model);

    m_banner = new MessageBanner(this);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(RegisterPage, createRegister());
    m_pages->insertWidget(EmptyPage, createEmptyState());
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(createModes(), 1);
    setCentralWidget(central);

    m_progress = new ProgressPanel(this);
    m_progressDock = new QDockWidget(tr("Progress"), this);
    m_progressDock->setObjectName(QStringLiteral("progressDock"));
    m_progressDock->setWidget(m_progress);
    m_progressDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_progressDock);

    createActions();
    createStatusBar();
    createSyncMenu();

    // Several edits in a row (or an undo and a redo) make one progress refresh.
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(150);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::refreshProgress);
    connect(m_editor, &HouseholdEditor::householdChanged, this, &MainWindow::refreshHousehold);
    connect(m_sync, &SyncController::started, this, &MainWindow::syncStarted);
    connect(m_sync, &SyncController::progress, this, &MainWindow::syncProgress);
    connect(m_sync, &SyncController::finished, this, &MainWindow::syncFinished);
    connect(m_sync, &SyncController::connectionNeeded, this, [this] {
        statusBar()->showMessage(tr("Set up the central database connection first."), 8000);
        openConnectionDialog();
    });
    connect(m_editor, &HouseholdEditor::editFailed, this, &MainWindow::showError);
    connect(m_quickFindWorker, &QuickFind::found, this, &MainWindow::showQuickFindResult);
    connect(m_quickFindWorker, &QuickFind::failed, this, &MainWindow::showError);
    connect(m_editor, &HouseholdEditor::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(&m_export, &QFutureWatcher<ExportTask::Outcome>::progressValueChanged, m_exportProgress,
            &QProgressBar::setValue);
    connect(&m_export, &QFutureWatcher<ExportTask::Outcome>::finished, this,
            &MainWindow::exportFinishedInternal);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);

    restoreSettings();
    reload();
}

MainWindow::~MainWindow()
{
    // The export worker has its own connection, but let it finish before the app goes.
    m_export.waitForFinished();
    // Doorstep mode saves typed text as it goes, with the survey definition held here.
    delete m_doorstep;
}

QUndoStack *MainWindow::undoStack() const
{
    return m_editor->undoStack();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import
        = file->addAction(tr("&Import households\u2026"), this, [this] { openImportWizard(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportAction
        = file->addAction(tr("&Export households\u2026"), this, &MainWindow::chooseExportFile);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find household"), this, [this] {
        if (isDoorstepShown()) {
            m_doorstep->focusFind();
            return;
        }
        m_quickFind->setFocus(Qt::ShortcutFocusReason);
        m_quickFind->selectAll();
    });
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Households"), QKeySequence(Qt::CTRL | Qt::Key_H), this,
                    [this] { showDoorstep(false); });
    view->addAction(tr("&Doorstep mode"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                    [this] { showDoorstep(true); });
    view->addSeparator();
    QAction *progress = m_progressDock->toggleViewAction();
    progress->setText(tr("&Progress panel"));
    view->addAction(progress);
    QAction *refresh = view->addAction(tr("&Reload households"), this, &MainWindow::reload);
    // F5 is Sync now, which reloads what it brings.
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    m_syncMenu = menuBar()->addMenu(tr("&Sync"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SaferHomes"), this, [this] {
        QMessageBox::about(this, tr("About SaferHomes"),
                           tr("SaferHomes %1\nHome-security scheme management: households, "
                              "surveys, fitting and progress.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

QWidget *MainWindow::createRegister()
{
    m_quickFind = new QLineEdit(this);
    m_quickFind->setObjectName(QStringLiteral("quickFind"));
    m_quickFind->setPlaceholderText(tr("Find an address, postcode or name (Ctrl+K)"));
    m_quickFind->setAccessibleName(tr("Quick find"));
    m_quickFind->setClearButtonEnabled(true);
    m_quickFind->installEventFilter(this);
    connect(m_quickFind, &QLineEdit::textChanged, this, &MainWindow::applyQuickFind);
    connect(m_quickFind, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0) {
            m_table->setCurrentIndex(m_filter->index(0, 0));
            m_table->setFocus(Qt::OtherFocusReason);
        }
    });

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"));
    for (HouseholdStatus status : HouseholdStatusRules::all()) {
        m_statusFilter->addItem(StatusPalette::chip(status), HouseholdStatusRules::label(status),
                                HouseholdStatusRules::name(status));
    }
    m_areaFilter = new QComboBox(this);
    m_areaFilter->setObjectName(QStringLiteral("areaFilter"));
    m_areaFilter->setAccessibleName(tr("Area filter"));
    m_areaFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_areaFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);

    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_quickFind);
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_statusFilter);
    auto *areaLabel = new QLabel(tr("&Area:"), this);
    areaLabel->setBuddy(m_areaFilter);
    auto *filters = new QHBoxLayout;
    filters->addWidget(findLabel);
    filters->addWidget(m_quickFind, 1);
    filters->addSpacing(8);
    filters->addWidget(statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(8);
    filters->addWidget(areaLabel);
    filters->addWidget(m_areaFilter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("householdTable"));
    m_table->setAccessibleName(tr("Households"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100k rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    // Widths from typical contents (never measured over 100k rows); the user's own widths
    // are restored from the settings.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&metrics](const QString &sample, int extra = 16) {
        return metrics.horizontalAdvance(sample) + extra;
    };
    header->resizeSection(HouseholdTableModel::Address,
                          fit(QStringLiteral("4 Countesthorpe Road")));
    header->resizeSection(HouseholdTableModel::Postcode, fit(QStringLiteral("LE18 1AB")));
    header->resizeSection(HouseholdTableModel::Town, fit(QStringLiteral("Melton Mowbray")));
    header->resizeSection(HouseholdTableModel::Area, fit(QStringLiteral("Oadby and Wigston")));
    header->resizeSection(HouseholdTableModel::Resident, fit(QStringLiteral("Margaret Atkinson")));
    header->resizeSection(HouseholdTableModel::Status, fit(QStringLiteral("Followed up"), 40));
    header->resizeSection(HouseholdTableModel::Priority, fit(tr("Priority"), 24));
    header->resizeSection(HouseholdTableModel::Updated, fit(QStringLiteral("24 Nov 2026")));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HouseholdTableModel::Address, Qt::AscendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::currentRowChanged);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);

    m_detail = new HouseholdDetailPanel(m_database, m_repository, *m_editor, this);
    m_detail->setObjectName(QStringLiteral("detailPanel"));
    m_detail->setMinimumWidth(320);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 0);
    rightLayout->addWidget(m_detail);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("registerSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    setTabOrder(m_quickFind, m_statusFilter);
    setTabOrder(m_statusFilter, m_areaFilter);
    setTabOrder(m_areaFilter, m_table);
    setTabOrder(m_table, m_detail);
    return m_splitter;
}

QWidget *MainWindow::createModes()
{
    if (!m_survey) {
        QString error;
        m_survey = SurveyResources::loadBuiltIn(&error);
        if (!m_survey) {
            showError(error);
            m_survey = std::make_shared<const RecommendationEngine>(SurveyDefinition());
        }
    }
    m_doorstep = new DoorstepPage(m_database, m_repository, *m_survey, *m_settings, this);
    connect(m_doorstep, &DoorstepPage::householdChanged, this, [this](const QUuid &id) {
        refreshHousehold(id);
        if (m_detail->householdId() == id)
            m_detail->showHousehold(id);
    });
    m_modes = new QStackedWidget(this);
    m_modes->insertWidget(HouseholdsMode, m_pages);
    m_modes->insertWidget(DoorstepMode, m_doorstep);
    m_sidebar = new Sidebar(this);
    m_sidebar->addEntry(tr("Households"), QStringLiteral("modeHouseholds"));
    m_sidebar->addEntry(tr("Doorstep"), QStringLiteral("modeDoorstep"));
    connect(m_sidebar, &Sidebar::currentChanged, this,
            [this](int index) { showDoorstep(index == DoorstepMode); });
    auto *modes = new QWidget(this);
    auto *layout = new QHBoxLayout(modes);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_modes, 1);
    return modes;
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

bool MainWindow::isDoorstepShown() const
{
    return m_modes->currentIndex() == DoorstepMode;
}

QWidget *MainWindow::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *message = new QLabel(
        tr("No households yet \u2014 import a list (Ctrl+I) or load demo data."), page);
    message->setObjectName(QStringLiteral("emptyStateMessage"));
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    QFont font = message->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    message->setFont(font);
    auto *import = new QPushButton(tr("&Import a list\u2026"), page);
    connect(import, &QPushButton::clicked, this, [this] { openImportWizard(); });
    auto *demo = new QPushButton(tr("Load &demo data"), page);
    demo->setObjectName(QStringLiteral("loadDemoData"));
    connect(demo, &QPushButton::clicked, this, &MainWindow::loadDemoData);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(import);
    buttons->addWidget(demo);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(message);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void MainWindow::createStatusBar()
{
    m_userLabel = new QLabel(tr("User: %1").arg(Database::localUserName()), this);
    m_pathLabel = new QLabel(QDir::toNativeSeparators(m_database.path()), this);
    m_pathLabel->setObjectName(QStringLiteral("databasePath"));
    m_pathLabel->setToolTip(tr("The local database"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("householdCount"));
    m_showingLabel = new QLabel(this);
    m_showingLabel->setObjectName(QStringLiteral("showingCount"));
    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setRange(0, 1000);
    m_exportProgress->setMaximumWidth(160);
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportProgress->hide();
    statusBar()->addPermanentWidget(m_exportProgress);
    m_syncProgress = new QProgressBar(this);
    m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
    m_syncProgress->setMaximumWidth(200);
    m_syncProgress->setAccessibleName(tr("Sync progress"));
    m_syncProgress->hide();
    m_syncIndicator = new SyncStatusIndicator(*m_sync, this);
    connect(m_syncIndicator, &SyncStatusIndicator::clicked, this, &MainWindow::openConflictView);
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_syncIndicator);
    statusBar()->addPermanentWidget(m_showingLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_pathLabel);
}

void MainWindow::createSyncMenu()
{
    m_syncNowAction = m_syncMenu->addAction(tr("Sync &now"), this, [this] {
        if (!m_sync->syncNow() && m_sync->isRunning())
            statusBar()->showMessage(tr("A sync is already running."), 5000);
    });
    m_syncNowAction->setObjectName(QStringLiteral("syncNow"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_autoSyncAction = m_syncMenu->addAction(tr("Sync &automatically"));
    m_autoSyncAction->setObjectName(QStringLiteral("autoSync"));
    m_autoSyncAction->setCheckable(true);
    m_autoSyncAction->setChecked(m_sync->autoSync());
    connect(m_autoSyncAction, &QAction::toggled, m_sync, &SyncController::setAutoSync);
    m_syncMenu->addSeparator();
    m_syncMenu->addAction(tr("&Conflicts and refused changes\u2026"), this,
                          &MainWindow::openConflictView);
    m_syncMenu->addAction(tr("C&onnection\u2026"), this, &MainWindow::openConnectionDialog);
}

ConnectionDialog *MainWindow::openConnectionDialog()
{
    if (m_connectionDialog) {
        m_connectionDialog->raise();
        m_connectionDialog->activateWindow();
        return m_connectionDialog;
    }
    SyncSettings &settings = m_sync->settings();
    const SyncSettings::Connection connection = settings.connection();
    m_connectionDialog
        = new ConnectionDialog(connection, settings.autoSync(), settings.intervalMinutes(), this);
    m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_connectionDialog->setKnownPassword(
        m_sync->keychain().sessionPassword(connection.keychainKey()));
    connect(m_connectionDialog, &QDialog::accepted, this, [this] {
        ConnectionDialog *dialog = m_connectionDialog;
        m_sync->settings().setIntervalMinutes(dialog->intervalMinutes());
        m_sync->setConnection(dialog->connection(), dialog->password());
        m_autoSyncAction->setChecked(dialog->autoSync());
        m_sync->setAutoSync(dialog->autoSync());
        statusBar()->showMessage(tr("Connection saved."), 5000);
    });
    m_connectionDialog->open();
    return m_connectionDialog;
}

ConflictView *MainWindow::openConflictView()
{
    if (m_conflictView) {
        m_conflictView->reload();
        m_conflictView->raise();
        m_conflictView->activateWindow();
        return m_conflictView;
    }
    m_conflictView = new ConflictView(m_database, this);
    m_conflictView->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictView, &ConflictView::changed, this, &MainWindow::reload);
    m_conflictView->show();
    return m_conflictView;
}

void MainWindow::syncStarted()
{
    // Indeterminate until the first download says how much is coming.
    m_syncProgress->setRange(0, 0);
    m_syncProgress->setFormat(QString());
    m_syncProgress->setToolTip(tr("Syncing with the central database"));
    m_syncProgress->show();
}

void MainWindow::syncProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    const QLocale locale;
    m_syncProgress->setRange(0, int(total));
    m_syncProgress->setValue(int(done));
    m_syncProgress->setFormat(tr("%1 / %2").arg(locale.toString(done), locale.toString(total)));
    m_syncProgress->setToolTip(
        tr("First download: %1 of %2 rows").arg(locale.toString(done), locale.toString(total)));
}

void MainWindow::syncFinished(const SyncResult &result, bool manual)
{
    m_syncProgress->hide();
    // What the sync brought in (or removed: an erasure, an area taken away) shows at once.
    // The details are left alone while the user is typing in them: a background sync must
    // not throw that away (they are read again when another household is chosen).
    if (result.ok() || result.pulled > 0)
        reloadRegister(!m_detail->isAncestorOf(QApplication::focusWidget()));
    if (m_conflictView)
        m_conflictView->reload();
    if (!result.ok()) {
        // An automatic sync that finds the server away only says so in the status bar.
        if (manual || !result.unreachable)
            showError(tr("Sync failed: %1").arg(result.error));
        return;
    }
    if (!result.rejected.isEmpty()) {
        showError(tr("The central database refused %1 change(s); they are kept on this device. "
                     "See Sync \u203a Conflicts and refused changes.")
                      .arg(result.rejected.size()));
    } else if (result.conflicts > 0) {
        showError(tr("%1 field(s) were changed by someone else too; the server kept its "
                     "value. See Sync \u203a Conflicts and refused changes.")
                      .arg(result.conflicts));
    }
    statusBar()->showMessage(
        tr("Synced: sent %1 change(s), received %2.")
            .arg(QLocale().toString(result.pushed), QLocale().toString(result.pulled)),
        8000);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->mainWindowGeometry())) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1400, 900);
        resize(available.boundedTo(QSize(1400, 900)));
    }
    restoreState(m_settings->mainWindowState());
    m_splitter->restoreState(m_settings->registerSplitterState());
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(m_settings->registerHeaderState()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
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
    m_settings->setRegisterSplitterState(m_splitter->saveState());
    m_settings->setRegisterHeaderState(m_table->horizontalHeader()->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the find box moves into the results, as in a search field's list.
    if (watched == m_quickFind && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_filter->rowCount() > 0) {
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_filter->index(0, 0));
        m_table->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::reload()
{
    reloadRegister(true);
}

void MainWindow::reloadRegister(bool refreshDetails)
{
    m_model->setHouseholds(m_repository.summaries());
    reloadAreas();
    applyQuickFind();
    m_pages->setCurrentIndex(m_model->rowCount() == 0 ? EmptyPage : RegisterPage);
    if (refreshDetails)
        m_detail->showHousehold(m_detail->householdId());
    m_doorstep->reload();
    refreshProgress();
    updateCounts();
    m_sync->refreshSummary();
}

void MainWindow::reloadAreas()
{
    const std::optional<QString> current = m_filter->areaFilter();
    QStringList names;
    for (const Area &area : m_repository.areas())
        names.append(area.name);
    bool hasUnassigned = false;
    for (int row = 0; row < m_model->rowCount() && !hasUnassigned; ++row)
        hasUnassigned = m_model->household(row).areaName.isEmpty();

    const QSignalBlocker blocker(m_areaFilter);
    m_areaFilter->clear();
    m_areaFilter->addItem(tr("All areas"));
    for (const QString &name : std::as_const(names))
        m_areaFilter->addItem(name, name);
    if (hasUnassigned)
        m_areaFilter->addItem(tr("No area"), QString());
    int index = 0;
    if (current)
        index = std::max(0, m_areaFilter->findData(*current));
    m_areaFilter->setCurrentIndex(index);
    m_detail->setAreas(names);
    applyFilters();
}

void MainWindow::applyQuickFind()
{
    const QString text = m_quickFind->text().trimmed();
    if (text.isEmpty()) {
        m_quickFindWorker->cancel();
        m_filter->setQuickFindKeys(std::nullopt);
        return;
    }
    // A prefix that matches most of 100k households takes the database 100 ms or more:
    // the query runs off the GUI thread so that typing never waits for it.
    m_quickFindWorker->find(text);
}

void MainWindow::showQuickFindResult(const QString &text, const QList<qint64> &keys)
{
    if (text != m_quickFind->text().trimmed())
        return;
    m_filter->setQuickFindKeys(keys);
    // One match: show it straight away, as a jump to that household.
    if (m_filter->rowCount() == 1)
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

bool MainWindow::isQuickFindPending() const
{
    return m_quickFindWorker->isPending();
}

void MainWindow::applyFilters()
{
    const QVariant status = m_statusFilter->currentData();
    m_filter->setStatusFilter(status.isValid() ? HouseholdStatusRules::fromName(status.toString())
                                               : std::nullopt);
    const QVariant area = m_areaFilter->currentData();
    m_filter->setAreaFilter(area.isValid() ? std::optional<QString>(area.toString())
                                           : std::nullopt);
}

void MainWindow::refreshHousehold(const QUuid &id)
{
    if (const std::optional<HouseholdSummary> summary = m_repository.summary(id))
        m_model->updateHousehold(*summary);
    // An edited address or name may change what quick-find matches.
    if (m_filter->hasQuickFind())
        applyQuickFind();
    m_progressTimer->start();
    // An edit waits in the outbox: the pending count changes.
    m_sync->refreshSummary();
}

void MainWindow::refreshProgress()
{
    m_progressTimer->stop();
    m_progress->setReport(ProgressReport::compute(m_repository.statusCounts()));
}

void MainWindow::updateCounts()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    m_countLabel->setText(tr("%1 households").arg(locale.toString(total)));
    m_showingLabel->setText(
        tr("showing %1 of %2").arg(locale.toString(m_filter->rowCount()), locale.toString(total)));
}

QString MainWindow::showingText() const
{
    return m_showingLabel->text();
}

QString MainWindow::bannerText() const
{
    return m_banner->message();
}

bool MainWindow::isShowingEmptyState() const
{
    return m_pages->currentIndex() == EmptyPage;
}

void MainWindow::currentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_detail->showHousehold(current.data(HouseholdTableModel::IdRole).toUuid());
}

void MainWindow::selectHousehold(const QUuid &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    } else {
        m_detail->showHousehold(id);
    }
}

ImportWizard *MainWindow::openImportWizard(const QString &filePath)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    m_wizard = new ImportWizard(m_database.path(), this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!filePath.isEmpty())
        m_wizard->setFilePath(filePath);
    m_wizard->setStartDirectory(m_settings->lastImportDirectory());
    connect(m_wizard, &ImportWizard::imported, this, [this](int count) {
        if (m_wizard)
            m_settings->setLastImportDirectory(QFileInfo(m_wizard->filePath()).absolutePath());
        reload();
        statusBar()->showMessage(tr("Imported %1 households.").arg(QLocale().toString(count)),
                                 8000);
    });
    m_wizard->open();
    return m_wizard;
}

void MainWindow::chooseExportFile()
{
    QString directory = m_settings->lastExportDirectory();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export households"),
                                                      directory + QStringLiteral("/households.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_settings->setLastExportDirectory(QFileInfo(path).absolutePath());
    exportTo(path);
}

void MainWindow::exportTo(const QString &filePath)
{
    if (m_export.isRunning()) {
        showError(tr("An export is already running."));
        return;
    }
    m_exportPath = filePath;
    m_exportProgress->setValue(0);
    m_exportProgress->show();
    statusBar()->showMessage(tr("Exporting to %1\u2026").arg(QDir::toNativeSeparators(filePath)));
    m_export.setFuture(ExportTask::write(m_database.path(), filePath));
}

void MainWindow::exportFinishedInternal()
{
    m_exportProgress->hide();
    const ExportTask::Outcome outcome = m_export.result();
    if (!outcome.error.isEmpty()) {
        const QString message = tr("The export failed: %1").arg(outcome.error);
        statusBar()->clearMessage();
        showError(message);
        emit exportFinished(false, message);
        return;
    }
    const QString message
        = tr("Exported %1 households to %2")
              .arg(QLocale().toString(outcome.written), QDir::toNativeSeparators(m_exportPath));
    statusBar()->showMessage(message, 8000);
    emit exportFinished(true, message);
}

void MainWindow::loadDemoData()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status filled = DemoData::fill(m_database, DemoData::Options {});
    QApplication::restoreOverrideCursor();
    if (!filled) {
        showError(tr("The demo data could not be loaded: %1").arg(filled.errorString()));
        return;
    }
    reload();
}

void MainWindow::showError(const QString &message)
{
    m_banner->showMessage(message);
}

} // namespace saferhomes
