#pragma once

#include "domain/financialperiod.h"
#include "reporting/quarterlyreturn.h"
#include "reporting/returnvariance.h"
#include "store/frozenreturnrepository.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace saferhomes {

class Database;

/// File › Quarterly return…: pick a UK financial quarter, see the return's figures (and, once
/// it is frozen, each figure's variance against the submitted copy), export it as JSON, CSV,
/// XLSX or PDF, and freeze it when it is submitted. Figures and files are made off the GUI
/// thread on a connection of their own, with a progress bar.
class QuarterlyReturnDialog : public QDialog {
    Q_OBJECT

public:
    /// What a worker found for one period.
    struct Loaded {
        FinancialPeriod period;
        Result<QuarterlyReturn> current = Error::cancelled(QString());
        /// The frozen copy: NotFound when the period is not frozen, Refused when altered.
        Result<FrozenReturn> frozen = Error::notFound(QString());
        std::optional<ReturnVariance> variance;
    };

    /// \a database must stay open while the dialog exists.
    explicit QuarterlyReturnDialog(Database &database, QWidget *parent = nullptr);
    ~QuarterlyReturnDialog() override;

    QComboBox *periodBox() const { return m_period; }
    QTableWidget *table() const { return m_table; }
    QLabel *frozenLabel() const { return m_frozenLabel; }
    QLabel *budgetLabel() const { return m_budget; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *freezeButton() const { return m_freeze; }

    /// Shows \a period (adding it to the list if needed) and starts reading it.
    void showPeriod(const FinancialPeriod &period);
    /// Writes the return shown as \a format (json, csv, xlsx or pdf) to \a path, off the GUI
    /// thread; finished() tells how it went.
    void exportTo(const QString &format, const QString &path);
    /// Freezes the period shown, after asking when \a ask is true.
    void freeze(bool ask = true);
    /// Whether a read or an export is running or its result not yet shown.
    bool isBusy() const;

signals:
    /// A read (\a ok: it could be shown) or an export (\a ok: the file was written) ended.
    void loaded(bool ok);
    void exported(bool ok, const QString &message);

private:
    void load();
    void display(const Loaded &loaded);
    void setBusy(bool busy, const QString &what);
    void chooseExport(const QString &format);

    Database &m_database;
    std::optional<QuarterlyReturn> m_shown;
    QFutureWatcher<Loaded> m_loadWatcher;
    QFutureWatcher<Status> m_exportWatcher;
    QComboBox *m_period = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_frozenLabel = nullptr;
    QLabel *m_budget = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_freeze = nullptr;
    QPushButton *m_refresh = nullptr;
    bool m_busy = false;
};

} // namespace saferhomes
