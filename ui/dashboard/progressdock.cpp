#include "dashboard/progressdock.h"

#include "dashboard/progresspanel.h"
#include "reporting/progressreport.h"
#include "store/householdrepository.h"

#include <QTimer>

namespace saferhomes {

ProgressDock::ProgressDock(const HouseholdRepository &repository, QWidget *parent)
    : QDockWidget(tr("Progress"), parent)
    , m_repository(repository)
    , m_panel(new ProgressPanel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("progressDock"));
    setWidget(m_panel);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &ProgressDock::refresh);
}

void ProgressDock::refresh()
{
    m_timer->stop();
    // Figures that could not be read are not shown at all (never as zeros); the register
    // reports why in the banner.
    const auto counts = m_repository.statusCounts();
    m_panel->setVisible(counts.ok());
    setToolTip(counts.errorString());
    if (counts)
        m_panel->setReport(ProgressReport::compute(*counts));
}

void ProgressDock::refreshSoon()
{
    m_timer->start();
}

} // namespace saferhomes
