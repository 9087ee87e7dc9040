// Issue 9, item 1, for the sync's own records: `sync conflicts` on a damaged database says
// what failed and in which file, with exit 2, instead of printing an empty list.

#include "clitestsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliSyncLedger = CliTest;

TEST_F(CliSyncLedger, ConflictsOfAnEmptyLedgerAreAnEmptyList)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const CliResult result = cli({u"sync"_s, u"conflicts"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), QJsonObject({{u"conflicts"_s, QJsonArray()},
                                          {u"rejected"_s, QJsonArray()}}))
        << result;
}

TEST_F(CliSyncLedger, ConflictTableGoneIsADatabaseErrorNotAnEmptyList)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    ASSERT_TRUE(query(dbPath(), u"DROP TABLE sync_conflict"_s, true));

    const CliResult json = cli({u"sync"_s, u"conflicts"_s});
    EXPECT_EQ(json.exitCode, 2) << json;
    EXPECT_TRUE(json.out.trimmed().isEmpty()) << "no list after a failed read\n" << json;
    EXPECT_TRUE(json.err.contains(dbPath().toUtf8())) << "the message names the database\n"
                                                      << json;
    EXPECT_TRUE(json.err.contains("sync_conflict")) << "and what failed\n" << json;

    const CliResult text = cliText({u"sync"_s, u"conflicts"_s});
    EXPECT_EQ(text.exitCode, 2) << text;
    EXPECT_FALSE(text.out.contains("No conflicts")) << text;
}

TEST_F(CliSyncLedger, OutboxGoneIsADatabaseErrorNotAnEmptyList)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    // The refused changes are read from the outbox.
    ASSERT_TRUE(query(dbPath(), u"DROP TABLE outbox"_s, true));

    const CliResult result = cli({u"sync"_s, u"conflicts"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_TRUE(result.out.trimmed().isEmpty()) << result;
    EXPECT_TRUE(result.err.contains(dbPath().toUtf8())) << result;
    EXPECT_TRUE(result.err.contains("outbox")) << result;
}
