#include "csvwriter.h"

namespace saferhomes {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool needsQuotes(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return false;
    // Leading or trailing blanks are quoted because many readers (and spreadsheets) trim
    // unquoted fields, which would lose them.
    if (isBlank(utf8.front()) || isBlank(utf8.back()))
        return true;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

} // namespace

QByteArray CsvWriter::formatRecord(const QStringList &fields)
{
    QByteArray line;
    if (fields.size() == 1 && fields.front().isEmpty())
        return QByteArrayLiteral("\"\"\r\n");
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        const QByteArray utf8 = fields.at(i).toUtf8();
        if (needsQuotes(utf8)) {
            line += '"';
            for (const char c : utf8) {
                if (c == '"')
                    line += '"';
                line += c;
            }
            line += '"';
        } else {
            line += utf8;
        }
    }
    line += "\r\n";
    return line;
}

} // namespace saferhomes
