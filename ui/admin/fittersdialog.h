#pragma once

#include "domain/fitter.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTableWidget;

namespace saferhomes {

class Database;

/// View › Fitters…: every fitter (name, skills, usual shift, van, active) with Add and Edit,
/// each opening a FitterEditor.
class FittersDialog : public QDialog {
    Q_OBJECT

public:
    /// \a database must stay open while the dialog exists.
    explicit FittersDialog(Database &database, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QLabel *statusLabel() const { return m_status; }
    /// Rereads the fitters; a failed read says so and leaves the list empty.
    void reload();

signals:
    /// A form was opened (for tests: the form is modal and open() returns at once).
    void editorOpened(QDialog *editor);

private:
    void openEditor(const Fitter &fitter);

    Database &m_database;
    QList<Fitter> m_fitters;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace saferhomes
