#include "storefixture.h"

#include "service/consentservice.h"
#include "service/surveyservice.h"
#include "service/visitservice.h"
#include "store/auditlog.h"
#include "store/consentrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <memory>

using namespace saferhomes;
using saferhomes::test::StoreFixture;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// The value of \a result; a failed read fails the test (and gives an empty value).
template<typename T> T must(Result<T> result)
{
    if (!result) {
        ADD_FAILURE() << qPrintable(result.errorString());
        return T();
    }
    return std::move(result).value();
}

const QByteArray kPng = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray("signature strokes");

/// The repositories and services of the doorstep on one open database.
struct Doorstep {
    explicit Doorstep(const Database &database)
        : households(database, QStringLiteral("tester"))
        , visitStore(database, QStringLiteral("tester"))
        , consentStore(database, QStringLiteral("tester"))
        , surveyStore(database, QStringLiteral("tester"))
        , visits(households, visitStore)
        , consents(households, consentStore)
        , surveys(households, consentStore, surveyStore)
    { }

    HouseholdRepository households;
    VisitRepository visitStore;
    ConsentRepository consentStore;
    SurveyRepository surveyStore;
    VisitService visits;
    ConsentService consents;
    SurveyService surveys;
};

/// A fresh database with the doorstep services on it and helpers to look inside.
class DoorstepFixture : public StoreFixture {
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        m_doorstep = std::make_unique<Doorstep>(m_database);
    }

    QUuid addHousehold(const QString &line1, HouseholdStatus status = HouseholdStatus::Identified,
                       const QString &area = text("Melton Town Centre"),
                       const QString &resident = {}, QUuid *residentId = nullptr)
    {
        HouseholdRecord record = household(line1, text("LE13 1AB"), resident, area);
        record.household.id = QUuid::createUuid();
        record.household.status = status;
        record.resident.id = QUuid::createUuid();
        if (residentId)
            *residentId = record.resident.id;
        EXPECT_TRUE(m_repository->insert({record})) << qPrintable(m_repository->errorString());
        return record.household.id;
    }

    HouseholdStatus status(const QUuid &id) const
    {
        return m_repository->summary(id).value().status;
    }

    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    int count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }

    QUuid areaId(const QString &name) const
    {
        const QList<Area> areas = m_repository->areas().value();
        for (const Area &area : areas) {
            if (area.name == name)
                return area.id;
        }
        return {};
    }

    void giveSurveyConsent(const QUuid &householdId)
    {
        const auto result = consents().record(
            householdId,
            {{ConsentPurpose::SurveyFitting}, text("v1"), ConsentMethod::Signature, {}, {}, kPng});
        ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    }

    void addEquipment(const QString &code)
    {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                                     "fit_minutes, skill) VALUES (?, ?, 1000, 30, 'locks')"));
        query.addBindValue(code);
        query.addBindValue(code);
        ASSERT_TRUE(query.exec());
    }

    static QString idText(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }

    VisitService &visits() { return m_doorstep->visits; }
    ConsentService &consents() { return m_doorstep->consents; }
    SurveyService &surveys() { return m_doorstep->surveys; }

    std::unique_ptr<Doorstep> m_doorstep;
};

QStringList streets(const QList<RoundEntry> &round)
{
    QStringList lines;
    for (const RoundEntry &entry : round)
        lines.append(entry.household.addressLine1);
    return lines;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Visits

using DoorstepVisitTest = DoorstepFixture;

TEST_F(DoorstepVisitTest, EachOutcomeMovesTheHouseholdAsTheFunnelSays)
{
    const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
    const struct {
        VisitOutcome outcome;
        QString reason;
        QDateTime revisitAt;
        HouseholdStatus expected;
    } cases[] = {
        {VisitOutcome::NoAnswer, {}, {}, HouseholdStatus::Identified},
        {VisitOutcome::Declined, text("has an alarm already"), {}, HouseholdStatus::Declined},
        {VisitOutcome::Accepted, {}, {}, HouseholdStatus::Contacted},
        {VisitOutcome::NotEligible, text("outside the scheme"), {}, HouseholdStatus::NotEligible},
        {VisitOutcome::RevisitRequested, {}, tomorrow, HouseholdStatus::Contacted},
        {VisitOutcome::MovedAway, {}, {}, HouseholdStatus::MovedAway},
    };
    for (const auto &c : cases) {
        const QString name = DoorstepNames::name(c.outcome);
        const QUuid id = addHousehold(QStringLiteral("1 ") + name + QStringLiteral(" Road"));
        const auto result = visits().recordVisit(id, c.outcome, c.reason, c.revisitAt,
                                                 text("spoke to the resident"));
        ASSERT_TRUE(result.ok()) << qPrintable(name + QStringLiteral(": ") + result.errorString());
        EXPECT_EQ(status(id), c.expected) << qPrintable(name);
        EXPECT_EQ(
            scalar(QStringLiteral("SELECT outcome FROM visit WHERE household_id = ?"), {idText(id)})
                .toString(),
            name);
        const QList<Visit> timeline = must(visits().timeline(id));
        ASSERT_EQ(timeline.size(), 1);
        EXPECT_EQ(timeline[0].by, text("tester"));
        EXPECT_EQ(timeline[0].reason, c.reason);
        EXPECT_EQ(timeline[0].revisitAt.isValid(), c.revisitAt.isValid());
        EXPECT_EQ(timeline[0].notes, text("spoke to the resident"));

        // The visit and the status change are audited together.
        EXPECT_EQ(AuditLog::history(m_database.connectionName(), QStringLiteral("visit"),
                                    idText(result.visit.id))
                      .size(),
                  1);
        const QList<AuditEvent> household = AuditLog::history(
            m_database.connectionName(), QStringLiteral("household"), idText(id));
        const bool moved = c.expected != HouseholdStatus::Identified;
        ASSERT_EQ(household.size(), moved ? 2 : 1) << qPrintable(name); // created (+ status)
        if (moved) {
            EXPECT_EQ(household[1].field, text("status"));
            EXPECT_EQ(household[1].oldValue.toString(), text("identified"));
            EXPECT_EQ(household[1].newValue.toString(), HouseholdStatusRules::name(c.expected));
        }
    }
}

TEST_F(DoorstepVisitTest, AgreeingLeavesAHouseholdFurtherAlongWhereItIs)
{
    const QUuid surveyed = addHousehold(text("2 Dalby Road"), HouseholdStatus::Surveyed);
    ASSERT_TRUE(visits().recordVisit(surveyed, VisitOutcome::Accepted).ok());
    EXPECT_EQ(status(surveyed), HouseholdStatus::Surveyed);

    // A household that declined and now asks for a survey is reopened.
    const QUuid declined = addHousehold(text("4 Dalby Road"), HouseholdStatus::Declined);
    ASSERT_TRUE(visits().recordVisit(declined, VisitOutcome::Accepted).ok());
    EXPECT_EQ(status(declined), HouseholdStatus::Contacted);
}

TEST_F(DoorstepVisitTest, DeclinedNeedsAReason)
{
    const QUuid id = addHousehold(text("3 Burton Road"));
    for (const QString &reason : {QString(), text("   ")}) {
        const auto result = visits().recordVisit(id, VisitOutcome::Declined, reason);
        EXPECT_FALSE(result.ok());
        EXPECT_EQ(result.field, text("reason"));
    }
    EXPECT_EQ(count(QStringLiteral("visit")), 0);
    EXPECT_EQ(status(id), HouseholdStatus::Identified);
    EXPECT_TRUE(visits().recordVisit(id, VisitOutcome::Declined, text("not interested")).ok());
}

TEST_F(DoorstepVisitTest, ARevisitNeedsATimeInTheFuture)
{
    const QUuid id = addHousehold(text("5 Burton Road"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto result = visits().recordVisit(id, VisitOutcome::RevisitRequested);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.field, text("revisit_at"));
    result = visits().recordVisit(id, VisitOutcome::RevisitRequested, {}, now.addSecs(-60));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.field, text("revisit_at"));
    // Only a requested revisit carries a time.
    result = visits().recordVisit(id, VisitOutcome::NoAnswer, {}, now.addDays(1));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(count(QStringLiteral("visit")), 0);

    const QDateTime when = now.addDays(2);
    result = visits().recordVisit(id, VisitOutcome::RevisitRequested, {}, when);
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_EQ(must(visits().timeline(id)).constFirst().revisitAt.toMSecsSinceEpoch(),
              when.toMSecsSinceEpoch());
}

TEST_F(DoorstepVisitTest, ARefusedTransitionRefusesTheVisitAndWritesNothing)
{
    const QUuid installed = addHousehold(text("7 Burton Road"), HouseholdStatus::Installed);
    const QUuid moved = addHousehold(text("9 Burton Road"), HouseholdStatus::MovedAway);
    const int audits = count(QStringLiteral("audit_event"));

    auto result = visits().recordVisit(installed, VisitOutcome::Declined, text("changed mind"));
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(text("Installed")))
        << qPrintable(result.errorString());
    result = visits().recordVisit(moved, VisitOutcome::Accepted);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(text("Moved away")))
        << qPrintable(result.errorString());

    EXPECT_EQ(count(QStringLiteral("visit")), 0);
    EXPECT_EQ(count(QStringLiteral("audit_event")), audits);
    EXPECT_EQ(status(installed), HouseholdStatus::Installed);
    EXPECT_EQ(status(moved), HouseholdStatus::MovedAway);
}

TEST_F(DoorstepVisitTest, AnUnknownHouseholdIsRefused)
{
    EXPECT_FALSE(visits().recordVisit(QUuid::createUuid(), VisitOutcome::NoAnswer).ok());
    EXPECT_EQ(count(QStringLiteral("visit")), 0);
}

TEST_F(DoorstepVisitTest, TheTimelineIsNewestFirst)
{
    const QUuid id = addHousehold(text("11 Burton Road"));
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::NoAnswer, {}, {}, text("first")).ok());
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::NoAnswer, {}, {}, text("second")).ok());
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::Accepted, {}, {}, text("third")).ok());
    const QList<Visit> timeline = must(visits().timeline(id));
    ASSERT_EQ(timeline.size(), 3);
    EXPECT_EQ(timeline[0].notes, text("third"));
    EXPECT_EQ(timeline[1].notes, text("second"));
    EXPECT_EQ(timeline[2].notes, text("first"));
    EXPECT_EQ(timeline[0].outcome, VisitOutcome::Accepted);
}

TEST_F(DoorstepVisitTest, TheRoundGoesByStreetThenHouseNumber)
{
    for (const char *line :
         {"12A Thorpe End", "12 Thorpe End", "2 Thorpe End", "Flat 10, 14 High Street",
          "3 High Street", "Flat 2, 14 High Street", "1 burton road", "Rose Cottage"}) {
        addHousehold(text(line));
    }
    addHousehold(text("1 Abbey Road"), HouseholdStatus::Identified, text("Oadby and Wigston"));
    addHousehold(text("1 Thorpe End"), HouseholdStatus::Declined);

    const QUuid melton = areaId(text("Melton Town Centre"));
    ASSERT_FALSE(melton.isNull());
    EXPECT_EQ(
        streets(must(visits().myRound(melton))),
        (QStringList {text("1 burton road"), text("3 High Street"), text("Flat 2, 14 High Street"),
                      text("Flat 10, 14 High Street"), text("Rose Cottage"), text("2 Thorpe End"),
                      text("12 Thorpe End"), text("12A Thorpe End")}));
    // Closed households only when asked for.
    const QStringList all = streets(must(visits().myRound(melton, QDate::currentDate(), true)));
    EXPECT_EQ(all.size(), 9);
    EXPECT_EQ(all.indexOf(text("1 Thorpe End")), all.indexOf(text("2 Thorpe End")) - 1);
}

TEST_F(DoorstepVisitTest, RevisitsDueComeFirstEarliestFirst)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QUuid plain = addHousehold(text("1 Burton Road"));
    const QUuid later = addHousehold(text("3 Burton Road"));
    const QUuid soon = addHousehold(text("20 Thorpe End"));
    const QUuid notYet = addHousehold(text("2 Burton Road"));
    const QUuid done = addHousehold(text("4 Burton Road"));
    ASSERT_TRUE(
        visits().recordVisit(later, VisitOutcome::RevisitRequested, {}, now.addDays(2)).ok());
    ASSERT_TRUE(
        visits().recordVisit(soon, VisitOutcome::RevisitRequested, {}, now.addDays(1)).ok());
    ASSERT_TRUE(
        visits().recordVisit(notYet, VisitOutcome::RevisitRequested, {}, now.addDays(10)).ok());
    ASSERT_TRUE(
        visits().recordVisit(done, VisitOutcome::RevisitRequested, {}, now.addDays(1)).ok());
    // Nobody in at the revisit: it stays outstanding. Someone in: it has been made.
    ASSERT_TRUE(visits().recordVisit(soon, VisitOutcome::NoAnswer).ok());
    ASSERT_TRUE(visits().recordVisit(done, VisitOutcome::Accepted).ok());

    // Seen from three days on, the one- and two-day revisits are due (overdue).
    const QList<RoundEntry> round = must(
        visits().myRound(areaId(text("Melton Town Centre")), QDate::currentDate().addDays(3)));
    ASSERT_EQ(round.size(), 5);
    EXPECT_EQ(round[0].household.id, soon);
    EXPECT_EQ(round[1].household.id, later);
    EXPECT_EQ(round[2].household.id, plain);
    EXPECT_EQ(round[3].household.id, notYet);
    EXPECT_EQ(round[4].household.id, done);
    EXPECT_TRUE(round[0].revisitDue);
    EXPECT_TRUE(round[1].revisitDue);
    EXPECT_FALSE(round[3].revisitDue);
    EXPECT_TRUE(round[3].nextRevisitAt.isValid());
    EXPECT_FALSE(round[4].nextRevisitAt.isValid());
    EXPECT_EQ(round[0].lastOutcome, VisitOutcome::NoAnswer);
    EXPECT_FALSE(round[2].lastOutcome.has_value());
    EXPECT_EQ(round[0].nextRevisitAt.toMSecsSinceEpoch(), now.addDays(1).toMSecsSinceEpoch());

    // Today nothing is due yet: plain walking order.
    EXPECT_EQ(streets(must(visits().myRound(areaId(text("Melton Town Centre"))))),
              (QStringList {text("1 Burton Road"), text("2 Burton Road"), text("3 Burton Road"),
                            text("4 Burton Road"), text("20 Thorpe End")}));
}

// ---------------------------------------------------------------------------------------------
// Consent

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

// ---------------------------------------------------------------------------------------------
// Survey

using DoorstepSurveyTest = DoorstepFixture;

TEST_F(DoorstepSurveyTest, ASurveyNeedsConsent)
{
    const QUuid id = addHousehold(text("1 Church Street"), HouseholdStatus::Contacted);
    auto result = surveys().startOrResume(id, text("1"));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.field, text("consent"));
    EXPECT_EQ(count(QStringLiteral("survey")), 0);

    giveSurveyConsent(id);
    result = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    ASSERT_TRUE(consents().withdraw(id, ConsentPurpose::SurveyFitting).ok());
    EXPECT_FALSE(surveys()
                     .saveAnswer(result.survey.id, text("front_door.viewer"),
                                 QJsonValue(text("no")), text("front_door"))
                     .ok());
    EXPECT_FALSE(surveys().complete(result.survey.id, text("1")).ok());
}

TEST_F(DoorstepSurveyTest, OneOpenDraftPerHousehold)
{
    const QUuid id = addHousehold(text("3 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const auto first = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(first.ok()) << qPrintable(first.errorString());
    EXPECT_TRUE(first.survey.isDraft());
    EXPECT_EQ(first.survey.definitionVersion, text("1"));
    EXPECT_EQ(first.survey.by, text("tester"));
    const auto again = surveys().startOrResume(id, text("2"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.survey.id, first.survey.id);
    EXPECT_EQ(again.survey.definitionVersion, text("1")); // a resumed draft keeps its version
    EXPECT_EQ(count(QStringLiteral("survey")), 1);
    EXPECT_EQ(AuditLog::history(m_database.connectionName(), QStringLiteral("survey"),
                                idText(first.survey.id))
                  .size(),
              1);
}

TEST_F(DoorstepSurveyTest, AnswersAreSavedAtOnceAndSurviveReopening)
{
    const QUuid id = addHousehold(text("5 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid visit = visits().recordVisit(id, VisitOutcome::Accepted).visit.id;
    const QUuid surveyId = surveys().startOrResume(id, text("1"), visit).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("front_door.material"), QJsonValue(text("timber")),
                                text("front_door"))
                    .ok());
    ASSERT_TRUE(
        surveys()
            .saveAnswer(surveyId, text("windows.unlocked_count"), QJsonValue(3), text("windows"))
            .ok());
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("notes.extra"), QJsonArray {text("a"), text("b")},
                                text("windows"))
                    .ok());
    ASSERT_TRUE(surveys().savePosition(surveyId, text("lighting")).ok());

    m_doorstep.reset();
    m_repository.reset();
    m_database.close();
    Database reopened(QStringLiteral("doorstep-reopened"));
    const auto opened = reopened.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    Doorstep again(reopened);
    const std::optional<SurveyRecord> draft = must(again.surveys.resumeDraft(id));
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->id, surveyId);
    EXPECT_EQ(draft->visitId, visit);
    EXPECT_EQ(draft->position, text("lighting"));
    EXPECT_EQ(draft->answers.value(text("front_door.material")).toString(), text("timber"));
    EXPECT_EQ(draft->answers.value(text("windows.unlocked_count")).toInt(), 3);
    EXPECT_EQ(draft->answers.value(text("notes.extra")).toArray().size(), 2);
    EXPECT_EQ(draft->answers.size(), 3);
}

TEST_F(DoorstepSurveyTest, EachAnswerIsAuditedAndCanBeCleared)
{
    const QUuid id = addHousehold(text("7 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    const QString lock = text("front_door.lock");
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(text("none")), text("a")).ok());
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(text("none")), text("b")).ok());
    ASSERT_TRUE(
        surveys().saveAnswer(surveyId, lock, QJsonValue(text("multipoint")), text("b")).ok());
    ASSERT_TRUE(surveys().saveAnswer(surveyId, lock, QJsonValue(), text("b")).ok());
    EXPECT_FALSE(surveys().saveAnswer(surveyId, text("not an id"), QJsonValue(1), {}).ok());
    EXPECT_FALSE(must(surveys().resumeDraft(id))->answers.contains(lock));

    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    ASSERT_EQ(events.size(), 4); // created, none, multipoint, cleared (the repeat is no change)
    EXPECT_EQ(events[1].field, text("answers.front_door.lock"));
    EXPECT_TRUE(events[1].oldValue.isNull());
    EXPECT_EQ(events[1].newValue.toString(), text("\"none\""));
    EXPECT_EQ(events[2].oldValue.toString(), text("\"none\""));
    EXPECT_EQ(events[2].newValue.toString(), text("\"multipoint\""));
    EXPECT_TRUE(events[3].newValue.isNull());
}

TEST_F(DoorstepSurveyTest, AFailedWriteNamesTheFileAndTableAndSavesNothing)
{
    const QUuid id = addHousehold(text("8 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    const QString lock = text("front_door.lock");

    // Another program holds the write lock: the visit is refused as locked, not as damage.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                       QStringLiteral("doorstep-other"));
        other.setDatabaseName(m_path);
        ASSERT_TRUE(other.open());
        ASSERT_TRUE(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
        Visit visit;
        visit.householdId = id;
        visit.outcome = VisitOutcome::NoAnswer;
        const Result<Visit> saved = m_doorstep->visitStore.insert(visit, {});
        ASSERT_FALSE(saved.ok());
        EXPECT_EQ(saved.error().kind, Error::Kind::Locked) << qPrintable(saved.errorString());
        EXPECT_TRUE(saved.errorString().contains(QDir::toNativeSeparators(m_path)))
            << qPrintable(saved.errorString());
        ASSERT_TRUE(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("doorstep-other"));
    EXPECT_EQ(count(text("visit")), 0);

    // The audit trail is gone: the answer is not saved without it, and the message says so.
    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("DROP TABLE audit_event")));
    const Status saved
        = m_doorstep->surveyStore.saveAnswer(surveyId, lock, QJsonValue(text("none")), text("a"));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().kind, Error::Kind::Database);
    EXPECT_TRUE(saved.errorString().contains(QDir::toNativeSeparators(m_path)))
        << qPrintable(saved.errorString());
    EXPECT_TRUE(saved.errorString().contains(text("no such table: audit_event")))
        << qPrintable(saved.errorString());
    EXPECT_FALSE(must(surveys().resumeDraft(id))->answers.contains(lock));

    // Nothing to save into: a survey that is no open draft is not found.
    const Status missing
        = m_doorstep->surveyStore.savePosition(QUuid::createUuid(), text("lighting"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
}

TEST_F(DoorstepSurveyTest, CompletingMovesTheHouseholdToSurveyed)
{
    const QUuid id = addHousehold(text("9 Church Street"));
    giveSurveyConsent(id);
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::Accepted).ok());
    ASSERT_EQ(status(id), HouseholdStatus::Contacted);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys()
                    .saveAnswer(surveyId, text("front_door.viewer"), QJsonValue(text("no")),
                                text("front_door"))
                    .ok());
    const auto result = surveys().complete(surveyId, text("1"));
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_FALSE(result.survey.isDraft());
    EXPECT_EQ(result.survey.definitionVersion, text("1"));
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);
    EXPECT_FALSE(must(surveys().resumeDraft(id)));
    EXPECT_FALSE(surveys()
                     .saveAnswer(surveyId, text("front_door.viewer"), QJsonValue(text("yes")), {})
                     .ok());
    EXPECT_FALSE(surveys().complete(surveyId, text("1")).ok());
    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    EXPECT_EQ(events.constLast().field, text("completed_at"));
}

TEST_F(DoorstepSurveyTest, ASurveyOfAnIdentifiedHouseholdMakesContactFirst)
{
    const QUuid id = addHousehold(text("11 Church Street"));
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys().complete(surveyId, text("1")).ok());
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);
    const QList<AuditEvent> events
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"), idText(id));
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events[1].newValue.toString(), text("contacted"));
    EXPECT_EQ(events[2].newValue.toString(), text("surveyed"));
}

TEST_F(DoorstepSurveyTest, SurveysKeepTheirDefinitionVersion)
{
    const QUuid id = addHousehold(text("13 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid first = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(surveys().complete(first, text("1")).ok());
    const auto second = surveys().startOrResume(id, text("2"));
    ASSERT_TRUE(second.ok());
    EXPECT_NE(second.survey.id, first);
    ASSERT_TRUE(surveys().complete(second.survey.id, text("2")).ok());
    EXPECT_EQ(must(surveys().survey(first)).definitionVersion, text("1"));
    EXPECT_EQ(must(surveys().survey(second.survey.id)).definitionVersion, text("2"));
    EXPECT_EQ(must(surveys().surveys(id)).size(), 2);
}

TEST_F(DoorstepSurveyTest, TheLatestCompletedSurveyIsTheNewestCompletedOneNeverADraft)
{
    const QUuid id = addHousehold(text("15 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    EXPECT_FALSE(must(surveys().latestCompleted(id)).has_value());
    const QUuid first = surveys().startOrResume(id, text("1")).survey.id;
    EXPECT_FALSE(must(surveys().latestCompleted(id)).has_value()) << "a draft is not completed";
    ASSERT_TRUE(surveys().complete(first, text("1")).ok());
    EXPECT_EQ(must(surveys().latestCompleted(id))->definitionVersion, text("1"));
    const QUuid second = surveys().startOrResume(id, text("2")).survey.id;
    ASSERT_TRUE(surveys().complete(second, text("2")).ok());
    const QUuid draft = surveys().startOrResume(id, text("3")).survey.id;
    ASSERT_FALSE(draft.isNull());
    const std::optional<SurveyRecord> latest = must(surveys().latestCompleted(id));
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->definitionVersion, text("2"));
    EXPECT_FALSE(latest->isDraft());
    EXPECT_EQ(must(surveys().surveys(id)).size(), 3);
}

TEST_F(DoorstepSurveyTest, CompletingIsRefusedWhenTheFunnelSaysNo)
{
    const QUuid id = addHousehold(text("15 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::MovedAway).ok());
    const int audits = count(QStringLiteral("audit_event"));
    const auto result = surveys().complete(surveyId, text("1"));
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(must(surveys().survey(surveyId)).isDraft());
    EXPECT_EQ(status(id), HouseholdStatus::MovedAway);
    EXPECT_EQ(count(QStringLiteral("audit_event")), audits);
}

TEST_F(DoorstepSurveyTest, AgreeingThePackageMovesTheHouseholdToAccepted)
{
    for (const char *code : {"DOOR_VIEWER", "PIR_LIGHT", "WINDOW_LOCK", "INTRUDER_ALARM"})
        addEquipment(text(code));
    const QUuid id = addHousehold(text("17 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    const QList<PackageItem> items {
        {text("DOOR_VIEWER"), 1, text("front_door.viewer = no"), true},
        {text("WINDOW_LOCK"), 3, text("3 unlocked windows"), true},
        {text("INTRUDER_ALARM"), 1, text("no alarm"), false},
    };
    auto result = surveys().agreePackage(surveyId, items);
    EXPECT_FALSE(result.ok()); // still a draft
    ASSERT_TRUE(surveys().complete(surveyId, text("1")).ok());

    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("NO_SUCH_THING"), 1, {}, true}}).ok());
    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("PIR_LIGHT"), 0, {}, true}}).ok());
    EXPECT_FALSE(surveys().agreePackage(surveyId, {{text("PIR_LIGHT"), 1, {}, false}}).ok());
    EXPECT_EQ(count(QStringLiteral("recommendation")), 0);
    EXPECT_EQ(status(id), HouseholdStatus::Surveyed);

    result = surveys().agreePackage(surveyId, items);
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_EQ(status(id), HouseholdStatus::Accepted);
    EXPECT_EQ(must(surveys().package(surveyId)), items);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM recommendation WHERE survey_id = ? "
                                    "AND agreed = 1"),
                     {idText(surveyId)})
                  .toInt(),
              2);

    // A new agreement replaces the old one; the household stays accepted.
    const QList<PackageItem> changed {{text("PIR_LIGHT"), 2, text("dark drive"), true}};
    ASSERT_TRUE(surveys().agreePackage(surveyId, changed).ok());
    EXPECT_EQ(must(surveys().package(surveyId)), changed);
    EXPECT_EQ(count(QStringLiteral("recommendation")), 1);
    EXPECT_EQ(status(id), HouseholdStatus::Accepted);

    QList<AuditEvent> package;
    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       QStringLiteral("survey"), idText(surveyId));
    for (const AuditEvent &event : events) {
        if (event.field == text("package"))
            package.append(event);
    }
    ASSERT_EQ(package.size(), 2);
    EXPECT_TRUE(package[0].oldValue.isNull());
    EXPECT_TRUE(package[1].oldValue.toString().contains(text("WINDOW_LOCK")));
    EXPECT_TRUE(package[1].newValue.toString().contains(text("PIR_LIGHT")));
    const QList<AuditEvent> household
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"), idText(id));
    EXPECT_EQ(household.constLast().newValue.toString(), text("accepted"));
}

// ---------------------------------------------------------------------------------------------
// Crash safety

/// Reads of a damaged database fail with the kind and a message that names the file and
/// what could not be read; none of them answers "nothing" instead. (A lock held by another
/// program does not stop reads of the WAL database; writes under a lock are tested with
/// them.)
class DoorstepDamagedTest : public DoorstepFixture {
protected:
    void drop(const QString &table)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE ") + table))
            << qPrintable(query.lastError().text());
    }

    /// Expects \a error to be of \a kind, naming the database file, \a what and \a why.
    void expectFailure(const Error &error, Error::Kind kind, const QString &what,
                       const QString &why) const
    {
        EXPECT_EQ(error.kind, kind) << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(QDir::toNativeSeparators(m_path)))
            << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(what)) << qPrintable(error.message);
        EXPECT_TRUE(error.message.contains(why)) << qPrintable(error.message);
    }
};

TEST_F(DoorstepDamagedTest, TheRoundAndTheTimelineFailWhenTheirTableIsGone)
{
    const QUuid id = addHousehold(text("1 Sandy Lane"));
    const QUuid melton = areaId(text("Melton Town Centre"));
    ASSERT_TRUE(visits().recordVisit(id, VisitOutcome::NoAnswer).ok());
    ASSERT_EQ(must(visits().myRound(melton)).size(), 1);
    ASSERT_EQ(must(visits().timeline(id)).size(), 1);

    // The visits table is gone (with foreign keys off: other tables point at it).
    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("visit"));
    const auto round = visits().myRound(melton);
    ASSERT_FALSE(round.ok());
    expectFailure(round.error(), Error::Kind::Database, text("cannot read the round"),
                  text("no such table: visit"));
    const auto timeline = visits().timeline(id);
    ASSERT_FALSE(timeline.ok());
    expectFailure(timeline.error(), Error::Kind::Database,
                  text("cannot read the household\u2019s visits"), text("no such table: visit"));
}

TEST_F(DoorstepDamagedTest, TheDraftAndThePackageFailWhenTheirTableIsGone)
{
    const QUuid id = addHousehold(text("2 Sandy Lane"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const SurveyService::Result started = surveys().startOrResume(id, text("1"));
    ASSERT_TRUE(started.ok()) << qPrintable(started.errorString());
    ASSERT_TRUE(must(surveys().resumeDraft(id)).has_value());
    ASSERT_TRUE(must(surveys().package(started.survey.id)).isEmpty());

    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("recommendation"));
    const auto package = surveys().package(started.survey.id);
    ASSERT_FALSE(package.ok());
    expectFailure(package.error(), Error::Kind::Database, text("cannot read the package"),
                  text("no such table: recommendation"));

    drop(text("survey"));
    const auto draft = surveys().resumeDraft(id);
    ASSERT_FALSE(draft.ok());
    expectFailure(draft.error(), Error::Kind::Database, text("cannot read the survey draft"),
                  text("no such table: survey"));
    const auto latest = surveys().latestCompleted(id);
    ASSERT_FALSE(latest.ok());
    expectFailure(latest.error(), Error::Kind::Database,
                  text("cannot read the household\u2019s surveys"), text("no such table: survey"));
    // Starting the survey is not refused as if there were something wrong with the request.
    const SurveyService::Result again = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(again.ok());
    expectFailure(again.status.error(), Error::Kind::Database, text("The survey was not started"),
                  text("no such table: survey"));
    EXPECT_TRUE(again.field.isEmpty());
}

TEST_F(DoorstepDamagedTest, ConsentThatCannotBeReadIsAFailureNotARefusal)
{
    QUuid residentId;
    const QUuid id = addHousehold(text("3 Sandy Lane"), HouseholdStatus::Contacted,
                                  text("Melton Town Centre"), text("Ann Smith"), &residentId);
    giveSurveyConsent(id);
    ASSERT_TRUE(must(consents().hasConsent(id, ConsentPurpose::SurveyFitting)));

    ASSERT_TRUE(QSqlQuery(m_database.connection()).exec(text("PRAGMA foreign_keys = OFF")));
    drop(text("consent"));
    const auto has = consents().hasConsent(id, ConsentPurpose::SurveyFitting);
    ASSERT_FALSE(has.ok());
    expectFailure(has.error(), Error::Kind::Database, text("cannot read the consent"),
                  text("no such table: consent"));
    // Neither "no consent" to the survey nor to photos: the database error, with no field.
    const SurveyService::Result started = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(started.ok());
    expectFailure(started.status.error(), Error::Kind::Database, text("cannot read the consent"),
                  text("no such table: consent"));
    EXPECT_TRUE(started.field.isEmpty());
    const ConsentService::Result photo
        = consents().addPhoto(id, QByteArray("jpeg"), text("image/jpeg"));
    ASSERT_FALSE(photo.ok());
    EXPECT_EQ(photo.status.error().kind, Error::Kind::Database) << qPrintable(photo.errorString());
    EXPECT_TRUE(photo.field.isEmpty());

    drop(text("resident"));
    const Result<bool> resident = m_doorstep->consentStore.isResidentOf(residentId, id);
    ASSERT_FALSE(resident.ok());
    expectFailure(resident.error(), Error::Kind::Database, text("cannot read the residents"),
                  text("no such table: resident"));
}

TEST_F(DoorstepDamagedTest, ARefusalIsInvalidAndAMissingThingIsNotFoundNeitherIsADatabaseError)
{
    const QUuid id = addHousehold(text("4 Sandy Lane"));
    const VisitService::Result declined = visits().recordVisit(id, VisitOutcome::Declined);
    ASSERT_FALSE(declined.ok());
    EXPECT_EQ(declined.status.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(declined.errorString(), text("Say why the household declined."));
    EXPECT_EQ(declined.field, text("reason"));

    const VisitService::Result nowhere
        = visits().recordVisit(QUuid::createUuid(), VisitOutcome::NoAnswer);
    ASSERT_FALSE(nowhere.ok());
    EXPECT_EQ(nowhere.status.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(nowhere.errorString(), text("There is no such household."));

    const auto survey = surveys().survey(QUuid::createUuid());
    ASSERT_FALSE(survey.ok());
    EXPECT_EQ(survey.error().kind, Error::Kind::NotFound);
    const auto photo = consents().attachment(QUuid::createUuid());
    ASSERT_FALSE(photo.ok());
    EXPECT_EQ(photo.error().kind, Error::Kind::NotFound);
    const SurveyService::Result noConsent = surveys().startOrResume(id, text("1"));
    ASSERT_FALSE(noConsent.ok());
    EXPECT_EQ(noConsent.status.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(noConsent.field, text("consent"));
}

using DoorstepCrashTest = DoorstepFixture;

TEST_F(DoorstepCrashTest, EveryAnswerSavedBeforeAKillSurvives)
{
    const QUuid id = addHousehold(text("19 Church Street"), HouseholdStatus::Contacted);
    giveSurveyConsent(id);
    const QUuid surveyId = surveys().startOrResume(id, text("1")).survey.id;
    ASSERT_FALSE(surveyId.isNull());
    m_doorstep.reset();
    m_repository.reset();
    m_database.close();

    // Three children in turn, each killed at a different moment of its saving; each goes on
    // from the last answer acknowledged before.
    QList<int> saved;
    for (const int delayMs : {0, 3, 11}) {
        const int first = saved.isEmpty() ? 0 : saved.constLast() + 1;
        QProcess child;
        child.start(QStringLiteral(SAFERHOMES_AUTOSAVE_CHILD),
                    {m_path, idText(surveyId), QString::number(first)});
        ASSERT_TRUE(child.waitForStarted(10000)) << qPrintable(child.errorString());
        const auto readLines = [&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("saved "))
                    saved.append(line.mid(6).toInt());
            }
        };
        while (saved.size() < first + 30 && child.state() == QProcess::Running) {
            child.waitForReadyRead(10000);
            readLines();
        }
        ASSERT_GE(saved.size(), first + 30) << child.readAllStandardError().constData();
        QThread::msleep(delayMs);
        child.kill(); // SIGKILL: no chance to finish a transaction or close the database
        ASSERT_TRUE(child.waitForFinished(10000));
        EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
        readLines(); // whatever was printed (so acknowledged) before the kill counts too
    }
    for (int i = 0; i < saved.size(); ++i)
        ASSERT_EQ(saved[i], i);

    Database reopened(QStringLiteral("doorstep-after-kill"));
    const auto opened = reopened.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    {
        QSqlQuery check(reopened.connection());
        ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        EXPECT_EQ(check.value(0).toString(), text("ok"));
    }
    Doorstep again(reopened);
    const std::optional<SurveyRecord> draft = must(again.surveys.resumeDraft(id));
    ASSERT_TRUE(draft);
    const int last = saved.constLast();
    for (const int i : std::as_const(saved)) {
        EXPECT_EQ(draft->answers.value(QStringLiteral("q.%1").arg(i)).toInt(-1), i)
            << "answer " << i << " was acknowledged but is lost";
    }
    // At most one more save may have committed before its "saved" line was printed.
    EXPECT_GE(draft->answers.size(), saved.size());
    EXPECT_LE(draft->answers.size(), saved.size() + 1);
    EXPECT_TRUE(draft->position == QStringLiteral("section-%1").arg(last)
                || draft->position == QStringLiteral("section-%1").arg(last + 1))
        << qPrintable(draft->position);
    // Each saved answer has its audit event, committed with it.
    EXPECT_EQ(
        AuditLog::history(reopened.connectionName(), QStringLiteral("survey"), idText(surveyId))
                .size()
            - 1,
        draft->answers.size());
}
