#include "csvreader.h"

#include <QCoreApplication>

#include <cstring>
#include <utility>

namespace saferhomes {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/// Offset of the lead byte of the first ill-formed UTF-8 sequence (RFC 3629: no overlongs,
/// surrogates or code points above U+10FFFF), or \a size when all of it is well formed.
qsizetype firstInvalidUtf8(const char *data, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        // Most CSV text is ASCII: check eight bytes at a time.
        if (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, bytes + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (!isContinuation(bytes[i + k]))
                return i;
        }
        i += length;
    }
    return size;
}

bool startsWith(const QByteArray &data, const char *prefix, qsizetype length)
{
    return data.size() >= length && std::memcmp(data.constData(), prefix, length) == 0;
}

} // namespace

CsvReader::CsvReader(QByteArray data)
    : m_data(std::move(data))
{
    // The BOM is skipped rather than sliced off so that the 15 MB buffer is not copied.
    if (startsWith(m_data, "\xEF\xBB\xBF", 3))
        m_pos = 3;
    validate();
}

void CsvReader::validate()
{
    const char *data = m_data.constData();
    const qsizetype size = m_data.size();

    // A UTF-16 or UTF-32 file (Excel's "Unicode text") is full of NULs, but calling it binary
    // would mislead: it is text in the wrong encoding.
    if (startsWith(m_data, "\xFF\xFE", 2) || startsWith(m_data, "\xFE\xFF", 2)
        || startsWith(m_data, "\x00\x00\xFE\xFF", 4)) {
        fail(Problem::InvalidUtf8, 1);
        return;
    }
    // A NUL anywhere means binary data even if an invalid UTF-8 byte comes first, since
    // "not UTF-8" would send the user to re-encode a file that is not text at all.
    if (size > 0) {
        if (const void *nul = std::memchr(data, 0, static_cast<size_t>(size))) {
            const qsizetype offset = static_cast<const char *>(nul) - data;
            fail(Problem::Binary, 1 + countLineBreaks(0, offset));
            return;
        }
    }
    const qsizetype bad = firstInvalidUtf8(data + m_pos, size - m_pos) + m_pos;
    if (bad < size)
        fail(Problem::InvalidUtf8, 1 + countLineBreaks(0, bad));
}

void CsvReader::fail(Problem problem, int line)
{
    m_problem = problem;
    m_problemLine = line;
}

int CsvReader::countLineBreaks(qsizetype from, qsizetype to) const
{
    const char *data = m_data.constData();
    const qsizetype size = m_data.size();
    int count = 0;
    for (qsizetype i = from; i < to; ++i) {
        // CRLF counts once, at its LF; a lone CR (old Mac files) counts by itself.
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n')))
            ++count;
    }
    return count;
}

void CsvReader::skipLineBreak()
{
    if (m_data.at(m_pos) == '\r' && m_pos + 1 < m_data.size() && m_data.at(m_pos + 1) == '\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
}

qsizetype CsvReader::findFieldEnd(qsizetype from) const
{
    const auto *data = reinterpret_cast<const unsigned char *>(m_data.constData());
    const qsizetype size = m_data.size();
    qsizetype i = from;
    while (i < size) {
        const unsigned char c = data[i];
        // Letters, digits and UTF-8 bytes are all above ',', so one compare rejects most.
        if (c > ',' || (c != ',' && c != '\n' && c != '\r')) {
            ++i;
            continue;
        }
        break;
    }
    return i;
}

bool CsvReader::readQuotedField(QString &field)
{
    const char *data = m_data.constData();
    const qsizetype size = m_data.size();
    const int startLine = m_line;
    const qsizetype contentStart = m_pos + 1;
    qsizetype pos = contentStart;
    bool escaped = false;
    for (;;) {
        const void *found = std::memchr(data + pos, '"', static_cast<size_t>(size - pos));
        if (!found) {
            m_line += countLineBreaks(pos, size);
            m_pos = size;
            fail(Problem::UnterminatedQuote, startLine);
            return false;
        }
        const qsizetype quote = static_cast<const char *>(found) - data;
        m_line += countLineBreaks(pos, quote);
        if (quote + 1 < size && data[quote + 1] == '"') {
            if (!escaped) {
                m_buffer.resize(0);
                escaped = true;
            }
            m_buffer.append(data + pos, quote + 1 - pos);
            pos = quote + 2;
            continue;
        }
        if (escaped) {
            m_buffer.append(data + pos, quote - pos);
            field = QString::fromUtf8(m_buffer);
        } else {
            field = QString::fromUtf8(data + contentStart, quote - contentStart);
        }
        m_pos = quote + 1;
        break;
    }
    // Text after the closing quote ("abc"def) breaks RFC 4180; like Python's csv module we
    // keep it literally instead of rejecting a file that a spreadsheet would open.
    const qsizetype end = findFieldEnd(m_pos);
    if (end > m_pos) {
        field += QString::fromUtf8(data + m_pos, end - m_pos);
        m_pos = end;
    }
    return true;
}

bool CsvReader::next(CsvRecord &record)
{
    record.fields.clear();
    if (m_problem != Problem::None)
        return false;

    const char *data = m_data.constData();
    const qsizetype size = m_data.size();
    while (m_pos < size && (data[m_pos] == '\n' || data[m_pos] == '\r'))
        skipLineBreak();
    if (m_pos >= size)
        return false;

    record.line = m_line;
    record.fields.reserve(m_lastFieldCount);
    for (;;) {
        QString field;
        if (m_pos < size && data[m_pos] == '"') {
            if (!readQuotedField(field)) {
                record.fields.clear();
                return false;
            }
        } else {
            const qsizetype end = findFieldEnd(m_pos);
            field = QString::fromUtf8(data + m_pos, end - m_pos);
            m_pos = end;
        }
        record.fields.append(std::move(field));
        if (m_pos >= size)
            break;
        if (data[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        skipLineBreak();
        break;
    }
    m_lastFieldCount = record.fields.size();
    return true;
}

CsvReader::Problem CsvReader::problem() const
{
    return m_problem;
}

int CsvReader::problemLine() const
{
    return m_problemLine;
}

Status CsvReader::status() const
{
    const char *text = nullptr;
    switch (m_problem) {
    case Problem::None: return {};
    case Problem::InvalidUtf8:
        text = QT_TRANSLATE_NOOP("CsvReader",
                                 "line %1: the text is not UTF-8; save the file as "
                                 "\"CSV UTF-8\" and try again");
        break;
    case Problem::Binary:
        text = QT_TRANSLATE_NOOP("CsvReader",
                                 "line %1: the file contains binary data "
                                 "(a NUL byte), so it is not a CSV file");
        break;
    case Problem::UnterminatedQuote:
        text = QT_TRANSLATE_NOOP("CsvReader", "line %1: quoted field is never closed");
        break;
    case Problem::QuoteInUnquotedField:
        text = QT_TRANSLATE_NOOP("CsvReader",
                                 "line %1: a quote appears inside a field that "
                                 "does not start with one");
        break;
    }
    return Error::invalid(QCoreApplication::translate("CsvReader", text).arg(m_problemLine));
}

qint64 CsvReader::bytePosition() const
{
    return m_pos;
}

qint64 CsvReader::byteSize() const
{
    return m_data.size();
}

bool CsvReader::atEnd() const
{
    return m_problem != Problem::None || m_pos >= m_data.size();
}

} // namespace saferhomes
