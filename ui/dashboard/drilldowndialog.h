#pragma once

#include "reporting/dashboardfigures.h"

#include <QDialog>
#include <QUuid>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace saferhomes {

class DrillTableModel;

/// The households behind one figure of the dashboard, in a table that sorts, exports to CSV
/// and opens a household (Enter or double-click) through householdActivated().
class DrillDownDialog : public QDialog {
    Q_OBJECT

public:
    explicit DrillDownDialog(QWidget *parent = nullptr);

    /// \a title says which figure; \a amountTitle names the column of each home's part of it
    /// (empty when the figure counts homes); \a pence when that part is money.
    void setRows(const QString &title, const QList<DrillRow> &rows, const QString &amountTitle,
                 bool pence);
    /// Writes the table to \a path as CSV; false (and the reason in \a error) when it cannot.
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    QTableView *tableView() const { return m_table; }
    DrillTableModel *model() const { return m_model; }
    QString summary() const;

signals:
    void householdActivated(const QUuid &id);

private:
    void exportWithDialog();

    QLabel *m_summary;
    QTableView *m_table;
    DrillTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
};

} // namespace saferhomes
