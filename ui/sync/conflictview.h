#pragma once

#include "sync/conflictresolver.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <memory>

class QPushButton;
class QTableView;

namespace Ui {
class ConflictView;
}

namespace saferhomes {

class Database;
class SyncConflictModel;
class SyncRefusedModel;

/// Sync > Conflicts: each open conflict's household, field, this device's and the server's
/// value side by side with a choice per field, applied together; and the changes the server
/// refused, with the reason, each of which can be discarded after a confirmation.
class ConflictView : public QDialog {
    Q_OBJECT

public:
    explicit ConflictView(const Database &database, QWidget *parent = nullptr);
    ~ConflictView() override;

    /// Reads the conflicts and refused changes again (choices still open are kept).
    void reload();
    /// Applies every choice made (the "Apply choices" button).
    bool applyChoices();
    /// Asks to confirm discarding the selected refused change (the "Discard" button).
    void discardSelected();

    SyncConflictModel *conflictModel() const { return m_conflicts; }
    SyncRefusedModel *refusedModel() const { return m_refused; }
    QTableView *conflictTable() const;
    QTableView *refusedTable() const;
    QPushButton *applyButton() const;
    QPushButton *discardButton() const;
    /// The confirmation while it is open (tests answer it).
    QMessageBox *discardConfirmation() const { return m_confirmation; }
    QString errorText() const;

signals:
    /// Something was resolved or discarded: the register and the status bar read again.
    void changed();

private:
    void updateButtons();
    void showError(const QString &message);

    std::unique_ptr<Ui::ConflictView> m_ui; ///< the form: conflictview.ui
    ConflictResolver m_resolver;
    SyncConflictModel *m_conflicts;
    SyncRefusedModel *m_refused;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace saferhomes
