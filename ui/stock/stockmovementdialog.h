#pragma once

#include "store/equipmentrepository.h"
#include "store/stockoverview.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace saferhomes {

class Database;

/// The form of one stock movement other than a delivery: a transfer between the depot and a
/// van, a return, a count (counted against what the ledger expects) or a write-off with its
/// reason. A movement the ledger refuses (e.g. more than a location has) is explained in the
/// form with the figures, and the form stays open with what was typed.
class StockMovementDialog : public QDialog {
    Q_OBJECT

public:
    enum class Kind { Transfer, Return, Count, WriteOff };

    /// \a database must stay open while the dialog exists.
    StockMovementDialog(Database &database, Kind kind, const QList<EquipmentType> &items,
                        const QList<StockPlace> &places, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    QComboBox *itemBox() const { return m_item; }
    /// Where the stock is (the transfer's source, the count's or write-off's location, where a
    /// return goes).
    QComboBox *locationBox() const { return m_location; }
    /// The transfer's destination; null for other kinds.
    QComboBox *toBox() const { return m_to; }
    /// The quantity, or for a count what was counted.
    QSpinBox *qtyBox() const { return m_qty; }
    /// The note, or for a write-off its reason.
    QLineEdit *noteEdit() const { return m_note; }
    QLabel *figuresLabel() const { return m_figures; }
    QPushButton *saveButton() const { return m_save; }
    QString errorText() const;

    /// Stores the movement; true when stored (the dialog then accepts).
    bool save();

private:
    void showFigures();

    Database &m_database;
    Kind m_kind;
    QComboBox *m_item = nullptr;
    QComboBox *m_location = nullptr;
    QComboBox *m_to = nullptr;
    QSpinBox *m_qty = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_figures = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace saferhomes
