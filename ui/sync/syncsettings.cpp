#include "sync/syncsettings.h"

#include <QUrl>

#include <algorithm>

namespace saferhomes {

namespace {

const QString kHost = QStringLiteral("sync/host");
const QString kPort = QStringLiteral("sync/port");
const QString kDatabase = QStringLiteral("sync/database");
const QString kUser = QStringLiteral("sync/user");
const QString kSslMode = QStringLiteral("sync/sslMode");
const QString kCaFile = QStringLiteral("sync/caFile");
const QString kAutoSync = QStringLiteral("sync/auto");
const QString kInterval = QStringLiteral("sync/intervalMinutes");

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QString SyncSettings::Connection::uri() const
{
    // An IPv6 address goes in brackets; anything else is percent-encoded like the rest.
    const QString hostPart = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
        ? QLatin1Char('[') + host + QLatin1Char(']')
        : encoded(host);
    QString text = QStringLiteral("postgresql://%1@%2:%3/%4")
                       .arg(encoded(user), hostPart, QString::number(port), encoded(database));
    QStringList parameters;
    if (!sslMode.isEmpty())
        parameters.append(QStringLiteral("sslmode=") + encoded(sslMode));
    if (!caFile.isEmpty() && sslMode != u"disable")
        parameters.append(QStringLiteral("sslrootcert=") + encoded(caFile));
    // Over TLS, SCRAM's channel binding ties the login to this very connection, so a machine
    // in the middle cannot pass it on (DESIGN §7).
    if (sslMode == u"require" || sslMode == u"verify-ca" || sslMode == u"verify-full")
        parameters.append(QStringLiteral("channel_binding=require"));
    if (!parameters.isEmpty())
        text += QLatin1Char('?') + parameters.join(QLatin1Char('&'));
    return text;
}

QString SyncSettings::Connection::keychainKey() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host, QString::number(port), database);
}

SyncSettings::SyncSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

SyncSettings::SyncSettings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

SyncSettings::Connection SyncSettings::connection() const
{
    const Connection defaults;
    Connection connection;
    connection.host = m_settings->value(kHost).toString();
    connection.port = m_settings->value(kPort, defaults.port).toInt();
    connection.database = m_settings->value(kDatabase, defaults.database).toString();
    connection.user = m_settings->value(kUser).toString();
    connection.sslMode = m_settings->value(kSslMode, defaults.sslMode).toString();
    connection.caFile = m_settings->value(kCaFile).toString();
    return connection;
}

void SyncSettings::setConnection(const Connection &connection)
{
    m_settings->setValue(kHost, connection.host);
    m_settings->setValue(kPort, connection.port);
    m_settings->setValue(kDatabase, connection.database);
    m_settings->setValue(kUser, connection.user);
    m_settings->setValue(kSslMode, connection.sslMode);
    m_settings->setValue(kCaFile, connection.caFile);
}

bool SyncSettings::autoSync() const
{
    return m_settings->value(kAutoSync, true).toBool();
}

void SyncSettings::setAutoSync(bool on)
{
    m_settings->setValue(kAutoSync, on);
}

int SyncSettings::intervalMinutes() const
{
    return std::clamp(m_settings->value(kInterval, kDefaultIntervalMinutes).toInt(), 1, 1440);
}

void SyncSettings::setIntervalMinutes(int minutes)
{
    m_settings->setValue(kInterval, std::clamp(minutes, 1, 1440));
}

void SyncSettings::sync()
{
    m_settings->sync();
}

} // namespace saferhomes
