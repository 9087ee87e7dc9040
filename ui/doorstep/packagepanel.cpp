#include "doorstep/packagepanel.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "doorstep/packagetablemodel.h"
#include "service/surveyservice.h"
#include "store/surveyrepository.h"
#include "survey/recommendationengine.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

PackagePanel::PackagePanel(SurveyService &surveys, SurveyRepository &store,
                           const RecommendationEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_surveys(surveys)
    , m_store(store)
    , m_engine(engine)
    , m_model(new PackageTableModel(this))
    , m_intro(new QLabel(this))
    , m_table(new QTableView(this))
    , m_fewer(new TouchButton(tr("\u2212 One fewer"), this))
    , m_more(new TouchButton(tr("+ One more"), this))
    , m_remove(new TouchButton(tr("Remove item"), this))
    , m_catalogue(new QComboBox(this))
    , m_add(new TouchButton(tr("Add item"), this))
    , m_catalogueNote(TouchStyle::helpLabel({}, this))
    , m_error(TouchStyle::errorLabel(this, QStringLiteral("error_package")))
    , m_agree(new TouchButton(tr("Agree package"), this, TouchButton::Kind::Primary))
    , m_status(new QLabel(this))
{
    auto *heading = new QLabel(tr("Recommended package"), this);
    TouchStyle::setText(heading, TouchStyle::Text::Heading);
    m_intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("packageTable"));
    m_table->setAccessibleName(tr("Package items"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setMinimumSectionSize(TouchButton::kMinimumSize);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(PackageTableModel::Code, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Equipment, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Qty, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackageTableModel::Reason, QHeaderView::Stretch);
    // The catalogue's names are not readable on this device yet: codes only until they are.
    m_table->setColumnHidden(PackageTableModel::Equipment, true);

    m_fewer->setObjectName(QStringLiteral("packageFewer"));
    m_fewer->setAccessibleName(tr("One fewer of the selected item"));
    m_more->setObjectName(QStringLiteral("packageMore"));
    m_more->setAccessibleName(tr("One more of the selected item"));
    m_remove->setObjectName(QStringLiteral("packageRemove"));
    m_catalogue->setObjectName(QStringLiteral("packageCatalogue"));
    m_catalogue->setAccessibleName(tr("Equipment to add"));
    m_add->setObjectName(QStringLiteral("packageAdd"));
    m_agree->setObjectName(QStringLiteral("agreePackage"));
    m_agree->setMinimumWidth(220);
    m_status->setObjectName(QStringLiteral("packageStatus"));
    m_status->setWordWrap(true);
    TouchStyle::setText(m_status, TouchStyle::Text::Strong);

    connect(m_fewer, &QPushButton::clicked, this, [this] { changeQty(-1); });
    connect(m_more, &QPushButton::clicked, this, [this] { changeQty(+1); });
    connect(m_remove, &QPushButton::clicked, this, &PackagePanel::removeCurrent);
    connect(m_add, &QPushButton::clicked, this, &PackagePanel::addFromCatalogue);
    connect(m_agree, &QPushButton::clicked, this, &PackagePanel::agree);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PackagePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PackagePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PackagePanel::updateButtons);

    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_fewer);
    editRow->addWidget(m_more);
    editRow->addWidget(m_remove);
    editRow->addStretch();
    editRow->addWidget(new QLabel(tr("Add:"), this));
    editRow->addWidget(m_catalogue);
    editRow->addWidget(m_add);
    auto *agreeRow = new QHBoxLayout;
    agreeRow->addWidget(m_agree);
    agreeRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(editRow);
    layout->addWidget(m_catalogueNote);
    layout->addWidget(m_error);
    layout->addLayout(agreeRow);

    setTabOrder(m_table, m_fewer);
    setTabOrder(m_fewer, m_more);
    setTabOrder(m_more, m_remove);
    setTabOrder(m_remove, m_catalogue);
    setTabOrder(m_catalogue, m_add);
    setTabOrder(m_add, m_agree);
}

void PackagePanel::showSurvey(const SurveyRecord &survey)
{
    m_survey = survey;
    TouchStyle::setError(m_error, {});
    m_status->clear();
    QList<PackageItem> items = m_surveys.package(survey.id);
    if (!items.isEmpty()) {
        m_intro->setText(tr("This package has been agreed. Change it with the householder and "
                            "agree it again if needed."));
    } else {
        m_intro->setText(tr("What the survey answers call for. Change quantities, remove or add "
                            "items with the householder, then agree the package."));
        for (const Recommendation &recommendation : m_engine.recommend(survey.answers)) {
            items.append(
                PackageItem {recommendation.code, recommendation.qty, recommendation.reason, true});
        }
    }
    m_model->setItems(items);
    m_table->resizeRowsToContents();
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, PackageTableModel::Code));
    loadCatalogue();
    updateButtons();
}

void PackagePanel::loadCatalogue()
{
    QStringList codes;
    for (const RecommendationRule &rule : m_engine.rules()) {
        if (!codes.contains(rule.code))
            codes.append(rule.code);
    }
    // Only what this device's catalogue has can be agreed.
    const QStringList unknown = m_store.unknownEquipment(codes);
    m_catalogue->clear();
    for (const QString &code : std::as_const(codes)) {
        if (!unknown.contains(code))
            m_catalogue->addItem(code, code);
    }
    QStringList missing;
    for (const PackageItem &item : m_model->items()) {
        if (unknown.contains(item.code))
            missing.append(item.code);
    }
    m_catalogueNote->setText(missing.isEmpty()
                                 ? QString()
                                 : tr("Not in this device\u2019s equipment catalogue yet: %1. Sync "
                                      "before agreeing, or remove them.")
                                       .arg(missing.join(QStringLiteral(", "))));
    m_catalogueNote->setVisible(!missing.isEmpty());
    m_add->setEnabled(m_catalogue->count() > 0);
    m_catalogue->setEnabled(m_catalogue->count() > 0);
}

void PackagePanel::focusFirst()
{
    m_table->setFocus(Qt::OtherFocusReason);
}

void PackagePanel::updateButtons()
{
    const bool selected = m_table->currentIndex().isValid();
    m_fewer->setEnabled(selected);
    m_more->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void PackagePanel::changeQty(int delta)
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    m_model->setQty(row, m_model->items().at(row).qty + delta);
}

void PackagePanel::removeCurrent()
{
    m_model->removeItem(m_table->currentIndex().row());
}

void PackagePanel::addFromCatalogue()
{
    const QString code = m_catalogue->currentData().toString();
    if (code.isEmpty())
        return;
    const int row = m_model->addItem(code, tr("Added at the door"));
    m_table->setCurrentIndex(m_model->index(row, PackageTableModel::Code));
    m_table->resizeRowsToContents();
}

void PackagePanel::agree()
{
    TouchStyle::setError(m_error, {});
    const SurveyService::Result result = m_surveys.agreePackage(m_survey.id, m_model->items());
    if (!result.ok()) {
        if (result.field == QLatin1String("items"))
            TouchStyle::setError(m_error, result.error);
        else
            emit failed(result.error);
        return;
    }
    m_intro->setText(tr("This package has been agreed. Change it with the householder and "
                        "agree it again if needed."));
    m_status->setText(tr("Package agreed: %n item(s). The household is now accepted for "
                         "fitting.",
                         nullptr, int(m_model->rowCount())));
    emit packageAgreed(m_survey.householdId);
}

QString PackagePanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString PackagePanel::statusText() const
{
    return m_status->text();
}

} // namespace saferhomes
