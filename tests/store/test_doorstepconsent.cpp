// Doorstep consent: per purpose, the signature and its hash, what each method
// needs, withdrawal, and a refusal that holds nothing personal.

#include "doorstepfixture.h"

#include "store/auditlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlQuery>

using namespace saferhomes;
using saferhomes::test::DoorstepFixture;
using saferhomes::test::kPng;
using saferhomes::test::must;
using saferhomes::test::text;

using DoorstepConsentTest = DoorstepFixture;

TEST_F(DoorstepConsentTest, ConsentIsPerPurpose)
{
    QUuid resident;
    const QUuid id = addHousehold(text("1 Mill Lane"), HouseholdStatus::Contacted,
                                  text("Melton Town Centre"), text("Ann Patel"), &resident);
    auto result = consents().record(id,
                                    {{ConsentPurpose::SurveyFitting, ConsentPurpose::Photos},
                                     text("wording-2024-1"),
                                     ConsentMethod::Signature,
                                     resident,
                                     {},
                                     kPng});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    ASSERT_EQ(result.consents.size(), 2);
    EXPECT_TRUE(must(consents().hasConsent(id, ConsentPurpose::SurveyFitting)));
    EXPECT_TRUE(must(consents().hasConsent(id, ConsentPurpose::Photos)));
    EXPECT_FALSE(must(consents().hasConsent(id, ConsentPurpose::PartnerSharing)));
    EXPECT_FALSE(must(consents().hasConsent(id, ConsentPurpose::Evaluation)));

    result = consents().record(id,
                               {{ConsentPurpose::Evaluation},
                                text("wording-2024-1"),
                                ConsentMethod::VerbalWitnessed,
                                resident,
                                text("PC Jane Doe"),
                                {}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_TRUE(must(consents().hasConsent(id, ConsentPurpose::Evaluation)));
    const auto evaluation = must(consents().current(id, ConsentPurpose::Evaluation));
    ASSERT_TRUE(evaluation);
    EXPECT_EQ(evaluation->witness, text("PC Jane Doe"));
    EXPECT_EQ(evaluation->wordingVersion, text("wording-2024-1"));
    EXPECT_EQ(evaluation->recordedBy, text("tester"));
    EXPECT_EQ(evaluation->residentId, resident);
    EXPECT_EQ(must(consents().history(id)).size(), 3);
    EXPECT_EQ(count(QStringLiteral("consent")), 3);

    // Each consent row is audited.
    for (const Consent &consent : must(consents().history(id))) {
        EXPECT_EQ(AuditLog::history(m_database.connectionName(), QStringLiteral("consent"),
                                    idText(consent.id))
                      .size(),
                  1);
    }
}

TEST_F(DoorstepConsentTest, TheSignatureIsStoredWithItsSha256)
{
    EXPECT_EQ(Attachment::sha256Hex("abc"),
              text("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const QUuid id = addHousehold(text("3 Mill Lane"));
    const auto result
        = consents().record(id,
                            {{ConsentPurpose::SurveyFitting, ConsentPurpose::Evaluation},
                             text("v1"),
                             ConsentMethod::Signature,
                             {},
                             {},
                             kPng});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    const QUuid signature = result.consents[0].signatureAttachmentId;
    ASSERT_FALSE(signature.isNull());
    EXPECT_EQ(result.consents[1].signatureAttachmentId, signature); // one signature, two purposes
    EXPECT_EQ(count(QStringLiteral("attachment")), 1);

    const auto stored = consents().attachment(signature);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->bytes, kPng);
    EXPECT_EQ(stored->kind, AttachmentKind::Signature);
    EXPECT_EQ(stored->mimeType, text("image/png"));
    EXPECT_EQ(
        stored->sha256,
        QString::fromLatin1(QCryptographicHash::hash(kPng, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT sha256 FROM attachment WHERE id = ?"), {idText(signature)})
            .toString(),
        stored->sha256);
}

TEST_F(DoorstepConsentTest, WhatEachMethodNeeds)
{
    QUuid resident;
    const QUuid id = addHousehold(text("5 Mill Lane"), HouseholdStatus::Identified,
                                  text("Melton Town Centre"), text("Sam Jones"), &resident);
    const QUuid elsewhere = addHousehold(text("7 Mill Lane"));
    const auto refused = [&](const ConsentService::Request &request, const char *field) {
        const auto result = consents().record(id, request);
        EXPECT_FALSE(result.ok());
        EXPECT_EQ(result.field, text(field)) << qPrintable(result.errorString());
    };
    refused(
        {{ConsentPurpose::Photos}, text("v1"), ConsentMethod::VerbalWitnessed, {}, text(" "), {}},
        "witness");
    refused({{ConsentPurpose::Photos}, text("v1"), ConsentMethod::Signature, {}, {}, {}},
            "signature");
    refused({{ConsentPurpose::Photos},
             text("v1"),
             ConsentMethod::Signature,
             {},
             {},
             QByteArray("GIF89a")},
            "signature");
    refused({{ConsentPurpose::Photos}, {}, ConsentMethod::Signature, {}, {}, kPng},
            "wording_version");
    refused({{}, text("v1"), ConsentMethod::Signature, {}, {}, kPng}, "purposes");
    QUuid otherResident;
    addHousehold(text("9 Mill Lane"), HouseholdStatus::Identified, text("Melton Town Centre"),
                 text("Other Person"), &otherResident);
    refused({{ConsentPurpose::Photos},
             text("v1"),
             ConsentMethod::VerbalWitnessed,
             otherResident,
             text("PC Jane Doe"),
             {}},
            "resident");
    EXPECT_EQ(count(QStringLiteral("consent")), 0);
    EXPECT_EQ(count(QStringLiteral("attachment")), 0);
    EXPECT_FALSE(must(consents().hasConsent(elsewhere, ConsentPurpose::Photos)));
}

TEST_F(DoorstepConsentTest, WithdrawalIsHonoured)
{
    const QUuid id = addHousehold(text("11 Mill Lane"));
    ASSERT_TRUE(consents()
                    .record(id,
                            {{ConsentPurpose::Photos},
                             text("v1"),
                             ConsentMethod::VerbalWitnessed,
                             {},
                             text("PC Jane Doe"),
                             {}})
                    .ok());
    const QByteArray jpeg("\xff\xd8\xff\xe0 front door");
    auto photo = consents().addPhoto(id, jpeg, text("image/jpeg"));
    ASSERT_TRUE(photo.ok()) << qPrintable(photo.errorString());
    EXPECT_EQ(photo.attachment.sha256, Attachment::sha256Hex(jpeg));
    EXPECT_EQ(AuditLog::history(m_database.connectionName(), QStringLiteral("attachment"),
                                idText(photo.attachment.id))
                  .size(),
              1);

    const auto withdrawn = consents().withdraw(id, ConsentPurpose::Photos);
    ASSERT_TRUE(withdrawn.ok()) << qPrintable(withdrawn.errorString());
    EXPECT_FALSE(must(consents().hasConsent(id, ConsentPurpose::Photos)));
    const Consent consent = withdrawn.consents.constFirst();
    EXPECT_TRUE(consent.withdrawnAt.isValid());
    EXPECT_FALSE(scalar(QStringLiteral("SELECT withdrawn_at FROM consent WHERE id = ?"),
                        {idText(consent.id)})
                     .isNull());
    const QList<AuditEvent> events = AuditLog::history(
        m_database.connectionName(), QStringLiteral("consent"), idText(consent.id));
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[1].field, text("withdrawn_at"));

    // No photos after withdrawal, and nothing more to withdraw.
    photo = consents().addPhoto(id, jpeg, text("image/jpeg"));
    EXPECT_FALSE(photo.ok());
    EXPECT_EQ(photo.field, text("consent"));
    EXPECT_EQ(must(consents().photos(id)).size(), 1);
    EXPECT_FALSE(consents().withdraw(id, ConsentPurpose::Photos).ok());

    // Consent given again later is the latest decision, so it counts.
    ASSERT_TRUE(
        consents()
            .record(id,
                    {{ConsentPurpose::Photos}, text("v2"), ConsentMethod::Signature, {}, {}, kPng})
            .ok());
    EXPECT_TRUE(must(consents().hasConsent(id, ConsentPurpose::Photos)));
    EXPECT_TRUE(consents().addPhoto(id, jpeg, text("image/jpeg")).ok());
}

TEST_F(DoorstepConsentTest, NoPhotoWithoutConsent)
{
    const QUuid id = addHousehold(text("13 Mill Lane"));
    EXPECT_FALSE(consents().addPhoto(id, QByteArray("jpeg"), text("image/jpeg")).ok());
    ASSERT_TRUE(
        consents()
            .record(id, {{ConsentPurpose::Photos}, text("v1"), ConsentMethod::Refused, {}, {}, {}})
            .ok());
    EXPECT_FALSE(consents().addPhoto(id, QByteArray("jpeg"), text("image/jpeg")).ok());
    EXPECT_EQ(count(QStringLiteral("attachment")), 0);
}

TEST_F(DoorstepConsentTest, ARefusalHoldsNothingPersonal)
{
    QUuid resident;
    const QUuid id = addHousehold(text("15 Mill Lane"), HouseholdStatus::Contacted,
                                  text("Melton Town Centre"), text("Ann Patel"), &resident);
    ASSERT_TRUE(consents()
                    .record(id,
                            {{ConsentPurpose::PartnerSharing},
                             text("v1"),
                             ConsentMethod::Signature,
                             resident,
                             {},
                             kPng})
                    .ok());
    const int attachments = count(QStringLiteral("attachment"));

    // The form still holds a resident, a witness and a signature: none of it may be kept.
    const auto result
        = consents().record(id,
                            {{ConsentPurpose::PartnerSharing, ConsentPurpose::Evaluation},
                             text("v1"),
                             ConsentMethod::Refused,
                             resident,
                             text("Jane Witness"),
                             kPng});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_FALSE(must(consents().hasConsent(id, ConsentPurpose::PartnerSharing))); // latest wins
    EXPECT_FALSE(must(consents().hasConsent(id, ConsentPurpose::Evaluation)));
    EXPECT_EQ(count(QStringLiteral("attachment")), attachments);
    for (const Consent &consent : result.consents) {
        QSqlQuery row(m_database.connection());
        row.prepare(QStringLiteral("SELECT resident_id, witness, signature_attachment_id, method "
                                   "FROM consent WHERE id = ?"));
        row.addBindValue(idText(consent.id));
        ASSERT_TRUE(row.exec() && row.next());
        EXPECT_TRUE(row.value(0).isNull());
        EXPECT_EQ(row.value(1).toString(), QString());
        EXPECT_TRUE(row.value(2).isNull());
        EXPECT_EQ(row.value(3).toString(), text("refused"));
    }
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM audit_event WHERE old_value LIKE ? "
                                    "OR new_value LIKE ? OR new_value LIKE ?"),
                     {text("%Jane%"), text("%Jane%"),
                      QStringLiteral("%") + idText(resident) + QStringLiteral("%")})
                  .toInt(),
              0);
    // Nor can a refusal be "withdrawn".
    EXPECT_FALSE(consents().withdraw(id, ConsentPurpose::Evaluation).ok());
}

TEST_F(DoorstepConsentTest, AConsentUnderAHeldLockIsLockedNamesTheFileAndWritesNothing)
{
    const QUuid id = addHousehold(text("14 Mill Lane"));
    const int auditBefore = count(QStringLiteral("audit_event"));
    Database other(QStringLiteral("other-program"));
    ASSERT_TRUE(other.open(m_path));
    QSqlQuery lock(other.connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    ASSERT_TRUE(
        lock.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

    Consent consent;
    consent.householdId = id;
    consent.purpose = ConsentPurpose::Evaluation;
    consent.wordingVersion = text("v1");
    consent.method = ConsentMethod::VerbalWitnessed;
    consent.witness = text("PC Jane Doe");
    const Result<QList<Consent>> saved = m_doorstep->consentStore.insert({consent});
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().kind, Error::Kind::Locked) << qPrintable(saved.errorString());
    EXPECT_EQ(saved.errorString(),
              QDir::toNativeSeparators(m_path)
                  + text(": cannot write the consent: database is "
                         "locked"));

    // Through the service the kind survives, with what was not saved in front.
    const auto recorded = consents().record(id,
                                            {{ConsentPurpose::Evaluation},
                                             text("v1"),
                                             ConsentMethod::VerbalWitnessed,
                                             {},
                                             text("PC Jane Doe"),
                                             {}});
    ASSERT_FALSE(recorded.ok());
    EXPECT_EQ(recorded.status.error().kind, Error::Kind::Locked);
    EXPECT_EQ(recorded.errorString(),
              text("The consent was not saved: ") + QDir::toNativeSeparators(m_path)
                  + text(": cannot write the consent: database is locked"));

    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    EXPECT_EQ(count(QStringLiteral("consent")), 0);
    EXPECT_EQ(count(QStringLiteral("audit_event")), auditBefore);
}
