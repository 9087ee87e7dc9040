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
    /// A failed write names the file ("PATH: cannot write the consent: SQLite's message"),
    /// Error::Locked when another program holds the lock.
    Result<QList<Consent>> insert(QList<Consent> consents,
                                  std::optional<Attachment> signature = std::nullopt);

    /// Marks consent \a consentId withdrawn now (audited) and returns when; Error::Invalid when
    /// it is a refusal or already withdrawn.
    Result<QDateTime> withdraw(const QUuid &consentId);

    // Reads return the failure when the database cannot answer (a missing table, a damaged
    // file, a lock held by another program): "PATH: cannot read WHAT: SQLite's message".

    /// The household's latest decision about \a purpose, if any: the one that counts.
    Result<std::optional<Consent>> latest(const QUuid &householdId, ConsentPurpose purpose) const;
    /// Every decision of a household, newest first.
    Result<QList<Consent>> consents(const QUuid &householdId) const;
    /// Whether \a residentId is a resident of \a householdId.
    Result<bool> isResidentOf(const QUuid &residentId, const QUuid &householdId) const;

    /// Writes \a attachment (id, hash and time filled in; audited). With \a requiredConsent,
    /// only while the household's latest decision about that purpose is an active consent,
    /// checked inside the transaction so a withdrawal cannot slip in between (Error::Invalid
    /// when it is not).
    Result<Attachment> insertAttachment(Attachment attachment,
                                        std::optional<ConsentPurpose> requiredConsent
                                        = std::nullopt);
    /// One attachment; Error::NotFound when there is none with \a id.
    Result<Attachment> attachment(const QUuid &id) const;
    /// A household's attachments of one kind, oldest first.
    Result<QList<Attachment>> attachments(const QUuid &householdId, AttachmentKind kind) const;

private:
    /// The statements of writes and of the reads the doorstep makes on every step, prepared
    /// once (reads keep no cursor open: PreparedCache::read()).
    mutable PreparedCache m_prepared;
};

} // namespace saferhomes
