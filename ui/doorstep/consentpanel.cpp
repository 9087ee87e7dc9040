#include "doorstep/consentpanel.h"

#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "domain/consentwording.h"
#include "service/consentservice.h"
#include "store/householdrepository.h"
#include "ui_consentpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>

namespace saferhomes {

namespace {

const QList<ConsentMethod> kMethods {ConsentMethod::Signature, ConsentMethod::VerbalWitnessed,
                                     ConsentMethod::Refused};

} // namespace

ConsentPanel::ConsentPanel(ConsentService &consents, HouseholdRepository &households,
                           QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConsentPanel>())
    , m_consents(consents)
    , m_households(households)
{
    m_ui->setupUi(this);
    TouchStyle::setText(m_ui->purposeHeading, TouchStyle::Text::Heading);
    m_ui->wordingVersion->setText(tr("Read each statement aloud. Consent wording version %1.")
                                      .arg(ConsentWording::version()));
    m_errors = {{QStringLiteral("purposes"), m_ui->error_purposes},
                {QStringLiteral("resident"), m_ui->error_resident},
                {QStringLiteral("signature"), m_ui->error_signature},
                {QStringLiteral("witness"), m_ui->error_witness}};
    for (QLabel *label : std::as_const(m_errors))
        TouchStyle::setUpErrorLabel(label);
    addPurposes();
    addMethods();
    addOnRecord();

    connect(m_ui->clearSignature, &QPushButton::clicked, m_ui->signaturePad, &SignaturePad::clear);
    connect(m_ui->signaturePad, &SignaturePad::changed, this,
            [this] { TouchStyle::setError(m_ui->error_signature, {}); });
    connect(m_ui->consentWitness, &QLineEdit::textEdited, this,
            [this] { TouchStyle::setError(m_ui->error_witness, {}); });
    connect(m_ui->consentWitness, &QLineEdit::returnPressed, this, &ConsentPanel::record);
    connect(m_ui->recordConsent, &QPushButton::clicked, this, &ConsentPanel::record);

    // Purposes, who, how, its detail, Record; then the withdrawals on record, and the scroll
    // area last.
    QList<QWidget *> order;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes())
        order.append(m_purposes.value(purpose));
    order.append(m_ui->consentResident);
    for (const ConsentMethod method : kMethods)
        order.append(m_methods.value(method));
    order.append(m_ui->consentWitness);
    order.append(m_ui->recordConsent);
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes())
        order.append(m_withdraw.value(purpose));
    order.append(m_ui->scroll);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    chooseMethod(ConsentMethod::Signature);
}

ConsentPanel::~ConsentPanel() = default;

void ConsentPanel::addPurposes()
{
    QWidget *column = m_ui->purposeColumn;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes()) {
        auto *box = new QCheckBox(DoorstepNames::label(purpose), column);
        box->setObjectName(QStringLiteral("purpose_") + DoorstepNames::name(purpose));
        box->setAccessibleName(DoorstepNames::label(purpose));
        box->setAccessibleDescription(ConsentWording::text(purpose));
        TouchStyle::setText(box, TouchStyle::Text::Strong);
        auto *wording = TouchStyle::helpLabel(ConsentWording::text(purpose), column);
        wording->setObjectName(QStringLiteral("wording_") + DoorstepNames::name(purpose));
        wording->setContentsMargins(46, 0, 0, 6);
        m_ui->purposeList->addWidget(box);
        m_ui->purposeList->addWidget(wording);
        m_purposes.insert(purpose, box);
        connect(box, &QCheckBox::toggled, this,
                [this] { TouchStyle::setError(m_ui->error_purposes, {}); });
    }
}

void ConsentPanel::addMethods()
{
    for (const ConsentMethod method : kMethods) {
        auto *button = new TouchButton(DoorstepNames::label(method), m_ui->consentForm,
                                       TouchButton::Kind::Choice);
        button->setObjectName(QStringLiteral("method_") + DoorstepNames::name(method));
        button->setAccessibleName(DoorstepNames::label(method));
        m_ui->methodRow->addWidget(button);
        m_methods.insert(method, button);
        connect(button, &QPushButton::clicked, this, [this, method] {
            chooseMethod(method);
            // Straight on to what the method needs, for keyboard and finger alike.
            if (method == ConsentMethod::VerbalWitnessed)
                m_ui->consentWitness->setFocus(Qt::OtherFocusReason);
        });
    }
}

void ConsentPanel::addOnRecord()
{
    const QList<ConsentPurpose> purposes = DoorstepNames::consentPurposes();
    for (int i = 0; i < purposes.size(); ++i) {
        const ConsentPurpose purpose = purposes.at(i);
        auto *label = new QLabel(m_ui->consentOnRecord);
        label->setObjectName(QStringLiteral("onRecord_") + DoorstepNames::name(purpose));
        label->setWordWrap(true);
        auto *withdraw = new TouchButton(tr("Withdraw"), m_ui->consentOnRecord);
        withdraw->setObjectName(QStringLiteral("withdraw_") + DoorstepNames::name(purpose));
        withdraw->setAccessibleName(
            tr("Withdraw consent to %1").arg(DoorstepNames::label(purpose).toLower()));
        connect(withdraw, &QPushButton::clicked, this,
                [this, purpose] { this->withdraw(purpose); });
        const int row = i / 2;
        const int column = (i % 2) * 2;
        m_ui->onRecordGrid->addWidget(label, row, column);
        m_ui->onRecordGrid->addWidget(withdraw, row, column + 1);
        m_onRecord.insert(purpose, label);
        m_withdraw.insert(purpose, withdraw);
    }
}

QComboBox *ConsentPanel::residentBox() const
{
    return m_ui->consentResident;
}

QLineEdit *ConsentPanel::witnessEdit() const
{
    return m_ui->consentWitness;
}

SignaturePad *ConsentPanel::signaturePad() const
{
    return m_ui->signaturePad;
}

TouchButton *ConsentPanel::recordButton() const
{
    return m_ui->recordConsent;
}

void ConsentPanel::setHousehold(const QUuid &id)
{
    m_householdId = id;
    for (QCheckBox *box : std::as_const(m_purposes))
        box->setChecked(false);
    m_ui->consentResident->clear();
    if (const auto record = m_households.find(id);
        record && !record->resident.id.isNull() && !record->resident.name.isEmpty()) {
        m_ui->consentResident->addItem(record->resident.name, record->resident.id);
    }
    m_ui->consentResident->addItem(tr("Someone else who lives here"), QUuid());
    m_ui->signaturePad->clear();
    m_ui->consentWitness->clear();
    m_ui->consentSaved->clear();
    clearErrors();
    chooseMethod(ConsentMethod::Signature);
    refreshOnRecord();
}

void ConsentPanel::focusFirst()
{
    m_purposes.value(ConsentPurpose::SurveyFitting)->setFocus(Qt::OtherFocusReason);
}

void ConsentPanel::chooseMethod(ConsentMethod method)
{
    m_method = method;
    for (auto it = m_methods.cbegin(); it != m_methods.cend(); ++it)
        it.value()->setChecked(it.key() == method);
    m_ui->methodDetail->setCurrentIndex(int(kMethods.indexOf(method)));
    // A refusal names nobody.
    m_ui->consentResident->setEnabled(method != ConsentMethod::Refused);
}

void ConsentPanel::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        TouchStyle::setError(label, {});
}

QString ConsentPanel::errorAt(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void ConsentPanel::record()
{
    clearErrors();
    ConsentService::Request request;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes()) {
        if (m_purposes.value(purpose)->isChecked())
            request.purposes.append(purpose);
    }
    request.wordingVersion = ConsentWording::version();
    request.method = m_method.value_or(ConsentMethod::Signature);
    request.residentId = m_ui->consentResident->currentData().toUuid();
    if (request.method == ConsentMethod::VerbalWitnessed)
        request.witness = m_ui->consentWitness->text();
    if (request.method == ConsentMethod::Signature)
        request.signaturePng = m_ui->signaturePad->toPng();

    const ConsentService::Result result = m_consents.record(m_householdId, request);
    if (!result.ok()) {
        // The form keeps everything: the officer fixes the one field and records again.
        if (QLabel *label = m_errors.value(result.field)) {
            TouchStyle::setError(label, result.errorString());
            if (result.field == QLatin1String("witness"))
                m_ui->consentWitness->setFocus(Qt::OtherFocusReason);
            else if (result.field == QLatin1String("purposes"))
                focusFirst();
        } else {
            emit failed(result.errorString());
        }
        return;
    }
    const QString how = DoorstepNames::label(request.method).toLower();
    m_ui->consentSaved->setText(request.method == ConsentMethod::Refused
                                    ? tr("Refusal recorded.")
                                    : tr("Consent recorded (%1).").arg(how));
    for (QCheckBox *box : std::as_const(m_purposes))
        box->setChecked(false);
    m_ui->signaturePad->clear();
    m_ui->consentWitness->clear();
    refreshOnRecord();
    emit consentRecorded(result.consents);
}

void ConsentPanel::withdraw(ConsentPurpose purpose)
{
    TouchButton *button = m_withdraw.value(purpose);
    // Two taps: a withdrawal cannot be taken back without new consent.
    if (!button->property("confirming").toBool()) {
        button->setProperty("confirming", true);
        button->setText(tr("Tap again to withdraw"));
        return;
    }
    const ConsentService::Result result = m_consents.withdraw(m_householdId, purpose);
    refreshOnRecord();
    if (!result.ok()) {
        emit failed(result.errorString());
        return;
    }
    m_ui->consentSaved->setText(
        tr("Consent to %1 withdrawn.").arg(DoorstepNames::label(purpose).toLower()));
    emit consentWithdrawn(purpose);
}

QString ConsentPanel::recordText(ConsentPurpose purpose) const
{
    return m_onRecord.value(purpose)->text();
}

void ConsentPanel::refreshOnRecord()
{
    const QLocale locale;
    QString unreadable;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes()) {
        const Result<std::optional<Consent>> read = m_consents.current(m_householdId, purpose);
        if (!read)
            unreadable = read.errorString();
        // What cannot be read is said as such, never as "not asked yet".
        const std::optional<Consent> consent = read.valueOr(std::nullopt);
        QString state;
        if (!read) {
            state = tr("cannot be read");
        } else if (!consent) {
            state = tr("not asked yet");
        } else if (consent->method == ConsentMethod::Refused) {
            state = tr("refused %1")
                        .arg(locale.toString(consent->givenAt.toLocalTime().date(),
                                             QLocale::ShortFormat));
        } else if (consent->withdrawnAt.isValid()) {
            state = tr("withdrawn %1")
                        .arg(locale.toString(consent->withdrawnAt.toLocalTime().date(),
                                             QLocale::ShortFormat));
        } else {
            state = tr("given %1 (%2, wording %3)")
                        .arg(locale.toString(consent->givenAt.toLocalTime().date(),
                                             QLocale::ShortFormat),
                             DoorstepNames::label(consent->method).toLower(),
                             consent->wordingVersion);
        }
        m_onRecord.value(purpose)->setText(
            tr("<b>%1</b>: %2")
                .arg(DoorstepNames::label(purpose).toHtmlEscaped(), state.toHtmlEscaped()));
        TouchButton *button = m_withdraw.value(purpose);
        button->setProperty("confirming", false);
        button->setText(tr("Withdraw"));
        button->setVisible(consent && consent->isActive());
    }
    if (!unreadable.isEmpty())
        emit failed(tr("The consents on record cannot be read: %1").arg(unreadable));
}

} // namespace saferhomes
