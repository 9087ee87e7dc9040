#pragma once

#include <QUuid>
#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace saferhomes {

class Database;
class HouseholdRepository;
class StringTableModel;
class VisitRepository;
class VisitService;

/// A household's visits, newest first: when, what happened, who called, and the details.
class VisitTimelineView : public QWidget {
    Q_OBJECT

public:
    /// Reads visits through \a visits (which must outlive the view).
    explicit VisitTimelineView(VisitService &visits, QWidget *parent = nullptr);
    /// Reads visits through a service of its own on \a database.
    VisitTimelineView(const Database &database, HouseholdRepository &households,
                      QWidget *parent = nullptr);
    ~VisitTimelineView() override;

    /// Shows the visits of household \a id; when they cannot be read, says so in place of
    /// the list (never "no visits") and emits failed().
    void showHousehold(const QUuid &id);
    StringTableModel *model() const { return m_model; }
    /// What the view says instead of the list: "no visits", or why they cannot be shown.
    QString emptyText() const;

signals:
    void failed(const QString &message);

private:
    void setUp();

    std::unique_ptr<VisitRepository> m_ownStore;
    std::unique_ptr<VisitService> m_ownService;
    VisitService *m_visits;
    StringTableModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
};

} // namespace saferhomes
