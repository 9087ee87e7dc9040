#include "consentrepository.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

namespace {

const QString kConsentSelect = QStringLiteral(
    "SELECT id, household_id, resident_id, purpose, wording_version, method, witness, "
    "signature_attachment_id, recorded_by, given_at, withdrawn_at FROM consent ");

Consent readConsent(const QSqlQuery &query)
{
    Consent consent;
    consent.id = readId(query.value(0));
    consent.householdId = readId(query.value(1));
    consent.residentId = readId(query.value(2));
    consent.purpose = DoorstepNames::consentPurpose(query.value(3).toString())
                          .value_or(ConsentPurpose::SurveyFitting);
    consent.wordingVersion = query.value(4).toString();
    // An unknown method is read as a refusal: never as consent that was not given.
    consent.method
        = DoorstepNames::consentMethod(query.value(5).toString()).value_or(ConsentMethod::Refused);
    consent.witness = query.value(6).toString();
    consent.signatureAttachmentId = readId(query.value(7));
    consent.recordedBy = query.value(8).toString();
    consent.givenAt = readTime(query.value(9));
    consent.withdrawnAt = readTime(query.value(10));
    return consent;
}

const QString kAttachmentSelect
    = QStringLiteral("SELECT id, household_id, kind, mime_type, sha256, bytes, created_at, by_user "
                     "FROM attachment ");

Attachment readAttachment(const QSqlQuery &query)
{
    Attachment attachment;
    attachment.id = readId(query.value(0));
    attachment.householdId = readId(query.value(1));
    attachment.kind = DoorstepNames::attachmentKind(query.value(2).toString())
                          .value_or(AttachmentKind::Document);
    attachment.mimeType = query.value(3).toString();
    attachment.sha256 = query.value(4).toString();
    attachment.bytes = query.value(5).toByteArray();
    attachment.createdAt = readTime(query.value(6));
    attachment.by = query.value(7).toString();
    return attachment;
}

/// Inserts \a attachment inside the caller's transaction; with \a required, only while that
/// consent is active. Returns an error message, empty on success.
QString writeAttachment(const QString &connectionName, AuditLog &audit, Attachment &attachment,
                        std::optional<ConsentPurpose> required, const QString &now)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    QString sql = QStringLiteral(
        "INSERT INTO attachment (id, household_id, kind, mime_type, sha256, bytes, created_at, "
        "by_user) SELECT ?, ?, ?, ?, ?, ?, ?, ?");
    if (required) {
        sql += QStringLiteral(
            " WHERE coalesce((SELECT method <> 'refused' AND withdrawn_at IS NULL FROM consent "
            "WHERE household_id = ? AND purpose = ? ORDER BY given_at DESC, rowid DESC "
            "LIMIT 1), 0)");
    }
    query.prepare(sql);
    const QString id = uuidText(attachment.id);
    query.addBindValue(id);
    query.addBindValue(uuidText(attachment.householdId));
    query.addBindValue(DoorstepNames::name(attachment.kind));
    query.addBindValue(notNull(attachment.mimeType));
    query.addBindValue(attachment.sha256);
    // A null QByteArray would bind as NULL; the column needs bytes, even none.
    query.addBindValue(attachment.bytes.isNull() ? QByteArray("") : attachment.bytes);
    query.addBindValue(attachment.createdAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(notNull(attachment.by));
    if (required) {
        query.addBindValue(uuidText(attachment.householdId));
        query.addBindValue(DoorstepNames::name(*required));
    }
    if (!query.exec())
        return ConsentRepository::tr("the attachment was not saved: %1")
            .arg(query.lastError().text());
    if (required && query.numRowsAffected() != 1) {
        return ConsentRepository::tr("the household has not consented to %1")
            .arg(DoorstepNames::label(*required).toLower());
    }
    if (!audit.record(QStringLiteral("attachment"), id, QStringLiteral("created"), {},
                      DoorstepNames::name(attachment.kind), now))
        return audit.errorString();
    return {};
}

} // namespace

ConsentRepository::ConsentRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

std::optional<QList<Consent>> ConsentRepository::insert(QList<Consent> consents,
                                                        std::optional<Attachment> signature)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        fail(db.lastError().text());
        return std::nullopt;
    }
    const auto rollback = [&](const QString &message) -> std::optional<QList<Consent>> {
        db.rollback();
        fail(message);
        return std::nullopt;
    };

    const QString now = storeTimestamp();
    const QDateTime nowTime = QDateTime::fromString(now, Qt::ISODateWithMs);
    AuditLog audit(m_prepared, m_connectionName, m_userName, m_device);
    if (signature) {
        if (signature->id.isNull())
            signature->id = QUuid::createUuid();
        signature->kind = AttachmentKind::Signature;
        signature->sha256 = Attachment::sha256Hex(signature->bytes);
        signature->createdAt = nowTime;
        signature->by = m_userName;
        const QString error = writeAttachment(m_connectionName, audit, *signature, {}, now);
        if (!error.isEmpty())
            return rollback(error);
    }

    QSqlQuery &query = m_prepared
                           .statement(m_connectionName,
                                      QStringLiteral("INSERT INTO consent (id, household_id, "
                                                     "resident_id, purpose, wording_version, "
                                                     "method, witness, signature_attachment_id, "
                                                     "recorded_by, given_at, withdrawn_at) VALUES "
                                                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                           .query;
    for (Consent &consent : consents) {
        if (consent.id.isNull())
            consent.id = QUuid::createUuid();
        if (!consent.givenAt.isValid())
            consent.givenAt = nowTime;
        consent.recordedBy = m_userName;
        if (signature && consent.method == ConsentMethod::Signature)
            consent.signatureAttachmentId = signature->id;
        const QString id = uuidText(consent.id);
        query.addBindValue(id);
        query.addBindValue(uuidText(consent.householdId));
        query.addBindValue(nullableId(consent.residentId));
        query.addBindValue(DoorstepNames::name(consent.purpose));
        query.addBindValue(notNull(consent.wordingVersion));
        query.addBindValue(DoorstepNames::name(consent.method));
        query.addBindValue(notNull(consent.witness));
        query.addBindValue(nullableId(consent.signatureAttachmentId));
        query.addBindValue(notNull(consent.recordedBy));
        query.addBindValue(nullableTime(consent.givenAt));
        query.addBindValue(nullableTime(consent.withdrawnAt));
        if (!query.exec())
            return rollback(tr("the consent was not saved: %1").arg(query.lastError().text()));
        // Purpose and method only: the audit trail must not copy a name a refusal left out.
        const QString decision = DoorstepNames::name(consent.purpose) + QLatin1Char('/')
            + DoorstepNames::name(consent.method);
        if (!audit.record(QStringLiteral("consent"), id, QStringLiteral("created"), {}, decision,
                          now))
            return rollback(audit.errorString());
    }
    if (!db.commit())
        return rollback(db.lastError().text());
    return consents;
}

std::optional<QDateTime> ConsentRepository::withdraw(const QUuid &consentId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        fail(db.lastError().text());
        return std::nullopt;
    }
    const auto rollback = [&](const QString &message) -> std::optional<QDateTime> {
        db.rollback();
        fail(message);
        return std::nullopt;
    };
    const QString now = storeTimestamp();
    const QString id = uuidText(consentId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE consent SET withdrawn_at = ? WHERE id = ? "
                                 "AND withdrawn_at IS NULL AND method <> 'refused'"));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return rollback(query.lastError().text());
    if (query.numRowsAffected() != 1)
        return rollback(tr("there is no consent in force to withdraw"));
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (!audit.record(QStringLiteral("consent"), id, QStringLiteral("withdrawn_at"), {}, now, now))
        return rollback(audit.errorString());
    if (!db.commit())
        return rollback(db.lastError().text());
    return QDateTime::fromString(now, Qt::ISODateWithMs);
}

Result<std::optional<Consent>> ConsentRepository::latest(const QUuid &householdId,
                                                         ConsentPurpose purpose) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(kConsentSelect
                       + QStringLiteral("WHERE household_id = ? AND purpose = ? "
                                        "ORDER BY given_at DESC, rowid DESC LIMIT 1")))
        return readError(tr("the consent"), query.lastError());
    query.addBindValue(uuidText(householdId));
    query.addBindValue(DoorstepNames::name(purpose));
    if (!query.exec())
        return readError(tr("the consent"), query.lastError());
    if (query.next())
        return std::optional<Consent>(readConsent(query));
    if (query.lastError().isValid())
        return readError(tr("the consent"), query.lastError());
    return std::optional<Consent>();
}

Result<QList<Consent>> ConsentRepository::consents(const QUuid &householdId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(
            kConsentSelect
            + QStringLiteral("WHERE household_id = ? ORDER BY given_at DESC, rowid DESC")))
        return readError(tr("the consents"), query.lastError());
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the consents"), query.lastError());
    QList<Consent> result;
    while (query.next())
        result.append(readConsent(query));
    if (query.lastError().isValid())
        return readError(tr("the consents"), query.lastError());
    return result;
}

Result<bool> ConsentRepository::isResidentOf(const QUuid &residentId,
                                             const QUuid &householdId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(QStringLiteral("SELECT 1 FROM resident WHERE id = ? AND household_id = ?")))
        return readError(tr("the residents"), query.lastError());
    query.addBindValue(uuidText(residentId));
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the residents"), query.lastError());
    if (query.next())
        return true;
    if (query.lastError().isValid())
        return readError(tr("the residents"), query.lastError());
    return false;
}

std::optional<Attachment>
ConsentRepository::insertAttachment(Attachment attachment,
                                    std::optional<ConsentPurpose> requiredConsent)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        fail(db.lastError().text());
        return std::nullopt;
    }
    const QString now = storeTimestamp();
    if (attachment.id.isNull())
        attachment.id = QUuid::createUuid();
    attachment.sha256 = Attachment::sha256Hex(attachment.bytes);
    attachment.createdAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    attachment.by = m_userName;
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString error
        = writeAttachment(m_connectionName, audit, attachment, requiredConsent, now);
    if (!error.isEmpty() || !db.commit()) {
        fail(error.isEmpty() ? db.lastError().text() : error);
        db.rollback();
        return std::nullopt;
    }
    return attachment;
}

Result<Attachment> ConsentRepository::attachment(const QUuid &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(kAttachmentSelect + QStringLiteral("WHERE id = ?")))
        return readError(tr("the attachment"), query.lastError());
    query.addBindValue(uuidText(id));
    if (!query.exec())
        return readError(tr("the attachment"), query.lastError());
    if (query.next())
        return readAttachment(query);
    if (query.lastError().isValid())
        return readError(tr("the attachment"), query.lastError());
    return Error::notFound(tr("there is no such attachment"));
}

Result<QList<Attachment>> ConsentRepository::attachments(const QUuid &householdId,
                                                         AttachmentKind kind) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(kAttachmentSelect
                       + QStringLiteral("WHERE household_id = ? AND kind = ? "
                                        "ORDER BY created_at, rowid")))
        return readError(tr("the attachments"), query.lastError());
    query.addBindValue(uuidText(householdId));
    query.addBindValue(DoorstepNames::name(kind));
    if (!query.exec())
        return readError(tr("the attachments"), query.lastError());
    QList<Attachment> result;
    while (query.next())
        result.append(readAttachment(query));
    if (query.lastError().isValid())
        return readError(tr("the attachments"), query.lastError());
    return result;
}

} // namespace saferhomes
