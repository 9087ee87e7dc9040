#pragma once

#include "reporting/spendforecast.h"
#include "store/budgetrepository.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace saferhomes {

class Database;

/// Admin › Budgets…: each area's budget for a UK financial year, split into capital and
/// revenue, with the spend so far and the straight-line forecast beside it (issue 14 item 3).
/// Amounts are typed in pounds and stored in pence; Save writes the rows that changed.
class BudgetsDialog : public QDialog {
    Q_OBJECT

public:
    /// \a database must stay open while the dialog exists.
    explicit BudgetsDialog(Database &database, QWidget *parent = nullptr);

    QComboBox *yearBox() const { return m_year; }
    QTableWidget *table() const { return m_table; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

    /// Shows the financial year starting in \a startYear (2024 for 2024/25).
    void showYear(int startYear);
    /// Rereads the budgets and the spend of the year shown; a failed read says so.
    void reload();
    /// Saves every row whose amounts differ from what was read; true when all were saved.
    bool save();

private:
    void markChanged();
    /// What waits to be sent and what the central database refused, one line each.
    QString syncText() const;

    Database &m_database;
    QList<AreaBudget> m_budgets;
    QComboBox *m_year = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace saferhomes
