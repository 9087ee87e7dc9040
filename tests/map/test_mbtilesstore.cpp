#include "store/mbtilesstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace saferhomes {
namespace {

/// Writes an SQLite file at \a path with \a statements (run in order), as a tool would.
void writeSqlite(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("test-mbtiles-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ASSERT_TRUE(query.exec(statement)) << query.lastError().text().toStdString();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

const QStringList kSchema {
    QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)"),
    QStringLiteral("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                   "tile_row INTEGER, tile_data BLOB)"),
};

class MbTilesStoreTest : public ::testing::Test {
protected:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(MbTilesStoreTest, ReadsMetadataAndFlipsRows)
{
    const QString file = path(QStringLiteral("good.mbtiles"));
    QStringList statements = kSchema;
    statements << QStringLiteral("INSERT INTO metadata VALUES ('name', 'Melton'), "
                                 "('format', 'png'), ('minzoom', '1'), ('maxzoom', '2'), "
                                 "('bounds', '-1.2,52.5,-0.7,52.9'), "
                                 "('attribution', '(c) OpenStreetMap contributors')")
               // XYZ tile 1/0/0 (north-west) is TMS row 1; XYZ 1/0/1 is TMS row 0.
               << QStringLiteral("INSERT INTO tiles VALUES (1, 0, 1, x'4e57'), "
                                 "(1, 0, 0, x'5357'), (2, 3, 0, x'0203')");
    writeSqlite(file, statements);
    const auto store = MbTilesStore::open(file);
    ASSERT_TRUE(store.ok()) << store.errorString().toStdString();
    const MbTilesMetadata &metadata = (*store)->metadata();
    EXPECT_EQ(metadata.name, QStringLiteral("Melton"));
    EXPECT_EQ(metadata.format, QStringLiteral("png"));
    EXPECT_EQ(metadata.minZoom, 1);
    EXPECT_EQ(metadata.maxZoom, 2);
    ASSERT_TRUE(metadata.bounds.has_value());
    EXPECT_DOUBLE_EQ(metadata.bounds->left(), -1.2);
    EXPECT_DOUBLE_EQ(metadata.bounds->bottom(), 52.9);
    EXPECT_EQ(metadata.attribution, QStringLiteral("(c) OpenStreetMap contributors"));

    EXPECT_EQ((*store)->tile({1, 0, 0}).value(), QByteArray("NW"));
    EXPECT_EQ((*store)->tile({1, 0, 1}).value(), QByteArray("SW"));
    EXPECT_EQ((*store)->tile({2, 3, 3}).value(), QByteArray("\x02\x03"));
    EXPECT_FALSE((*store)->tile({1, 1, 0}).value().has_value());
    EXPECT_FALSE((*store)->tile({1, 5, 0}).value().has_value()); // off the map
}

TEST_F(MbTilesStoreTest, ZoomsFromTheTilesWhenTheMetadataOmitsThem)
{
    const QString file = path(QStringLiteral("nozoom.mbtiles"));
    QStringList statements = kSchema;
    statements << QStringLiteral("INSERT INTO metadata VALUES ('name', 'x'), ('format', 'jpeg')")
               << QStringLiteral("INSERT INTO tiles VALUES (3, 0, 0, x'00'), (5, 0, 0, x'00')");
    writeSqlite(file, statements);
    const auto store = MbTilesStore::open(file);
    ASSERT_TRUE(store.ok()) << store.errorString().toStdString();
    EXPECT_EQ((*store)->metadata().format, QStringLiteral("jpg"));
    EXPECT_EQ((*store)->metadata().minZoom, 3);
    EXPECT_EQ((*store)->metadata().maxZoom, 5);
    EXPECT_FALSE((*store)->metadata().bounds.has_value());
}

TEST_F(MbTilesStoreTest, RefusesAFileThatIsNotSqlite)
{
    const QString file = path(QStringLiteral("text.mbtiles"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QByteArray("This is a text file, not a database.\n").repeated(200));
    out.close();
    const auto store = MbTilesStore::open(file);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_TRUE(store.errorString().startsWith(
        file + QStringLiteral(" is not an MBTiles file (not an SQLite database: ")))
        << store.errorString().toStdString();
}

TEST_F(MbTilesStoreTest, RefusesAMissingFile)
{
    const auto store = MbTilesStore::open(path(QStringLiteral("absent.mbtiles")));
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(store.errorString(),
              path(QStringLiteral("absent.mbtiles")) + QStringLiteral(": no such readable file"));
    // Opening read-only never creates the file.
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("absent.mbtiles"))));
}

TEST_F(MbTilesStoreTest, RefusesMissingTables)
{
    const QString noTiles = path(QStringLiteral("notiles.mbtiles"));
    writeSqlite(noTiles, {QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)")});
    auto store = MbTilesStore::open(noTiles);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(store.errorString(),
              noTiles
                  + QStringLiteral(" is not an MBTiles file: it has no \u201ctiles\u201d table"));

    const QString noMetadata = path(QStringLiteral("nometa.mbtiles"));
    writeSqlite(noMetadata, {kSchema[1]});
    store = MbTilesStore::open(noMetadata);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(
        store.errorString(),
        noMetadata
            + QStringLiteral(" is not an MBTiles file: it has no \u201cmetadata\u201d table"));
}

TEST_F(MbTilesStoreTest, RefusesEmptyMetadataAndVectorTiles)
{
    const QString empty = path(QStringLiteral("empty.mbtiles"));
    writeSqlite(empty, kSchema);
    auto store = MbTilesStore::open(empty);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(store.errorString(), empty + QStringLiteral(": the MBTiles file has no metadata"));

    const QString vector = path(QStringLiteral("vector.mbtiles"));
    QStringList statements = kSchema;
    statements << QStringLiteral("INSERT INTO metadata VALUES ('name', 'v'), ('format', 'pbf')");
    writeSqlite(vector, statements);
    store = MbTilesStore::open(vector);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(store.errorString(),
              vector
                  + QStringLiteral(" holds vector tiles (pbf); the map needs raster tiles (png, "
                                   "jpg or webp)"));
}

} // namespace
} // namespace saferhomes
