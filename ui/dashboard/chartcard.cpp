#include "dashboard/chartcard.h"

#include "common/statuspalette.h"
#include "dashboard/charttablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace saferhomes {

ChartCard::ChartCard(const QString &objectName, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_tableButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QChartView(this))
    , m_table(new QTableView(this))
    , m_model(new ChartTableModel(this))
    , m_unavailable(new QLabel(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_note->setWordWrap(true);
    m_tableButton->setText(tr("Table"));
    m_tableButton->setCheckable(true);
    m_tableButton->setObjectName(objectName + QStringLiteral("TableButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    menu->addAction(tr("As PNG image\u2026"), this, [this] { exportAs(QStringLiteral("png")); });
    menu->addAction(tr("As PDF\u2026"), this, [this] { exportAs(QStringLiteral("pdf")); });
    m_exportButton->setMenu(menu);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_unavailable);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_tableButton);
    header->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_note);

    connect(m_tableButton, &QToolButton::toggled, this, &ChartCard::setTableShown);
    connect(m_table, &QTableView::activated, this, &ChartCard::activateCell);
}

const ChartData &ChartCard::data() const
{
    return m_model->chartData();
}

QString ChartCard::title() const
{
    return m_title->text();
}

void ChartCard::setData(const ChartData &data)
{
    // A filter change often leaves a chart's numbers as they were (the funnel on a new
    // period): rebuilding the same chart is the costliest part of showing figures.
    if (m_shown && data == m_shownData)
        return;
    m_shownData = data;
    m_shown = true;
    m_model->setData(data);
    m_title->setText(data.title);
    m_note->setText(data.note);
    m_note->setVisible(!data.note.isEmpty());
    m_tableButton->setAccessibleName(tr("Show \u201c%1\u201d as a table").arg(data.title));
    m_exportButton->setAccessibleName(tr("Export \u201c%1\u201d").arg(data.title));
    m_view->setAccessibleName(tr("Chart: %1").arg(data.title));
    m_view->setAccessibleDescription(tr("The same numbers are in its table (the Table button)."));
    m_table->setAccessibleName(tr("Table: %1").arg(data.title));
    m_table->resizeColumnsToContents();
    rebuild();
    setTableShown(m_tableButton->isChecked());
}

void ChartCard::showUnavailable(const QString &reason)
{
    m_shown = false; // the next figures are shown, even if the same as before
    m_unavailable->setText(reason);
    m_stack->setCurrentWidget(m_unavailable);
    m_note->hide();
}

void ChartCard::setTableShown(bool shown)
{
    if (m_tableButton->isChecked() != shown)
        m_tableButton->setChecked(shown); // comes back here through toggled()
    m_stack->setCurrentWidget(shown ? static_cast<QWidget *>(m_table) : m_view);
}

bool ChartCard::isTableShown() const
{
    return m_stack->currentWidget() == m_table;
}

bool ChartCard::isDark() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

void ChartCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void ChartCard::rebuild()
{
    QChart *old = m_view->chart();
    QChart *chart = buildChart();
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                connect(set, &QBarSet::clicked, this, [this, set](int index) {
                    activatePoint(set->property("series").toInt(), index);
                });
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            connect(line, &QLineSeries::clicked, this, [this, line](const QPointF &point) {
                // The nearest point of the line is the one meant.
                int nearest = -1;
                qreal best = 0;
                for (int i = 0; i < line->count(); ++i) {
                    const qreal distance = std::abs(line->at(i).x() - point.x());
                    if (nearest < 0 || distance < best) {
                        nearest = i;
                        best = distance;
                    }
                }
                activatePoint(line->property("series").toInt(), nearest);
            });
        }
    }
    m_view->setChart(chart);
    delete old;
}

void ChartCard::activatePoint(int series, int index)
{
    const QList<ChartSeries> &all = m_model->chartData().series;
    if (series >= 0 && series < all.size() && index >= 0 && index < all[series].refs.size())
        emit figureActivated(all[series].refs[index]);
}

QChart *ChartCard::buildChart() const
{
    const ChartData &data = m_model->chartData();
    auto *chart = new QChart;
    chart->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(data.series.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette().color(QPalette::Text));

    const bool horizontal = data.kind == ChartData::Kind::HorizontalBars;
    auto *values = new QValueAxis;
    values->setTitleText(data.valueTitle);
    values->setLabelFormat(QStringLiteral("%.0f"));
    qreal top = 0;
    for (const ChartSeries &series : data.series) {
        for (qreal v : series.values)
            top = std::max(top, v);
    }
    values->setRange(0, top <= 0 ? 1 : top * 1.08);
    values->applyNiceNumbers();

    QAbstractAxis *categories = nullptr;
    if (data.kind == ChartData::Kind::Lines) {
        auto *dates = new QDateTimeAxis;
        // Over a few months a tick a week or two; over a year and more, months.
        const qint64 days
            = QDate::fromString(data.categories.value(0), Qt::ISODate)
                  .daysTo(QDate::fromString(data.categories.value(data.categories.size() - 1),
                                            Qt::ISODate));
        dates->setFormat(days > 200 ? QStringLiteral("MMM yy") : QStringLiteral("d MMM"));
        dates->setTickCount(6);
        categories = dates;
    } else {
        auto *axis = new QBarCategoryAxis;
        axis->append(data.categories);
        if (!horizontal && data.categories.size() > 8)
            axis->setLabelsAngle(-90); // a year and more of months
        categories = axis;
    }
    chart->addAxis(categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);

    QAbstractBarSeries *bars = nullptr;
    for (int s = 0; s < data.series.size(); ++s) {
        const ChartSeries &series = data.series[s];
        const QColor colour = StatusPalette::series(s);
        if (data.kind != ChartData::Kind::Lines && !series.line) {
            if (!bars) {
                bars = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                  : new QBarSeries;
                chart->addSeries(bars);
                bars->attachAxis(categories);
                bars->attachAxis(values);
            }
            auto *set = new QBarSet(series.name);
            for (qreal v : series.values)
                set->append(v);
            set->setColor(colour);
            set->setBorderColor(colour.darker(130));
            bars->append(set);
            set->setProperty("series", s);
            continue;
        }
        auto *line = new QLineSeries;
        line->setName(series.name);
        for (int i = 0; i < series.values.size(); ++i) {
            const qreal x = data.kind == ChartData::Kind::Lines
                ? QDateTime(QDate::fromString(data.categories.value(i), Qt::ISODate), QTime(0, 0))
                      .toMSecsSinceEpoch()
                : i;
            line->append(x, series.values[i]);
        }
        QPen pen(colour, series.dashed ? 2 : 3);
        if (series.dashed)
            pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(categories);
        line->attachAxis(values);
        line->setProperty("series", s);
    }
    for (QAbstractAxis *axis : {categories, static_cast<QAbstractAxis *>(values)}) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().brush(QPalette::Text));
    }
    return chart;
}

void ChartCard::activateCell(const QModelIndex &index)
{
    const QVariant ref = index.data(ChartTableModel::FigureRole);
    if (ref.isValid())
        emit figureActivated(ref.value<FigureRef>());
}

void ChartCard::render(QPainter &painter, const QRectF &box) const
{
    painter.save();
    // Pixel sizes: the same on a 96 dpi page and on screen whatever the painter's scale.
    QFont font = this->font();
    font.setPixelSize(13);
    painter.setFont(font);
    painter.save();
    font.setBold(true);
    painter.setFont(font);
    const qreal titleHeight = painter.fontMetrics().height() * 1.6;
    painter.drawText(QRectF(box.left(), box.top(), box.width(), titleHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, m_title->text());
    painter.restore();
    QRectF chartBox = box.adjusted(0, titleHeight, 0, 0);
    if (!m_note->text().isEmpty()) {
        const qreal noteHeight = painter.fontMetrics().height() * 1.4;
        painter.drawText(QRectF(box.left(), box.bottom() - noteHeight, box.width(), noteHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, m_note->text());
        chartBox.setBottom(chartBox.bottom() - noteHeight);
    }
    // A view of its own at the size drawn, never shown on screen: the card's own view may be
    // hidden behind its table or not laid out yet.
    QChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setRenderHint(QPainter::Antialiasing);
    view.setFrameShape(QFrame::NoFrame);
    view.setPalette(palette());
    view.setChart(buildChart());
    view.resize(chartBox.size().toSize());
    view.show();
    QCoreApplication::sendPostedEvents(); // lays the chart out
    view.render(&painter, chartBox, view.viewport()->rect());
    painter.restore();
}

bool ChartCard::exportPng(const QString &path, const QSize &size) const
{
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Text));
        render(painter, QRectF(QPointF(8, 8), QSizeF(size) - QSizeF(16, 16)));
    }
    return image.save(path, "PNG");
}

bool ChartCard::exportPdf(const QString &path) const
{
    QPdfWriter writer(path);
    // At the screen's 96 dots per inch the chart is laid out as on screen; the PDF stays
    // vector, so nothing is lost.
    writer.setResolution(96);
    if (!writer.setPageSize(QPageSize(QPageSize::A4))
        || !writer.setPageOrientation(QPageLayout::Landscape))
        return false;
    writer.setTitle(m_title->text());
    writer.setCreator(QStringLiteral("SaferHomes"));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    render(painter, QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height())));
    return painter.end();
}

void ChartCard::exportAs(const QString &suffix)
{
    const QString filter
        = suffix == QLatin1String("png") ? tr("PNG images (*.png)") : tr("PDF documents (*.pdf)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export \u201c%1\u201d").arg(title()),
                                                objectName() + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return;
    const bool ok = suffix == QLatin1String("png") ? exportPng(path) : exportPdf(path);
    emit exported(
        ok,
        ok ? tr("Saved %1").arg(path)
           : tr("Could not write %1: check the folder exists and may be written to").arg(path));
}

} // namespace saferhomes
