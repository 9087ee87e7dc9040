#include "centralconnection.h"

#include "synclog.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace saferhomes {

namespace {

QString decode(QStringView text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// A value for a libpq conninfo string: quoted, with backslashes and quotes escaped.
QString conninfoValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isLoopback(const QString &host)
{
    return host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == u"localhost"
        || host == u"127.0.0.1" || host == u"::1";
}

bool parsePort(QStringView text, int *port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return false;
    *port = value;
    return true;
}

// host[:port] or [ipv6][:port]
Status parseHostSpec(QStringView spec, CentralConnection::Address *address)
{
    QStringView host = spec;
    QStringView port;
    if (spec.startsWith(u'[')) {
        const qsizetype close = spec.indexOf(u']');
        if (close < 0) {
            return Error::invalid(
                CentralConnection::tr("the host address is missing its closing \u201c]\u201d"));
        }
        host = spec.mid(1, close - 1);
        const QStringView rest = spec.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':')) {
            return Error::invalid(CentralConnection::tr("unexpected text after the host address"));
        }
        port = rest.mid(1);
    } else if (const qsizetype colon = spec.lastIndexOf(u':'); colon >= 0) {
        host = spec.left(colon);
        port = spec.mid(colon + 1);
    }
    address->host = decode(host);
    if (!port.isEmpty() && !parsePort(port, &address->port)) {
        return Error::invalid(
            CentralConnection::tr("\u201c%1\u201d is not a port number").arg(port.toString()));
    }
    return {};
}

Status applyParameter(const QString &key, const QString &value, CentralConnection::Address *address)
{
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z_]+$"));
    if (!keyPattern.match(key).hasMatch()) {
        return Error::invalid(
            CentralConnection::tr("\u201c%1\u201d is not a connection parameter").arg(key));
    }
    if (key == u"password" || key == u"passfile") {
        return Error::invalid(
            CentralConnection::tr("the URI may not hold a password: set PGPASSWORD instead"));
    }
    // Qt joins connect options with ';', so a value cannot hold one.
    if (value.contains(QLatin1Char(';'))) {
        return Error::invalid(
            CentralConnection::tr("the value of %1 may not contain \u201c;\u201d").arg(key));
    }
    if (key == u"host") {
        address->host = value;
    } else if (key == u"port") {
        if (!parsePort(value, &address->port)) {
            return Error::invalid(
                CentralConnection::tr("\u201c%1\u201d is not a port number").arg(value));
        }
    } else if (key == u"dbname") {
        address->database = value;
    } else if (key == u"user") {
        address->user = value;
    } else {
        if (key == u"sslmode")
            address->sslMode = value;
        address->options.append(key + QLatin1Char('=') + conninfoValue(value));
    }
    return {};
}

bool hasOption(const QStringList &options, QLatin1StringView key)
{
    for (const QString &option : options) {
        if (option.section(QLatin1Char('='), 0, 0) == key)
            return true;
    }
    return false;
}

} // namespace

QString CentralConnection::Address::display() const
{
    QString text;
    if (!user.isEmpty())
        text += user + QLatin1Char('@');
    text += host.isEmpty() ? tr("local socket") : host;
    if (port != -1)
        text += QLatin1Char(':') + QString::number(port);
    if (!database.isEmpty())
        text += QLatin1Char('/') + database;
    return text;
}

QString CentralConnection::Address::securityWarning() const
{
    if (isLoopback(host) || sslMode == u"verify-full")
        return {};
    return tr("the connection to %1 does not verify the server's certificate: add "
              "sslmode=verify-full to the URI")
        .arg(host);
}

Result<CentralConnection::Address> CentralConnection::parseUri(const QString &uri)
{
    QStringView rest(uri);
    rest = rest.trimmed();
    if (rest.startsWith(u"postgresql://"))
        rest = rest.mid(13);
    else if (rest.startsWith(u"postgres://"))
        rest = rest.mid(11);
    else {
        return Error::invalid(tr("\u201c%1\u201d is not a postgresql:// URI").arg(uri));
    }

    QStringView query;
    if (const qsizetype question = rest.indexOf(u'?'); question >= 0) {
        query = rest.mid(question + 1);
        rest = rest.left(question);
    }
    QStringView path;
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        path = rest.mid(slash + 1);
        rest = rest.left(slash);
    }

    Address address;
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        const QStringView user = rest.left(at);
        if (user.contains(u':')) {
            return Error::invalid(tr("the URI may not hold a password: set PGPASSWORD instead"));
        }
        address.user = decode(user);
        rest = rest.mid(at + 1);
    }
    if (rest.contains(u',')) {
        return Error::invalid(tr("several hosts in one URI are not supported"));
    }
    if (const Status parsed = parseHostSpec(rest, &address); !parsed)
        return parsed.error();
    address.database = decode(path);

    if (!query.isEmpty()) {
        for (const QStringView pair : query.split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            if (equals <= 0) {
                return Error::invalid(tr("\u201c%1\u201d is not key=value").arg(pair.toString()));
            }
            if (const Status applied
                = applyParameter(decode(pair.left(equals)), decode(pair.mid(equals + 1)), &address);
                !applied)
                return applied.error();
        }
    }
    return address;
}

CentralConnection::CentralConnection(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

CentralConnection::~CentralConnection()
{
    close();
}

QSqlDatabase CentralConnection::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void CentralConnection::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status CentralConnection::open(const QString &uri)
{
    const Result<Address> address = parseUri(uri);
    if (!address) {
        close();
        return address.error();
    }
    return open(*address, qEnvironmentVariable("PGPASSWORD"));
}

Status CentralConnection::open(const Address &address, const QString &password)
{
    close();
    m_address = address;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Error::refused(tr("the PostgreSQL driver of Qt SQL (QPSQL) is not installed; on "
                                 "Debian it is the package libqt6sql6-psql"));
    }

    QStringList options = address.options;
    // Without a timeout a silently dropped packet leaves libpq waiting for minutes.
    if (!hasOption(options, QLatin1StringView("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=10"));
    if (!hasOption(options, QLatin1StringView("application_name")))
        options.append(QStringLiteral("application_name=saferhomes"));

    bool opened = false;
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        db.setPassword(password);
        db.setConnectOptions(options.join(QLatin1Char(';')));
        opened = db.open();
        if (!opened)
            message = serverMessage(db.lastError());
    }
    if (opened) {
        qCDebug(lcSync) << "connected to" << address.display();
        return {};
    }
    close();
    if (classifyConnectError(message) == Failure::Unreachable) {
        const QString text
            = tr("cannot reach the central database at %1: %2").arg(address.display(), message);
        qCDebug(lcSync) << text;
        return Error::network(text);
    }
    const QString text = tr("the central database at %1 refused the connection: %2")
                             .arg(address.display(), message);
    qCDebug(lcSync) << text;
    return Error::refused(text);
}

Error CentralConnection::statementError(const QString &what, const QSqlError &error) const
{
    const QString server = serverMessage(error);
    const QString message = what.isEmpty() ? server : what + QStringLiteral(": ") + server;
    qCDebug(lcSync) << message;
    return classifyStatementError(error) == Failure::Unreachable ? Error::network(message)
                                                                 : Error::refused(message);
}

CentralConnection::Failure CentralConnection::classifyConnectError(const QString &message)
{
    // libpq reports connection failures as text only. Servers that answer but cannot take a
    // connection now are "retry later"; any other answer from the server (a FATAL message)
    // and certificate or password problems are refusals; the rest is the network.
    static const QStringList transient {
        QStringLiteral("starting up"),          QStringLiteral("shutting down"),
        QStringLiteral("in recovery"),          QStringLiteral("too many clients"),
        QStringLiteral("too many connections"), QStringLiteral("SSL SYSCALL"),
    };
    static const QStringList refused {
        QStringLiteral("FATAL"),           QStringLiteral("authentication"),
        QStringLiteral("password"),        QStringLiteral("SSL"),
        QStringLiteral("certificate"),     QStringLiteral("pg_hba.conf"),
        QStringLiteral("channel binding"),
    };
    for (const QString &pattern : transient) {
        if (message.contains(pattern, Qt::CaseInsensitive))
            return Failure::Unreachable;
    }
    for (const QString &pattern : refused) {
        if (message.contains(pattern, Qt::CaseInsensitive))
            return Failure::Refused;
    }
    return Failure::Unreachable;
}

CentralConnection::Failure CentralConnection::classifyStatementError(const QSqlError &error) const
{
    // QPSQL's isOpen() asks libpq whether the connection is still good.
    if (!connection().isOpen())
        return Failure::Unreachable;
    const QString state = error.nativeErrorCode();
    if (state.startsWith(u"08") || state.startsWith(u"53") || state.startsWith(u"57")
        || state == u"40001" || state == u"40P01")
        return Failure::Unreachable;
    return Failure::Refused;
}

QString CentralConnection::serverMessage(const QSqlError &error)
{
    QString text = error.databaseText();
    const QString suffix = QLatin1Char('(') + error.nativeErrorCode() + QLatin1Char(')');
    if (!error.nativeErrorCode().isEmpty() && text.endsWith(suffix))
        text.chop(suffix.size());
    if (text.trimmed().isEmpty())
        text = error.driverText();
    text = text.simplified();
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL):\\s*"));
    text.remove(severity);
    return text;
}

} // namespace saferhomes
