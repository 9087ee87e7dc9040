#pragma once

#include "preparedcache.h"
#include "repository.h"

#include "domain/visit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

class Database;

/// Reads and writes consent decisions and attachments in the local database; every write is
/// one transaction together with its audit events.
class ConsentRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(ConsentRepository)

public:
    ConsentRepository(const Database &database, QString userName);

    /// Writes \a consents (recorded by this repository's user; ids and times filled in when
    /// missing) and, when given, the \a signature they refer to, in one audited transaction.
    /// The signature's id, hash, household and time are filled in here too.
    std::optional<QList<Consent>> insert(QList<Consent> consents,
                                         std::optional<Attachment> signature = std::nullopt);

    /// Marks consent \a consentId withdrawn now (audited) and returns when; fails when it is a
    /// refusal or already withdrawn.
    std::optional<QDateTime> withdraw(const QUuid &consentId);

    /// The household's latest decision about \a purpose, if any: the one that counts.
    std::optional<Consent> latest(const QUuid &householdId, ConsentPurpose purpose) const;
    /// Every decision of a household, newest first.
    QList<Consent> consents(const QUuid &householdId) const;
    /// Whether \a residentId is a resident of \a householdId.
    bool isResidentOf(const QUuid &residentId, const QUuid &householdId) const;

    /// Writes \a attachment (id, hash and time filled in; audited). With \a requiredConsent,
    /// only while the household's latest decision about that purpose is an active consent,
    /// checked inside the transaction so a withdrawal cannot slip in between.
    std::optional<Attachment> insertAttachment(Attachment attachment,
                                               std::optional<ConsentPurpose> requiredConsent
                                               = std::nullopt);
    std::optional<Attachment> attachment(const QUuid &id) const;
    /// A household's attachments of one kind, oldest first.
    QList<Attachment> attachments(const QUuid &householdId, AttachmentKind kind) const;

private:
    PreparedCache m_prepared; ///< the writes' statements, prepared once
};

} // namespace saferhomes
