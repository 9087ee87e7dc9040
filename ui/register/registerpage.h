#pragma once

#include <QPointer>
#include <QStackedWidget>
#include <QUuid>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QUndoStack;

namespace saferhomes {

class Database;
class DemoFillPanel;
class HouseholdDetailPanel;
class HouseholdEditor;
class HouseholdFilterProxyModel;
class HouseholdRepository;
class HouseholdTableModel;
class QuickFind;
class Settings;

/// The household register: quick-find and filters over the table of households beside the
/// selected one's details, or, while there are none, a page that offers an import or demo data.
class RegisterPage : public QStackedWidget {
    Q_OBJECT

public:
    /// \a database and \a repository must outlive the page.
    RegisterPage(Database &database, HouseholdRepository &repository, QWidget *parent = nullptr);

    /// Reads every household again; the details too when \a refreshDetails.
    void reload(bool refreshDetails = true);
    /// Shows \a id's stored values in the table (after an edit here or elsewhere).
    void refreshHousehold(const QUuid &id);
    /// As refreshHousehold(), and reads the details again when they show \a id.
    void refreshHouseholdAndDetails(const QUuid &id);
    void selectHousehold(const QUuid &id);
    void focusFind();
    /// Fills the empty register with the demo off the GUI thread, the empty state showing its
    /// progress and offering "Start with an empty register" meanwhile.
    void startDemoFill();
    /// Whether the keyboard is in the details (a background reload must not reset them).
    bool isEditingDetails() const;
    bool isShowingEmptyState() const;
    /// Whether a quick-find answer is still to come (it runs off the GUI thread).
    bool isQuickFindPending() const;

    void restoreLayout(const Settings &settings);
    void saveLayout(Settings &settings) const;

    QUndoStack *undoStack() const;
    HouseholdTableModel *tableModel() const { return m_model; }
    HouseholdFilterProxyModel *filterModel() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    QLineEdit *quickFindEdit() const { return m_quickFind; }
    QComboBox *statusFilterBox() const { return m_statusFilter; }
    QComboBox *areaFilterBox() const { return m_areaFilter; }
    HouseholdDetailPanel *detailPanel() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }
    /// Status bar labels: the number of households, and how many the filters show. The
    /// window's status bar takes them.
    QLabel *countLabel() const;
    QLabel *showingLabel() const;

signals:
    /// A household was saved here (an edit, an undo or a redo).
    void householdEdited(const QUuid &id);
    void importRequested();
    /// Demo data was written to the database: everything shown should be read again.
    void demoDataLoaded();
    void error(const QString &message);
    void statusMessage(const QString &message, int timeout);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createRegister();
    QWidget *createFilters();
    void createTable();
    QWidget *createEmptyState();
    void reloadAreas();
    void applyQuickFind();
    void showQuickFindResult(const QString &text, const QList<qint64> &keys);
    void applyFilters();
    void updateCounts();
    void currentRowChanged();

    Database &m_database;
    HouseholdRepository &m_repository;
    HouseholdEditor *m_editor;
    HouseholdTableModel *m_model;
    HouseholdFilterProxyModel *m_filter;
    QuickFind *m_quickFindWorker;

    QLineEdit *m_quickFind = nullptr;
    DemoFillPanel *m_demoFill = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_areaFilter = nullptr;
    QTableView *m_table = nullptr;
    HouseholdDetailPanel *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    // The status bar owns these once the window has added them.
    QPointer<QLabel> m_countLabel;
    QPointer<QLabel> m_showingLabel;
};

} // namespace saferhomes
