#pragma once

#include "domain/result.h"
#include "repository.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// A quarterly return as it was submitted: the document's bytes and their SHA-256.
struct FrozenReturn {
    QString period;
    QByteArray document;
    QString sha256; ///< lower-case hex, as stored
    QDateTime frozenAt;
    QString frozenBy;
    /// How many frozen copies of the period this device holds: more than one when the period
    /// was frozen on two devices before they synced (both are kept; this is the first).
    int versions = 1;

    /// SHA-256 of \a bytes in lower-case hex.
    static QString hashOf(const QByteArray &bytes);
    /// Whether the bytes still match the stored hash.
    bool isIntact() const { return hashOf(document) == sha256; }
};

/// Stores frozen quarterly returns unchanged (the table refuses updates and deletes) and reads
/// them back only when their bytes still match their hash.
class FrozenReturnRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(FrozenReturnRepository)

public:
    FrozenReturnRepository(const Database &database, QString userName);

    /// Stores \a document as the frozen return of \a period with its SHA-256 (audited); the
    /// sync sends it to the central database, append-only there too. Error::Refused when the
    /// period already has one here (a submitted return is never replaced), or when the register
    /// syncs as a role other than manager or admin.
    Result<FrozenReturn> freeze(const QString &period, const QByteArray &document);
    /// The frozen return of \a period, exactly as stored: the first frozen when there are
    /// several versions (FrozenReturn::versions). Error::NotFound when there is none;
    /// Error::Refused, saying it was altered, when its bytes no longer match its hash: an
    /// altered copy is never handed out as the submitted one.
    Result<FrozenReturn> find(const QString &period) const;
    /// The periods that have a frozen return, by name.
    Result<QStringList> periods() const;
};

} // namespace saferhomes
