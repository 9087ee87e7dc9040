#include "domain/result.h"

#include <gtest/gtest.h>

#include <QStringList>

using saferhomes::Error;
using saferhomes::Result;
using saferhomes::Status;

namespace {

Result<int> parsePositive(const QString &text)
{
    bool isNumber = false;
    const int value = text.toInt(&isNumber);
    if (!isNumber)
        return Error::invalid(QStringLiteral("\"%1\" is not a number").arg(text));
    if (value <= 0)
        return Error::invalid(QStringLiteral("%1 is not positive").arg(value));
    return value;
}

Status requireNonEmpty(const QStringList &list)
{
    if (list.isEmpty())
        return Error::notFound(QStringLiteral("nothing to read"));
    return {};
}

} // namespace

TEST(ResultTest, HoldsTheValueWhenItSucceeds)
{
    const Result<int> result = parsePositive(QStringLiteral("42"));
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(static_cast<bool>(result));
    EXPECT_EQ(result.value(), 42);
    EXPECT_EQ(*result, 42);
    EXPECT_EQ(result.errorString(), QString());
}

TEST(ResultTest, HoldsTheErrorWhenItFails)
{
    const Result<int> result = parsePositive(QStringLiteral("forty"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(result.errorString(), QStringLiteral("\"forty\" is not a number"));
    EXPECT_EQ(result.valueOr(-1), -1);
}

TEST(ResultTest, WithinPutsTheContextInFront)
{
    const Error error = Error::database(QStringLiteral("no such table: household"));
    const Error outer = error.within(QStringLiteral("Counting households"));
    EXPECT_EQ(outer.kind, Error::Kind::Database);
    EXPECT_EQ(outer.message, QStringLiteral("Counting households: no such table: household"));
    EXPECT_EQ(Error::locked(QString()).within(QStringLiteral("Opening")).message,
              QStringLiteral("Opening"));
}

TEST(ResultTest, StatusIsOkOrAnError)
{
    EXPECT_TRUE(requireNonEmpty({QStringLiteral("a")}).ok());
    const Status failed = requireNonEmpty({});
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(failed.errorString(), QStringLiteral("nothing to read"));
}

TEST(ResultTest, MovesTheValueOut)
{
    Result<QStringList> result = QStringList {QStringLiteral("x"), QStringLiteral("y")};
    const QStringList taken = std::move(result).value();
    EXPECT_EQ(taken, (QStringList {QStringLiteral("x"), QStringLiteral("y")}));
}
