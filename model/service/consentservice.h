#pragma once

#include "domain/result.h"
#include "domain/visit.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

class ConsentRepository;
class HouseholdRepository;

/// Records consent per purpose by the rules (wording version, signature or named witness,
/// refusals without personal details), honours withdrawal, and keeps photos to households
/// that allow them.
class ConsentService {
    Q_DECLARE_TR_FUNCTIONS(ConsentService)

public:
    /// One decision, taken at the door, for one or more purposes.
    struct Request {
        QList<ConsentPurpose> purposes;
        QString wordingVersion; ///< the version of the wording shown (required)
        ConsentMethod method = ConsentMethod::Signature;
        QUuid residentId; ///< who decided, when known (must live in the household)
        QString witness; ///< required for verbal consent; optional with a signature
        QByteArray signaturePng; ///< the signature as PNG bytes (signature method)
    };

    struct Result {
        /// Why nothing was saved: Error::Invalid for a refused request (the message says
        /// why), Error::NotFound for no such household, Error::Database or Error::Locked when
        /// the database could not be read or written.
        Status status;
        QString field; ///< the request field the error is about, if any
        QList<Consent> consents; ///< the consents recorded or withdrawn
        Attachment attachment; ///< the signature or photo saved, if any
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    ConsentService(HouseholdRepository &households, ConsentRepository &consents);

    /// Records \a request, one consent row per purpose sharing one signature attachment
    /// (SHA-256 computed here), in one audited transaction. A refusal is stored without
    /// personal details: any resident, witness or signature in the request is not kept.
    Result record(const QUuid &householdId, const Request &request);

    /// Withdraws the household's consent for \a purpose now (audited).
    Result withdraw(const QUuid &householdId, ConsentPurpose purpose);

    // The reads below fail when the database cannot answer: a failed read is never taken
    // for "no consent".

    /// Whether the household's latest decision about \a purpose is consent not withdrawn.
    saferhomes::Result<bool> hasConsent(const QUuid &householdId, ConsentPurpose purpose) const;
    /// The household's latest decision about \a purpose, if any.
    saferhomes::Result<std::optional<Consent>> current(const QUuid &householdId,
                                                       ConsentPurpose purpose) const;
    /// Every decision of the household, newest first.
    saferhomes::Result<QList<Consent>> history(const QUuid &householdId) const;

    /// Stores a photo (bytes as taken, an `image/...` \a mimeType) of the household; refused
    /// unless the household consents to photos.
    Result addPhoto(const QUuid &householdId, const QByteArray &bytes, const QString &mimeType);
    /// The household's photos, oldest first.
    saferhomes::Result<QList<Attachment>> photos(const QUuid &householdId) const;
    /// One attachment; Error::NotFound when there is none with \a id.
    saferhomes::Result<Attachment> attachment(const QUuid &id) const;

private:
    HouseholdRepository &m_households;
    ConsentRepository &m_consents;
};

} // namespace saferhomes
