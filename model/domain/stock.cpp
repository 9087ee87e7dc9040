#include "stock.h"

#include <array>
#include <utility>

namespace saferhomes {

namespace {

constexpr std::array<std::pair<StockReason, const char *>, 8> kReasonNames {{
    {StockReason::Received, "received"},
    {StockReason::Transferred, "transferred"},
    {StockReason::Reserved, "reserved"},
    {StockReason::Released, "released"},
    {StockReason::Fitted, "fitted"},
    {StockReason::Returned, "returned"},
    {StockReason::CountAdjustment, "count_adjustment"},
    {StockReason::WrittenOff, "written_off"},
}};

} // namespace

QString StockReasonNames::name(StockReason reason)
{
    for (const auto &[value, text] : kReasonNames) {
        if (value == reason)
            return QString::fromLatin1(text);
    }
    return {};
}

std::optional<StockReason> StockReasonNames::fromName(const QString &name)
{
    for (const auto &[value, text] : kReasonNames) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

QStringList StockReasonNames::allNames()
{
    QStringList names;
    for (const auto &entry : kReasonNames)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

QString StockLocation::van(const QUuid &fitterId)
{
    return fitterId.toString(QUuid::WithoutBraces);
}

QUuid StockLocation::fitterOf(const QString &location)
{
    if (isDepot(location))
        return {};
    return QUuid::fromString(location);
}

bool StockLocation::isWellFormed(const QString &location)
{
    if (isDepot(location))
        return true;
    const QUuid fitter = QUuid::fromString(location);
    return !fitter.isNull() && van(fitter) == location;
}

} // namespace saferhomes
