#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

class QuarterlyReturn;

/// How one figure of a frozen return differs from the same figure computed today.
struct FigureVariance {
    QString key;
    QString label;
    qint64 frozen = 0;
    qint64 current = 0;
    QStringList added; ///< households behind the figure now that were not when it was frozen
    QStringList removed; ///< households behind it when frozen that are not now

    qint64 difference() const { return current - frozen; }
    bool changed() const { return frozen != current || !added.isEmpty() || !removed.isEmpty(); }
};

/// Later edits to the data, shown against a frozen return (issue 14 item 2): per key, the
/// frozen value, the current value, the difference and the households added and removed.
struct ReturnVariance {
    Q_DECLARE_TR_FUNCTIONS(ReturnVariance)

public:
    QString period;
    QList<FigureVariance> figures; ///< every key of either document, frozen order first

    /// How many figures changed.
    int changedCount() const;
    /// {"period", "changed", "figures": [{"key", "label", "frozen", "current", "difference",
    /// "added": [ids], "removed": [ids]}]}.
    QJsonObject toJson() const;

    /// Compares the frozen document \a frozenJson (the bytes as submitted) with \a current.
    /// Error::Invalid when the frozen bytes are not a return document.
    static Result<ReturnVariance> compare(const QByteArray &frozenJson,
                                          const QuarterlyReturn &current);
};

} // namespace saferhomes
