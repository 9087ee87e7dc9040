#include "mbtilesstore.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("saferhomes-mbtiles-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

MbTilesStore::MbTilesStore(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

MbTilesStore::~MbTilesStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<MbTilesStore>> MbTilesStore::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Error::invalid(tr("%1: no such readable file").arg(path));
    std::unique_ptr<MbTilesStore> store(new MbTilesStore(path, nextConnectionName()));
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            return Error::invalid(
                tr("%1: cannot open the MBTiles file: %2").arg(path, db.lastError().text()));
        }
    }
    if (const Status read = store->readMetadata(); !read)
        return read.error();
    return store;
}

Status MbTilesStore::readMetadata()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // The first read tells a file that is not SQLite ("file is not a database").
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master "
                                   "WHERE type IN ('table', 'view') AND name IN "
                                   "('tiles', 'metadata')"))) {
        return Error::invalid(tr("%1 is not an MBTiles file (not an SQLite database: %2)")
                                  .arg(m_path, query.lastError().databaseText()));
    }
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    for (const QString &table : {QStringLiteral("tiles"), QStringLiteral("metadata")}) {
        if (!tables.contains(table)) {
            return Error::invalid(
                tr("%1 is not an MBTiles file: it has no \u201c%2\u201d table").arg(m_path, table));
        }
    }
    if (!query.exec(QStringLiteral("SELECT name, value FROM metadata")))
        return Error::invalid(
            tr("%1: cannot read the metadata: %2").arg(m_path, query.lastError().databaseText()));
    QHash<QString, QString> values;
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toString());
    if (values.isEmpty())
        return Error::invalid(tr("%1: the MBTiles file has no metadata").arg(m_path));
    m_metadata.name = values.value(QStringLiteral("name"));
    m_metadata.format = values.value(QStringLiteral("format")).toLower();
    if (m_metadata.format == u"jpeg")
        m_metadata.format = QStringLiteral("jpg");
    if (m_metadata.format == u"pbf") {
        return Error::invalid(tr("%1 holds vector tiles (pbf); the map needs raster tiles "
                                 "(png, jpg or webp)")
                                  .arg(m_path));
    }
    if (!QStringList {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("webp")}
             .contains(m_metadata.format)) {
        return Error::invalid(tr("%1: the metadata names no raster tile format (png, jpg or "
                                 "webp): \u201c%2\u201d")
                                  .arg(m_path, m_metadata.format));
    }
    m_metadata.attribution = values.value(QStringLiteral("attribution"));
    bool minOk = false, maxOk = false;
    m_metadata.minZoom = values.value(QStringLiteral("minzoom")).toInt(&minOk);
    m_metadata.maxZoom = values.value(QStringLiteral("maxzoom")).toInt(&maxOk);
    if (!minOk || !maxOk) {
        // Optional in MBTiles 1.3: the tiles say.
        if (!query.exec(QStringLiteral("SELECT min(zoom_level), max(zoom_level) FROM tiles"))
            || !query.next())
            return Error::invalid(
                tr("%1: cannot read the tiles: %2").arg(m_path, query.lastError().databaseText()));
        m_metadata.minZoom = query.value(0).toInt();
        m_metadata.maxZoom = query.value(1).toInt();
    }
    const QStringList bounds = values.value(QStringLiteral("bounds")).split(QLatin1Char(','));
    if (bounds.size() == 4) {
        bool ok[4] = {};
        const double west = bounds[0].toDouble(&ok[0]), south = bounds[1].toDouble(&ok[1]);
        const double east = bounds[2].toDouble(&ok[2]), north = bounds[3].toDouble(&ok[3]);
        if (ok[0] && ok[1] && ok[2] && ok[3])
            m_metadata.bounds = QRectF(QPointF(west, south), QPointF(east, north));
    }
    return {};
}

Result<std::optional<QByteArray>> MbTilesStore::tile(const TileId &tile) const
{
    if (tile.z < 0 || tile.z > 30 || tile.x < 0 || tile.y < 0 || tile.x >= (1 << tile.z)
        || tile.y >= (1 << tile.z))
        return std::optional<QByteArray>();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? "
                                 "AND tile_column = ? AND tile_row = ?"));
    query.addBindValue(tile.z);
    query.addBindValue(tile.x);
    query.addBindValue(TileMath::tmsRow(tile.z, tile.y));
    if (!query.exec())
        return Error::database(
            tr("%1: cannot read a tile: %2").arg(m_path, query.lastError().databaseText()));
    if (!query.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query.value(0).toByteArray());
}

} // namespace saferhomes
