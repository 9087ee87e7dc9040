#include "dashboard/quarterlyreturndialog.h"

#include "dashboard/quarterlyreturnpdf.h"
#include "importexport/quarterlyreturnxlsx.h"
#include "reporting/returnarchive.h"
#include "store/connectionname.h"
#include "store/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace saferhomes {

namespace {

/// Opens the database at \a path on a connection of the worker thread's own.
Result<std::unique_ptr<Database>> openOwn(const QString &path)
{
    auto database = std::make_unique<Database>(ConnectionName::unique(u"quarterly-return"));
    if (const Status opened = database->open(path); !opened)
        return opened.error();
    return database;
}

QuarterlyReturnDialog::Loaded loadPeriod(const QString &path, const FinancialPeriod &period)
{
    QuarterlyReturnDialog::Loaded loaded;
    loaded.period = period;
    auto database = openOwn(path);
    if (!database) {
        loaded.current = database.error();
        return loaded;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    loaded.current = QuarterlyReturn::compute(**database, period, now);
    ReturnArchive archive(**database, Database::localUserName());
    loaded.frozen = archive.frozen(period);
    if (loaded.frozen && loaded.current) {
        auto variance = ReturnVariance::compare(loaded.frozen->document, *loaded.current);
        if (variance)
            loaded.variance = *variance;
    }
    return loaded;
}

Status writeFile(const QuarterlyReturn &quarterlyReturn, const QString &format, const QString &path)
{
    QByteArray bytes;
    if (format == u"json") {
        bytes = quarterlyReturn.toJsonBytes();
    } else if (format == u"csv") {
        bytes = quarterlyReturn.toCsv();
    } else if (format == u"xlsx") {
        auto workbook = QuarterlyReturnXlsx::bytes(quarterlyReturn);
        if (!workbook)
            return workbook.error();
        bytes = std::move(*workbook);
    } else {
        auto pdf = QuarterlyReturnPdf(quarterlyReturn).bytes();
        if (!pdf)
            return pdf.error();
        bytes = std::move(*pdf);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error::database(QuarterlyReturnDialog::tr("Cannot write %1: %2; nothing was "
                                                         "written.")
                                   .arg(path, file.errorString()));
    }
    return {};
}

QString pounds(qint64 pence)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toCurrencyString(double(pence) / 100.0, QStringLiteral("\u00a3"));
}

enum Column { KeyColumn, LabelColumn, ValueColumn, HomesColumn, FrozenColumn, ChangeColumn };

} // namespace

QuarterlyReturnDialog::QuarterlyReturnDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Quarterly return"));
    m_period = new QComboBox(this);
    m_period->setAccessibleName(tr("Quarter"));
    // The quarters of the last three financial years up to the current one; the latest
    // complete quarter is the one usually returned.
    const FinancialPeriod current = FinancialPeriod::quarterContaining(
        FinancialPeriod::londonDay(QDateTime::currentDateTimeUtc()));
    FinancialPeriod quarter = current;
    for (int i = 0; i < 12 && quarter.isValid(); ++i, quarter = quarter.previous())
        m_period->addItem(quarter.name(), quarter.name());
    m_period->setCurrentIndex(m_period->count() > 1 ? 1 : 0);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] { load(); });

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Figure"), tr("Value"), tr("Homes"),
                                        tr("Frozen"), tr("Change since frozen")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Figures of the return"));

    m_frozenLabel = new QLabel(this);
    m_frozenLabel->setWordWrap(true);
    m_budget = new QLabel(this);
    m_budget->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Working"));
    m_progress->hide();

    m_export = new QPushButton(tr("&Export"), this);
    auto *formats = new QMenu(m_export);
    formats->addAction(tr("&JSON\u2026"), this, [this] { chooseExport(QStringLiteral("json")); });
    formats->addAction(tr("&CSV\u2026"), this, [this] { chooseExport(QStringLiteral("csv")); });
    formats->addAction(tr("E&xcel workbook\u2026"), this,
                       [this] { chooseExport(QStringLiteral("xlsx")); });
    formats->addAction(tr("&PDF\u2026"), this, [this] { chooseExport(QStringLiteral("pdf")); });
    m_export->setMenu(formats);
    m_freeze = new QPushButton(tr("&Freeze as submitted\u2026"), this);
    connect(m_freeze, &QPushButton::clicked, this, [this] { freeze(true); });
    m_refresh = new QPushButton(tr("&Refresh"), this);
    connect(m_refresh, &QPushButton::clicked, this, [this] { load(); });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Quarter:"), m_period);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_export);
    buttons->addWidget(m_freeze);
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_frozenLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_budget);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(900, 600);

    connect(&m_loadWatcher, &QFutureWatcher<Loaded>::finished, this,
            [this] { display(m_loadWatcher.result()); });
    connect(&m_exportWatcher, &QFutureWatcher<Status>::finished, this, [this] {
        const Status written = m_exportWatcher.result();
        setBusy(false, {});
        const QString message = written ? tr("Written.") : written.errorString();
        m_status->setText(message);
        emit exported(written.ok(), message);
    });
    load();
}

QuarterlyReturnDialog::~QuarterlyReturnDialog()
{
    // The workers hold their own connections; wait so none outlives the dialog's database.
    m_loadWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

bool QuarterlyReturnDialog::isBusy() const
{
    // Until the result is shown, not only while the worker runs.
    return m_busy;
}

void QuarterlyReturnDialog::showPeriod(const FinancialPeriod &period)
{
    int index = m_period->findData(period.name());
    if (index < 0) {
        m_period->addItem(period.name(), period.name());
        index = m_period->count() - 1;
    }
    if (index == m_period->currentIndex())
        load();
    else
        m_period->setCurrentIndex(index);
}

void QuarterlyReturnDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_export->setEnabled(!busy && m_shown.has_value());
    m_freeze->setEnabled(!busy && m_shown.has_value());
    m_refresh->setEnabled(!busy);
    m_period->setEnabled(!busy);
    if (busy)
        m_status->setText(what);
}

void QuarterlyReturnDialog::load()
{
    if (isBusy())
        return;
    const auto period = FinancialPeriod::parse(m_period->currentData().toString());
    if (!period)
        return;
    m_shown.reset();
    setBusy(true, tr("Counting the figures of %1\u2026").arg(period->name()));
    m_loadWatcher.setFuture(QtConcurrent::run(loadPeriod, m_database.path(), *period));
}

void QuarterlyReturnDialog::display(const Loaded &loaded)
{
    m_table->setRowCount(0);
    if (!loaded.current) {
        setBusy(false, {});
        m_status->setText(
            tr("The return could not be counted: %1").arg(loaded.current.errorString()));
        m_frozenLabel->clear();
        m_budget->clear();
        emit this->loaded(false);
        return;
    }
    m_shown = *loaded.current;
    setBusy(false, {});
    const QuarterlyReturn &r = *m_shown;
    m_status->setText(tr("%1 to %2, counted at %3 UTC.")
                          .arg(r.period.firstDay().toString(Qt::ISODate),
                               r.period.lastDay().toString(Qt::ISODate),
                               r.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    if (loaded.frozen) {
        m_frozenLabel->setText(
            tr("Frozen as submitted at %1 UTC by %2 (SHA-256 %3\u2026). "
               "Changes since are shown per figure.")
                .arg(loaded.frozen->frozenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     loaded.frozen->frozenBy, loaded.frozen->sha256.left(12)));
        if (loaded.frozen->versions > 1) {
            // Frozen on two devices before they synced: every copy is kept, the first stands.
            m_frozenLabel->setText(m_frozenLabel->text() + u' '
                                   + tr("Copies of this period frozen on different devices "
                                        "before they synced: %1. This is the first; every copy "
                                        "is kept.")
                                         .arg(loaded.frozen->versions));
        }
        m_freeze->setEnabled(false);
    } else if (loaded.frozen.error().kind == Error::Kind::NotFound) {
        m_frozenLabel->setText(tr("Not frozen: freeze it when it is submitted."));
    } else {
        // An altered or unreadable frozen copy is never shown as the submitted return.
        m_frozenLabel->setText(
            tr("<b>Warning:</b> %1").arg(loaded.frozen.errorString().toHtmlEscaped()));
        m_freeze->setEnabled(false);
    }
    m_table->setRowCount(int(r.figures.size()));
    for (int row = 0; row < r.figures.size(); ++row) {
        const ReturnFigure &figure = r.figures.at(row);
        auto *value = new QTableWidgetItem(QString::number(figure.value));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *homes = new QTableWidgetItem(QString::number(figure.households.size()));
        homes->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, KeyColumn, new QTableWidgetItem(figure.key));
        m_table->setItem(row, LabelColumn, new QTableWidgetItem(figure.label));
        m_table->setItem(row, ValueColumn, value);
        m_table->setItem(row, HomesColumn, homes);
        if (!loaded.variance)
            continue;
        for (const FigureVariance &f : loaded.variance->figures) {
            if (f.key != figure.key)
                continue;
            auto *frozen = new QTableWidgetItem(QString::number(f.frozen));
            frozen->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, FrozenColumn, frozen);
            const QString change = f.changed()
                ? tr("%1%2 (%3 added, %4 removed)")
                      .arg(f.difference() > 0 ? QStringLiteral("+") : QString())
                      .arg(f.difference())
                      .arg(f.added.size())
                      .arg(f.removed.size())
                : tr("unchanged");
            auto *item = new QTableWidgetItem(change);
            if (f.changed()) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, ChangeColumn, item);
        }
    }
    m_table->setColumnHidden(FrozenColumn, !loaded.variance);
    m_table->setColumnHidden(ChangeColumn, !loaded.variance);
    m_table->resizeColumnsToContents();
    if (r.forecast) {
        const SpendForecast::Line &line = r.forecast->scheme;
        const QString text
            = tr("Budget %1: %2 allocated (capital %3, revenue %4), %5 spent to "
                 "%6, forecast %7 for the year \u2014 %8.")
                  .arg(r.forecast->year.name(), pounds(line.budgetPence()),
                       pounds(line.capitalPence), pounds(line.revenuePence),
                       pounds(line.spentPence), r.forecast->asOf.toString(Qt::ISODate),
                       pounds(line.forecastPence), SpendForecast::outlookText(line.outlook));
        m_budget->setText(line.flagged() ? tr("<b>%1</b>").arg(text.toHtmlEscaped()) : text);
    }
    emit this->loaded(true);
}

void QuarterlyReturnDialog::chooseExport(const QString &format)
{
    if (!m_shown)
        return;
    const QString name
        = tr("quarterly-return-%1.%2").arg(m_shown->period.name().replace(u'/', u'-'), format);
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the quarterly return"), name);
    if (!path.isEmpty())
        exportTo(format, path);
}

void QuarterlyReturnDialog::exportTo(const QString &format, const QString &path)
{
    if (!m_shown || isBusy())
        return;
    setBusy(true, tr("Writing %1\u2026").arg(path));
    m_exportWatcher.setFuture(QtConcurrent::run(writeFile, *m_shown, format, path));
}

void QuarterlyReturnDialog::freeze(bool ask)
{
    if (!m_shown || isBusy())
        return;
    const QString period = m_shown->period.name();
    if (ask
        && QMessageBox::question(this, tr("Freeze the return"),
                                 tr("Freeze the return of %1 as it was submitted? The frozen "
                                    "copy can never be changed or replaced; later edits show "
                                    "as changes against it.")
                                     .arg(period))
            != QMessageBox::Yes)
        return;
    // The return as shown (and exported) is what was submitted: its document is frozen, not
    // a recount.
    const auto frozen = ReturnArchive(m_database, Database::localUserName()).freeze(*m_shown);
    if (!frozen) {
        m_status->setText(tr("Not frozen: %1").arg(frozen.errorString()));
        return;
    }
    load();
}

} // namespace saferhomes
