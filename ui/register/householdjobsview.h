#pragma once

#include <QUuid>
#include <QWidget>

class QLabel;
class QTableView;

namespace saferhomes {

class Database;
class StringTableModel;

/// The jobs of one household (DESIGN §8), newest first, with their outcomes, and the agreed
/// package (the newest job's items) with names, standards and costs from the catalogue.
/// Read-only; a failed read shows its message instead of the tables.
class HouseholdJobsView : public QWidget {
    Q_OBJECT

public:
    explicit HouseholdJobsView(const Database &database, QWidget *parent = nullptr);

    void showHousehold(const QUuid &id);

    StringTableModel *jobsModel() const { return m_jobsModel; }
    StringTableModel *packageModel() const { return m_packageModel; }
    /// The package's total cost, e.g. "Total: £150.00".
    QString totalText() const;
    /// The message shown instead of the tables (a failed read, or no jobs), empty when none.
    QString message() const;

    /// A sum of pence as the scheme's money, e.g. "£1,234.50".
    static QString money(qint64 pence);

private:
    void showMessage(const QString &text);

    const Database &m_database;
    StringTableModel *m_jobsModel;
    StringTableModel *m_packageModel;
    QWidget *m_content;
    QTableView *m_jobs;
    QTableView *m_package;
    QLabel *m_total;
    QLabel *m_message;
};

} // namespace saferhomes
