#include "domain/uuidgenerator.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace saferhomes;

TEST(UuidGenerator, MakesVersion7IdsInIncreasingOrder)
{
    UuidGenerator generator;
    QString previous;
    QSet<QUuid> seen;
    for (int i = 0; i < 20000; ++i) {
        const QUuid id = generator.next();
        EXPECT_EQ(id.data3 >> 12, 7); // Qt 6.4 reports versions above 5 as unknown
        EXPECT_EQ(id.variant(), QUuid::DCE);
        const QString text = id.toString(QUuid::WithoutBraces);
        ASSERT_GT(text, previous) << "ids must sort in the order they were made";
        previous = text;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 20000);
}

TEST(UuidGenerator, TwoGeneratorsDoNotCollide)
{
    UuidGenerator a;
    UuidGenerator b;
    QSet<QUuid> seen;
    for (int i = 0; i < 5000; ++i) {
        seen.insert(a.next());
        seen.insert(b.next());
    }
    EXPECT_EQ(seen.size(), 10000);
}
