#include "handmadereturn.h"
#include "reporting/quarterlyreturn.h"
#include "reporting/returnarchive.h"
#include "reportingfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromString(u"2025-06-01T12:00:00Z"_s, Qt::ISODate);
const FinancialPeriod kQ3 = FinancialPeriod::quarter(2024, 3);

class ReturnArchiveTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
    }
};

const FigureVariance *find(const ReturnVariance &variance, const QString &key)
{
    for (const FigureVariance &f : variance.figures) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

} // namespace

TEST_F(ReturnArchiveTest, FreezeThenEditShowsVariancesAndReopensAsSubmitted)
{
    ReturnArchive archive(m_database, u"manager"_s);
    const auto frozen = archive.freeze(kQ3, kNow);
    ASSERT_TRUE(frozen.ok()) << frozen.errorString().toStdString();
    EXPECT_TRUE(frozen->isIntact());
    EXPECT_EQ(frozen->sha256.size(), 64);
    const QByteArray submitted = frozen->document;
    const QJsonObject json = QJsonDocument::fromJson(submitted).object();
    EXPECT_EQ(json.value(u"period").toString(), u"2024/25-Q3"_s);
    EXPECT_EQ(json.value(u"figures").toArray().at(8).toObject().value(u"value").toInteger(), 7000);

    // Nothing changed yet: no variance.
    const auto unchanged = archive.variances(kQ3, kNow);
    ASSERT_TRUE(unchanged.ok()) << unchanged.errorString().toStdString();
    EXPECT_EQ(unchanged->changedCount(), 0);

    // A frozen return is never replaced.
    const auto again = archive.freeze(kQ3, kNow);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, Error::Kind::Refused);

    // Later edits: h7 is visited in November; h3's job turns out to be on 2 January.
    exec(u"INSERT INTO visit (id, household_id, at, by_user, outcome) VALUES (?, ?, "
         "'2024-11-01T10:00:00.000Z', 'tester', 'no_answer')"_s,
         {HandMadeReturn::id("v9"), HandMadeReturn::id("h7")});
    exec(u"UPDATE job SET completed_at = '2025-01-02T10:00:00.000Z' WHERE id = ?"_s,
         {HandMadeReturn::id("j5")});

    const auto variance = archive.variances(kQ3, kNow);
    ASSERT_TRUE(variance.ok()) << variance.errorString().toStdString();
    EXPECT_EQ(variance->period, u"2024/25-Q3"_s);
    EXPECT_EQ(variance->changedCount(), 6);
    const FigureVariance *visited = find(*variance, u"households_visited"_s);
    ASSERT_NE(visited, nullptr);
    EXPECT_EQ(visited->frozen, 4);
    EXPECT_EQ(visited->current, 5);
    EXPECT_EQ(visited->difference(), 1);
    EXPECT_EQ(visited->added, QStringList {HandMadeReturn::id("h7")});
    EXPECT_TRUE(visited->removed.isEmpty());
    const FigureVariance *spend = find(*variance, u"spend_pence"_s);
    EXPECT_EQ(spend->frozen, 7000);
    EXPECT_EQ(spend->current, 6000);
    EXPECT_EQ(spend->difference(), -1000);
    EXPECT_EQ(spend->removed, QStringList {HandMadeReturn::id("h3")});
    EXPECT_EQ(find(*variance, u"items_fitted.LIGHT"_s)->current, 2);
    EXPECT_EQ(find(*variance, u"homes_secured"_s)->current, 3);
    EXPECT_EQ(find(*variance, u"homes_secured_to_date"_s)->current, 4);
    EXPECT_EQ(find(*variance, u"spend_to_date_pence"_s)->current, 15500);
    EXPECT_FALSE(find(*variance, u"households_declined"_s)->changed());
    const QJsonObject varianceJson = variance->toJson();
    EXPECT_EQ(varianceJson.value(u"changed").toInt(), 6);

    // The frozen copy reopens byte for byte as it was submitted.
    const auto reopened = archive.frozen(kQ3);
    ASSERT_TRUE(reopened.ok()) << reopened.errorString().toStdString();
    EXPECT_EQ(reopened->document, submitted);
    EXPECT_EQ(reopened->sha256, frozen->sha256);
    EXPECT_EQ(reopened->frozenBy, u"manager"_s);
}

TEST_F(ReturnArchiveTest, TheStoreRefusesToChangeAFrozenReturn)
{
    ReturnArchive archive(m_database, u"manager"_s);
    ASSERT_TRUE(archive.freeze(kQ3, kNow).ok());
    QSqlQuery query(m_database.connection());
    EXPECT_FALSE(query.exec(u"UPDATE frozen_return SET document = 'x'"_s));
    EXPECT_FALSE(query.exec(u"DELETE FROM frozen_return"_s));
    EXPECT_EQ(scalar(u"SELECT count(*) FROM frozen_return"_s).toInt(), 1);
}

TEST_F(ReturnArchiveTest, AnAlteredFrozenCopyIsReportedNeverShown)
{
    ReturnArchive archive(m_database, u"manager"_s);
    ASSERT_TRUE(archive.freeze(kQ3, kNow).ok());
    // Someone edits the file behind the application's back.
    exec(u"DROP TRIGGER frozen_return_unchanged"_s);
    exec(u"UPDATE frozen_return SET document = CAST(replace(CAST(document AS TEXT), '7000', "
         "'7500') AS BLOB)"_s);
    const auto reopened = archive.frozen(kQ3);
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(reopened.errorString().contains(u"altered"_s));
    const auto variance = archive.variances(kQ3, kNow);
    ASSERT_FALSE(variance.ok());
    EXPECT_TRUE(variance.errorString().contains(u"altered"_s));
}

TEST_F(ReturnArchiveTest, FutureAndUnfrozenPeriodsAreRefused)
{
    ReturnArchive archive(m_database, u"manager"_s);
    const auto future = archive.freeze(FinancialPeriod::quarter(2025, 2), kNow);
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().kind, Error::Kind::Refused);
    const auto none = archive.frozen(kQ3);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM frozen_return"_s).toInt(), 0);
}
