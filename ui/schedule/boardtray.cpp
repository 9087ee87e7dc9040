#include "schedule/boardtray.h"

#include "schedule/boardtrayfilter.h"
#include "schedule/boardtraymodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QSet>
#include <QVBoxLayout>

namespace saferhomes {

BoardTray::BoardTray(QWidget *parent)
    : QWidget(parent)
    , m_model(new BoardTrayModel(this))
    , m_filter(new BoardTrayFilter(this))
    , m_area(new QComboBox(this))
    , m_skill(new QComboBox(this))
    , m_age(new QComboBox(this))
    , m_list(new QListView(this))
    , m_count(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    auto *title = new QLabel(tr("<b>Unscheduled</b>"), this);
    m_area->setObjectName(QStringLiteral("trayArea"));
    m_area->setAccessibleName(tr("Area"));
    m_area->addItem(tr("All areas"), QString());
    m_skill->setObjectName(QStringLiteral("traySkill"));
    m_skill->setAccessibleName(tr("Skill"));
    m_skill->addItem(tr("Any skill"), QString());
    for (const QString &skill : fitterSkillNames())
        m_skill->addItem(skill, skill);
    m_age->setObjectName(QStringLiteral("trayAge"));
    m_age->setAccessibleName(tr("Age"));
    m_age->addItem(tr("Any age"), 0);
    m_age->addItem(tr("Waiting 7 days or more"), 7);
    m_age->addItem(tr("Waiting 14 days or more"), 14);
    m_age->addItem(tr("Waiting 28 days or more"), 28);

    m_list->setObjectName(QStringLiteral("trayList"));
    m_list->setAccessibleName(tr("Unscheduled jobs"));
    m_list->setModel(m_filter);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setToolTip(tr("Drag a job onto a fitter and day (or time, in the day view), or "
                          "select it and press Enter to book it at the board's cursor."));
    m_list->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("trayCount"));

    auto *filters = new QFormLayout;
    filters->addRow(tr("&Area"), m_area);
    filters->addRow(tr("S&kill"), m_skill);
    filters->addRow(tr("A&ge"), m_age);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);

    connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setArea(m_area->currentData().toString());
        updateCount();
    });
    connect(m_skill, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSkill(m_skill->currentData().toString());
        updateCount();
    });
    connect(m_age, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumAgeDays(m_age->currentData().toInt());
        updateCount();
    });
}

void BoardTray::setSnapshot(const ScheduleSnapshot &snapshot, const QDate &today)
{
    const QUuid current = currentJob();
    m_model->setSnapshot(snapshot, today);
    fillAreas(snapshot);
    updateCount();
    if (!current.isNull())
        selectJob(current);
}

void BoardTray::fillAreas(const ScheduleSnapshot &snapshot)
{
    QSet<QString> names;
    for (const Job &job : snapshot.jobs) {
        if (!job.area.isEmpty())
            names.insert(job.area);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    const QString chosen = m_area->currentData().toString();
    QStringList shown;
    for (int i = 1; i < m_area->count(); ++i)
        shown.append(m_area->itemData(i).toString());
    if (shown == sorted)
        return;
    const QSignalBlocker blocker(m_area);
    while (m_area->count() > 1)
        m_area->removeItem(1);
    for (const QString &name : std::as_const(sorted))
        m_area->addItem(name, name);
    m_area->setCurrentIndex(std::max(0, m_area->findData(chosen)));
    m_filter->setArea(m_area->currentData().toString());
}

void BoardTray::updateCount()
{
    m_count->setText(
        m_filter->rowCount() == 0 && m_model->rowCount() == 0
            ? tr("No job waits: agree packages at the doorstep, or run "
                 "\u201cjobs create --from-packages\u201d.")
            : tr("%1 of %2 jobs shown").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

QUuid BoardTray::currentJob() const
{
    return m_list->currentIndex().data(BoardTrayModel::JobIdRole).toUuid();
}

void BoardTray::selectJob(const QUuid &jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row));
    if (index.isValid())
        m_list->setCurrentIndex(index);
}

bool BoardTray::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !currentJob().isNull()) {
            emit bookRequested(currentJob());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace saferhomes
