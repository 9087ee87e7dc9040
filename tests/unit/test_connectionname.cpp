#include "store/connectionname.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace saferhomes {
namespace {

TEST(ConnectionNameTest, TheMainThreadsConnectionKeepsItsName)
{
    EXPECT_EQ(ConnectionName::main(), QStringLiteral("saferhomes"));
}

TEST(ConnectionNameTest, AWorkersNameSaysWhatItIsForAndIsNeverGivenTwice)
{
    const QString first = ConnectionName::unique(u"export-worker");
    const QString second = ConnectionName::unique(u"export-worker");
    const QRegularExpression form(QStringLiteral("^export-worker-[0-9]+$"));
    EXPECT_TRUE(form.match(first).hasMatch()) << qPrintable(first);
    EXPECT_TRUE(form.match(second).hasMatch()) << qPrintable(second);
    EXPECT_NE(first, second);
    EXPECT_NE(ConnectionName::unique(u"sync-worker"), ConnectionName::main());
}

TEST(ConnectionNameTest, ThreadsAskingAtOnceAllGetDifferentNames)
{
    constexpr int threads = 8;
    constexpr int each = 500;
    std::vector<QStringList> names(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&names, t] {
            for (int i = 0; i < each; ++i)
                names[t].append(ConnectionName::unique(t % 2 ? u"import-worker" : u"import"));
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    QSet<QString> all;
    for (const QStringList &list : names) {
        for (const QString &name : list)
            all.insert(name);
    }
    EXPECT_EQ(all.size(), threads * each);
}

} // namespace
} // namespace saferhomes
