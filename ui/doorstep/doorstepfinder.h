#pragma once

#include <QHash>
#include <QList>
#include <QUuid>
#include <QWidget>

#include "domain/household.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace saferhomes {

class HouseholdRepository;
class QuickFind;
class RoundListModel;
class Settings;
class VisitService;

/// Finds the household at the door: the quick-find box, or the officer's round of an area
/// (revisits due first, then in walking order) as a list of big rows.
class DoorstepFinder : public QWidget {
    Q_OBJECT

public:
    DoorstepFinder(const QString &databasePath, HouseholdRepository &households,
                   VisitService &visits, Settings &settings, QWidget *parent = nullptr);

    /// Reads the areas and the round again; a search in progress is run again.
    void reload();
    void focusFind();
    /// Shows what was just done ("Saved: …") above the list until the next change.
    void showMessage(const QString &message);
    /// Reads the round again and makes current the household that came after \a id (the
    /// next house on the round), or \a id itself when it was the last.
    void reloadPast(const QUuid &id);

    QLineEdit *findEdit() const { return m_find; }
    QComboBox *areaBox() const { return m_area; }
    QListView *listView() const { return m_list; }
    RoundListModel *model() const { return m_model; }
    /// Whether a quick-find answer is still to come (it runs off the GUI thread).
    bool isSearchPending() const;
    QString summaryText() const;
    QString message() const;

signals:
    void householdChosen(const QUuid &id);
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reloadAreas();
    void showRound();
    void search();
    void showFound(const QString &text, const QList<qint64> &keys);
    void chooseCurrent();
    QUuid selectedArea() const;
    void updateSummary();

    HouseholdRepository &m_households;
    VisitService &m_visits;
    Settings &m_settings;
    QuickFind *m_quickFind;
    RoundListModel *m_model;
    QHash<qint64, HouseholdSummary> m_byKey; ///< filled on the first search after a reload
    bool m_roundUnreadable = false; ///< the last round could not be read (never "nobody left")

    QLineEdit *m_find;
    QComboBox *m_area;
    QLabel *m_message;
    QLabel *m_summary;
    QListView *m_list;
    QLabel *m_empty;
};

} // namespace saferhomes
