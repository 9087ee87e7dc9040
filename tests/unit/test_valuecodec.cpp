// The sync's value codec (model/sync/valuecodec.h): how values travel between the central
// database and the local store. Expected values are written out by hand.

#include "sync/valuecodec.h"

#include <gtest/gtest.h>

#include <QJsonValue>
#include <QVariantMap>

using namespace saferhomes;

namespace {

SyncColumn column(SyncColumnKind kind)
{
    return {QStringLiteral("c"), kind, false};
}

} // namespace

TEST(ValueCodec, ServerTimesBecomeStoreTimesInMilliseconds)
{
    EXPECT_EQ(valuecodec::storeTime(QStringLiteral("2026-11-24 09:30:00.123456+00")),
              QStringLiteral("2026-11-24T09:30:00.123Z"));
    EXPECT_EQ(valuecodec::storeTime(QStringLiteral("2026-11-24 09:30:00.5+00")),
              QStringLiteral("2026-11-24T09:30:00.500Z"));
    EXPECT_EQ(valuecodec::storeTime(QStringLiteral("2026-11-24 09:30:00+00")),
              QStringLiteral("2026-11-24T09:30:00.000Z"));
    EXPECT_EQ(valuecodec::storeTime(QStringLiteral("short")), QStringLiteral("short"));
}

TEST(ValueCodec, PushAnswersScalarsAsConflictText)
{
    EXPECT_EQ(valuecodec::jsonText(QJsonValue(QStringLiteral("B's note"))),
              QStringLiteral("B's note"));
    EXPECT_EQ(valuecodec::jsonText(QJsonValue(7)), QStringLiteral("7"));
    EXPECT_EQ(valuecodec::jsonText(QJsonValue(52.7663)), QStringLiteral("52.7663"));
    EXPECT_EQ(valuecodec::jsonText(QJsonValue(true)), QStringLiteral("true"));
    EXPECT_TRUE(valuecodec::jsonText(QJsonValue()).isNull());
}

TEST(ValueCodec, ServerExpressionsReadEachKindAsTheDownloadSendsIt)
{
    EXPECT_EQ(valuecodec::serverExpression(column(SyncColumnKind::Text)),
              QStringLiteral("CAST(t.c AS text)"));
    EXPECT_EQ(valuecodec::serverExpression(column(SyncColumnKind::Clock)),
              QStringLiteral("to_char(t.c, 'HH24:MI')"));
    EXPECT_EQ(valuecodec::serverExpression(column(SyncColumnKind::Bytes)),
              QStringLiteral("encode(t.c, 'hex')"));
    EXPECT_EQ(valuecodec::serverExpression(column(SyncColumnKind::Integer)), QStringLiteral("t.c"));
}

TEST(ValueCodec, LocalValuesByKind)
{
    const QHash<QString, QString> areas {
        {QStringLiteral("server-area"), QStringLiteral("device-area")}};
    const auto local = [&](SyncColumnKind kind, const QVariant &value) {
        return valuecodec::localValue(column(kind), value, areas);
    };
    EXPECT_EQ(local(SyncColumnKind::Bool, true), QVariant(1));
    EXPECT_EQ(local(SyncColumnKind::Bool, false), QVariant(0));
    EXPECT_EQ(local(SyncColumnKind::Integer, QStringLiteral("42")), QVariant(qlonglong(42)));
    EXPECT_EQ(local(SyncColumnKind::Real, QStringLiteral("-1.25")), QVariant(-1.25));
    EXPECT_EQ(local(SyncColumnKind::Bytes, QStringLiteral("48690a")), QVariant(QByteArray("Hi\n")));
    EXPECT_EQ(local(SyncColumnKind::Time, QStringLiteral("2026-01-02 03:04:05.678+00")),
              QVariant(QStringLiteral("2026-01-02T03:04:05.678Z")));
    EXPECT_EQ(local(SyncColumnKind::Json, QVariantMap {{QStringLiteral("a"), 1}}),
              QVariant(QStringLiteral("{\"a\":1}")));
    EXPECT_EQ(local(SyncColumnKind::Json, QStringLiteral("{\"b\":2}")),
              QVariant(QStringLiteral("{\"b\":2}")));
    EXPECT_EQ(local(SyncColumnKind::AreaName, QStringLiteral("server-area")),
              QVariant(QStringLiteral("device-area")));
    // An area this device does not know, and a null of any kind, are SQL NULL.
    EXPECT_TRUE(local(SyncColumnKind::AreaName, QStringLiteral("other")).isNull());
    EXPECT_TRUE(local(SyncColumnKind::Integer, QVariant()).isNull());
}

TEST(ValueCodec, XidsAreDecimalDigitsOnly)
{
    EXPECT_TRUE(valuecodec::isXid(QStringLiteral("0")));
    EXPECT_TRUE(valuecodec::isXid(QStringLiteral("18446744073709551615")));
    EXPECT_FALSE(valuecodec::isXid(QString()));
    EXPECT_FALSE(valuecodec::isXid(QStringLiteral("12a")));
    EXPECT_FALSE(valuecodec::isXid(QStringLiteral("1'; DROP TABLE household;--")));
}

TEST(ValueCodec, IdListsKeepOnlyUuids)
{
    const QStringList ids {QStringLiteral("{6CA8B7C5-AA59-430A-9848-68CFAF580052}"),
                           QStringLiteral("x'); DELETE FROM household;--"),
                           QStringLiteral("00000000-0000-0000-0000-0000000000ab")};
    EXPECT_EQ(valuecodec::validUuids(ids),
              QStringList({QStringLiteral("6ca8b7c5-aa59-430a-9848-68cfaf580052"),
                           QStringLiteral("00000000-0000-0000-0000-0000000000ab")}));
    EXPECT_EQ(valuecodec::localIdList(ids),
              QStringLiteral("'6ca8b7c5-aa59-430a-9848-68cfaf580052',"
                             "'00000000-0000-0000-0000-0000000000ab'"));
    EXPECT_EQ(valuecodec::serverIdList(ids),
              QStringLiteral("'6ca8b7c5-aa59-430a-9848-68cfaf580052'::uuid,"
                             "'00000000-0000-0000-0000-0000000000ab'::uuid"));
    EXPECT_EQ(valuecodec::localIdList({QStringLiteral("nope")}), QStringLiteral("NULL"));
    EXPECT_EQ(valuecodec::serverIdList({}), QStringLiteral("NULL::uuid"));
}
