#pragma once

#include "admin/cataloguechange.h"
#include "store/equipmentrepository.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QUndoStack;

namespace saferhomes {

class Database;

/// View › Equipment catalogue…: every equipment type (code, name, standard, unit cost, fitting
/// time, skill, supplier code, re-order level) with a form below to add, change and delete
/// one. Problems show beside their field; every stored change can be undone (Ctrl+Z) and redone.
class CatalogueDialog : public QDialog {
    Q_OBJECT

public:
    /// \a database must stay open while the dialog exists; \a ruleCodes are the codes the
    /// survey's rules use (they cannot be deleted).
    CatalogueDialog(Database &database, QStringList ruleCodes, QWidget *parent = nullptr);
    ~CatalogueDialog() override;

    QTableWidget *table() const { return m_table; }
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *standardBox() const { return m_standard; }
    QLineEdit *costEdit() const { return m_cost; }
    QSpinBox *minutesBox() const { return m_minutes; }
    QComboBox *skillBox() const { return m_skill; }
    QLineEdit *supplierEdit() const { return m_supplier; }
    QSpinBox *reorderBox() const { return m_reorder; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QUndoStack *undoStack() const { return m_undo; }
    /// The message beside \a field, empty when it is fine.
    QString fieldError(EquipmentField field) const;
    /// What the last action did or why it was refused.
    QLabel *statusLabel() const { return m_status; }
    /// The changes the central database refused (hidden when there are none).
    QLabel *refusedLabel() const { return m_refused; }

    /// Rereads the catalogue, keeping the current item selected when it is still there.
    void reload();
    /// Checks the form and stores it (a new item or the selected one); true when stored.
    bool save();
    /// Deletes the selected item unless something refers to it; true when deleted.
    bool deleteCurrent();
    /// Empties the form for a new item.
    void startNew();

private:
    void showType(const EquipmentType &type, bool isNew);
    EquipmentType formType(bool *costOk) const;
    void setFieldError(EquipmentField field, const QString &message);
    void clearErrors();
    void select(const QString &code);
    void showRefusals();
    /// Shows what an undo or redo could not do, and the catalogue as it now is.
    CatalogueChange::Report reporter();

    EquipmentRepository m_catalogue;
    QList<EquipmentType> m_types;
    QString m_editing; ///< the code in the form; empty for a new item
    QTableWidget *m_table = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_standard = nullptr;
    QLineEdit *m_cost = nullptr;
    QSpinBox *m_minutes = nullptr;
    QComboBox *m_skill = nullptr;
    QLineEdit *m_supplier = nullptr;
    QSpinBox *m_reorder = nullptr;
    QHash<EquipmentField, QLabel *> m_errors;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_refused = nullptr;
    QUndoStack *m_undo = nullptr;
};

} // namespace saferhomes
