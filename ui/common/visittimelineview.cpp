#include "common/visittimelineview.h"

#include "common/stringtablemodel.h"
#include "service/visitservice.h"
#include "store/database.h"
#include "store/visitrepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

VisitTimelineView::VisitTimelineView(VisitService &visits, QWidget *parent)
    : QWidget(parent)
    , m_visits(&visits)
    , m_model(new StringTableModel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(tr("No visits recorded yet."), this))
{
    setUp();
}

VisitTimelineView::VisitTimelineView(const Database &database, HouseholdRepository &households,
                                     QWidget *parent)
    : QWidget(parent)
    , m_ownStore(std::make_unique<VisitRepository>(database, Database::localUserName()))
    , m_ownService(std::make_unique<VisitService>(households, *m_ownStore))
    , m_visits(m_ownService.get())
    , m_model(new StringTableModel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(tr("No visits recorded yet."), this))
{
    setUp();
}

VisitTimelineView::~VisitTimelineView() = default;

void VisitTimelineView::setUp()
{
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("visitTimeline"));
    m_view->setAccessibleName(tr("Visits"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setMinimumSectionSize(m_view->fontMetrics().height() + 16);
    m_empty->setObjectName(QStringLiteral("visitTimelineEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true); // a failed read names the file, which can be long
    m_empty->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);
}

void VisitTimelineView::showHousehold(const QUuid &id)
{
    QList<QStringList> rows;
    const QLocale locale;
    QString unreadable;
    if (!id.isNull()) {
        const Result<QList<Visit>> visits = m_visits->timeline(id);
        if (!visits)
            unreadable = tr("The visits cannot be shown: %1").arg(visits.errorString());
        for (const Visit &visit : visits.valueOr({})) {
            QStringList details;
            if (!visit.reason.isEmpty())
                details.append(tr("Reason: %1").arg(visit.reason));
            if (visit.revisitAt.isValid()) {
                details.append(
                    tr("Come back %1")
                        .arg(locale.toString(visit.revisitAt.toLocalTime(), QLocale::ShortFormat)));
            }
            if (!visit.notes.isEmpty())
                details.append(visit.notes);
            rows.append({locale.toString(visit.at.toLocalTime(), QLocale::ShortFormat),
                         DoorstepNames::label(visit.outcome), visit.by,
                         details.join(QStringLiteral(" \u00b7 "))});
        }
    }
    m_model->setTable({tr("When"), tr("Outcome"), tr("By"), tr("Details")}, rows);
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < 3; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
    m_empty->setText(unreadable.isEmpty() ? tr("No visits recorded yet.") : unreadable);
    m_empty->setAccessibleName(m_empty->text());
    m_empty->setVisible(rows.isEmpty());
    m_view->setVisible(!rows.isEmpty());
    if (!unreadable.isEmpty())
        emit failed(unreadable);
}

QString VisitTimelineView::emptyText() const
{
    return m_empty->text();
}

} // namespace saferhomes
