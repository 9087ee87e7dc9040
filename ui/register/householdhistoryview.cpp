#include "register/householdhistoryview.h"

#include "common/householdfieldlabels.h"
#include "common/stringtablemodel.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString whatChanged(const AuditEvent &event)
{
    if (event.field == QLatin1String("created"))
        return HouseholdHistoryView::tr("Created");
    return HouseholdFieldLabels::label(event.field);
}

} // namespace

HouseholdHistoryView::HouseholdHistoryView(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_model(new StringTableModel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(tr("No changes recorded yet."), this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setAccessibleName(tr("Change history"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);
}

void HouseholdHistoryView::showHousehold(const QUuid &id)
{
    QList<QStringList> rows;
    if (!id.isNull()) {
        const QList<AuditEvent> events
            = AuditLog::history(m_database.connectionName(), QStringLiteral("household"),
                                id.toString(QUuid::WithoutBraces));
        const QLocale locale;
        for (auto it = events.crbegin(); it != events.crend(); ++it) {
            rows.append({locale.toString(it->at.toLocalTime(), QLocale::ShortFormat), it->userName,
                         whatChanged(*it), it->oldValue.toString(), it->newValue.toString()});
        }
    }
    m_model->setTable({tr("When"), tr("Who"), tr("What"), tr("Was"), tr("Now")}, rows);
    m_view->resizeColumnsToContents();
    m_empty->setVisible(rows.isEmpty());
    m_view->setVisible(!rows.isEmpty());
}

} // namespace saferhomes
