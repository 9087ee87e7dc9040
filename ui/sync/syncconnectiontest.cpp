#include "sync/syncconnectiontest.h"

#include "store/connectionname.h"
#include "sync/centralconnection.h"
#include "sync/connectionproblem.h"

#include <QtConcurrent/QtConcurrentRun>

namespace saferhomes {

QFuture<SyncConnectionTest::Result> SyncConnectionTest::run(const QString &uri,
                                                            const QString &password)
{
    return QtConcurrent::run([uri, password] { return test(uri, password); });
}

SyncConnectionTest::Result SyncConnectionTest::test(const QString &uri, const QString &password)
{
    Result result;
    const auto address = CentralConnection::parseUri(uri);
    if (!address) {
        result.outcome = Outcome::BadAddress;
        result.headline = tr("These settings do not make a usable address.");
        result.detail = address.errorString();
        return result;
    }
    CentralConnection connection(ConnectionName::unique(u"saferhomes-connection-test"));
    const Status opened = connection.open(*address, password);
    if (opened) {
        result.outcome = Outcome::Connected;
        result.headline = tr("Connected to %1.").arg(address->display());
        result.detail = address->securityWarning();
        return result;
    }

    result.detail = opened.errorString();
    switch (ConnectionProblem::classify(opened.error())) {
    case ConnectionProblem::Kind::BadAddress:
        result.outcome = Outcome::BadAddress;
        result.headline = tr("These settings do not make a usable address.");
        break;
    case ConnectionProblem::Kind::WrongPassword:
        result.outcome = Outcome::WrongPassword;
        result.headline = password.isEmpty()
            ? tr("The server wants a password for %1.").arg(address->user)
            : tr("Wrong password for %1.").arg(address->user);
        break;
    case ConnectionProblem::Kind::Unreachable:
        result.outcome = Outcome::Unreachable;
        result.headline = tr("The server cannot be reached.");
        break;
    case ConnectionProblem::Kind::TlsFailure:
        result.outcome = Outcome::TlsFailure;
        result.headline = tr("A secure (TLS) connection could not be set up.");
        break;
    case ConnectionProblem::Kind::Refused:
        result.outcome = Outcome::Refused;
        result.headline = tr("The server refused the connection.");
        break;
    }
    return result;
}

} // namespace saferhomes
