#include "householdfield.h"

#include "ukboundary.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

namespace saferhomes {

namespace {

struct FieldInfo {
    HouseholdField field;
    const char *name;
};

constexpr std::array<FieldInfo, 15> kFields {{
    {HouseholdField::Uprn, "uprn"},
    {HouseholdField::AddressLine1, "address_line1"},
    {HouseholdField::AddressLine2, "address_line2"},
    {HouseholdField::Town, "town"},
    {HouseholdField::Postcode, "postcode"},
    {HouseholdField::Area, "area"},
    {HouseholdField::Latitude, "latitude"},
    {HouseholdField::Longitude, "longitude"},
    {HouseholdField::Eligibility, "eligibility"},
    {HouseholdField::Status, "status"},
    {HouseholdField::Priority, "priority"},
    {HouseholdField::Notes, "notes"},
    {HouseholdField::ResidentName, "resident_name"},
    {HouseholdField::Phone, "phone"},
    {HouseholdField::Email, "email"},
}};

constexpr std::array<const char *, 5> kEligibility {"repeat_victim", "near_repeat", "vulnerable",
                                                    "hotspot", "referral"};

Result<QString> accepted(const QString &value)
{
    return value;
}

Result<QString> refused(const QString &error)
{
    return Error::invalid(error);
}

Result<QString> checkEligibility(const QString &value)
{
    QStringList words;
    const QStringList parts = value.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString word = part.trimmed().toLower();
        if (word.isEmpty())
            continue;
        if (!HouseholdFields::eligibilityWords().contains(word)) {
            return refused(HouseholdFields::tr("unknown eligibility \u201c%1\u201d (expected %2)")
                               .arg(part.trimmed(),
                                    HouseholdFields::eligibilityWords().join(QLatin1String(", "))));
        }
        if (!words.contains(word))
            words.append(word);
    }
    return accepted(words.join(QLatin1Char(';')));
}

} // namespace

QString HouseholdFields::name(HouseholdField field)
{
    return QString::fromLatin1(kFields[static_cast<size_t>(field)].name);
}

std::optional<HouseholdField> HouseholdFields::fromName(const QString &name)
{
    for (const FieldInfo &entry : kFields) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.field;
    }
    return std::nullopt;
}

QList<HouseholdField> HouseholdFields::all()
{
    QList<HouseholdField> result;
    for (const FieldInfo &entry : kFields)
        result.append(entry.field);
    return result;
}

bool HouseholdFields::isResidentField(HouseholdField field)
{
    return field == HouseholdField::ResidentName || field == HouseholdField::Phone
        || field == HouseholdField::Email;
}

std::optional<QString> HouseholdFields::normalisePostcode(const QString &postcode)
{
    // Outward code (one or two area letters, a district digit, an optional digit or letter)
    // then inward code (a sector digit and two unit letters, never C, I, K, M, O or V).
    // Checked by hand: this runs for every row of a 100k-row import.
    char compact[8];
    int length = 0;
    for (const QChar c : postcode) {
        if (c.isSpace())
            continue;
        const char16_t u = c.unicode();
        if (length == 7 || u > 127)
            return std::nullopt;
        compact[length++] = char(u >= 'a' && u <= 'z' ? u - 'a' + 'A' : u);
    }
    const auto isLetter = [](char c) {
        return c >= 'A' && c <= 'Z';
    };
    const auto isDigit = [](char c) {
        return c >= '0' && c <= '9';
    };
    const auto isUnitLetter = [&](char c) {
        return isLetter(c) && !std::strchr("CIKMOV", c);
    };
    if (length < 5)
        return std::nullopt;
    const std::string_view whole(compact, size_t(length));
    if (whole != "GIR0AA") {
        const int outward = length - 3;
        if (!isDigit(compact[outward]) || !isUnitLetter(compact[outward + 1])
            || !isUnitLetter(compact[outward + 2]))
            return std::nullopt;
        int i = 0;
        while (i < outward && i < 2 && isLetter(compact[i]))
            ++i;
        if (i == 0 || i == outward || !isDigit(compact[i]))
            return std::nullopt;
        ++i;
        if (i < outward && (isDigit(compact[i]) || isLetter(compact[i])))
            ++i;
        if (i != outward)
            return std::nullopt;
    }
    QString result = QString::fromLatin1(compact, length - 3);
    result += QLatin1Char(' ');
    result += QLatin1String(compact + length - 3, 3);
    return result;
}

bool HouseholdFields::isValidUprn(const QString &uprn)
{
    if (uprn.isEmpty() || uprn.size() > 12)
        return false;
    for (const QChar c : uprn) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool HouseholdFields::isInsideUk(double latitude, double longitude)
{
    return UkBoundary::contains(latitude, longitude);
}

QStringList HouseholdFields::eligibilityWords()
{
    static const QStringList words = [] {
        QStringList list;
        for (const char *word : kEligibility)
            list.append(QString::fromLatin1(word));
        return list;
    }();
    return words;
}

std::optional<double> HouseholdFields::parseNumber(QStringView text)
{
    // std::from_chars: QString::toDouble's locale handling costs more than the rest of a
    // row's checks together.
    char buffer[64];
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() >= qsizetype(sizeof buffer))
        return std::nullopt;
    qsizetype length = 0;
    for (const QChar c : trimmed) {
        if (c.unicode() > 127)
            return std::nullopt;
        buffer[length++] = char(c.unicode());
    }
    const char *begin = buffer[0] == '+' ? buffer + 1 : buffer;
    double value = 0;
    const auto [end, error] = std::from_chars(begin, buffer + length, value);
    if (error != std::errc() || end != buffer + length || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Result<double> HouseholdFields::coordinate(HouseholdField field, QStringView text)
{
    const bool latitude = field == HouseholdField::Latitude;
    const QString what = latitude ? tr("latitude") : tr("longitude");
    const std::optional<double> number = parseNumber(text);
    if (!number)
        return Error::invalid(tr("%1 is not a number").arg(what));
    if (latitude ? (*number < 49.8 || *number > 60.95) : (*number < -8.7 || *number > 1.8))
        return Error::invalid(tr("%1 %2 is outside the UK").arg(what, text.toString()));
    return *number;
}

QString HouseholdFields::formatCoordinate(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

Result<QString> HouseholdFields::check(HouseholdField field, const QString &raw)
{
    const QString value = raw.trimmed();
    switch (field) {
    case HouseholdField::Uprn:
        if (value.isEmpty() || isValidUprn(value))
            return accepted(value);
        return refused(tr("UPRN must be up to 12 digits"));
    case HouseholdField::AddressLine1:
        if (value.isEmpty())
            return refused(tr("address line 1 is required"));
        return accepted(raw);
    case HouseholdField::Postcode:
        if (value.isEmpty())
            return refused(tr("postcode is required"));
        if (const auto normalised = normalisePostcode(value))
            return accepted(*normalised);
        return refused(tr("\u201c%1\u201d is not a UK postcode").arg(value));
    case HouseholdField::Latitude:
    case HouseholdField::Longitude: {
        if (value.isEmpty())
            return accepted({});
        const Result<double> number = coordinate(field, value);
        if (!number)
            return number.error();
        return accepted(formatCoordinate(*number));
    }
    case HouseholdField::Eligibility: return checkEligibility(value);
    case HouseholdField::Status:
        if (HouseholdStatusRules::fromName(value))
            return accepted(value);
        return refused(tr("unknown status \u201c%1\u201d (expected %2)")
                           .arg(value, HouseholdStatusRules::allNames().join(QLatin1String(", "))));
    case HouseholdField::Priority: {
        bool ok = false;
        const int priority = value.isEmpty() ? 0 : value.toInt(&ok);
        if (!value.isEmpty() && (!ok || priority < 0 || priority > 9))
            return refused(tr("priority must be a whole number from 0 to 9"));
        return accepted(QString::number(priority));
    }
    case HouseholdField::Email: {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (value.isEmpty() || email.match(value).hasMatch())
            return accepted(value);
        return refused(tr("\u201c%1\u201d is not an email address").arg(value));
    }
    case HouseholdField::Phone: {
        // Numbers come written many ways ("01664 500500 (evenings)", "+44 116 ..."): ask only
        // for a plausible count of digits.
        const auto digits = std::count_if(value.cbegin(), value.cend(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
        if (value.isEmpty() || (digits >= 6 && digits <= 15 && value.size() <= 60))
            return accepted(value);
        return refused(tr("\u201c%1\u201d is not a phone number").arg(value));
    }
    case HouseholdField::Area: return accepted(value);
    case HouseholdField::Town:
    case HouseholdField::AddressLine2:
    case HouseholdField::Notes:
    case HouseholdField::ResidentName:
        // Free text is kept exactly as given.
        return accepted(raw);
    }
    return refused(tr("unknown field"));
}

QString HouseholdFields::value(const Household &household, const Resident &resident,
                               HouseholdField field)
{
    switch (field) {
    case HouseholdField::Uprn: return household.uprn;
    case HouseholdField::AddressLine1: return household.addressLine1;
    case HouseholdField::AddressLine2: return household.addressLine2;
    case HouseholdField::Town: return household.town;
    case HouseholdField::Postcode: return household.postcode;
    case HouseholdField::Area: return household.areaName;
    case HouseholdField::Latitude:
        return household.latitude ? formatCoordinate(*household.latitude) : QString();
    case HouseholdField::Longitude:
        return household.longitude ? formatCoordinate(*household.longitude) : QString();
    case HouseholdField::Eligibility: return household.eligibility.join(QLatin1Char(';'));
    case HouseholdField::Status: return HouseholdStatusRules::name(household.status);
    case HouseholdField::Priority: return QString::number(household.priority);
    case HouseholdField::Notes: return household.notes;
    case HouseholdField::ResidentName: return resident.name;
    case HouseholdField::Phone: return resident.phone;
    case HouseholdField::Email: return resident.email;
    }
    return {};
}

} // namespace saferhomes
