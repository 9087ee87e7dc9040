#include "doorstep/consentpanel.h"

#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "domain/consentwording.h"
#include "service/consentservice.h"
#include "store/householdrepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

const QList<ConsentMethod> kMethods {ConsentMethod::Signature, ConsentMethod::VerbalWitnessed,
                                     ConsentMethod::Refused};

} // namespace

ConsentPanel::ConsentPanel(ConsentService &consents, HouseholdRepository &households,
                           QWidget *parent)
    : QWidget(parent)
    , m_consents(consents)
    , m_households(households)
{
    auto *content = new QWidget(this);
    auto *columns = new QHBoxLayout;
    columns->addWidget(createPurposes(), 1);
    columns->addSpacing(12);
    columns->addWidget(createForm(), 1);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(columns);
    layout->addWidget(createOnRecord());
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Purposes, who, how, its detail, Record; then the withdrawals on record.
    QList<QWidget *> order;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes())
        order.append(m_purposes.value(purpose));
    order.append(m_resident);
    for (const ConsentMethod method : kMethods)
        order.append(m_methods.value(method));
    order.append(m_witness);
    order.append(m_record);
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes())
        order.append(m_withdraw.value(purpose));
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    chooseMethod(ConsentMethod::Signature);
}

QWidget *ConsentPanel::createPurposes()
{
    auto *purposeColumn = new QWidget(this);
    purposeColumn->setObjectName(QStringLiteral("purposeColumn"));
    auto *purposeLayout = new QVBoxLayout(purposeColumn);
    purposeLayout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("What does the householder agree to?"), purposeColumn);
    TouchStyle::setText(heading, TouchStyle::Text::Heading);
    auto *version = new QLabel(
        tr("Read each statement aloud. Consent wording version %1.").arg(ConsentWording::version()),
        purposeColumn);
    version->setObjectName(QStringLiteral("wordingVersion"));
    version->setWordWrap(true);
    purposeLayout->addWidget(heading);
    purposeLayout->addWidget(version);
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes()) {
        auto *box = new QCheckBox(DoorstepNames::label(purpose), purposeColumn);
        box->setObjectName(QStringLiteral("purpose_") + DoorstepNames::name(purpose));
        box->setAccessibleName(DoorstepNames::label(purpose));
        box->setAccessibleDescription(ConsentWording::text(purpose));
        TouchStyle::setText(box, TouchStyle::Text::Strong);
        auto *wording = TouchStyle::helpLabel(ConsentWording::text(purpose), purposeColumn);
        wording->setObjectName(QStringLiteral("wording_") + DoorstepNames::name(purpose));
        wording->setContentsMargins(46, 0, 0, 6);
        purposeLayout->addWidget(box);
        purposeLayout->addWidget(wording);
        m_purposes.insert(purpose, box);
        connect(box, &QCheckBox::toggled, this,
                [this] { TouchStyle::setError(m_errors.value(QStringLiteral("purposes")), {}); });
    }
    m_errors.insert(QStringLiteral("purposes"),
                    TouchStyle::errorLabel(purposeColumn, QStringLiteral("error_purposes")));
    purposeLayout->addWidget(m_errors.value(QStringLiteral("purposes")));
    purposeLayout->addStretch();
    return purposeColumn;
}

QWidget *ConsentPanel::createForm()
{
    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    auto *whoLabel = new QLabel(tr("&Who is deciding?"), form);
    m_resident = new QComboBox(form);
    m_resident->setObjectName(QStringLiteral("consentResident"));
    m_resident->setAccessibleName(tr("Who is deciding"));
    whoLabel->setBuddy(m_resident);
    m_errors.insert(QStringLiteral("resident"),
                    TouchStyle::errorLabel(form, QStringLiteral("error_resident")));
    formLayout->addWidget(whoLabel);
    formLayout->addWidget(m_resident);
    formLayout->addWidget(m_errors.value(QStringLiteral("resident")));

    formLayout->addWidget(new QLabel(tr("How is the decision given?"), form));
    auto *methodRow = new QHBoxLayout;
    for (const ConsentMethod method : kMethods) {
        auto *button
            = new TouchButton(DoorstepNames::label(method), form, TouchButton::Kind::Choice);
        button->setObjectName(QStringLiteral("method_") + DoorstepNames::name(method));
        button->setAccessibleName(DoorstepNames::label(method));
        methodRow->addWidget(button);
        m_methods.insert(method, button);
        connect(button, &QPushButton::clicked, this, [this, method] {
            chooseMethod(method);
            // Straight on to what the method needs, for keyboard and finger alike.
            if (method == ConsentMethod::VerbalWitnessed)
                m_witness->setFocus(Qt::OtherFocusReason);
        });
    }
    formLayout->addLayout(methodRow);

    m_methodDetail = new QStackedWidget(form);
    auto *signaturePage = new QWidget(m_methodDetail);
    m_pad = new SignaturePad(signaturePage);
    auto *clear = new TouchButton(tr("Clear signature"), signaturePage);
    clear->setObjectName(QStringLiteral("clearSignature"));
    clear->setFocusPolicy(Qt::NoFocus); // the pad takes no keyboard either
    connect(clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    m_errors.insert(QStringLiteral("signature"),
                    TouchStyle::errorLabel(signaturePage, QStringLiteral("error_signature")));
    connect(m_pad, &SignaturePad::changed, this,
            [this] { TouchStyle::setError(m_errors.value(QStringLiteral("signature")), {}); });
    auto *signatureLayout = new QVBoxLayout(signaturePage);
    signatureLayout->setContentsMargins(0, 0, 0, 0);
    signatureLayout->addWidget(m_pad);
    signatureLayout->addWidget(clear, 0, Qt::AlignLeft);
    signatureLayout->addWidget(m_errors.value(QStringLiteral("signature")));
    signatureLayout->addStretch();

    auto *verbalPage = new QWidget(m_methodDetail);
    auto *witnessLabel = new QLabel(tr("Name of the witness (required)"), verbalPage);
    m_witness = new QLineEdit(verbalPage);
    m_witness->setObjectName(QStringLiteral("consentWitness"));
    m_witness->setAccessibleName(tr("Witness name"));
    m_witness->setPlaceholderText(tr("e.g. PCSO Sam Clarke"));
    witnessLabel->setBuddy(m_witness);
    m_errors.insert(QStringLiteral("witness"),
                    TouchStyle::errorLabel(verbalPage, QStringLiteral("error_witness")));
    connect(m_witness, &QLineEdit::textEdited, this,
            [this] { TouchStyle::setError(m_errors.value(QStringLiteral("witness")), {}); });
    connect(m_witness, &QLineEdit::returnPressed, this, &ConsentPanel::record);
    auto *verbalLayout = new QVBoxLayout(verbalPage);
    verbalLayout->setContentsMargins(0, 0, 0, 0);
    verbalLayout->addWidget(witnessLabel);
    verbalLayout->addWidget(m_witness);
    verbalLayout->addWidget(m_errors.value(QStringLiteral("witness")));
    verbalLayout->addWidget(TouchStyle::helpLabel(
        tr("The witness hears the householder agree to each statement ticked."), verbalPage));
    verbalLayout->addStretch();

    auto *refusedPage = new QWidget(m_methodDetail);
    auto *refusedLayout = new QVBoxLayout(refusedPage);
    refusedLayout->setContentsMargins(0, 0, 0, 0);
    refusedLayout->addWidget(TouchStyle::helpLabel(
        tr("Tick what the householder refuses. A refusal is recorded without any name, "
           "witness or signature."),
        refusedPage));
    refusedLayout->addStretch();
    m_methodDetail->addWidget(signaturePage);
    m_methodDetail->addWidget(verbalPage);
    m_methodDetail->addWidget(refusedPage);
    formLayout->addWidget(m_methodDetail);

    m_record = new TouchButton(tr("Record consent"), form, TouchButton::Kind::Primary);
    m_record->setObjectName(QStringLiteral("recordConsent"));
    m_record->setMinimumWidth(200);
    connect(m_record, &QPushButton::clicked, this, &ConsentPanel::record);
    m_saved = new QLabel(form);
    m_saved->setObjectName(QStringLiteral("consentSaved"));
    m_saved->setWordWrap(true);
    formLayout->addWidget(m_record, 0, Qt::AlignLeft);
    formLayout->addWidget(m_saved);
    formLayout->addStretch();
    return form;
}

QWidget *ConsentPanel::createOnRecord()
{
    auto *box = new QGroupBox(tr("On record for this household"), this);
    box->setObjectName(QStringLiteral("consentOnRecord"));
    auto *grid = new QGridLayout(box);
    const QList<ConsentPurpose> purposes = DoorstepNames::consentPurposes();
    for (int i = 0; i < purposes.size(); ++i) {
        const ConsentPurpose purpose = purposes.at(i);
        auto *label = new QLabel(box);
        label->setObjectName(QStringLiteral("onRecord_") + DoorstepNames::name(purpose));
        label->setWordWrap(true);
        auto *withdraw = new TouchButton(tr("Withdraw"), box);
        withdraw->setObjectName(QStringLiteral("withdraw_") + DoorstepNames::name(purpose));
        withdraw->setAccessibleName(
            tr("Withdraw consent to %1").arg(DoorstepNames::label(purpose).toLower()));
        connect(withdraw, &QPushButton::clicked, this,
                [this, purpose] { this->withdraw(purpose); });
        const int row = i / 2;
        const int column = (i % 2) * 2;
        grid->addWidget(label, row, column);
        grid->addWidget(withdraw, row, column + 1);
        m_onRecord.insert(purpose, label);
        m_withdraw.insert(purpose, withdraw);
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(2, 1);
    return box;
}

void ConsentPanel::setHousehold(const QUuid &id)
{
    m_householdId = id;
    for (QCheckBox *box : std::as_const(m_purposes))
        box->setChecked(false);
    m_resident->clear();
    if (const auto record = m_households.find(id);
        record && !record->resident.id.isNull() && !record->resident.name.isEmpty()) {
        m_resident->addItem(record->resident.name, record->resident.id);
    }
    m_resident->addItem(tr("Someone else who lives here"), QUuid());
    m_pad->clear();
    m_witness->clear();
    m_saved->clear();
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
    m_methodDetail->setCurrentIndex(int(kMethods.indexOf(method)));
    // A refusal names nobody.
    m_resident->setEnabled(method != ConsentMethod::Refused);
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
    request.residentId = m_resident->currentData().toUuid();
    if (request.method == ConsentMethod::VerbalWitnessed)
        request.witness = m_witness->text();
    if (request.method == ConsentMethod::Signature)
        request.signaturePng = m_pad->toPng();

    const ConsentService::Result result = m_consents.record(m_householdId, request);
    if (!result.ok()) {
        // The form keeps everything: the officer fixes the one field and records again.
        if (QLabel *label = m_errors.value(result.field)) {
            TouchStyle::setError(label, result.error);
            if (result.field == QLatin1String("witness"))
                m_witness->setFocus(Qt::OtherFocusReason);
            else if (result.field == QLatin1String("purposes"))
                focusFirst();
        } else {
            emit failed(result.error);
        }
        return;
    }
    const QString how = DoorstepNames::label(request.method).toLower();
    m_saved->setText(request.method == ConsentMethod::Refused
                         ? tr("Refusal recorded.")
                         : tr("Consent recorded (%1).").arg(how));
    for (QCheckBox *box : std::as_const(m_purposes))
        box->setChecked(false);
    m_pad->clear();
    m_witness->clear();
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
        emit failed(result.error);
        return;
    }
    m_saved->setText(tr("Consent to %1 withdrawn.").arg(DoorstepNames::label(purpose).toLower()));
    emit consentWithdrawn(purpose);
}

QString ConsentPanel::recordText(ConsentPurpose purpose) const
{
    return m_onRecord.value(purpose)->text();
}

void ConsentPanel::refreshOnRecord()
{
    const QLocale locale;
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes()) {
        const std::optional<Consent> consent = m_consents.current(m_householdId, purpose);
        QString state;
        if (!consent) {
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
}

} // namespace saferhomes
