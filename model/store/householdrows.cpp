#include "householdrows.h"

#include "domain/uuidgenerator.h"

#include <QCoreApplication>
#include <QStringEncoder>

#include <algorithm>

namespace saferhomes {

namespace {

bool hasResident(const Resident &r)
{
    return !r.name.isEmpty() || !r.phone.isEmpty() || !r.email.isEmpty();
}

} // namespace

void HouseholdRows::reserve(qsizetype rows)
{
    m_rows.reserve(size_t(rows));
    m_buffer.reserve(rows * 320);
}

Status HouseholdRows::brokenRule(const QString &uprn, const QString &addressLine1,
                                 std::optional<double> latitude, std::optional<double> longitude,
                                 qint64 priority)
{
    // resources/sql/sqlite/0001_core.sql, CREATE TABLE household: a UPRN is NULL (stored for
    // an empty one) or 1 to 12 digits; the first address line has more than spaces (SQLite's
    // trim() takes off spaces only); coordinates lie in the box and come both or neither.
    if (!uprn.isEmpty()
        && (uprn.size() > 12 || std::any_of(uprn.cbegin(), uprn.cend(), [](QChar c) {
                return c < u'0' || c > u'9';
            }))) {
        return Error::invalid(tr("the UPRN \u201c%1\u201d is not 1 to 12 digits").arg(uprn));
    }
    if (std::all_of(addressLine1.cbegin(), addressLine1.cend(),
                    [](QChar c) { return c == u' '; })) {
        return Error::invalid(tr("the first address line is empty"));
    }
    if (latitude.has_value() != longitude.has_value())
        return Error::invalid(tr("a position needs both latitude and longitude"));
    if (latitude && !(*latitude >= 49.8 && *latitude <= 60.95))
        return Error::invalid(tr("latitude %1 is outside 49.8 to 60.95").arg(*latitude));
    if (longitude && !(*longitude >= -8.7 && *longitude <= 1.8))
        return Error::invalid(tr("longitude %1 is outside -8.7 to 1.8").arg(*longitude));
    if (priority < 0 || priority > 9)
        return Error::invalid(tr("priority %1 is not 0 to 9").arg(priority));
    return {};
}

void HouseholdRows::put(Row &row, Text text, QStringView value)
{
    const qsizetype start = m_buffer.size();
    QStringEncoder encoder(QStringEncoder::Utf8);
    m_buffer.resize(start + encoder.requiredSpace(value.size()));
    char *end = encoder.appendToBuffer(m_buffer.data() + start, value);
    m_buffer.resize(end - m_buffer.constData());
    row.start[text] = start;
    row.size[text] = int(m_buffer.size() - start);
}

void HouseholdRows::put(Row &row, Text text, const QUuid &id)
{
    const qsizetype start = m_buffer.size();
    m_buffer.append(id.toByteArray(QUuid::WithoutBraces));
    row.start[text] = start;
    row.size[text] = int(m_buffer.size() - start);
}

void HouseholdRows::appendJsonString(std::string_view utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    if (!m_searchJson.isEmpty())
        m_searchJson.append(',');
    m_searchJson.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_searchJson.append('\\').append(c);
        } else if (byte < 0x20) {
            m_searchJson.append("\\u00").append(kHex[byte >> 4]).append(kHex[byte & 15]);
        } else {
            m_searchJson.append(c);
        }
    }
    m_searchJson.append('"');
}

void HouseholdRows::putNull(Row &row, Text text)
{
    row.start[text] = -1;
    row.size[text] = 0;
}

Status HouseholdRows::append(const HouseholdRecord &record, UuidGenerator &uuids)
{
    const Household &h = record.household;
    const Resident &r = record.resident;
    saferhomes::Status broken
        = brokenRule(h.uprn, h.addressLine1, h.latitude, h.longitude, qint64(h.priority));
    if (!broken)
        return broken;

    Row row;
    row.latitude = h.latitude;
    row.longitude = h.longitude;
    row.priority = h.priority;
    put(row, Id, h.id.isNull() ? uuids.next() : h.id);
    if (h.uprn.isEmpty())
        putNull(row, Uprn);
    else
        put(row, Uprn, h.uprn);
    put(row, AddressLine1, h.addressLine1);
    put(row, AddressLine2, h.addressLine2);
    put(row, Town, h.town);
    put(row, Postcode, h.postcode);
    if (h.areaName.isEmpty())
        putNull(row, AreaName);
    else
        put(row, AreaName, h.areaName);
    put(row, Eligibility, h.eligibility.join(QLatin1Char(';')));
    put(row, Status, HouseholdStatusRules::name(h.status));
    put(row, Notes, h.notes);
    if (hasResident(r)) {
        put(row, ResidentId, r.id.isNull() ? uuids.next() : r.id);
    } else {
        putNull(row, ResidentId);
    }
    put(row, ResidentName, r.name);
    put(row, Phone, r.phone);
    put(row, Email, r.email);

    // householdSearchTextSelect(): address_line1 || ' ' || address_line2 || ' ' || town || ' '
    // || postcode || ' ' || coalesce(r.name, ''), from the bytes already encoded.
    const qsizetype start = m_buffer.size();
    qsizetype length = 4;
    for (const Text part : {AddressLine1, AddressLine2, Town, Postcode, ResidentName})
        length += row.size[part];
    // Appended from itself: the buffer must not move meanwhile.
    if (m_buffer.capacity() < start + length)
        m_buffer.reserve(std::max(start + length, 2 * m_buffer.capacity()));
    for (const Text part : {AddressLine1, AddressLine2, Town, Postcode, ResidentName}) {
        if (part != AddressLine1)
            m_buffer.append(' ');
        m_buffer.append(m_buffer.constData() + row.start[part], row.size[part]);
    }
    row.start[SearchText] = start;
    row.size[SearchText] = int(m_buffer.size() - start);
    appendJsonString(std::string_view(m_buffer.constData() + start, size_t(row.size[SearchText])));
    m_rows.push_back(row);
    return {};
}

} // namespace saferhomes
