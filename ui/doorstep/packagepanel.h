#pragma once

#include "domain/visit.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace saferhomes {

class PackageTableModel;
class RecommendationEngine;
class SurveyRepository;
class SurveyService;
class TouchButton;

/// The package recommended by the rules for a completed survey, edited with the householder
/// (quantities, items removed or added from the catalogue) and agreed.
class PackagePanel : public QWidget {
    Q_OBJECT

public:
    PackagePanel(SurveyService &surveys, SurveyRepository &store,
                 const RecommendationEngine &engine, QWidget *parent = nullptr);

    /// Shows the package agreed for \a survey, or the one the rules recommend.
    void showSurvey(const SurveyRecord &survey);
    void focusFirst();

    PackageTableModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    QComboBox *catalogueBox() const { return m_catalogue; }
    TouchButton *agreeButton() const { return m_agree; }
    TouchButton *addButton() const { return m_add; }
    TouchButton *removeButton() const { return m_remove; }
    TouchButton *moreButton() const { return m_more; }
    TouchButton *fewerButton() const { return m_fewer; }
    QString errorText() const;
    QString statusText() const;

signals:
    void packageAgreed(const QUuid &householdId);
    void failed(const QString &message);

private:
    void loadCatalogue();
    void addFromCatalogue();
    void changeQty(int delta);
    void removeCurrent();
    void agree();
    void updateButtons();

    SurveyService &m_surveys;
    SurveyRepository &m_store;
    const RecommendationEngine &m_engine;
    SurveyRecord m_survey;
    PackageTableModel *m_model;
    QLabel *m_intro;
    QTableView *m_table;
    TouchButton *m_fewer;
    TouchButton *m_more;
    TouchButton *m_remove;
    QComboBox *m_catalogue;
    TouchButton *m_add;
    QLabel *m_catalogueNote;
    QLabel *m_error;
    TouchButton *m_agree;
    QLabel *m_status;
};

} // namespace saferhomes
