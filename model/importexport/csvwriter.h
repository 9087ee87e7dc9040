#pragma once

#include <QByteArray>
#include <QStringList>

namespace saferhomes {

/// RFC 4180 writer: quotes fields containing , " CR LF or leading/trailing space; CRLF line ends.
class CsvWriter {
public:
    /// One record as UTF-8, including the trailing "\r\n". A single empty field is written as
    /// "" so that it is not mistaken for a blank line; an empty list is a blank line.
    static QByteArray formatRecord(const QStringList &fields);
};

} // namespace saferhomes
