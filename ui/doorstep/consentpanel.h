#pragma once

#include "domain/visit.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Ui {
class ConsentPanel;
}

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
    ~ConsentPanel() override;

    /// Shows household \a id with an empty form and its decisions on record.
    void setHousehold(const QUuid &id);
    void focusFirst();

    QCheckBox *purposeBox(ConsentPurpose purpose) const { return m_purposes.value(purpose); }
    TouchButton *methodButton(ConsentMethod method) const { return m_methods.value(method); }
    std::optional<ConsentMethod> selectedMethod() const { return m_method; }
    QComboBox *residentBox() const;
    QLineEdit *witnessEdit() const;
    SignaturePad *signaturePad() const;
    TouchButton *recordButton() const;
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
    void addPurposes();
    void addMethods();
    void addOnRecord();
    void chooseMethod(ConsentMethod method);
    void record();
    void withdraw(ConsentPurpose purpose);
    void refreshOnRecord();
    void clearErrors();

    std::unique_ptr<Ui::ConsentPanel> m_ui; ///< the form: consentpanel.ui
    ConsentService &m_consents;
    HouseholdRepository &m_households;
    QUuid m_householdId;
    std::optional<ConsentMethod> m_method;
    QHash<ConsentPurpose, QCheckBox *> m_purposes;
    QHash<ConsentMethod, TouchButton *> m_methods;
    QHash<ConsentPurpose, QLabel *> m_onRecord;
    QHash<ConsentPurpose, TouchButton *> m_withdraw;
    QHash<QString, QLabel *> m_errors;
};

} // namespace saferhomes
