#pragma once

#include "store/equipmentrepository.h"
#include "store/stockoverview.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace saferhomes {

class Database;

/// Stock › Receive delivery…: a delivery of several lines at once (item and quantity each)
/// into the depot or a van, with the delivery note's reference. All lines are stored or none;
/// a refusal is shown in the form with the ledger's figures.
class ReceiveDialog : public QDialog {
    Q_OBJECT

public:
    /// \a database must stay open while the dialog exists.
    ReceiveDialog(Database &database, const QList<EquipmentType> &items,
                  const QList<StockPlace> &places, QWidget *parent = nullptr);

    QComboBox *locationBox() const { return m_location; }
    QLineEdit *noteEdit() const { return m_note; }
    QPushButton *addLineButton() const { return m_addLine; }
    QPushButton *receiveButton() const { return m_receive; }
    int lineCount() const { return int(m_lines.size()); }
    QComboBox *itemBox(int line) const { return m_lines.at(line).item; }
    QSpinBox *qtyBox(int line) const { return m_lines.at(line).qty; }
    QString errorText() const;

    /// Adds an empty line and puts the focus on its item.
    void addLine();
    /// Stores the delivery; true when stored (the dialog then accepts).
    bool receive();

private:
    struct Line {
        QComboBox *item = nullptr;
        QSpinBox *qty = nullptr;
    };

    Database &m_database;
    QList<EquipmentType> m_items;
    QComboBox *m_location = nullptr;
    QLineEdit *m_note = nullptr;
    QVBoxLayout *m_linesLayout = nullptr;
    QList<Line> m_lines;
    QPushButton *m_addLine = nullptr;
    QPushButton *m_receive = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace saferhomes
