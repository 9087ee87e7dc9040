// The SCRAM-SHA-256 verifier sent instead of a password when a login is created (so the
// password never appears in a statement the server might log): PBKDF2 against published
// vectors and the verifier against one computed independently (Python's hashlib and hmac).

#include "sync/scramverifier.h"

#include <gtest/gtest.h>

namespace saferhomes {
namespace {

TEST(ScramVerifier, Pbkdf2MatchesPublishedVectors)
{
    // RFC 7914 section 11 (first 32 bytes) and the widely published 4096-iteration vector.
    EXPECT_EQ(pbkdf2Sha256("passwd", "salt", 1).toHex(),
              QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    EXPECT_EQ(pbkdf2Sha256("password", "salt", 4096).toHex(),
              QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"));
}

TEST(ScramVerifier, MatchesAnIndependentComputation)
{
    QByteArray salt;
    for (char b = 0; b < 16; ++b)
        salt.append(b);
    EXPECT_EQ(scramSha256Verifier(QStringLiteral("p\u00e4ssw\u00f6rd"), salt, 4096),
              QStringLiteral("SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$"
                             "HV4TtNKIt8oOQWZCIedFYDVMOGn3/uurWVfN15VjjP4=:"
                             "bGoGbn5l5XEF6vc5q836UvsaNZ/n1s4zNZ+A5nNQQv8="));
    // SASLprep: the decomposed spelling and a soft hyphen make the same verifier.
    EXPECT_EQ(scramSha256Verifier(QStringLiteral("pa\u0308ssw\u00ad\u00f6rd"), salt, 4096),
              scramSha256Verifier(QStringLiteral("p\u00e4ssw\u00f6rd"), salt, 4096));
}

TEST(ScramVerifier, SaltsAreRandom)
{
    const QString a = scramSha256Verifier(QStringLiteral("secret"));
    const QString b = scramSha256Verifier(QStringLiteral("secret"));
    EXPECT_TRUE(a.startsWith(QStringLiteral("SCRAM-SHA-256$4096:")));
    EXPECT_NE(a, b);
    EXPECT_FALSE(a.contains(QStringLiteral("secret")));
}

} // namespace
} // namespace saferhomes
