#pragma once

#include "domain/result.h"

#include <QDate>
#include <QDialog>
#include <QUuid>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace saferhomes {

class Database;

/// File › Print job sheets…: choose a fitter and a day, then save the sheets as a PDF or print
/// them.
class JobSheetDialog : public QDialog {
    Q_OBJECT

public:
    /// \a database must stay open while the dialog exists.
    explicit JobSheetDialog(Database &database, QWidget *parent = nullptr);

    QComboBox *fitterBox() const { return m_fitter; }
    QDateEdit *dateEdit() const { return m_date; }
    QLabel *statusLabel() const { return m_status; }
    QUuid fitterId() const;
    /// Writes the chosen fitter's day to \a path; the status line says what happened.
    Status saveTo(const QString &path);

private:
    void loadFitters();
    void updateSummary();
    void chooseFile();
    void print();

    Database &m_database;
    QComboBox *m_fitter = nullptr;
    QDateEdit *m_date = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_print = nullptr;
};

} // namespace saferhomes
