// Doorstep visits: outcomes moving a household along the funnel, the timeline and
// the order of the round.

#include "doorstepfixture.h"

#include "store/auditlog.h"

using namespace saferhomes;
using saferhomes::test::DoorstepFixture;
using saferhomes::test::must;
using saferhomes::test::text;

namespace {

QStringList streets(const QList<RoundEntry> &round)
{
    QStringList lines;
    for (const RoundEntry &entry : round)
        lines.append(entry.household.addressLine1);
    return lines;
}

} // namespace

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

TEST_F(DoorstepVisitTest, ARoundEntryCarriesItsHouseholdsSummary)
{
    const QUuid id = addHousehold(text("7 Burton Road"), HouseholdStatus::Identified,
                                  text("Melton Town Centre"), text("Sam Cole"));
    giveSummaryColumns(id);

    const QList<RoundEntry> round = must(visits().myRound(areaId(text("Melton Town Centre"))));
    ASSERT_EQ(round.size(), 1);
    const HouseholdSummary &row = round.first().household;
    EXPECT_EQ(row.id, id);
    EXPECT_EQ(row.addressLine1, text("7 Burton Road"));
    EXPECT_EQ(row.postcode, text("LE13 1AB"));
    EXPECT_EQ(row.areaName, text("Melton Town Centre"));
    EXPECT_EQ(row.residentName, text("Sam Cole"));
    expectGivenColumns(row);
    EXPECT_FALSE(round.first().lastOutcome.has_value());
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
