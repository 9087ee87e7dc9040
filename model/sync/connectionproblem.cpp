#include "sync/connectionproblem.h"

#include <initializer_list>

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

ConnectionProblem::Kind ConnectionProblem::classify(CentralConnection::Failure failure,
                                                    const QString &message)
{
    if (failure == CentralConnection::Failure::BadAddress)
        return Kind::BadAddress;
    // Before "unreachable": a refused password is the user's to fix, not a reason to wait.
    if (isPasswordRefusal(message))
        return Kind::WrongPassword;
    if (failure == CentralConnection::Failure::Unreachable)
        return Kind::Unreachable;
    if (containsAny(message, {u"SSL", u"TLS", u"certificate", u"root cert"}))
        return Kind::TlsFailure;
    return Kind::Refused;
}

ConnectionProblem::Kind ConnectionProblem::classify(const Error &error)
{
    using Failure = CentralConnection::Failure;
    const Failure failure = error.kind == Error::Kind::Invalid ? Failure::BadAddress
        : error.kind == Error::Kind::Network                   ? Failure::Unreachable
                                                               : Failure::Refused;
    return classify(failure, error.message);
}

bool ConnectionProblem::isPasswordRefusal(const QString &message)
{
    return containsAny(
        message,
        {u"password authentication failed", u"no password supplied", u"SCRAM authentication"});
}

} // namespace saferhomes
