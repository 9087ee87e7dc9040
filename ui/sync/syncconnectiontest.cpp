#include "sync/syncconnectiontest.h"

#include "store/connectionname.h"
#include "sync/centralconnection.h"

#include <QtConcurrent/QtConcurrentRun>

namespace saferhomes {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char16_t *> patterns)
{
    for (const char16_t *pattern : patterns) {
        if (text.contains(QStringView(pattern), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QFuture<SyncConnectionTest::Result> SyncConnectionTest::run(const QString &uri,
                                                            const QString &password)
{
    return QtConcurrent::run([uri, password] { return test(uri, password); });
}

SyncConnectionTest::Result SyncConnectionTest::test(const QString &uri, const QString &password)
{
    Result result;
    QString error;
    const std::optional<CentralConnection::Address> address
        = CentralConnection::parseUri(uri, &error);
    if (!address) {
        result.outcome = Outcome::BadAddress;
        result.headline = tr("These settings do not make a usable address.");
        result.detail = error;
        return result;
    }
    CentralConnection connection(ConnectionName::unique(u"saferhomes-connection-test"));
    if (connection.open(*address, password)) {
        result.outcome = Outcome::Connected;
        result.headline = tr("Connected to %1.").arg(address->display());
        result.detail = address->securityWarning();
        return result;
    }

    const QString message = connection.errorString();
    result.detail = message;
    if (connection.failure() == CentralConnection::Failure::BadAddress) {
        result.outcome = Outcome::BadAddress;
        result.headline = tr("These settings do not make a usable address.");
    } else if (isPasswordRefusal(message)) {
        result.outcome = Outcome::WrongPassword;
        result.headline = password.isEmpty()
            ? tr("The server wants a password for %1.").arg(address->user)
            : tr("Wrong password for %1.").arg(address->user);
    } else if (connection.failure() == CentralConnection::Failure::Unreachable) {
        result.outcome = Outcome::Unreachable;
        result.headline = tr("The server cannot be reached.");
    } else if (containsAny(message, {u"SSL", u"TLS", u"certificate", u"root cert"})) {
        result.outcome = Outcome::TlsFailure;
        result.headline = tr("A secure (TLS) connection could not be set up.");
    } else {
        result.outcome = Outcome::Refused;
        result.headline = tr("The server refused the connection.");
    }
    return result;
}

bool SyncConnectionTest::isPasswordRefusal(const QString &message)
{
    return containsAny(
        message,
        {u"password authentication failed", u"no password supplied", u"SCRAM authentication"});
}

} // namespace saferhomes
