#pragma once

#include "domain/visit.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QTableView;

namespace Ui {
class PackagePanel;
}

namespace saferhomes {

class AvailabilityEditor;
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
    ~PackagePanel() override;

    /// Shows the package agreed for \a survey, or the one the rules recommend.
    void showSurvey(const SurveyRecord &survey);
    void focusFirst();

    PackageTableModel *model() const { return m_model; }
    QTableView *tableView() const;
    QComboBox *catalogueBox() const;
    TouchButton *agreeButton() const;
    TouchButton *addButton() const;
    TouchButton *removeButton() const;
    TouchButton *moreButton() const;
    TouchButton *fewerButton() const;
    /// The householder's availability and access notes, stored on the package's job.
    AvailabilityEditor *availabilityEditor() const { return m_availability; }
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
    /// The item's column the householder sees: its name, or its code when names are unread.
    int firstShownColumn() const;
    /// Shows the availability and access notes stored on the package's job, if it has one.
    void loadAvailability(bool sameSurvey);

    std::unique_ptr<Ui::PackagePanel> m_ui; ///< the form: packagepanel.ui
    SurveyService &m_surveys;
    SurveyRepository &m_store;
    const RecommendationEngine &m_engine;
    SurveyRecord m_survey;
    PackageTableModel *m_model;
    AvailabilityEditor *m_availability;
};

} // namespace saferhomes
