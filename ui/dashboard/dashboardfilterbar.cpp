#include "dashboard/dashboardfilterbar.h"

#include "reporting/dashboardperiod.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace saferhomes {

namespace {

QComboBox *combo(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

void refill(QComboBox *box, const QString &everything,
            const QList<std::pair<QString, QString>> &choices)
{
    const QString current = box->currentData().toString();
    box->clear();
    box->addItem(everything, QString());
    for (const auto &[id, name] : choices)
        box->addItem(name, id);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

} // namespace

DashboardFilterBar::DashboardFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_area(combo(QStringLiteral("dashboardArea"), tr("Area"), this))
    , m_period(combo(QStringLiteral("dashboardPeriod"), tr("Period"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_status(combo(QStringLiteral("dashboardStatus"), tr("Status"), this))
    , m_fitter(combo(QStringLiteral("dashboardFitter"), tr("Fitter"), this))
    , m_today(QDate::currentDate())
{
    m_updating = true;
    refill(m_area, tr("All areas"), {});
    refill(m_fitter, tr("All fitters"), {});
    m_status->addItem(tr("Any status"), QString());
    for (HouseholdStatus status : HouseholdStatusRules::all())
        m_status->addItem(HouseholdStatusRules::label(status), HouseholdStatusRules::name(status));
    for (DashboardPeriod::Kind kind : DashboardPeriod::all())
        m_period->addItem(DashboardPeriod::label(kind), int(kind));
    m_period->setCurrentIndex(m_period->findData(int(DashboardPeriod::Kind::Last18Months)));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    }
    m_from->setObjectName(QStringLiteral("dashboardFrom"));
    m_from->setAccessibleName(tr("First day of the period"));
    m_to->setObjectName(QStringLiteral("dashboardTo"));
    m_to->setAccessibleName(tr("Last day of the period"));
    m_updating = false;

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };
    labelled(tr("&Area:"), m_area);
    labelled(tr("&Period:"), m_period);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    labelled(tr("S&tatus:"), m_status);
    labelled(tr("F&itter:"), m_fitter);
    layout->addStretch(1);

    periodChosen();
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardFilterBar::periodChosen);
    for (QComboBox *box : {m_area, m_status, m_fitter})
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardFilterBar::changed);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &DashboardFilterBar::changed);
}

void DashboardFilterBar::setAreas(const QList<std::pair<QString, QString>> &areas)
{
    m_updating = true;
    refill(m_area, tr("All areas"), areas);
    m_updating = false;
}

void DashboardFilterBar::setFitters(const QList<std::pair<QString, QString>> &fitters)
{
    m_updating = true;
    refill(m_fitter, tr("All fitters"), fitters);
    m_updating = false;
}

void DashboardFilterBar::setToday(const QDate &today)
{
    m_today = today;
    periodChosen();
}

void DashboardFilterBar::setSchemeEnd(const QDate &end)
{
    m_schemeEnd = end;
}

void DashboardFilterBar::periodChosen()
{
    const auto kind = DashboardPeriod::Kind(m_period->currentData().toInt());
    const bool custom = kind == DashboardPeriod::Kind::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (!custom) {
        // The date fields follow the chosen period, so that Custom starts from it.
        const DashboardFilter period = DashboardPeriod::apply(kind, m_today, {});
        m_updating = true;
        m_from->setDate(period.from);
        m_to->setDate(period.to);
        m_updating = false;
    }
    changed();
}

DashboardFilter DashboardFilterBar::filter() const
{
    DashboardFilter filter;
    filter.areaId = m_area->currentData().toString();
    filter.fitterId = m_fitter->currentData().toString();
    filter.status = HouseholdStatusRules::fromName(m_status->currentData().toString());
    filter.from = m_from->date();
    filter.to = m_to->date();
    filter.schemeEnd = m_schemeEnd;
    const auto kind = DashboardPeriod::Kind(m_period->currentData().toInt());
    return DashboardPeriod::apply(kind, m_today, filter);
}

void DashboardFilterBar::changed()
{
    if (!m_updating)
        emit filterChanged(filter());
}

} // namespace saferhomes
