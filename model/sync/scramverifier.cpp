#include "scramverifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace saferhomes {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QString saslPrep(const QString &password)
{
    QString prepared;
    prepared.reserve(password.size());
    for (const QChar c : password) {
        const char16_t u = c.unicode();
        // RFC 3454 B.1 (mapped to nothing), the ones a keyboard or a paste can produce.
        if (u == 0x00AD || u == 0x200B || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF
            || u == 0x034F || u == 0x180B || u == 0x180C || u == 0x180D)
            continue;
        // C.1.2: non-ASCII spaces map to SPACE.
        prepared.append(c.isSpace() && u > 0x7F ? QChar(u' ') : c);
    }
    return prepared.normalized(QString::NormalizationForm_KC);
}

} // namespace

QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    mac.addData(salt);
    mac.addData(QByteArray("\0\0\0\1", 4)); // block index 1, big-endian
    QByteArray u = mac.result();
    QByteArray result = u;
    for (int i = 1; i < iterations; ++i) {
        mac.reset();
        mac.addData(u);
        u = mac.result();
        for (qsizetype b = 0; b < result.size(); ++b)
            result[b] = char(result[b] ^ u[b]);
    }
    return result;
}

QString scramSha256Verifier(const QString &password, QByteArray salt, int iterations)
{
    if (salt.isEmpty()) {
        salt.resize(16);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                              salt.size() / 4);
    }
    const QByteArray salted = pbkdf2Sha256(saslPrep(password).toUtf8(), salt, iterations);
    const QByteArray storedKey
        = QCryptographicHash::hash(hmac(salted, "Client Key"), QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, "Server Key");
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

} // namespace saferhomes
