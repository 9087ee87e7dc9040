// The main window's menu bar: every command of the app, with its shortcut. Kept apart from
// mainwindow.cpp, which builds the window and wires the features together.

#include "shell/mainwindow.h"

#include "admin/budgetsdialog.h"
#include "admin/cataloguedialog.h"
#include "admin/fittersdialog.h"
#include "dashboard/progressdock.h"
#include "dashboard/quarterlyreturndialog.h"
#include "doorstep/doorsteppage.h"
#include "map/mappage.h"
#include "register/householdexport.h"
#include "register/registerpage.h"
#include "schedule/fitterdaypage.h"
#include "schedule/jobsheetdialog.h"
#include "survey/recommendationengine.h"
#include "sync/synccontroller.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>

namespace saferhomes {

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import
        = file->addAction(tr("&Import households\u2026"), this, [this] { openImportWizard(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportAction
        = file->addAction(tr("&Export households\u2026"), m_export, &HouseholdExport::chooseFile);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *sheets = file->addAction(tr("&Print job sheets\u2026"), this, [this] {
        auto *dialog = new JobSheetDialog(m_database, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    sheets->setShortcut(QKeySequence::Print);
    m_featureActions.append({Feature::FitterDay, sheets});
    m_featureActions.append(
        {Feature::Dashboard, file->addAction(tr("&Quarterly return\u2026"), this, [this] {
             auto *dialog = new QuarterlyReturnDialog(m_database, this);
             dialog->setAttribute(Qt::WA_DeleteOnClose);
             dialog->open();
         })});
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redo = undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find household"), this, [this] {
        if (isDoorstepShown())
            m_doorstep->focusFind();
        else
            m_register->focusFind();
    });
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Households"), QKeySequence(Qt::CTRL | Qt::Key_H), this,
                    [this] { showDoorstep(false); });
    m_featureActions.append(
        {Feature::Doorstep,
         view->addAction(tr("&Doorstep mode"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                         [this] { showDoorstep(true); })});
    m_featureActions.append(
        {Feature::Schedule,
         view->addAction(tr("&Schedule board"), QKeySequence(Qt::CTRL | Qt::Key_B), this,
                         &MainWindow::showSchedule)});
    m_featureActions.append({Feature::Map,
                             view->addAction(tr("&Map"), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                                             &MainWindow::showMap)});
    m_featureActions.append(
        {Feature::Dashboard,
         view->addAction(tr("Dash&board"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this,
                         &MainWindow::showDashboard)});
    m_featureActions.append({Feature::Stock,
                             view->addAction(tr("S&tock"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
                                             &MainWindow::showStock)});
    view->addSeparator();
    QAction *progress = m_progressDock->toggleViewAction();
    progress->setText(tr("&Progress panel"));
    view->addAction(progress);
    m_featureActions.append(
        {Feature::FitterDay,
         view->addAction(tr("&Fitter's day"), QKeySequence(Qt::CTRL | Qt::Key_J), this,
                         [this] { openFitterDay(); })});
    m_featureActions.append({Feature::Schedule, view->addAction(tr("F&itters\u2026"), this, [this] {
                                 auto *fitters = new FittersDialog(m_database, this);
                                 fitters->setAttribute(Qt::WA_DeleteOnClose);
                                 fitters->open();
                             })});
    m_featureActions.append(
        {Feature::Schedule, view->addAction(tr("Equipment &catalogue\u2026"), this, [this] {
             QStringList ruleCodes;
             for (const RecommendationRule &rule : m_survey->rules())
                 ruleCodes.append(rule.code);
             auto *catalogue = new CatalogueDialog(m_database, ruleCodes, this);
             catalogue->setAttribute(Qt::WA_DeleteOnClose);
             catalogue->open();
         })});
    QAction *refresh = view->addAction(tr("&Reload households"), this, &MainWindow::reload);
    // F5 is Sync now, which reloads what it brings.
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    m_syncBar->fillMenu(menuBar()->addMenu(tr("&Sync")));

    QMenu *admin = menuBar()->addMenu(tr("&Admin"));
    // Its one command sets budgets, which managers do as well as admins (central 0015).
    m_featureActions.append({Feature::Budgets, admin->menuAction()});
    admin->addAction(tr("&Budgets\u2026"), this, [this] {
        auto *budgets = new BudgetsDialog(m_database, this);
        budgets->setAttribute(Qt::WA_DeleteOnClose);
        budgets->open();
    });
    QMenu *settingsMenu = menuBar()->addMenu(tr("Se&ttings"));
    settingsMenu->addAction(tr("&Map\u2026"), m_map, &MapPage::openSettings);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SaferHomes"), this, [this] {
        QMessageBox::about(this, tr("About SaferHomes"),
                           tr("SaferHomes %1\nHome-security scheme management: households, "
                              "surveys, fitting and progress.\n\nFree software under the GNU "
                              "General Public License, version 3 or (at your option) any later "
                              "version: it uses Qt Charts, which is licensed under the GPL "
                              "version 3. There is no warranty.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

FitterDayPage *MainWindow::openFitterDay()
{
    // A window of its own: the fitter keeps it open beside the rest of the app.
    auto *day = new FitterDayPage(m_database, this);
    day->setWindowFlag(Qt::Window);
    day->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_user.fitterId.isNull())
        day->setFitter(m_user.fitterId); // a fitter's own device opens on their day
    day->resize(1000, 720);
    day->show();
    return day;
}

} // namespace saferhomes
