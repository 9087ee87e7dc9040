#pragma once

#include "domain/householdfield.h"
#include "domain/householdstatus.h"

#include <QHash>
#include <QList>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace saferhomes {

class Database;
class HouseholdEditor;
class HouseholdHistoryView;
class HouseholdJobsView;
class HouseholdRepository;
class VisitTimelineView;

/// Shows and edits the selected household: each committed field is saved at once through
/// HouseholdEditor; a refused value stays in its field with the reason beside it.
class HouseholdDetailPanel : public QWidget {
    Q_OBJECT

public:
    HouseholdDetailPanel(const Database &database, HouseholdRepository &repository,
                         HouseholdEditor &editor, QWidget *parent = nullptr);

    /// Shows \a id (a null id shows the "select a household" hint).
    void showHousehold(const QUuid &id);
    QUuid householdId() const { return m_id; }
    /// Offers \a names in the area box.
    void setAreas(const QStringList &names);

    /// The editing widget for \a field (a QLineEdit, QComboBox, QSpinBox, QPlainTextEdit
    /// or, for eligibility, the box holding one check box per word).
    QWidget *editorFor(HouseholdField field) const;
    /// The message shown at \a field, empty when none.
    QString errorAt(HouseholdField field) const;
    /// The Jobs tab: the household's jobs and its agreed package.
    HouseholdJobsView *jobsView() const { return m_jobs; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FieldRow {
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };

    void buildForm(QFormLayout *form);
    void addSection(QFormLayout *form, const QString &title);
    void addRow(QFormLayout *form, HouseholdField field, QWidget *editor);
    QLineEdit *addLineEdit(QFormLayout *form, HouseholdField field);
    void connectCommits();
    void reload();
    void loadStatus(HouseholdStatus status);
    void showHeader();

    QString textOf(HouseholdField field) const;
    void setText(HouseholdField field, const QString &value);
    void commit(const QList<HouseholdField> &fields);
    void commitStatus(int comboIndex);
    void showError(HouseholdField field, const QString &message);
    void clearError(HouseholdField field);

    HouseholdRepository &m_repository;
    HouseholdEditor &m_editor;
    QUuid m_id;
    HouseholdStatus m_status = HouseholdStatus::Identified;
    QHash<HouseholdField, QString> m_loaded;
    QHash<HouseholdField, FieldRow> m_rows;
    bool m_loading = false;

    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_statusChip;
    QLabel *m_statusText;
    QTabWidget *m_tabs;
    QComboBox *m_area = nullptr;
    QComboBox *m_statusBox = nullptr;
    QSpinBox *m_priority = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QHash<QString, QCheckBox *> m_eligibility;
    HouseholdHistoryView *m_history;
    VisitTimelineView *m_visits;
    HouseholdJobsView *m_jobs;
};

} // namespace saferhomes
