#pragma once

#include "stock/stockmovementdialog.h"
#include "store/equipmentrepository.h"
#include "store/stockoverview.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace saferhomes {

class Database;
class StockLevelsModel;

/// The Stock mode (issue 13 item 4): the levels by item and location (with the items to
/// order again marked in words and colour), each item's movements with filters, the forms for
/// every movement, a fitter's "load the van" list for a day with one step to move it, and CSV
/// exports of the levels and the movements. Every action has a key.
class StockPage : public QWidget {
    Q_OBJECT

public:
    enum Tab { LevelsTab, MovementsTab, VanTab };

    /// \a database must stay open while the page exists.
    explicit StockPage(Database &database, QWidget *parent = nullptr);

    /// Reads the catalogue, the locations, the levels, the movements and the van list again.
    void refresh();
    /// Opens the delivery form (Alt+R).
    void openReceive();
    /// Opens the form of \a kind (Alt+T, Alt+U, Alt+C, Alt+W).
    void openMovement(StockMovementDialog::Kind kind);
    /// Writes the levels shown, or the movements shown, to \a path as CSV; false with a
    /// message in statusText() when it cannot.
    bool exportLevels(const QString &path);
    bool exportMovements(const QString &path);
    /// Moves the van list shown from the depot into the van (Alt+N on the van tab).
    bool loadVan();

    QTabWidget *tabs() const { return m_tabs; }
    StockLevelsModel *levelsModel() const { return m_levelsModel; }
    QTableView *levelsView() const { return m_levelsView; }
    QComboBox *levelsLocationBox() const { return m_levelsLocation; }
    QTableWidget *movementsTable() const { return m_movements; }
    QComboBox *movementItemBox() const { return m_movementItem; }
    QComboBox *movementLocationBox() const { return m_movementLocation; }
    QComboBox *movementKindBox() const { return m_movementKind; }
    QDateEdit *movementFromEdit() const { return m_from; }
    QDateEdit *movementToEdit() const { return m_to; }
    QComboBox *vanFitterBox() const { return m_vanFitter; }
    QDateEdit *vanDayEdit() const { return m_vanDay; }
    QTableWidget *vanTable() const { return m_van; }
    QPushButton *loadVanButton() const { return m_loadVan; }
    QString statusText() const;

signals:
    /// A form was opened (for tests: forms are modal and open() returns at once).
    void dialogOpened(QDialog *dialog);
    /// Stock moved (the board's stock marks may change).
    void stockChanged();

private:
    QWidget *createLevelsTab();
    QWidget *createMovementsTab();
    QWidget *createVanTab();
    void refreshLevels();
    void refreshMovements();
    void refreshVan();
    void showStatus(const QString &message);
    void chooseExport(bool levels);
    /// Opens \a dialog; once it is accepted, says \a done and reads everything again.
    void watch(QDialog *dialog, const QString &done);

    Database &m_database;
    QList<EquipmentType> m_items;
    QList<StockPlace> m_places;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_status = nullptr;
    StockLevelsModel *m_levelsModel = nullptr;
    QTableView *m_levelsView = nullptr;
    QComboBox *m_levelsLocation = nullptr;
    QLabel *m_levelsEmpty = nullptr;
    QTableWidget *m_movements = nullptr;
    QComboBox *m_movementItem = nullptr;
    QComboBox *m_movementLocation = nullptr;
    QComboBox *m_movementKind = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_vanFitter = nullptr;
    QDateEdit *m_vanDay = nullptr;
    QTableWidget *m_van = nullptr;
    QPushButton *m_loadVan = nullptr;
    QLabel *m_vanNote = nullptr;
    bool m_refreshing = false;
};

} // namespace saferhomes
