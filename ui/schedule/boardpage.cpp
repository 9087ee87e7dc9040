#include "schedule/boardpage.h"

#include "common/messagebanner.h"
#include "domain/schemetime.h"
#include "schedule/autoschedulecommand.h"
#include "schedule/autoscheduledialog.h"
#include "schedule/boardcommand.h"
#include "schedule/boardtray.h"
#include "schedule/boardview.h"
#include "store/database.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

BoardPlacement placementOf(const Job &job)
{
    if (!JobStatusNames::isBooked(job.status))
        return {{}, {}, job.durationMinutes, PinKind::None};
    return {job.fitterId, job.start, job.durationMinutes, job.pin};
}

bool isUndoKey(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
        || key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z)
        || key->keyCombination() == QKeyCombination(Qt::CTRL, Qt::Key_Y);
}

} // namespace

BoardPage::BoardPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(database.path())
    , m_jobs(database, Database::localUserName())
    , m_fitters(database, Database::localUserName())
    , m_service(m_jobs, m_fitters)
    , m_undo(new QUndoStack(this))
    , m_banner(new MessageBanner(this))
    , m_tray(new BoardTray(this))
    , m_view(new BoardView(this))
    , m_range(new QLabel(this))
    , m_details(new QLabel(this))
    , m_weekButton(new QPushButton(tr("&Week"), this))
    , m_dayButton(new QPushButton(tr("D&ay"), this))
{
    setObjectName(QStringLiteral("boardPage"));
    auto *previous = new QPushButton(tr("\u25c0 &Previous"), this);
    previous->setToolTip(tr("The previous week, or day in the day view (Page Up)"));
    auto *today = new QPushButton(tr("&Today"), this);
    auto *next = new QPushButton(tr("&Next \u25b6"), this);
    next->setToolTip(tr("The next week, or day in the day view (Page Down)"));
    m_weekButton->setCheckable(true);
    m_weekButton->setToolTip(tr("Fitters by day, Monday to Friday (W on the board)"));
    m_dayButton->setCheckable(true);
    m_dayButton->setToolTip(tr("The cursor's day by hour (D on the board)"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_weekButton);
    modes->addButton(m_dayButton);
    m_weekButton->setChecked(true);
    auto *undo = new QPushButton(tr("Undo"), this);
    undo->setObjectName(QStringLiteral("boardUndo"));
    undo->setToolTip(tr("Undo the last change of the board (Ctrl+Z)"));
    auto *redo = new QPushButton(tr("Redo"), this);
    redo->setObjectName(QStringLiteral("boardRedo"));
    redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    auto *autoSchedule = new QPushButton(tr("A&uto-schedule\u2026"), this);
    autoSchedule->setObjectName(QStringLiteral("boardAutoSchedule"));
    autoSchedule->setToolTip(tr("Plan the week, a fitter's day or one job, see the plan and "
                                "apply it as one undo step (Ctrl+Shift+A)"));
    auto *autoKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this);
    autoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(autoSchedule, &QPushButton::clicked, this, &BoardPage::openAutoSchedule);
    connect(autoKey, &QShortcut::activated, this, &BoardPage::openAutoSchedule);
    auto *help = new QLabel(tr("<a href=\"#\">Keys and mouse</a>"), this);
    help->setToolTip(BoardView::helpText());
    connect(help, &QLabel::linkActivated, this, [this] {
        QMessageBox::information(this, tr("Schedule board"), BoardView::helpText());
    });
    m_range->setObjectName(QStringLiteral("boardRange"));
    m_range->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *bar = new QHBoxLayout;
    bar->addWidget(previous);
    bar->addWidget(today);
    bar->addWidget(next);
    bar->addSpacing(12);
    bar->addWidget(m_weekButton);
    bar->addWidget(m_dayButton);
    bar->addSpacing(12);
    bar->addWidget(m_range, 1);
    bar->addWidget(autoSchedule);
    bar->addWidget(undo);
    bar->addWidget(redo);
    bar->addWidget(help);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFocusProxy(m_view);
    auto *splitter = new QSplitter(this);
    m_splitter = splitter;
    splitter->addWidget(m_tray);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    m_tray->setMinimumWidth(200);
    m_tray->setMaximumWidth(420);
    m_details->setObjectName(QStringLiteral("boardDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_details);
    setTabOrder(m_tray->listView(), m_view);
    setFocusProxy(m_view);

    connect(previous, &QPushButton::clicked, this, [this] { m_view->step(-1); });
    connect(next, &QPushButton::clicked, this, [this] { m_view->step(1); });
    connect(today, &QPushButton::clicked, this,
            [this] { m_view->setWeek(QDateTime::currentDateTime().toTimeZone(london()).date()); });
    connect(m_weekButton, &QPushButton::clicked, this,
            [this] { m_view->setMode(BoardView::Mode::Week); });
    connect(m_dayButton, &QPushButton::clicked, this,
            [this] { m_view->setMode(BoardView::Mode::Day); });
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    // The step's name goes in the tooltip: a growing button would widen the main window.
    connect(m_undo, &QUndoStack::undoTextChanged, undo, [undo](const QString &text) {
        undo->setToolTip(text.isEmpty() ? tr("Undo the last change of the board (Ctrl+Z)")
                                        : tr("Undo %1 (Ctrl+Z)").arg(text));
    });
    undo->setEnabled(false);
    redo->setEnabled(false);

    connect(m_view, &BoardView::viewChanged, this, &BoardPage::updateHeader);
    connect(m_view, &BoardView::selectionChanged, this, &BoardPage::updateDetails);
    connect(m_view, &BoardView::bookRequested, this, &BoardPage::bookJob);
    connect(m_view, &BoardView::moveRequested, this, &BoardPage::moveJob);
    connect(m_view, &BoardView::resizeRequested, this, &BoardPage::resizeJob);
    connect(m_view, &BoardView::pinRequested, this, &BoardPage::pinJob);
    connect(m_view, &BoardView::unscheduleRequested, this, &BoardPage::unscheduleJob);
    connect(m_tray, &BoardTray::bookRequested, this, &BoardPage::bookAtCursor);
    // The main window's Ctrl+Z belongs to the register; on the board it undoes the board.
    m_view->installEventFilter(this);
    m_tray->listView()->installEventFilter(this);
    updateHeader();
}

BoardPage::~BoardPage() = default;

void BoardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_sized) {
        // The tray takes what its filters need; the board the rest.
        m_splitter->setSizes({280, std::max(1, width() - 280)});
        m_sized = true;
    }
    refresh();
}

bool BoardPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && isUndoKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::KeyPress && isUndoKey(static_cast<QKeyEvent *>(event))) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo))
            m_undo->undo();
        else
            m_undo->redo();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void BoardPage::refresh()
{
    Result<ScheduleSnapshot> snapshot = m_service.snapshot();
    if (!snapshot) {
        m_banner->showMessage(snapshot.errorString());
        return;
    }
    m_snapshot = std::move(*snapshot);
    showSnapshot();
}

void BoardPage::showSnapshot()
{
    m_marks = ScheduleService::ruleBreaks(m_snapshot);
    m_view->setSchedule(m_snapshot, m_marks);
    m_tray->setSnapshot(m_snapshot, QDateTime::currentDateTime().toTimeZone(london()).date());
    updateHeader();
    updateDetails();
}

QString BoardPage::bannerText() const
{
    return m_banner->isVisible() ? m_banner->message() : QString();
}

QString BoardPage::detailsText() const
{
    return m_details->text();
}

const Job *BoardPage::findJob(const QUuid &jobId) const
{
    for (const Job &job : m_snapshot.jobs) {
        if (job.id == jobId)
            return &job;
    }
    return nullptr;
}

void BoardPage::bookJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start)
{
    const Job *job = findJob(jobId);
    if (!job)
        return;
    change(jobId, {fitterId, start, std::max(job->durationMinutes, 15), PinKind::None},
           tr("book %1"));
}

void BoardPage::bookAtCursor(const QUuid &jobId)
{
    const std::optional<BoardView::Slot> slot = m_view->cursorSlot();
    if (!slot) {
        m_banner->showMessage(tr("There is no fitter to book the job on: add fitters first."));
        return;
    }
    bookJob(jobId, m_view->fitterAt(slot->row), slot->start);
}

void BoardPage::moveJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start)
{
    const Job *job = findJob(jobId);
    if (!job)
        return;
    BoardPlacement after = placementOf(*job);
    after.fitterId = fitterId;
    after.start = start;
    change(jobId, after, tr("move %1"));
}

void BoardPage::resizeJob(const QUuid &jobId, int minutes)
{
    const Job *job = findJob(jobId);
    if (!job)
        return;
    BoardPlacement after = placementOf(*job);
    after.minutes = minutes;
    change(jobId, after, tr("resize %1"));
}

void BoardPage::pinJob(const QUuid &jobId, PinKind pin)
{
    const Job *job = findJob(jobId);
    if (!job)
        return;
    BoardPlacement after = placementOf(*job);
    after.pin = pin;
    QString text;
    switch (pin) {
    case PinKind::None: text = tr("unpin %1"); break;
    case PinKind::Fitter: text = tr("pin %1 to its fitter"); break;
    case PinKind::Day: text = tr("pin %1 to its day"); break;
    case PinKind::Time: text = tr("pin %1 to its time"); break;
    }
    change(jobId, after, text);
}

void BoardPage::unscheduleJob(const QUuid &jobId)
{
    const Job *job = findJob(jobId);
    if (!job)
        return;
    change(jobId, {{}, {}, job->durationMinutes, PinKind::None}, tr("unschedule %1"));
}

void BoardPage::change(const QUuid &jobId, const BoardPlacement &after, const QString &text)
{
    const Job *job = findJob(jobId);
    if (!job || m_skillQuestion)
        return;
    const BoardPlacement before = placementOf(*job);
    const QString label = text.arg(job->address);
    const Fitter *fitter = nullptr;
    for (const Fitter &candidate : m_snapshot.fitters) {
        if (candidate.id == after.fitterId)
            fitter = &candidate;
    }
    const bool newFitter = fitter && after.fitterId != before.fitterId;
    const QStringList missing
        = newFitter ? ScheduleService::missingSkills(m_snapshot, *job, *fitter) : QStringList();
    if (missing.isEmpty()) {
        push(jobId, before, after, label, {});
        return;
    }
    // Allowed only as an exception the coordinator confirms; the job keeps its mark.
    m_skillQuestion
        = new QMessageBox(QMessageBox::Warning, tr("Missing skill"),
                          tr("%1 does not have the skill this job needs (%2). Book it anyway as an "
                             "exception? The job will carry a \u201cMissing skill\u201d mark.")
                              .arg(fitter->name, missing.join(QStringLiteral(", "))),
                          QMessageBox::Cancel, this);
    m_skillQuestion->setObjectName(QStringLiteral("skillExceptionBox"));
    QPushButton *confirm
        = m_skillQuestion->addButton(tr("Book as an exception"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmException"));
    m_skillQuestion->setDefaultButton(QMessageBox::Cancel);
    m_skillQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_skillQuestion, &QMessageBox::finished, this,
            [this, jobId, before, after, label, missing, confirm] {
                const bool confirmed = m_skillQuestion->clickedButton() == confirm;
                m_skillQuestion = nullptr;
                if (confirmed)
                    push(jobId, before, after, label, missing);
                else
                    emit statusMessage(tr("Not booked: the fitter lacks the skill."), 5000);
            });
    m_skillQuestion->open();
}

void BoardPage::push(const QUuid &jobId, const BoardPlacement &before, const BoardPlacement &after,
                     const QString &text, const QStringList &skillException)
{
    if (before == after)
        return;
    m_undo->push(new BoardCommand(
        m_service, jobId, before, after, text,
        [this](const QUuid &id, const Status &status) { changed(id, status); }, skillException));
}

void BoardPage::changed(const QUuid &jobId, const Status &status)
{
    // After an edit only its job is read again; after a refusal everything (another device
    // may have changed the schedule).
    if (!status) {
        m_banner->showMessage(status.errorString());
        refresh();
    } else if (const Status read = m_service.reread(m_snapshot, jobId); !read) {
        m_banner->showMessage(read.errorString());
        refresh();
    } else {
        m_banner->hide();
        showSnapshot();
    }
    const Job *job = findJob(jobId);
    if (job && JobStatusNames::isBooked(job->status)) {
        m_view->selectJob(jobId);
    } else if (job) {
        m_tray->selectJob(jobId);
    }
}

AutoScheduleDialog *BoardPage::openAutoSchedule()
{
    if (m_autoSchedule) {
        m_autoSchedule->raise();
        m_autoSchedule->activateWindow();
        return m_autoSchedule;
    }
    AutoScheduleChoices choices;
    choices.week = m_view->week();
    if (const std::optional<BoardView::Slot> slot = m_view->cursorSlot())
        choices.fitterId = m_view->fitterAt(slot->row);
    choices.day = m_view->day();
    choices.trayJobId = m_tray->currentJob();
    for (const Job &job : std::as_const(m_snapshot.jobs))
        choices.jobNames.insert(job.id, tr("%1, %2").arg(job.address, job.postcode));
    for (const Fitter &fitter : std::as_const(m_snapshot.fitters))
        choices.fitterNames.insert(fitter.id, fitter.name);
    m_autoSchedule = new AutoScheduleDialog(m_databasePath, choices, this);
    m_autoSchedule->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_autoSchedule, &AutoScheduleDialog::applyRequested, this, &BoardPage::applyPlan);
    m_autoSchedule->open();
    return m_autoSchedule;
}

void BoardPage::applyPlan(const AutoSchedulePlan &plan)
{
    if (plan.changes.isEmpty())
        return;
    const QString text = tr("auto-schedule (%1 jobs)").arg(plan.changes.size());
    m_undo->push(new AutoScheduleCommand(m_jobs, plan.changes, m_snapshot.jobs, text,
                                         [this](const Status &status) {
                                             if (status)
                                                 m_banner->hide();
                                             else
                                                 m_banner->showMessage(status.errorString());
                                             refresh();
                                         }));
}

void BoardPage::updateHeader()
{
    const bool week = m_view->mode() == BoardView::Mode::Week;
    m_weekButton->setChecked(week);
    m_dayButton->setChecked(!week);
    const QLocale locale;
    m_range->setText(
        week ? tr("Week of %1").arg(locale.toString(m_view->week(), QStringLiteral("d MMMM yyyy")))
             : locale.toString(m_view->day(), QStringLiteral("dddd d MMMM yyyy")));
}

void BoardPage::updateDetails()
{
    const Job *job = findJob(m_view->selectedJob());
    if (!job) {
        m_details->setText(
            m_snapshot.fitters.isEmpty()
                ? tr("No fitters yet: add them with \u201cfitters add\u201d.")
                : tr("Select a job on the board, or drag one from the tray. Hover here for the "
                     "keys."));
        return;
    }
    const QDateTime start = job->start.toTimeZone(london());
    QString text
        = tr("%1, %2 \u2014 %3 to %4 (%5 min)%6")
              .arg(job->address, job->postcode, start.toString(u"ddd d MMM HH:mm"),
                   job->end.toTimeZone(london()).toString(u"HH:mm"))
              .arg(job->durationMinutes)
              .arg(job->isPinned() ? QStringLiteral(", ") + m_view->pinText(*job) : QString());
    const QList<JobRuleBreak> breaks = m_marks.value(job->id);
    for (const JobRuleBreak &broken : breaks) {
        const Job *other = findJob(broken.otherJob);
        text += u'\n' + tr("Breaks: %1").arg(BoardView::ruleText(broken.rule))
            + (other ? tr(" (with %1)").arg(other->address) : QString());
    }
    m_details->setText(text);
}

} // namespace saferhomes
