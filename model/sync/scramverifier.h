#pragma once

#include <QByteArray>
#include <QString>

namespace saferhomes {

/// The SCRAM-SHA-256 verifier PostgreSQL stores for \a password (RFC 5802, RFC 7677; the
/// format of pg_authid.rolpassword): `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`.
/// CREATE ROLE ... PASSWORD '<verifier>' then never carries the password itself, so it cannot
/// appear in the server's statement log. The password is prepared as PostgreSQL's SASLprep
/// does for the cases that occur in practice (non-ASCII spaces mapped to spaces, soft hyphens
/// and zero-width characters removed, NFKC). \a salt empty: 16 random bytes.
QString scramSha256Verifier(const QString &password, QByteArray salt = {}, int iterations = 4096);

/// PBKDF2-HMAC-SHA-256 (RFC 8018) of \a password with \a salt, one 32-byte block.
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations);

} // namespace saferhomes
