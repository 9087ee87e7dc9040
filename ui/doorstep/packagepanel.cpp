#include "doorstep/packagepanel.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "doorstep/availabilityeditor.h"
#include "doorstep/packagetablemodel.h"
#include "service/surveyservice.h"
#include "store/surveyrepository.h"
#include "survey/recommendationengine.h"
#include "ui_packagepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTableView>

namespace saferhomes {

PackagePanel::PackagePanel(SurveyService &surveys, SurveyRepository &store,
                           const RecommendationEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PackagePanel>())
    , m_surveys(surveys)
    , m_store(store)
    , m_engine(engine)
    , m_model(new PackageTableModel(this))
    , m_availability(new AvailabilityEditor(this))
{
    m_ui->setupUi(this);
    // Asked for with the package: the job made on agreeing it keeps the answers. It scrolls
    // rather than make the window bigger than a small screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("availabilityScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_availability);
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_ui->error_package), scroll);
    setTabOrder(m_ui->packageAdd, m_availability->windowDay(1));
    setTabOrder(m_availability->avoidDatesEdit(), m_ui->agreePackage);
    TouchStyle::setText(m_ui->packageHeading, TouchStyle::Text::Heading);
    TouchStyle::setText(m_ui->packageStatus, TouchStyle::Text::Strong);
    TouchStyle::setUpErrorLabel(m_ui->error_package);

    QTableView *table = m_ui->packageTable;
    table->setModel(m_model);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->verticalHeader()->setMinimumSectionSize(TouchButton::kMinimumSize);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(PackageTableModel::Code, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Equipment, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Qty, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Reason, QHeaderView::Stretch);
    // Names and standards once the catalogue is read (loadCatalogue); codes until then.
    table->setColumnHidden(PackageTableModel::Equipment, true);

    connect(m_ui->packageFewer, &QPushButton::clicked, this, [this] { changeQty(-1); });
    connect(m_ui->packageMore, &QPushButton::clicked, this, [this] { changeQty(+1); });
    connect(m_ui->packageRemove, &QPushButton::clicked, this, &PackagePanel::removeCurrent);
    connect(m_ui->packageAdd, &QPushButton::clicked, this, &PackagePanel::addFromCatalogue);
    connect(m_ui->agreePackage, &QPushButton::clicked, this, &PackagePanel::agree);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PackagePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PackagePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PackagePanel::updateButtons);
}

PackagePanel::~PackagePanel() = default;

QTableView *PackagePanel::tableView() const
{
    return m_ui->packageTable;
}

QComboBox *PackagePanel::catalogueBox() const
{
    return m_ui->packageCatalogue;
}

TouchButton *PackagePanel::agreeButton() const
{
    return m_ui->agreePackage;
}

TouchButton *PackagePanel::addButton() const
{
    return m_ui->packageAdd;
}

TouchButton *PackagePanel::removeButton() const
{
    return m_ui->packageRemove;
}

TouchButton *PackagePanel::moreButton() const
{
    return m_ui->packageMore;
}

TouchButton *PackagePanel::fewerButton() const
{
    return m_ui->packageFewer;
}

void PackagePanel::showSurvey(const SurveyRecord &survey)
{
    const bool sameSurvey = survey.id == m_survey.id;
    m_survey = survey;
    TouchStyle::setError(m_ui->error_package, {});
    m_ui->packageStatus->clear();
    const Result<QList<PackageItem>> stored = m_surveys.package(survey.id);
    if (!stored) {
        // Not the survey's recommendations as if nothing had been agreed: nothing, and why.
        m_model->setItems({});
        m_ui->agreePackage->setEnabled(false);
        const QString message = tr("The package cannot be shown: %1").arg(stored.errorString());
        TouchStyle::setError(m_ui->error_package, message);
        emit failed(message);
        return;
    }
    QList<PackageItem> items = *stored;
    if (!items.isEmpty()) {
        m_ui->packageIntro->setText(
            tr("This package has been agreed. Change it with the householder and "
               "agree it again if needed."));
    } else {
        m_ui->packageIntro->setText(
            tr("What the survey answers call for. Change quantities, remove or add "
               "items with the householder, then agree the package."));
        for (const Recommendation &recommendation : m_engine.recommend(survey.answers)) {
            items.append(
                PackageItem {recommendation.code, recommendation.qty, recommendation.reason, true});
        }
    }
    m_model->setItems(items);
    m_ui->packageTable->resizeRowsToContents();
    if (m_model->rowCount() > 0)
        m_ui->packageTable->setCurrentIndex(m_model->index(0, firstShownColumn()));
    loadCatalogue();
    updateButtons();
    loadAvailability(sameSurvey);
}

void PackagePanel::loadAvailability(bool sameSurvey)
{
    // A package agreed before has a job that holds what the householder said: shown again,
    // so that agreeing again keeps it rather than clearing it.
    const Result<std::optional<Job>> job = m_surveys.packageJob(m_survey.id);
    if (!job) {
        // Never agreed over what could not be read; another household's answers never stay.
        if (!sameSurvey)
            m_availability->clear();
        m_ui->agreePackage->setEnabled(false);
        TouchStyle::setError(
            m_ui->error_package,
            tr("The householder\u2019s availability stored with this package could not be "
               "read, so the package cannot be agreed again now (that would clear it). Open "
               "the package step again to retry. %1")
                .arg(job.errorString()));
        return;
    }
    m_ui->agreePackage->setEnabled(true);
    if (*job)
        m_availability->setAvailability((*job)->availability, (*job)->accessNotes);
    else
        m_availability->clear();
}

void PackagePanel::loadCatalogue()
{
    QStringList codes;
    for (const RecommendationRule &rule : m_engine.rules()) {
        if (!codes.contains(rule.code))
            codes.append(rule.code);
    }
    // Only what this device's catalogue has can be agreed.
    const Result<QStringList> unknown = m_store.unknownEquipment(codes);
    if (!unknown) {
        TouchStyle::setError(
            m_ui->error_package,
            tr("The equipment catalogue cannot be read: %1").arg(unknown.errorString()));
    }
    // The householder reads names and standards; a catalogue that cannot be read shows codes.
    const Result<QHash<QString, QString>> labels = m_store.equipmentLabels();
    if (labels)
        m_model->setEquipmentNames(*labels);
    m_ui->packageTable->setColumnHidden(PackageTableModel::Equipment, !labels);
    m_ui->packageTable->setColumnHidden(PackageTableModel::Code, labels.ok());
    m_ui->packageCatalogue->clear();
    for (const QString &code : std::as_const(codes)) {
        if (unknown && !unknown->contains(code))
            m_ui->packageCatalogue->addItem(labels ? labels->value(code, code) : code, code);
    }
    QStringList missing;
    for (const PackageItem &item : m_model->items()) {
        if (unknown && unknown->contains(item.code))
            missing.append(item.code);
    }
    m_ui->catalogueNote->setText(
        missing.isEmpty() ? QString()
                          : tr("Not in this device\u2019s equipment catalogue yet: %1. Sync "
                               "before agreeing, or remove them.")
                                .arg(missing.join(QStringLiteral(", "))));
    m_ui->catalogueNote->setVisible(!missing.isEmpty());
    m_ui->packageAdd->setEnabled(m_ui->packageCatalogue->count() > 0);
    m_ui->packageCatalogue->setEnabled(m_ui->packageCatalogue->count() > 0);
}

int PackagePanel::firstShownColumn() const
{
    return m_ui->packageTable->isColumnHidden(PackageTableModel::Code)
        ? PackageTableModel::Equipment
        : PackageTableModel::Code;
}

void PackagePanel::focusFirst()
{
    m_ui->packageTable->setFocus(Qt::OtherFocusReason);
}

void PackagePanel::updateButtons()
{
    const bool selected = m_ui->packageTable->currentIndex().isValid();
    m_ui->packageFewer->setEnabled(selected);
    m_ui->packageMore->setEnabled(selected);
    m_ui->packageRemove->setEnabled(selected);
}

void PackagePanel::changeQty(int delta)
{
    const int row = m_ui->packageTable->currentIndex().row();
    if (row < 0)
        return;
    m_model->setQty(row, m_model->items().at(row).qty + delta);
}

void PackagePanel::removeCurrent()
{
    m_model->removeItem(m_ui->packageTable->currentIndex().row());
}

void PackagePanel::addFromCatalogue()
{
    const QString code = m_ui->packageCatalogue->currentData().toString();
    if (code.isEmpty())
        return;
    const int row = m_model->addItem(code, tr("Added at the door"));
    m_ui->packageTable->setCurrentIndex(m_model->index(row, firstShownColumn()));
    m_ui->packageTable->resizeRowsToContents();
}

void PackagePanel::agree()
{
    TouchStyle::setError(m_ui->error_package, {});
    const std::optional<JobAvailability> availability = m_availability->availability();
    if (!availability)
        return; // the editor says why, at the field
    const SurveyService::Result result = m_surveys.agreePackage(
        m_survey.id, m_model->items(), *availability, m_availability->accessNotes());
    if (!result.ok()) {
        if (result.field == QLatin1String("items"))
            TouchStyle::setError(m_ui->error_package, result.errorString());
        else
            emit failed(result.errorString());
        return;
    }
    m_ui->packageIntro->setText(
        tr("This package has been agreed. Change it with the householder and "
           "agree it again if needed."));
    // A job booked already follows the new package where it is booked.
    const Result<std::optional<Job>> job = m_surveys.packageJob(m_survey.id);
    const bool booked = job && *job && JobStatusNames::isBooked((*job)->status);
    m_ui->packageStatus->setText(
        booked ? tr("Package agreed: %n item(s). The booked job takes the new items, length and "
                    "availability; the schedule board marks any rule that now breaks.",
                    nullptr, int(m_model->rowCount()))
               : tr("Package agreed: %n item(s). The household is now accepted for "
                    "fitting, and its job waits to be scheduled.",
                    nullptr, int(m_model->rowCount())));
    emit packageAgreed(m_survey.householdId);
}

QString PackagePanel::errorText() const
{
    return m_ui->error_package->isHidden() ? QString() : m_ui->error_package->text();
}

QString PackagePanel::statusText() const
{
    return m_ui->packageStatus->text();
}

} // namespace saferhomes
