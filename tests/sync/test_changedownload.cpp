// The paged pull after the first download (DESIGN §7, issue 9 item 5): a device already
// synced pulls more than 2,500 server changes made in one transaction, so its pages continue
// inside one transaction id; the cursor's keys are bound as parameters, so a key holding a
// quote works.

#include "centraltest.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "sync/changedownload.h"
#include "sync/serverhello.h"
#include "sync/syncengine.h"
#include "sync/syncrun.h"
#include "syncassert.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <functional>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("change-download-password");
const QString kOadby = QStringLiteral("Oadby and Wigston");

/// Rows of \a sql on a local database, each row's columns joined by '|', keyed by the first.
QMap<QString, QString> localRows(const Database &database, const QString &sql)
{
    QMap<QString, QString> rows;
    QSqlQuery query(database.connection());
    EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
    while (query.next()) {
        QStringList values;
        for (int c = 1; c < query.record().count(); ++c)
            values.append(query.value(c).toString());
        rows.insert(query.value(0).toString(), values.join(u'|'));
    }
    return rows;
}

} // namespace

class ChangeDownloadTest : public OneUserTest {
protected:
    static void SetUpTestSuite()
    {
        setUpSuite(QStringLiteral("changedownload"),
                   {QStringLiteral("officer_paged"), {QStringLiteral("officer"), {kOadby}}},
                   kPassword);
    }

    /// Syncs \a engine until \a done() holds or a sync fails (for at most kPatience), adding
    /// up what they pulled. Rows reach a pull only once every older transaction in the cluster
    /// has ended (the xid8 watermark), and other test processes share the cluster.
    static SyncResult syncUntil(SyncEngine &engine, const std::function<bool()> &done)
    {
        SyncResult total;
        eventually([&] {
            const SyncResult result = engine.run(cluster().uri(s_login, s_database));
            total.pulled += result.pulled;
            total.pushed += result.pushed;
            total.status = result.status;
            return !result.ok() || done();
        });
        return total;
    }
};

TEST_F(ChangeDownloadTest, MoreThan2500ChangesInOneTransactionArriveInPagesExactly)
{
    Database database(QStringLiteral("paged-device"));
    ASSERT_TRUE(database.open(m_dir.filePath(QStringLiteral("paged.db"))));
    HouseholdRepository households(database, s_login);
    SyncEngine engine(database, s_login);
    engine.setPassword(kPassword);

    // An already synced device: a household of its own sent, and a pull after it.
    HouseholdRecord own;
    own.household.id = QUuid::createUuid();
    own.household.addressLine1 = QStringLiteral("1 Synced Street");
    own.household.postcode = QStringLiteral("LE18 1AA");
    own.household.areaName = kOadby;
    const Status inserted = households.insert({own});
    ASSERT_TRUE(inserted) << inserted.errorString().toStdString();
    SyncResult result = syncUntil(engine, [&] { return engine.pendingCount().valueOr(-1) == 0; });
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    ASSERT_EQ(result.pushed, 1);
    ASSERT_TRUE(engine.run(cluster().uri(s_login, s_database)).ok());

    // On the server, in one transaction: 2,600 new households and a change to the device's.
    constexpr int kNew = 2600;
    QStringList ids;
    QMap<QString, QString> expected;
    for (int i = 1; i <= kNew; ++i) {
        const QString id = text(QUuid::createUuid());
        ids.append(id);
        expected.insert(id, QStringLiteral("%1 Paged Road|LE18 2AB|").arg(i));
    }
    expected.insert(text(own.household.id),
                    QStringLiteral("1 Synced Street|LE18 1AA|changed on the server"));
    const auto central = superuserSession(s_database);
    ASSERT_TRUE(central->exec(QStringLiteral("BEGIN")));
    ASSERT_TRUE(
        central->exec(QStringLiteral("INSERT INTO household (id, address_line1, postcode, area_id) "
                                     "SELECT u.id, u.n || ' Paged Road', 'LE18 2AB', "
                                     "(SELECT id FROM area WHERE name = ?) "
                                     "FROM unnest(CAST(? AS uuid[])) WITH ORDINALITY AS u (id, n)"),
                      {kOadby, u'{' + ids.join(u',') + u'}'}));
    ASSERT_TRUE(central->exec(QStringLiteral("UPDATE household SET notes = 'changed on the "
                                             "server' WHERE id = ?"),
                              {text(own.household.id)}));
    ASSERT_TRUE(central->exec(QStringLiteral("COMMIT")));
    ASSERT_EQ(central
                  ->value(QStringLiteral("SELECT count(DISTINCT txid) FROM household WHERE "
                                         "postcode = 'LE18 2AB' OR id = ?"),
                          {text(own.household.id)})
                  .toInt(),
              1)
        << "the changes share one transaction id";

    QList<qint64> pages;
    engine.setProgressHandler([&](qint64 done, qint64) { pages.append(done); });
    result = syncUntil(engine, [&] { return households.count().valueOr(-1) == kNew + 1; });
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    EXPECT_EQ(result.pulled, kNew + 1);
    EXPECT_GE(pages.size(), 3) << "1,000 rows a page";
    EXPECT_EQ(localRows(database,
                        QStringLiteral("SELECT id, address_line1, postcode, notes "
                                       "FROM household")),
              expected);
    EXPECT_EQ(engine.pendingCount().valueOr(-1), 0) << "pulled rows are not sent back";
    // Nothing new: nothing pulled again.
    result = engine.run(cluster().uri(s_login, s_database));
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    EXPECT_EQ(result.pulled, 0);
}

TEST_F(ChangeDownloadTest, AKeyHoldingAQuoteIsBoundNotPasted)
{
    // A table keyed by text, on both sides, whose keys hold quotes (the synced tables' text
    // key, the equipment code, is checked to hold none, so this one is the test's own).
    const auto central = superuserSession(s_database);
    ASSERT_TRUE(central->exec(
        QStringLiteral("CREATE TABLE quoted_key (code text PRIMARY KEY, name text NOT NULL, "
                       "txid xid8 NOT NULL DEFAULT pg_current_xact_id())")));
    constexpr int kRows = 2100;
    ASSERT_TRUE(
        central->exec(QStringLiteral("INSERT INTO quoted_key (code, name) SELECT 'O''Brien ' || "
                                     "lpad(CAST(n AS text), 4, '0') || ''');--', 'row ' || n "
                                     "FROM generate_series(1, ?) AS n"),
                      {kRows}));

    Database database(QStringLiteral("quoted-device"));
    ASSERT_TRUE(database.open(m_dir.filePath(QStringLiteral("quoted.db"))));
    ASSERT_TRUE(QSqlQuery(database.connection())
                    .exec(QStringLiteral("CREATE TABLE quoted_key (code TEXT PRIMARY KEY, "
                                         "name TEXT NOT NULL)")));
    const SyncedTable table {QStringLiteral("quoted_key"),
                             QStringLiteral("code"),
                             {{QStringLiteral("code"), SyncColumnKind::Text, true},
                              {QStringLiteral("name"), SyncColumnKind::Text, true}},
                             {},
                             false,
                             false,
                             false};
    ServerHello hello;
    hello.tables.append({&table, table.columns});
    CentralConnection connection(QStringLiteral("quoted-central"));
    const auto address = CentralConnection::parseUri(superuserUri(s_database));
    ASSERT_TRUE(address) << address.errorString().toStdString();
    const Status opened = connection.open(*address, cluster().superuserPassword());
    ASSERT_TRUE(opened) << opened.errorString().toStdString();

    SyncResult result;
    QList<qint64> pages;
    const SyncProgressHandler progress = [&](qint64 done, qint64) {
        pages.append(done);
    };
    SyncRun run {database.connectionName(), database.deviceId(), QStringLiteral("tester"), result,
                 progress};
    QString watermark;
    QList<HouseholdMove> moves;
    // Until the rows are below the watermark (other transactions of the cluster may hold it).
    Status downloaded;
    eventually([&] {
        watermark.clear();
        downloaded = ChangeDownload(connection, hello, run)
                         .download(QStringLiteral("0"), watermark, moves);
        return !downloaded || result.pulled == kRows;
    });
    ASSERT_TRUE(downloaded) << downloaded.errorString().toStdString();
    EXPECT_EQ(result.pulled, kRows);
    EXPECT_GE(pages.size(), 3);
    const QMap<QString, QString> rows
        = localRows(database, QStringLiteral("SELECT code, name FROM quoted_key"));
    ASSERT_EQ(rows.size(), kRows);
    EXPECT_EQ(rows.value(QStringLiteral("O'Brien 1000');--")), QStringLiteral("row 1000"));
    EXPECT_EQ(rows.value(QStringLiteral("O'Brien 2100');--")), QStringLiteral("row 2100"));
}

} // namespace saferhomes::synctest
