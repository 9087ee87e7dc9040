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
/// consent is active. \a writeError makes a failed statement's Error (it names the file).
template<typename WriteError>
Status writeAttachment(const QString &connectionName, AuditLog &audit, Attachment &attachment,
                       std::optional<ConsentPurpose> required, const QString &now,
                       const WriteError &writeError)
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
        return writeError(ConsentRepository::tr("the attachment"), query.lastError());
    if (required && query.numRowsAffected() != 1) {
        return Error::invalid(ConsentRepository::tr("the household has not consented to %1")
                                  .arg(DoorstepNames::label(*required).toLower()));
    }
    return audit.record(QStringLiteral("attachment"), id, QStringLiteral("created"), {},
                        DoorstepNames::name(attachment.kind), now);
}

} // namespace

ConsentRepository::ConsentRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<QList<Consent>> ConsentRepository::insert(QList<Consent> consents,
                                                 std::optional<Attachment> signature)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the consent"), db.lastError());
    const auto rollback = [&](const Error &error) -> Result<QList<Consent>> {
        db.rollback();
        return error;
    };
    const auto sqlError = [this](const QString &what, const QSqlError &error) {
        return writeError(what, error);
    };

    const QString now = storeTimestamp();
    const QDateTime nowTime = QDateTime::fromString(now, Qt::ISODateWithMs);
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (signature) {
        if (signature->id.isNull())
            signature->id = QUuid::createUuid();
        signature->kind = AttachmentKind::Signature;
        signature->sha256 = Attachment::sha256Hex(signature->bytes);
        signature->createdAt = nowTime;
        signature->by = m_userName;
        const Status written
            = writeAttachment(m_connectionName, audit, *signature, {}, now, sqlError);
        if (!written)
            return rollback(written.error());
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
            return rollback(writeError(tr("the consent"), query.lastError()));
        // Purpose and method only: the audit trail must not copy a name a refusal left out.
        const QString decision = DoorstepNames::name(consent.purpose) + QLatin1Char('/')
            + DoorstepNames::name(consent.method);
        if (const Status audited = audit.record(QStringLiteral("consent"), id,
                                                QStringLiteral("created"), {}, decision, now);
            !audited)
            return rollback(audited.error());
    }
    if (!db.commit())
        return rollback(writeError(tr("the consent"), db.lastError()));
    return consents;
}

Result<QDateTime> ConsentRepository::withdraw(const QUuid &consentId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the withdrawal"), db.lastError());
    const auto rollback = [&](const Error &error) -> Result<QDateTime> {
        db.rollback();
        return error;
    };
    const QString now = storeTimestamp();
    const QString id = uuidText(consentId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE consent SET withdrawn_at = ? WHERE id = ? "
                                 "AND withdrawn_at IS NULL AND method <> 'refused'"));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return rollback(writeError(tr("the withdrawal"), query.lastError()));
    if (query.numRowsAffected() != 1)
        return rollback(Error::invalid(tr("there is no consent in force to withdraw")));
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status audited
        = audit.record(QStringLiteral("consent"), id, QStringLiteral("withdrawn_at"), {}, now, now);
        !audited)
        return rollback(audited.error());
    if (!db.commit())
        return rollback(writeError(tr("the withdrawal"), db.lastError()));
    return QDateTime::fromString(now, Qt::ISODateWithMs);
}

Result<std::optional<Consent>> ConsentRepository::latest(const QUuid &householdId,
                                                         ConsentPurpose purpose) const
{
    static const QString sql = kConsentSelect
        + QStringLiteral("WHERE household_id = ? AND purpose = ? "
                         "ORDER BY given_at DESC, rowid DESC LIMIT 1");
    const PreparedCache::Read read = m_prepared.read(m_connectionName, sql);
    QSqlQuery &query = read.query;
    if (!read.prepared)
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
    const PreparedCache::Read read = m_prepared.read(
        m_connectionName,
        QStringLiteral("SELECT 1 FROM resident WHERE id = ? AND household_id = ?"));
    QSqlQuery &query = read.query;
    if (!read.prepared)
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

Result<Attachment>
ConsentRepository::insertAttachment(Attachment attachment,
                                    std::optional<ConsentPurpose> requiredConsent)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the attachment"), db.lastError());
    const QString now = storeTimestamp();
    if (attachment.id.isNull())
        attachment.id = QUuid::createUuid();
    attachment.sha256 = Attachment::sha256Hex(attachment.bytes);
    attachment.createdAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    attachment.by = m_userName;
    AuditLog audit(m_connectionName, m_userName, m_device);
    const Status written = writeAttachment(
        m_connectionName, audit, attachment, requiredConsent, now,
        [this](const QString &what, const QSqlError &error) { return writeError(what, error); });
    if (!written) {
        db.rollback();
        return written.error();
    }
    if (!db.commit()) {
        const Error error = writeError(tr("the attachment"), db.lastError());
        db.rollback();
        return error;
    }
    return attachment;
}

Result<Attachment> ConsentRepository::attachment(const QUuid &id) const
{
    static const QString sql = kAttachmentSelect + QStringLiteral("WHERE id = ?");
    const PreparedCache::Read read = m_prepared.read(m_connectionName, sql);
    QSqlQuery &query = read.query;
    if (!read.prepared)
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
