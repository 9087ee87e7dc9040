#include "dashboard/progresspanel.h"

#include "common/statuspalette.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

namespace saferhomes {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_takeUp(new QLabel(this))
    , m_secured(new QLabel(this))
    , m_areas(new QGridLayout)
{
    auto *byStatus = new QGroupBox(tr("Households by status"), this);
    auto *statusGrid = new QGridLayout(byStatus);
    const QList<HouseholdStatus> statuses = HouseholdStatusRules::all();
    const int perColumn = 4;
    for (int i = 0; i < statuses.size(); ++i) {
        const HouseholdStatus status = statuses[i];
        auto *chip = new QLabel(byStatus);
        chip->setPixmap(StatusPalette::chip(status).pixmap(QSize(12, 12)));
        auto *label = new QLabel(HouseholdStatusRules::label(status), byStatus);
        auto *count = new QLabel(byStatus);
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setObjectName(QStringLiteral("count_") + HouseholdStatusRules::name(status));
        const int row = i % perColumn;
        const int column = (i / perColumn) * 4;
        statusGrid->addWidget(chip, row, column);
        statusGrid->addWidget(label, row, column + 1);
        statusGrid->addWidget(count, row, column + 2);
        statusGrid->setColumnMinimumWidth(column + 3, 12);
        m_statusCounts.insert(status, count);
    }

    auto *takeUp = new QGroupBox(tr("Take-up"), this);
    auto *takeUpLayout = new QVBoxLayout(takeUp);
    QFont big = m_takeUp->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_takeUp->setFont(big);
    m_takeUp->setObjectName(QStringLiteral("takeUpRate"));
    m_secured->setWordWrap(true);
    takeUpLayout->addWidget(m_takeUp);
    takeUpLayout->addWidget(m_secured);
    takeUpLayout->addStretch();

    auto *areas = new QGroupBox(tr("Homes secured against target, by area"), this);
    auto *areasLayout = new QVBoxLayout(areas);
    areasLayout->addLayout(m_areas);
    areasLayout->addStretch();
    m_areas->setColumnStretch(1, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(byStatus, 3);
    layout->addWidget(takeUp, 2);
    layout->addWidget(areas, 4);
}

void ProgressPanel::setReport(const ProgressReport &report)
{
    const QLocale locale;
    for (auto it = m_statusCounts.cbegin(); it != m_statusCounts.cend(); ++it)
        (*it)->setText(locale.toString(report.byStatus.value(it.key())));

    m_takeUp->setText(locale.toString(report.takeUpRate * 100, 'f', 0) + locale.percent());
    m_takeUp->setToolTip(tr("Households that accepted, out of those offered"));
    m_secured->setText(tr("%1 accepted of %2 offered.\n%3 homes secured of %4 in target.")
                           .arg(locale.toString(report.accepted), locale.toString(report.offered),
                                locale.toString(report.secured), locale.toString(report.target)));

    qDeleteAll(m_areaWidgets);
    m_areaWidgets.clear();
    m_areaBars.clear();
    QWidget *host = m_areas->parentWidget();
    int row = 0;
    for (const StatusCounts::AreaRow &area : report.byArea) {
        auto *name = new QLabel(area.name, host);
        auto *bar = new QProgressBar(host);
        bar->setObjectName(QStringLiteral("areaBar"));
        bar->setAccessibleName(tr("%1: homes secured").arg(area.name));
        bar->setRange(0, std::max({area.target, area.secured, 1}));
        bar->setValue(area.secured);
        bar->setFormat(area.target > 0
                           ? tr("%1 of %2 target (%Ln households)", nullptr, area.households)
                                 .arg(locale.toString(area.secured), locale.toString(area.target))
                           : tr("%1 secured, no target (%Ln households)", nullptr, area.households)
                                 .arg(locale.toString(area.secured)));
        name->setBuddy(bar);
        m_areas->addWidget(name, row, 0);
        m_areas->addWidget(bar, row, 1);
        m_areaWidgets << name << bar;
        m_areaBars.insert(area.name, bar);
        ++row;
    }
    if (report.byArea.isEmpty()) {
        auto *none = new QLabel(tr("No areas yet."), host);
        m_areas->addWidget(none, 0, 0, 1, 2);
        m_areaWidgets << none;
    }
}

QProgressBar *ProgressPanel::areaBar(const QString &area) const
{
    return m_areaBars.value(area);
}

QString ProgressPanel::takeUpText() const
{
    return m_takeUp->text();
}

} // namespace saferhomes
