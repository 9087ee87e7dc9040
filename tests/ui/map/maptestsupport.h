#pragma once

// Helpers of the map tests: MBTiles files made by the test, each tile a solid colour.

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <gtest/gtest.h>

namespace saferhomes::test {

/// One tile of a test MBTiles file, addressed as the file stores it (TMS row).
struct SolidTile {
    int zoom;
    int column;
    int tmsRow;
    QByteArray bytes; ///< the tile_data blob
};

/// A 256 x 256 PNG (or \a format) of one colour.
inline QByteArray solidTileImage(const QColor &color, const char *format = "PNG")
{
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/// Writes an MBTiles 1.3 file at \a path with \a tiles and the metadata given.
inline void writeMbTiles(const QString &path, const QList<SolidTile> &tiles, int minZoom,
                         int maxZoom, const QString &format = QStringLiteral("png"),
                         const QString &attribution = {})
{
    const QString name = QStringLiteral("test-mbtiles-maker");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)")));
        ASSERT_TRUE(query.exec(QStringLiteral("CREATE TABLE tiles (zoom_level INTEGER, "
                                              "tile_column INTEGER, tile_row INTEGER, "
                                              "tile_data BLOB)")));
        const QList<std::pair<QString, QString>> metadata {
            {QStringLiteral("name"), QStringLiteral("test")},
            {QStringLiteral("format"), format},
            {QStringLiteral("minzoom"), QString::number(minZoom)},
            {QStringLiteral("maxzoom"), QString::number(maxZoom)},
            {QStringLiteral("attribution"), attribution}};
        for (const auto &[key, value] : metadata) {
            query.prepare(QStringLiteral("INSERT INTO metadata VALUES (?, ?)"));
            query.addBindValue(key);
            query.addBindValue(value);
            ASSERT_TRUE(query.exec()) << query.lastError().text().toStdString();
        }
        for (const SolidTile &tile : tiles) {
            query.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
            query.addBindValue(tile.zoom);
            query.addBindValue(tile.column);
            query.addBindValue(tile.tmsRow);
            query.addBindValue(tile.bytes);
            ASSERT_TRUE(query.exec()) << query.lastError().text().toStdString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace saferhomes::test
