// The main window's menu bar: every command of the app, with its shortcut. Kept apart from
// mainwindow.cpp, which builds the window and wires the features together.

#include "shell/mainwindow.h"

#include "admin/fittersdialog.h"
#include "dashboard/progressdock.h"
#include "doorstep/doorsteppage.h"
#include "register/householdexport.h"
#include "register/registerpage.h"
#include "schedule/fitterdaypage.h"
#include "schedule/jobsheetdialog.h"
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
    QAction *refresh = view->addAction(tr("&Reload households"), this, &MainWindow::reload);
    // F5 is Sync now, which reloads what it brings.
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    m_syncBar->fillMenu(menuBar()->addMenu(tr("&Sync")));

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
