#pragma once

#include "dashboard/chartdata.h"

#include <QFrame>

class QChart;
class QChartView;
class QLabel;
class QPainter;
class QRectF;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace saferhomes {

class ChartTableModel;

/// One chart of the dashboard with its text alternative: the chart (Qt Charts) or, at the
/// press of its Table button, the same numbers in a table. A bar, point or cell that stands
/// for households opens them (figureActivated); the chart exports to PNG and PDF.
class ChartCard : public QFrame {
    Q_OBJECT

public:
    explicit ChartCard(const QString &objectName, QWidget *parent = nullptr);

    void setData(const ChartData &data);
    /// Shows that the figures could not be computed instead of a chart.
    void showUnavailable(const QString &reason);
    const ChartData &data() const;

    void setTableShown(bool shown);
    bool isTableShown() const;
    QChartView *chartView() const { return m_view; }
    QTableView *tableView() const { return m_table; }
    QToolButton *tableButton() const { return m_tableButton; }
    QString title() const;

    /// Writes the chart to \a path at \a size (device-independent pixels, drawn at 2x).
    bool exportPng(const QString &path, const QSize &size = {960, 600}) const;
    /// Writes the chart as one landscape A4 page to \a path.
    bool exportPdf(const QString &path) const;
    /// Draws the title and the chart into \a box (printing, the dashboard PDF).
    void render(QPainter &painter, const QRectF &box) const;

signals:
    void figureActivated(const saferhomes::FigureRef &ref);
    /// An export was written or failed; the message says which and where.
    void exported(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    /// A chart of the data in the current palette.
    QChart *buildChart() const;
    void activatePoint(int series, int index);
    void exportAs(const QString &suffix);
    void activateCell(const QModelIndex &index);
    bool isDark() const;

    QLabel *m_title;
    QLabel *m_note;
    QToolButton *m_tableButton;
    QToolButton *m_exportButton;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QTableView *m_table;
    ChartTableModel *m_model;
    QLabel *m_unavailable;
    ChartData m_shownData; ///< what setData() last showed
    bool m_shown = false;
};

} // namespace saferhomes
