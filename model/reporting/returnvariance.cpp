#include "returnvariance.h"

#include "reporting/quarterlyreturn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace saferhomes {

namespace {

QStringList difference(const QStringList &from, const QStringList &without)
{
    const QSet<QString> excluded(without.cbegin(), without.cend());
    QStringList left;
    for (const QString &id : from) {
        if (!excluded.contains(id))
            left.append(id);
    }
    std::sort(left.begin(), left.end());
    return left;
}

} // namespace

int ReturnVariance::changedCount() const
{
    return int(std::count_if(figures.cbegin(), figures.cend(),
                             [](const FigureVariance &f) { return f.changed(); }));
}

QJsonObject ReturnVariance::toJson() const
{
    QJsonArray array;
    for (const FigureVariance &f : figures) {
        array.append(
            QJsonObject {{QStringLiteral("key"), f.key},
                         {QStringLiteral("label"), f.label},
                         {QStringLiteral("frozen"), f.frozen},
                         {QStringLiteral("current"), f.current},
                         {QStringLiteral("difference"), f.difference()},
                         {QStringLiteral("added"), QJsonArray::fromStringList(f.added)},
                         {QStringLiteral("removed"), QJsonArray::fromStringList(f.removed)}});
    }
    return {{QStringLiteral("period"), period},
            {QStringLiteral("changed"), changedCount()},
            {QStringLiteral("figures"), array}};
}

Result<ReturnVariance> ReturnVariance::compare(const QByteArray &frozenJson,
                                               const QuarterlyReturn &current)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frozenJson, &parseError);
    const QJsonObject frozen = document.object();
    if (parseError.error != QJsonParseError::NoError || !frozen.value(u"figures").isArray()) {
        return Error::invalid(
            tr("The frozen return is not a return document: %1").arg(parseError.errorString()));
    }
    ReturnVariance variance;
    variance.period = frozen.value(u"period").toString();
    QSet<QString> seen;
    const QJsonArray frozenFigures = frozen.value(u"figures").toArray();
    for (const QJsonValue &value : frozenFigures) {
        const QJsonObject figure = value.toObject();
        FigureVariance f;
        f.key = figure.value(u"key").toString();
        f.label = figure.value(u"label").toString();
        f.frozen = figure.value(u"value").toInteger();
        QStringList frozenIds;
        const QJsonArray ids = figure.value(u"households").toArray();
        for (const QJsonValue &id : ids)
            frozenIds.append(id.toString());
        QStringList currentIds;
        if (const ReturnFigure *now = current.figure(f.key)) {
            f.current = now->value;
            currentIds = now->households;
        }
        f.added = difference(currentIds, frozenIds);
        f.removed = difference(frozenIds, currentIds);
        seen.insert(f.key);
        variance.figures.append(f);
    }
    // A key that appeared since (a new item in the catalogue) was zero when frozen.
    for (const ReturnFigure &now : current.figures) {
        if (seen.contains(now.key))
            continue;
        variance.figures.append({now.key, now.label, 0, now.value, now.households, {}});
    }
    return variance;
}

} // namespace saferhomes
