#pragma once

#include "household.h"
#include "householdstatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// What happened at the door (stored names: `no_answer`, `declined`, `accepted`,
/// `not_eligible`, `revisit_requested`, `moved_away`).
enum class VisitOutcome { NoAnswer, Declined, Accepted, NotEligible, RevisitRequested, MovedAway };

/// What a consent is for (`survey_fitting`, `partner_sharing`, `photos`, `evaluation`).
enum class ConsentPurpose { SurveyFitting, PartnerSharing, Photos, Evaluation };

/// How consent was given (`signature`, `verbal_witnessed`) or that it was `refused`.
enum class ConsentMethod { Signature, VerbalWitnessed, Refused };

/// What an attachment holds (`photo`, `signature`, `document`).
enum class AttachmentKind { Photo, Signature, Document };

/// One call at a household's door.
struct Visit {
    QUuid id;
    QUuid householdId;
    QDateTime at;
    QString by;
    VisitOutcome outcome = VisitOutcome::NoAnswer;
    QString reason; ///< why the household declined (or any outcome's reason)
    QDateTime revisitAt; ///< invalid unless a revisit was requested
    QString notes;
};

/// One consent decision for one purpose. A refusal holds no personal details: no resident,
/// no witness, no signature.
struct Consent {
    QUuid id;
    QUuid householdId;
    QUuid residentId; ///< who consented, when known (null for a refusal)
    ConsentPurpose purpose = ConsentPurpose::SurveyFitting;
    QString wordingVersion; ///< the version of the consent wording shown to the resident
    ConsentMethod method = ConsentMethod::Signature;
    QString witness; ///< named witness of verbal consent
    QUuid signatureAttachmentId; ///< the signature's attachment (signature method only)
    QString recordedBy;
    QDateTime givenAt;
    QDateTime withdrawnAt; ///< invalid while not withdrawn

    /// Given (not refused) and not withdrawn.
    bool isActive() const { return method != ConsentMethod::Refused && !withdrawnAt.isValid(); }
};

/// A photo, signature or document as stored bytes (the model never renders them).
struct Attachment {
    QUuid id;
    QUuid householdId;
    AttachmentKind kind = AttachmentKind::Photo;
    QString mimeType;
    QByteArray bytes;
    QString sha256; ///< lower-case hex SHA-256 of bytes
    QDateTime createdAt;
    QString by;

    /// Lower-case hex SHA-256 of \a bytes, as the attachment table stores it.
    static QString sha256Hex(const QByteArray &bytes);
};

/// A security survey of a household, a draft until completedAt is set.
struct SurveyRecord {
    QUuid id;
    QUuid householdId;
    QUuid visitId; ///< the visit it was taken on, when known
    QString definitionVersion; ///< the survey definition the answers belong to
    QJsonObject answers; ///< keyed by question id
    QDateTime startedAt;
    QDateTime completedAt; ///< invalid while a draft
    QString by;
    QString position; ///< where the officer was in the draft (e.g. a section id)

    bool isDraft() const { return !completedAt.isValid(); }
};

/// One line of a recommended or agreed package of equipment.
struct PackageItem {
    QString code; ///< equipment_type code
    int qty = 1;
    QString reason;
    bool agreed = true; ///< the householder agreed to have it fitted

    bool operator==(const PackageItem &) const = default;
};

/// One household on an officer's round, with what the round needs about its visits.
struct RoundEntry {
    HouseholdSummary household;
    QDateTime nextRevisitAt; ///< the revisit still to be made (invalid when none)
    bool revisitDue = false; ///< nextRevisitAt is today or overdue
    std::optional<VisitOutcome> lastOutcome;
    QDateTime lastVisitAt;
};

/// A household status change that goes with a doorstep record: the status the rules were
/// checked against and the steps to take from it (each one audited).
struct StatusMove {
    HouseholdStatus from = HouseholdStatus::Identified;
    QList<HouseholdStatus> steps;

    bool isEmpty() const { return steps.isEmpty(); }
};

/// Stored names (the schema's CHECK values) and translated labels of the doorstep enums.
class DoorstepNames {
public:
    static QString name(VisitOutcome outcome);
    static QString name(ConsentPurpose purpose);
    static QString name(ConsentMethod method);
    static QString name(AttachmentKind kind);

    static QString label(VisitOutcome outcome);
    static QString label(ConsentPurpose purpose);
    static QString label(ConsentMethod method);

    static std::optional<VisitOutcome> visitOutcome(const QString &name);
    static std::optional<ConsentPurpose> consentPurpose(const QString &name);
    static std::optional<ConsentMethod> consentMethod(const QString &name);
    static std::optional<AttachmentKind> attachmentKind(const QString &name);

    static QList<VisitOutcome> visitOutcomes();
    static QList<ConsentPurpose> consentPurposes();
};

} // namespace saferhomes
