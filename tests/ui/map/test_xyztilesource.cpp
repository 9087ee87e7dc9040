// Tiles from a tile server, against a tiny HTTP server in the test: the URL template, the
// User-Agent, the disk cache, and a server that fails, then comes back, or never answers.

#include "common/maprenderer.h"
#include "common/xyztilesource.h"
#include "maptestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace saferhomes::test {
namespace {

/// A minimal HTTP/1.1 server for tiles: answers GET /z/x/y.png with a solid PNG (the colour
/// from the path, so each tile differs), a 503 while "failing", or nothing while "silent".
class TinyTileServer : public QObject {
public:
    TinyTileServer()
    {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { serve(socket); });
            }
        });
    }

    QString urlTemplate() const
    {
        return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(m_server.serverPort());
    }
    static QColor colourOf(int z, int x, int y)
    {
        return QColor(z * 20, x * 40 % 256, y * 40 % 256);
    }

    bool failing = false;
    bool silent = false;
    int requests = 0;
    QByteArray lastUserAgent;

private:
    void serve(QTcpSocket *socket)
    {
        m_buffers[socket] += socket->readAll();
        const QByteArray &request = m_buffers[socket];
        if (!request.contains("\r\n\r\n"))
            return;
        ++requests;
        for (const QByteArray &line : request.split('\n')) {
            if (line.toLower().startsWith("user-agent:"))
                lastUserAgent = line.mid(11).trimmed();
        }
        const QList<QByteArray> path = request.split(' ').value(1).split('/');
        m_buffers.remove(socket);
        if (silent)
            return; // the connection stays open with no answer
        QByteArray response;
        if (failing || path.size() != 4) {
            response = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                       "Connection: close\r\n\r\n";
        } else {
            const QByteArray body = solidTileImage(
                colourOf(path[1].toInt(), path[2].toInt(), path[3].split('.').first().toInt()));
            response = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        }
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

TEST(XyzTileSource, TemplateNeedsZxyAndHttp)
{
    const Status missing
        = XyzTileSource::validateTemplate(QStringLiteral("https://tile.example.org/{z}/{x}.png"));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.errorString().contains(QStringLiteral("{z}, {x} and {y}")));
    EXPECT_TRUE(missing.errorString().contains(QStringLiteral("lacks {y}")));
    EXPECT_FALSE(XyzTileSource::validateTemplate(QStringLiteral("file:///{z}/{x}/{y}.png")).ok());
    EXPECT_FALSE(XyzTileSource::validateTemplate(QString()).ok());
    EXPECT_TRUE(XyzTileSource::validateTemplate(
                    QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                    .ok());
}

TEST(XyzTileSource, FetchesInTheBackgroundAndCachesOnDisk)
{
    TinyTileServer server;
    QTemporaryDir cache;
    XyzTileSource source(server.urlTemplate(), cache.path());
    QSignalSpy arrived(&source, &MapTileSource::tileArrived);
    EXPECT_FALSE(source.tile({12, 2034, 1338}).has_value()); // not yet: asked for
    ASSERT_TRUE(arrived.wait(30'000));
    const std::optional<QImage> tile = source.tile({12, 2034, 1338});
    ASSERT_TRUE(tile.has_value());
    EXPECT_EQ(tile->pixelColor(128, 128), TinyTileServer::colourOf(12, 2034, 1338));
    EXPECT_TRUE(server.lastUserAgent.startsWith("SaferHomes/")) << server.lastUserAgent.data();
    EXPECT_EQ(server.requests, 1);
    EXPECT_TRUE(QFile::exists(cache.filePath(QStringLiteral("12/2034/1338.tile"))));

    // A second source on the same cache reads the tile from disk, without asking the server.
    XyzTileSource again(server.urlTemplate(), cache.path());
    ASSERT_TRUE(again.tile({12, 2034, 1338}).has_value());
    EXPECT_EQ(again.inFlight(), 0);
    EXPECT_EQ(server.requests, 1);
}

TEST(XyzTileSource, TheRendererAsksOnlyForTheTilesOnScreen)
{
    TinyTileServer server;
    QTemporaryDir cache;
    XyzTileSource source(server.urlTemplate(), cache.path());
    MapRenderer renderer;
    renderer.setTileSource(&source);
    // 256 x 256 pixels centred on the corner of four zoom 3 tiles (3/3/3 to 3/4/4): those four
    // are asked for, and none of the zoom 0 to 2 tiles above them (nothing is cached yet).
    const MapViewport view(QPointF(0.5, 0.5), 3, QSizeF(256, 256));
    QImage frame = renderer.renderImage(view);
    EXPECT_EQ(frame.pixelColor(128, 128), MapStyle::light().background);
    QSignalSpy arrived(&source, &MapTileSource::tileArrived);
    QElapsedTimer waited;
    waited.start();
    while (arrived.size() < 4 && waited.elapsed() < 30'000)
        arrived.wait(100);
    ASSERT_EQ(arrived.size(), 4);
    EXPECT_EQ(server.requests, 4);
    frame = renderer.renderImage(view);
    EXPECT_EQ(frame.pixelColor(64, 64), TinyTileServer::colourOf(3, 3, 3));
    EXPECT_EQ(frame.pixelColor(200, 200), TinyTileServer::colourOf(3, 4, 4));
    EXPECT_EQ(server.requests, 4); // drawn from the cache
}

TEST(XyzTileSource, AServerThatFailsIsAskedAgainLater)
{
    TinyTileServer server;
    server.failing = true;
    QTemporaryDir cache;
    XyzTileSource::Options options;
    options.retryAfterMs = 300;
    XyzTileSource source(server.urlTemplate(), cache.path(), options);
    QSignalSpy arrived(&source, &MapTileSource::tileArrived);
    EXPECT_FALSE(source.tile({3, 1, 2}).has_value());
    QElapsedTimer waited;
    waited.start();
    while (source.failures() == 0 && waited.elapsed() < 30'000)
        arrived.wait(100);
    ASSERT_EQ(source.failures(), 1);
    // Asked for again at once: not sent again until the wait is over.
    EXPECT_FALSE(source.tile({3, 1, 2}).has_value());
    EXPECT_EQ(source.inFlight(), 0);
    EXPECT_EQ(server.requests, 1);

    server.failing = false;
    ASSERT_TRUE(arrived.wait(30'000)); // the retry's nudge to paint again
    EXPECT_FALSE(source.tile({3, 1, 2}).has_value()); // sent now
    ASSERT_TRUE(arrived.wait(30'000));
    ASSERT_TRUE(source.tile({3, 1, 2}).has_value());
    EXPECT_EQ(server.requests, 2);
}

TEST(XyzTileSource, ASilentServerNeverBlocksTheCaller)
{
    TinyTileServer server;
    server.silent = true;
    QTemporaryDir cache;
    XyzTileSource::Options options;
    options.timeoutMs = 400;
    XyzTileSource source(server.urlTemplate(), cache.path(), options);
    QElapsedTimer timer;
    timer.start();
    for (int x = 0; x < 8; ++x)
        EXPECT_FALSE(source.tile({4, x, 5}).has_value());
    EXPECT_LT(timer.elapsed(), 200); // the renderer's calls return at once
    EXPECT_EQ(source.inFlight(), 2); // two at a time, as the tile policy asks
    QSignalSpy arrived(&source, &MapTileSource::tileArrived);
    while (source.failures() < 2 && timer.elapsed() < 30'000)
        arrived.wait(100);
    EXPECT_GE(source.failures(), 2); // timed out, and the next ones sent
}

} // namespace
} // namespace saferhomes::test
