#include "dashboard/dashboardpage.h"

#include "common/messagebanner.h"
#include "common/settings.h"
#include "dashboard/chartcard.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboarddocument.h"
#include "dashboard/dashboardfilterbar.h"
#include "dashboard/dashboardtile.h"
#include "dashboard/drilldowndialog.h"
#include "reporting/dashboardreport.h"
#include "reporting/dashboardtask.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/householdrepository.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

using K = FigureRef::Kind;

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    label->setFont(font);
    return label;
}

} // namespace

DashboardPage::DashboardPage(const Database &database, Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_settings(settings)
    , m_task(new DashboardTask(database.path(), this))
    , m_banner(new MessageBanner(this))
    , m_filterBar(new DashboardFilterBar(this))
    , m_schemeEnd(new QDateEdit(this))
    , m_state(new QLabel(this))
    , m_printButton(new QPushButton(tr("&Print\u2026"), this))
    , m_exportButton(new QPushButton(tr("Export P&DF\u2026"), this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    const QDate schemeEnd = settings.schemeEndDate().isValid()
        ? settings.schemeEndDate()
        : DashboardReport::defaultFilter(QDate::currentDate()).schemeEnd;
    m_schemeEnd->setObjectName(QStringLiteral("dashboardSchemeEnd"));
    m_schemeEnd->setCalendarPopup(true);
    m_schemeEnd->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_schemeEnd->setDate(schemeEnd);
    m_schemeEnd->setAccessibleName(tr("The day the scheme is to reach its target"));
    m_filterBar->setSchemeEnd(schemeEnd);
    m_state->setObjectName(QStringLiteral("dashboardState"));
    m_state->setWordWrap(true);
    m_banner->hide();

    auto *controls = new QWidget(this);
    auto *top = new QHBoxLayout(controls);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filterBar, 1);
    auto *endLabel = new QLabel(tr("Scheme &ends:"), this);
    endLabel->setBuddy(m_schemeEnd);
    top->addWidget(endLabel);
    top->addWidget(m_schemeEnd);
    top->addWidget(m_printButton);
    top->addWidget(m_exportButton);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(createTiles());
    contentLayout->addWidget(createCharts());
    contentLayout->addWidget(heading(tr("Data to put right"), content));
    contentLayout->addWidget(createQuality());
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    // The controls scroll sideways in a narrow window rather than widen it.
    auto *controlsScroll = new QScrollArea(this);
    controlsScroll->setWidget(controls);
    controlsScroll->setWidgetResizable(true);
    controlsScroll->setFrameShape(QFrame::NoFrame);
    controlsScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    controlsScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    controlsScroll->setFixedHeight(controls->sizeHint().height()
                                   + controlsScroll->horizontalScrollBar()->sizeHint().height());
    layout->addWidget(controlsScroll);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);

    connect(m_filterBar, &DashboardFilterBar::filterChanged, this, [this] { compute(); });
    connect(m_schemeEnd, &QDateEdit::dateChanged, this, [this](const QDate &day) {
        m_settings.setSchemeEndDate(day);
        m_filterBar->setSchemeEnd(day);
        compute();
    });
    connect(m_task, &DashboardTask::computed, this, &DashboardPage::showFigures);
    connect(m_task, &DashboardTask::failed, this, &DashboardPage::showFailure);
    connect(m_task, &DashboardTask::drilled, this, &DashboardPage::showDrillDown);
    connect(m_printButton, &QPushButton::clicked, this, &DashboardPage::print);
    connect(m_exportButton, &QPushButton::clicked, this, &DashboardPage::exportWithDialog);
}

DashboardPage::~DashboardPage() = default;

QWidget *DashboardPage::createTiles()
{
    auto *tiles = new QWidget(this);
    auto *layout = new QHBoxLayout(tiles);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto &[name, title] :
         {std::pair {QStringLiteral("securedTile"), tr("Homes secured")},
          std::pair {QStringLiteral("takeUpTile"), tr("Take-up")},
          std::pair {QStringLiteral("spendTile"), tr("Spend against budget")},
          std::pair {QStringLiteral("outstandingTile"), tr("Outstanding work")}}) {
        auto *tile = new DashboardTile(name, title, tiles);
        m_tiles.insert(name, tile);
        layout->addWidget(tile);
        connect(tile, &DashboardTile::figureActivated, this, &DashboardPage::openFigure);
    }
    return tiles;
}

QWidget *DashboardPage::createCharts()
{
    auto *charts = new QWidget(this);
    auto *layout = new QGridLayout(charts);
    layout->setContentsMargins(0, 0, 0, 0);
    const QStringList names {QStringLiteral("funnelChart"),  QStringLiteral("areaChart"),
                             QStringLiteral("trendChart"),   QStringLiteral("itemsChart"),
                             QStringLiteral("spendChart"),   QStringLiteral("daysChart"),
                             QStringLiteral("declinesChart")};
    for (int i = 0; i < names.size(); ++i) {
        auto *card = new ChartCard(names[i], charts);
        m_cards << card;
        layout->addWidget(card, i / 2, i % 2);
        connect(card, &ChartCard::figureActivated, this, &DashboardPage::openFigure);
        connect(card, &ChartCard::exported, this, [this](bool ok, const QString &message) {
            if (!ok)
                m_banner->showMessage(message);
        });
    }
    return charts;
}

QWidget *DashboardPage::createQuality()
{
    auto *tiles = new QWidget(this);
    auto *layout = new QHBoxLayout(tiles);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto &[name, title] :
         {std::pair {QStringLiteral("noCoordinatesTile"), tr("Homes without coordinates")},
          std::pair {QStringLiteral("noUprnTile"), tr("Homes without a UPRN")},
          std::pair {QStringLiteral("withoutItemsTile"), tr("Completed jobs, nothing fitted")},
          std::pair {QStringLiteral("withoutOutcomeTile"), tr("Fitting visits, no outcome")}}) {
        auto *tile = new DashboardTile(name, title, tiles);
        m_tiles.insert(name, tile);
        layout->addWidget(tile);
        connect(tile, &DashboardTile::figureActivated, this, &DashboardPage::openFigure);
    }
    return tiles;
}

DashboardTile *DashboardPage::tile(const QString &objectName) const
{
    return m_tiles.value(objectName);
}

ChartCard *DashboardPage::card(const QString &objectName) const
{
    for (ChartCard *card : m_cards) {
        if (card->objectName() == objectName)
            return card;
    }
    return nullptr;
}

bool DashboardPage::isComputing() const
{
    return m_task->isComputing();
}

QString DashboardPage::bannerText() const
{
    return m_banner->isVisible() ? m_banner->message() : QString();
}

void DashboardPage::setToday(const QDate &today, const QDateTime &now)
{
    m_task->setNow(now);
    m_filterBar->setToday(today);
}

void DashboardPage::refresh()
{
    QList<std::pair<QString, QString>> areas;
    QList<std::pair<QString, QString>> fitters;
    const auto knownAreas = HouseholdRepository(m_database, Database::localUserName()).areas();
    const auto knownFitters = FitterRepository(m_database, Database::localUserName()).all();
    if (!knownAreas || !knownFitters) {
        m_banner->showMessage(knownAreas ? knownFitters.errorString() : knownAreas.errorString());
    } else {
        for (const Area &area : *knownAreas)
            areas.append({area.id.toString(QUuid::WithoutBraces), area.name});
        for (const Fitter &fitter : *knownFitters)
            fitters.append({fitter.id.toString(QUuid::WithoutBraces), fitter.name});
        m_filterBar->setAreas(areas);
        m_filterBar->setFitters(fitters);
    }
    m_stale = true;
    if (isVisible())
        compute();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Edits made elsewhere since are counted: computing is off the GUI thread and cheap.
    refresh();
}

void DashboardPage::compute()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    // Only a refresh (or figures computed while hidden) reads the standing figures again;
    // a filter change reuses them.
    const bool fresh = m_stale;
    m_stale = false;
    m_state->setText(tr("Updating\u2026"));
    m_task->compute(m_filterBar->filter(), fresh);
}

void DashboardPage::showFigures(const DashboardFigures &f)
{
    m_figures = f;
    m_banner->hide();
    const QLocale locale;
    tile(QStringLiteral("securedTile"))
        ->setFigure(locale.toString(f.secured),
                    tr("of a target of %1; %2 in the period").arg(f.target).arg(f.securedInPeriod),
                    {K::Secured, {}});
    tile(QStringLiteral("takeUpTile"))
        ->setFigure(locale.toString(f.takeUpRate * 100, 'f', 0) + QLatin1Char('%'),
                    tr("%1 accepted of %2 offered").arg(f.acceptedOrBeyond).arg(f.offered),
                    {K::TakeUp, {}});
    tile(QStringLiteral("spendTile"))
        ->setFigure(
            DashboardCharts::money(f.spendPence),
            f.budgetPence == 0
                ? tr("no budget set for the period")
                : tr("of %1 budgeted for the period").arg(DashboardCharts::money(f.budgetPence)),
            {K::Spend, {}});
    tile(QStringLiteral("outstandingTile"))
        ->setFigure(locale.toString(f.outstanding), tr("households with a job still open"),
                    {K::Outstanding, {}});
    tile(QStringLiteral("noCoordinatesTile"))
        ->setFigure(locale.toString(f.noCoordinates), tr("not on the map"), {K::NoCoordinates, {}});
    tile(QStringLiteral("noUprnTile"))->setFigure(locale.toString(f.noUprn), {}, {K::NoUprn, {}});
    tile(QStringLiteral("withoutItemsTile"))
        ->setFigure(locale.toString(f.completedWithoutItems), tr("households"),
                    {K::CompletedWithoutItems, {}});
    tile(QStringLiteral("withoutOutcomeTile"))
        ->setFigure(locale.toString(f.visitsWithoutOutcome), tr("households, time passed"),
                    {K::VisitWithoutOutcome, {}});
    card(QStringLiteral("funnelChart"))->setData(DashboardCharts::funnel(f));
    card(QStringLiteral("areaChart"))->setData(DashboardCharts::areas(f));
    card(QStringLiteral("trendChart"))->setData(DashboardCharts::trend(f));
    card(QStringLiteral("itemsChart"))->setData(DashboardCharts::itemsFitted(f));
    card(QStringLiteral("spendChart"))->setData(DashboardCharts::spendByMonth(f));
    card(QStringLiteral("daysChart"))->setData(DashboardCharts::surveyToInstall(f));
    card(QStringLiteral("declinesChart"))->setData(DashboardCharts::declines(f));
    m_state->setText(statusText(f));
    emit figuresShown();
}

QString DashboardPage::statusText(const DashboardFigures &f) const
{
    const QLocale locale;
    return tr("%1, %2 to %3: %n household(s). Funnel, take-up, outstanding work and data "
              "quality are as of now.",
              nullptr, f.households)
        .arg(f.filter.periodLabel, locale.toString(f.filter.from, QLocale::ShortFormat),
             locale.toString(f.filter.to, QLocale::ShortFormat));
}

void DashboardPage::showFailure(const QString &message)
{
    // A failed read is never shown as zeros: every figure says it is missing.
    m_figures.reset();
    m_banner->showMessage(message);
    m_state->setText(tr("The figures could not be computed."));
    for (DashboardTile *tile : std::as_const(m_tiles))
        tile->setUnavailable();
    for (ChartCard *card : std::as_const(m_cards))
        card->showUnavailable(tr("Could not be computed"));
}

void DashboardPage::openFigure(const FigureRef &ref)
{
    if (!m_figures)
        return;
    m_task->drillDown(m_figures->filter, ref);
}

void DashboardPage::showDrillDown(const FigureRef &ref, const QList<DrillRow> &rows)
{
    if (!m_figures)
        return;
    if (!m_drill) {
        m_drill = new DrillDownDialog(this);
        connect(m_drill, &DrillDownDialog::householdActivated, this,
                &DashboardPage::householdActivated);
    }
    bool pence = false;
    const QString amount = DashboardCharts::amountTitle(ref, &pence);
    m_drill->setRows(DashboardCharts::drillTitle(ref, *m_figures), rows, amount, pence);
    m_drill->show();
    m_drill->raise();
    m_drill->activateWindow();
    emit drillDownShown();
}

bool DashboardPage::exportPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setTitle(tr("SaferHomes dashboard"));
    writer.setCreator(QStringLiteral("SaferHomes"));
    writer.setResolution(96); // laid out as on screen; the PDF stays vector
    return writer.setPageSize(QPageSize(QPageSize::A4)) && paintDocument(writer);
}

bool DashboardPage::paintDocument(QPagedPaintDevice &device)
{
    if (!m_figures)
        return false;
    QList<DashboardTile *> tiles;
    for (const QString &name :
         {QStringLiteral("securedTile"), QStringLiteral("takeUpTile"), QStringLiteral("spendTile"),
          QStringLiteral("outstandingTile"), QStringLiteral("noCoordinatesTile"),
          QStringLiteral("noUprnTile"), QStringLiteral("withoutItemsTile"),
          QStringLiteral("withoutOutcomeTile")})
        tiles << tile(name);
    return DashboardDocument::paint(device, statusText(*m_figures), tiles, m_cards);
}

void DashboardPage::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setResolution(96); // laid out as on screen; printers print vector output sharp
    QPrintPreviewDialog preview(&printer, this);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter *target) { paintDocument(*target); });
    preview.exec();
}

void DashboardPage::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the dashboard"),
                                                      QStringLiteral("dashboard.pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        m_banner->showMessage(
            tr("Could not write %1: check the folder exists and may be written to").arg(path));
}

} // namespace saferhomes
