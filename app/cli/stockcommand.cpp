#include "stockcommand.h"

#include "cli.h"
#include "domain/stock.h"
#include "store/database.h"
#include "store/stockledger.h"

#include <QJsonArray>

namespace saferhomes {

namespace {

/// `depot`, or a fitter id in the ledger's form (braces and case as typed are accepted).
QString locationArgument(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QUuid fitter = QUuid::fromString(trimmed);
    return fitter.isNull() ? trimmed : StockLocation::van(fitter);
}

QString levelLine(const StockLevel &level)
{
    return StockCommand::tr("%1  %2  on hand %3  reserved %4  available %5")
        .arg(level.code, level.location)
        .arg(level.onHand)
        .arg(level.reserved)
        .arg(level.available());
}

} // namespace

QJsonObject StockCommand::toJson(const StockLevel &level)
{
    return {{QStringLiteral("code"), level.code},
            {QStringLiteral("location"), level.location},
            {QStringLiteral("on_hand"), level.onHand},
            {QStringLiteral("reserved"), level.reserved},
            {QStringLiteral("available"), level.available()}};
}

QStringList StockCommand::subcommands()
{
    return {QStringLiteral("levels"), QStringLiteral("receive"), QStringLiteral("transfer"),
            QStringLiteral("count"),  QStringLiteral("return"),  QStringLiteral("write-off")};
}

int StockCommand::run(Database &database, const QString &sub,
                      const QHash<QString, QString> &options)
{
    if (sub == u"levels")
        return levels(database, options);
    return move(database, sub, options);
}

int StockCommand::levels(Database &database, const QHash<QString, QString> &options)
{
    const QString location = options.contains(QStringLiteral("--location"))
        ? locationArgument(options.value(QStringLiteral("--location")))
        : QString();
    if (options.contains(QStringLiteral("--location")) && location.isEmpty())
        return m_output.fail(Cli::UsageError, tr("--location takes depot or a fitter's id"));
    const Result<QList<StockLevel>> levels
        = StockLedger(database, Database::localUserName()).levels(location);
    if (!levels)
        return m_output.failWithoutAnswer(Cli::UsageError, levels.errorString());
    QJsonArray array;
    QStringList lines;
    for (const StockLevel &level : *levels) {
        array.append(toJson(level));
        lines.append(levelLine(level));
    }
    m_output.print({{QStringLiteral("stock"), array}}, lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

int StockCommand::move(Database &database, const QString &sub,
                       const QHash<QString, QString> &options)
{
    const auto need = [&](const QStringList &names) {
        QStringList missing;
        for (const QString &name : names) {
            if (options.value(name).trimmed().isEmpty())
                missing.append(name);
        }
        return missing;
    };
    QStringList required {QStringLiteral("--code")};
    if (sub == u"count")
        required << QStringLiteral("--location") << QStringLiteral("--counted");
    else
        required << QStringLiteral("--qty");
    if (sub == u"transfer")
        required << QStringLiteral("--from") << QStringLiteral("--to");
    if (sub == u"write-off")
        required << QStringLiteral("--location") << QStringLiteral("--reason");
    const QStringList missing = need(required);
    if (!missing.isEmpty()) {
        return m_output.fail(Cli::UsageError,
                             tr("stock %1 needs %2").arg(sub, missing.join(QLatin1String(", "))));
    }
    const QString quantityName
        = sub == u"count" ? QStringLiteral("--counted") : QStringLiteral("--qty");
    bool isNumber = false;
    const int qty = options.value(quantityName).trimmed().toInt(&isNumber);
    if (!isNumber)
        return m_output.fail(Cli::UsageError, tr("%1 takes a whole number").arg(quantityName));
    const QString code = options.value(QStringLiteral("--code")).trimmed();
    const QString location
        = locationArgument(options.value(QStringLiteral("--location"), QStringLiteral("depot")));
    const QString note = options.value(QStringLiteral("--note"));

    StockLedger ledger(database, Database::localUserName());
    Result<QUuid> written = Error::invalid(tr("unknown stock command"));
    QStringList touched {location};
    if (sub == u"receive") {
        written = ledger.receive(code, qty, location, note);
    } else if (sub == u"transfer") {
        const QString from = locationArgument(options.value(QStringLiteral("--from")));
        const QString to = locationArgument(options.value(QStringLiteral("--to")));
        touched = {from, to};
        written = ledger.transfer(code, qty, from, to, note);
    } else if (sub == u"count") {
        QUuid id;
        if (options.contains(QStringLiteral("--id"))) {
            id = QUuid::fromString(options.value(QStringLiteral("--id")).trimmed());
            if (id.isNull())
                return m_output.fail(Cli::UsageError, tr("--id takes a UUID"));
        }
        written = ledger.count(code, location, qty, note, id);
    } else if (sub == u"return") {
        written = ledger.returnStock(code, qty, location, note);
    } else if (sub == u"write-off") {
        written = ledger.writeOff(code, qty, location, options.value(QStringLiteral("--reason")));
    }
    if (!written) {
        const bool refused = written.error().kind == Error::Kind::Invalid
            || written.error().kind == Error::Kind::NotFound;
        return m_output.fail(refused ? Cli::Rejected : Cli::UsageError, written.errorString());
    }
    QJsonArray stock;
    QStringList lines {tr("Recorded movement %1.").arg(written->toString(QUuid::WithoutBraces))};
    for (const QString &where : std::as_const(touched)) {
        const Result<StockLevel> level = ledger.level(code, where);
        if (!level)
            return m_output.failWithoutAnswer(Cli::UsageError, level.errorString());
        stock.append(toJson(*level));
        lines.append(levelLine(*level));
    }
    m_output.print({{QStringLiteral("movement"), written->toString(QUuid::WithoutBraces)},
                    {QStringLiteral("stock"), stock}},
                   lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

} // namespace saferhomes
