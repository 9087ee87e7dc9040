#pragma once

#include "domain/visit.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace saferhomes {

class ConsentService;
class HouseholdRepository;
class SignaturePad;
class TouchButton;

/// Takes consent per purpose at the door: the wording and its version, who decides, and how
/// (signature, verbal with a named witness, or a refusal that keeps nothing personal); lists
/// the decisions on record, each active one with a way to withdraw it.
class ConsentPanel : public QWidget {
    Q_OBJECT

public:
    ConsentPanel(ConsentService &consents, HouseholdRepository &households,
                 QWidget *parent = nullptr);

    /// Shows household \a id with an empty form and its decisions on record.
    void setHousehold(const QUuid &id);
    void focusFirst();

    QCheckBox *purposeBox(ConsentPurpose purpose) const { return m_purposes.value(purpose); }
    TouchButton *methodButton(ConsentMethod method) const { return m_methods.value(method); }
    std::optional<ConsentMethod> selectedMethod() const { return m_method; }
    QComboBox *residentBox() const { return m_resident; }
    QLineEdit *witnessEdit() const { return m_witness; }
    SignaturePad *signaturePad() const { return m_pad; }
    TouchButton *recordButton() const { return m_record; }
    /// The Withdraw button of \a purpose (hidden unless that consent is active).
    TouchButton *withdrawButton(ConsentPurpose purpose) const { return m_withdraw.value(purpose); }
    /// What the list on record says about \a purpose.
    QString recordText(ConsentPurpose purpose) const;
    /// The message at `purposes`, `witness`, `signature` or `resident`; empty when none.
    QString errorAt(const QString &field) const;

signals:
    void consentRecorded(const QList<Consent> &consents);
    void consentWithdrawn(ConsentPurpose purpose);
    void failed(const QString &message);

private:
    QWidget *createPurposes();
    QWidget *createForm();
    QWidget *createOnRecord();
    void chooseMethod(ConsentMethod method);
    void record();
    void withdraw(ConsentPurpose purpose);
    void refreshOnRecord();
    void clearErrors();

    ConsentService &m_consents;
    HouseholdRepository &m_households;
    QUuid m_householdId;
    std::optional<ConsentMethod> m_method;
    QHash<ConsentPurpose, QCheckBox *> m_purposes;
    QHash<ConsentMethod, TouchButton *> m_methods;
    QHash<ConsentPurpose, QLabel *> m_onRecord;
    QHash<ConsentPurpose, TouchButton *> m_withdraw;
    QHash<QString, QLabel *> m_errors;
    QComboBox *m_resident = nullptr;
    QStackedWidget *m_methodDetail = nullptr;
    SignaturePad *m_pad = nullptr;
    QLineEdit *m_witness = nullptr;
    TouchButton *m_record = nullptr;
    QLabel *m_saved = nullptr;
};

} // namespace saferhomes
