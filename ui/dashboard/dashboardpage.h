#pragma once

#include "reporting/dashboardfigures.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

#include <optional>

class QDateEdit;
class QLabel;
class QPagedPaintDevice;
class QPushButton;

namespace saferhomes {

class ChartCard;
class Database;
class DashboardFilterBar;
class DashboardTask;
class DashboardTile;
class DrillDownDialog;
class MessageBanner;
class Settings;

/// The managers' dashboard: one filter over headline tiles, charts and data-quality tiles,
/// every figure opening the households behind it. Figures are computed off the GUI thread
/// (DashboardTask) whenever the filter changes while the page is shown.
class DashboardPage : public QWidget {
    Q_OBJECT

public:
    DashboardPage(const Database &database, Settings &settings, QWidget *parent = nullptr);
    ~DashboardPage() override;

    /// Reads the areas and fitters again and recomputes (now if shown, else when next shown).
    void refresh();
    /// The day periods are counted from and the time "now" stands for (tests pin them).
    void setToday(const QDate &today, const QDateTime &now = {});

    DashboardFilterBar *filterBar() const { return m_filterBar; }
    DashboardTile *tile(const QString &objectName) const;
    ChartCard *card(const QString &objectName) const;
    QList<ChartCard *> cards() const { return m_cards; }
    DrillDownDialog *drillDownDialog() const { return m_drill; }
    const std::optional<DashboardFigures> &figures() const { return m_figures; }
    bool isComputing() const;
    QString bannerText() const;

    /// Writes the whole dashboard (figures, then every chart) to \a path as PDF.
    bool exportPdf(const QString &path);
    /// Opens the print preview of the whole dashboard.
    void print();
    /// Draws the whole dashboard on \a device's pages (a QPdfWriter or a QPrinter); false
    /// when there are no figures or the device cannot be painted on.
    bool paintDocument(QPagedPaintDevice &device);

signals:
    /// The figures of a filter are on screen.
    void figuresShown();
    /// The households behind a figure are listed in drillDownDialog().
    void drillDownShown();
    /// The user asked to open a household from a drill-down.
    void householdActivated(const QUuid &id);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createTiles();
    QWidget *createCharts();
    QWidget *createQuality();
    void compute();
    void showFigures(const DashboardFigures &figures);
    void showFailure(const QString &message);
    void openFigure(const FigureRef &ref);
    void showDrillDown(const FigureRef &ref, const QList<DrillRow> &rows);
    void exportWithDialog();
    QString statusText(const DashboardFigures &figures) const;

    const Database &m_database;
    Settings &m_settings;
    DashboardTask *m_task;
    MessageBanner *m_banner;
    DashboardFilterBar *m_filterBar;
    QDateEdit *m_schemeEnd;
    QLabel *m_state;
    QPushButton *m_printButton;
    QPushButton *m_exportButton;
    QHash<QString, DashboardTile *> m_tiles;
    QList<ChartCard *> m_cards;
    DrillDownDialog *m_drill = nullptr;
    std::optional<DashboardFigures> m_figures;
    bool m_stale = true;
};

} // namespace saferhomes
