#include "consentservice.h"

#include "store/consentrepository.h"
#include "store/householdrepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace saferhomes {

namespace {

ConsentService::Result refuse(const QString &field, const QString &message)
{
    return ConsentService::Result {Error::invalid(message), field, {}, {}};
}

/// The database could not answer or take the change (or there is no such household).
ConsentService::Result failed(const Error &error)
{
    return ConsentService::Result {error, {}, {}, {}};
}

ConsentService::Result householdFailure(const Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        return failed(Error::notFound(ConsentService::tr("There is no such household.")));
    return failed(error);
}

/// A failed write of the consent repository, its kind kept (a lock stays Error::Locked, so
/// that the caller can say "try again").
ConsentService::Result writeFailed(const QString &context, const Error &error)
{
    return failed(error.within(context));
}

bool isPng(const QByteArray &bytes)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    return bytes.startsWith(signature);
}

} // namespace

ConsentService::ConsentService(HouseholdRepository &households, ConsentRepository &consents)
    : m_households(households)
    , m_consents(consents)
{ }

ConsentService::Result ConsentService::record(const QUuid &householdId, const Request &request)
{
    if (const auto household = m_households.summary(householdId); !household)
        return householdFailure(household.error());
    if (request.purposes.isEmpty())
        return refuse(QStringLiteral("purposes"), tr("Choose what the consent is for."));
    const QString wording = request.wordingVersion.trimmed();
    if (wording.isEmpty()) {
        return refuse(QStringLiteral("wording_version"),
                      tr("Say which version of the consent wording was shown."));
    }

    const bool refused = request.method == ConsentMethod::Refused;
    const QString witness = request.witness.trimmed();
    std::optional<Attachment> signature;
    if (request.method == ConsentMethod::VerbalWitnessed && witness.isEmpty()) {
        return refuse(QStringLiteral("witness"),
                      tr("Verbal consent needs the name of the witness."));
    }
    if (request.method == ConsentMethod::Signature) {
        if (request.signaturePng.isEmpty())
            return refuse(QStringLiteral("signature"), tr("Signature consent needs a signature."));
        if (!isPng(request.signaturePng))
            return refuse(QStringLiteral("signature"), tr("The signature is not a PNG image."));
        signature = Attachment {};
        signature->householdId = householdId;
        signature->kind = AttachmentKind::Signature;
        signature->mimeType = QStringLiteral("image/png");
        signature->bytes = request.signaturePng;
    }
    if (!refused && !request.residentId.isNull()) {
        const saferhomes::Result<bool> resident
            = m_consents.isResidentOf(request.residentId, householdId);
        if (!resident)
            return failed(resident.error());
        if (!*resident) {
            return refuse(QStringLiteral("resident"),
                          tr("That person is not a resident of this household."));
        }
    }

    QList<Consent> consents;
    for (const ConsentPurpose purpose : request.purposes) {
        if (std::any_of(consents.cbegin(), consents.cend(),
                        [purpose](const Consent &c) { return c.purpose == purpose; }))
            continue;
        Consent consent;
        consent.householdId = householdId;
        consent.purpose = purpose;
        consent.wordingVersion = wording;
        consent.method = request.method;
        // A refusal keeps no personal details, whatever the form still held.
        if (!refused) {
            consent.residentId = request.residentId;
            consent.witness = witness;
        }
        consents.append(consent);
    }
    const auto saved = m_consents.insert(consents, signature);
    if (!saved)
        return writeFailed(tr("The consent was not saved"), saved.error());
    Result result;
    result.consents = *saved;
    if (signature && !saved->isEmpty()) {
        const auto stored = m_consents.attachment(saved->constFirst().signatureAttachmentId);
        if (!stored) {
            return failed(
                stored.error().within(tr("The consent was saved, but its signature cannot be "
                                         "read")));
        }
        result.attachment = *stored;
    }
    return result;
}

ConsentService::Result ConsentService::withdraw(const QUuid &householdId, ConsentPurpose purpose)
{
    const saferhomes::Result<std::optional<Consent>> latest
        = m_consents.latest(householdId, purpose);
    if (!latest)
        return failed(latest.error());
    std::optional<Consent> consent = *latest;
    if (!consent || !consent->isActive()) {
        return refuse(QStringLiteral("purpose"),
                      tr("There is no consent for %1 to withdraw.")
                          .arg(DoorstepNames::label(purpose).toLower()));
    }
    const saferhomes::Result<QDateTime> at = m_consents.withdraw(consent->id);
    if (!at)
        return writeFailed(tr("The withdrawal was not saved"), at.error());
    consent->withdrawnAt = *at;
    Result result;
    result.consents.append(*consent);
    return result;
}

saferhomes::Result<bool> ConsentService::hasConsent(const QUuid &householdId,
                                                    ConsentPurpose purpose) const
{
    const saferhomes::Result<std::optional<Consent>> consent
        = m_consents.latest(householdId, purpose);
    if (!consent)
        return consent.error();
    return *consent && (*consent)->isActive();
}

saferhomes::Result<std::optional<Consent>> ConsentService::current(const QUuid &householdId,
                                                                   ConsentPurpose purpose) const
{
    return m_consents.latest(householdId, purpose);
}

saferhomes::Result<QList<Consent>> ConsentService::history(const QUuid &householdId) const
{
    return m_consents.consents(householdId);
}

ConsentService::Result ConsentService::addPhoto(const QUuid &householdId, const QByteArray &bytes,
                                                const QString &mimeType)
{
    if (const auto household = m_households.summary(householdId); !household)
        return householdFailure(household.error());
    if (bytes.isEmpty())
        return refuse(QStringLiteral("bytes"), tr("The photo is empty."));
    if (!mimeType.startsWith(QStringLiteral("image/")))
        return refuse(QStringLiteral("mime_type"), tr("A photo must be an image."));
    const saferhomes::Result<bool> allowed = hasConsent(householdId, ConsentPurpose::Photos);
    if (!allowed)
        return failed(allowed.error());
    if (!*allowed) {
        return refuse(QStringLiteral("consent"),
                      tr("The household has not consented to photos, or has withdrawn its "
                         "consent: no photo can be taken."));
    }
    Attachment photo;
    photo.householdId = householdId;
    photo.kind = AttachmentKind::Photo;
    photo.mimeType = mimeType;
    photo.bytes = bytes;
    const saferhomes::Result<Attachment> saved
        = m_consents.insertAttachment(photo, ConsentPurpose::Photos);
    if (!saved)
        return writeFailed(tr("The photo was not saved"), saved.error());
    Result result;
    result.attachment = *saved;
    return result;
}

saferhomes::Result<QList<Attachment>> ConsentService::photos(const QUuid &householdId) const
{
    return m_consents.attachments(householdId, AttachmentKind::Photo);
}

saferhomes::Result<Attachment> ConsentService::attachment(const QUuid &id) const
{
    return m_consents.attachment(id);
}

} // namespace saferhomes
