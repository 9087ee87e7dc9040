#pragma once

#include <QUuid>
#include <QWidget>

class QLabel;
class QTableView;

namespace saferhomes {

class Database;
class StringTableModel;

/// The audit trail of one household, newest change first.
class HouseholdHistoryView : public QWidget {
    Q_OBJECT

public:
    explicit HouseholdHistoryView(const Database &database, QWidget *parent = nullptr);

    void showHousehold(const QUuid &id);
    StringTableModel *model() const { return m_model; }

private:
    const Database &m_database;
    StringTableModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
};

} // namespace saferhomes
