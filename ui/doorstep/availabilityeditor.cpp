#include "doorstep/availabilityeditor.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeEdit>

namespace saferhomes {

namespace {

/// A row of seven day boxes, Monday first, named \a prefix plus the ISO weekday.
std::array<QCheckBox *, 7> dayBoxes(QWidget *parent, QHBoxLayout *row, const QString &prefix,
                                    const QString &accessiblePattern)
{
    std::array<QCheckBox *, 7> boxes {};
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), parent);
        box->setObjectName(prefix + QString::number(day));
        box->setAccessibleName(accessiblePattern.arg(locale.dayName(day)));
        row->addWidget(box);
        boxes[size_t(day - 1)] = box;
    }
    return boxes;
}

QTimeEdit *timeEdit(const QTime &time, const QString &name, QWidget *parent)
{
    auto *edit = new QTimeEdit(time, parent);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    edit->setAccessibleName(name);
    return edit;
}

} // namespace

AvailabilityEditor::AvailabilityEditor(QWidget *parent)
    : QGroupBox(tr("When can the householder let a fitter in? Tick the days someone is in, set "
                   "the times and add the window (none: any time)."),
                parent)
    , m_from(timeEdit(QTime(9, 0), tr("Window starts at"), this))
    , m_to(timeEdit(QTime(17, 0), tr("Window ends at"), this))
    , m_addWindow(new TouchButton(tr("Add window"), this))
    , m_removeWindow(new TouchButton(tr("Remove window"), this))
    , m_windowList(new QListWidget(this))
    , m_avoidDates(new QLineEdit(this))
    , m_accessNotes(new QLineEdit(this))
    , m_error(TouchStyle::errorLabel(this, QStringLiteral("error_availability")))
{
    setObjectName(QStringLiteral("availabilityEditor"));
    // Flat and tight: the package step must fit a tablet's screen (1280 x 800).
    setFlat(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    int row = 0;
    auto *days = new QHBoxLayout;
    m_windowDays = dayBoxes(this, days, QStringLiteral("windowDay_"), tr("In on %1"));
    days->addWidget(new QLabel(tr("from"), this));
    days->addWidget(m_from);
    days->addWidget(new QLabel(tr("to"), this));
    days->addWidget(m_to);
    days->addWidget(m_addWindow);
    days->addStretch(1);
    grid->addWidget(new QLabel(tr("In on:"), this), row, 0);
    grid->addLayout(days, row++, 1);

    // The windows side by side on one line: the package step must fit a tablet's screen.
    m_windowList->setAccessibleName(tr("Availability windows"));
    m_windowList->setFlow(QListView::LeftToRight);
    m_windowList->setSpacing(2);
    m_windowList->setFixedHeight(TouchButton::kMinimumSize + 4);
    m_accessNotes->setObjectName(QStringLiteral("accessNotes"));
    m_accessNotes->setAccessibleName(tr("Access notes for the fitter"));
    m_accessNotes->setPlaceholderText(tr("e.g. Side gate; dog in the garden"));
    auto *windows = new QHBoxLayout;
    windows->addWidget(m_windowList, 1);
    windows->addWidget(m_removeWindow);
    windows->addWidget(new QLabel(tr("Access notes:"), this));
    windows->addWidget(m_accessNotes, 1);
    grid->addWidget(new QLabel(tr("Windows:"), this), row, 0);
    grid->addLayout(windows, row++, 1);

    auto *avoid = new QHBoxLayout;
    m_avoidDays = dayBoxes(this, avoid, QStringLiteral("avoidDay_"), tr("Not on %1"));
    m_avoidDates->setObjectName(QStringLiteral("avoidDates"));
    m_avoidDates->setAccessibleName(tr("Dates to avoid"));
    m_avoidDates->setPlaceholderText(tr("e.g. 2026-12-24, 2026-12-31"));
    avoid->addWidget(new QLabel(tr("nor on the dates"), this));
    avoid->addWidget(m_avoidDates, 1);
    grid->addWidget(new QLabel(tr("Not on:"), this), row, 0);
    grid->addLayout(avoid, row++, 1);

    grid->addWidget(m_error, row++, 1);
    grid->setColumnStretch(1, 1);

    // Tab goes through the form as it reads, not in the order the widgets were made.
    QList<QWidget *> order(m_windowDays.cbegin(), m_windowDays.cend());
    order << m_from << m_to << m_addWindow << m_windowList << m_removeWindow << m_accessNotes;
    order.append(QList<QWidget *>(m_avoidDays.cbegin(), m_avoidDays.cend()));
    order << m_avoidDates;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    m_removeWindow->setEnabled(false);
    connect(m_addWindow, &QPushButton::clicked, this, &AvailabilityEditor::addWindow);
    connect(m_removeWindow, &QPushButton::clicked, this, &AvailabilityEditor::removeWindow);
    connect(m_windowList, &QListWidget::currentRowChanged, this,
            [this](int current) { m_removeWindow->setEnabled(current >= 0); });
}

std::optional<std::optional<AvailabilityWindow>> AvailabilityEditor::pendingWindow()
{
    AvailabilityWindow window;
    for (int day = 1; day <= 7; ++day) {
        if (windowDay(day)->isChecked())
            window.weekdays.append(day);
    }
    if (window.weekdays.isEmpty())
        return std::optional<AvailabilityWindow>();
    window.from = m_from->time();
    window.to = m_to->time();
    if (window.from >= window.to) {
        TouchStyle::setError(m_error, tr("A window must end after it starts."));
        return std::nullopt;
    }
    return std::optional<AvailabilityWindow>(window);
}

void AvailabilityEditor::addWindow()
{
    TouchStyle::setError(m_error, {});
    const auto pending = pendingWindow();
    if (!pending)
        return;
    if (!*pending) {
        TouchStyle::setError(m_error, tr("Tick the days of the window first."));
        return;
    }
    m_windows.append(**pending);
    m_windowList->addItem(describe(**pending));
    for (QCheckBox *box : m_windowDays)
        box->setChecked(false);
}

void AvailabilityEditor::removeWindow()
{
    const int row = m_windowList->currentRow();
    if (row < 0 || row >= m_windows.size())
        return;
    m_windows.removeAt(row);
    delete m_windowList->takeItem(row);
}

QString AvailabilityEditor::describe(const AvailabilityWindow &window)
{
    const QLocale locale;
    QStringList days;
    for (int day : window.weekdays)
        days.append(locale.dayName(day, QLocale::ShortFormat));
    // A stored window may have no weekdays: it is open every day.
    return tr("%1, %2\u2013%3")
        .arg(days.isEmpty() ? tr("Every day") : days.join(QStringLiteral(" ")),
             window.from.toString(u"HH:mm"), window.to.toString(u"HH:mm"));
}

std::optional<JobAvailability> AvailabilityEditor::availability()
{
    TouchStyle::setError(m_error, {});
    JobAvailability availability;
    availability.windows = m_windows;
    const auto pending = pendingWindow();
    if (!pending)
        return std::nullopt;
    if (*pending && !availability.windows.contains(**pending))
        availability.windows.append(**pending);
    for (int day = 1; day <= 7; ++day) {
        if (avoidDay(day)->isChecked())
            availability.avoidWeekdays.append(day);
    }
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList dates = m_avoidDates->text().split(separators, Qt::SkipEmptyParts);
    for (const QString &text : dates) {
        QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            day = QDate::fromString(text, QStringLiteral("dd/MM/yyyy"));
        if (!day.isValid()) {
            TouchStyle::setError(m_error,
                                 tr("\u201c%1\u201d is not a date (2026-12-24 or "
                                    "24/12/2026).")
                                     .arg(text));
            m_avoidDates->setFocus(Qt::OtherFocusReason);
            return std::nullopt;
        }
        if (!availability.avoidDates.contains(day))
            availability.avoidDates.append(day);
    }
    return availability;
}

QString AvailabilityEditor::accessNotes() const
{
    return m_accessNotes->text().trimmed();
}

void AvailabilityEditor::clear()
{
    for (QCheckBox *box : m_windowDays)
        box->setChecked(false);
    for (QCheckBox *box : m_avoidDays)
        box->setChecked(false);
    m_from->setTime(QTime(9, 0));
    m_to->setTime(QTime(17, 0));
    m_windows.clear();
    m_windowList->clear();
    m_avoidDates->clear();
    m_accessNotes->clear();
    TouchStyle::setError(m_error, {});
}

void AvailabilityEditor::setAvailability(const JobAvailability &availability,
                                         const QString &accessNotes)
{
    clear();
    m_windows = availability.windows;
    for (const AvailabilityWindow &window : availability.windows)
        m_windowList->addItem(describe(window));
    for (int day : availability.avoidWeekdays) {
        if (day >= 1 && day <= 7)
            avoidDay(day)->setChecked(true);
    }
    QStringList dates;
    for (const QDate &day : availability.avoidDates)
        dates.append(day.toString(Qt::ISODate));
    m_avoidDates->setText(dates.join(QStringLiteral(", ")));
    m_accessNotes->setText(accessNotes);
}

QString AvailabilityEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace saferhomes
