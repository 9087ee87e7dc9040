#include "sync/connectionproblem.h"

#include <gtest/gtest.h>

namespace saferhomes {
namespace {

using Failure = CentralConnection::Failure;
using Kind = ConnectionProblem::Kind;

// Messages as libpq and PostgreSQL 15 word them.
const QString kWrongPassword = QStringLiteral(
    "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication "
    "failed for user \"officer_a\"");
const QString kNoPassword = QStringLiteral(
    "connection to server at \"127.0.0.1\", port 5432 failed: fe_sendauth: no password supplied");
const QString kPortClosed = QStringLiteral(
    "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server "
    "running on that host and accepting TCP/IP connections?");
const QString kUntrusted = QStringLiteral(
    "connection to server at \"db.example.org\" (192.0.2.1), port 5432 failed: SSL error: "
    "certificate verify failed");
const QString kNoRootCert = QStringLiteral(
    "root certificate file \"/home/jo/.postgresql/root.crt\" does not exist\nEither provide the "
    "file or change sslmode to disable server certificate verification.");
const QString kNoDatabase = QStringLiteral(
    "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"saferhome\" "
    "does not exist");

TEST(ConnectionProblemTest, ARefusedOrMissingPasswordIsForgotten)
{
    EXPECT_TRUE(ConnectionProblem::isPasswordRefusal(kWrongPassword));
    EXPECT_TRUE(ConnectionProblem::isPasswordRefusal(kNoPassword));
    EXPECT_TRUE(ConnectionProblem::isPasswordRefusal(
        QStringLiteral("SCRAM authentication failed: channel binding required")));
    EXPECT_FALSE(ConnectionProblem::isPasswordRefusal(kPortClosed));
    EXPECT_FALSE(ConnectionProblem::isPasswordRefusal(kUntrusted));
    EXPECT_FALSE(ConnectionProblem::isPasswordRefusal(kNoDatabase));
    EXPECT_FALSE(ConnectionProblem::isPasswordRefusal(QString()));
}

TEST(ConnectionProblemTest, EachFailureIsNamedForWhatTheUserCanDo)
{
    EXPECT_EQ(ConnectionProblem::classify(Failure::BadAddress, QString()), Kind::BadAddress);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Refused, kWrongPassword), Kind::WrongPassword);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Refused, kNoPassword), Kind::WrongPassword);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Unreachable, kPortClosed), Kind::Unreachable);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Refused, kUntrusted), Kind::TlsFailure);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Refused, kNoRootCert), Kind::TlsFailure);
    EXPECT_EQ(ConnectionProblem::classify(Failure::Refused, kNoDatabase), Kind::Refused);
}

TEST(ConnectionProblemTest, ARefusedPasswordCountsEvenWhenTheLinkLooksDown)
{
    // A password refused is the user's to fix; waiting for the server would not help.
    EXPECT_EQ(ConnectionProblem::classify(Failure::Unreachable, kWrongPassword),
              Kind::WrongPassword);
    // An unusable address stays the address's fault whatever libpq said.
    EXPECT_EQ(ConnectionProblem::classify(Failure::BadAddress, kWrongPassword), Kind::BadAddress);
}

} // namespace
} // namespace saferhomes
