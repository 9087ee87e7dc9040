#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// One parsed CSV record and where it starts in the file.
struct CsvRecord {
    QStringList fields;
    int line = 0; ///< 1-based physical line on which this record starts (header is line 1)
};

/// Streaming RFC 4180 reader over a whole file held in memory (UTF-8, optional BOM, CRLF/LF/CR).
class CsvReader {
public:
    /// What stopped the reader early.
    enum class Problem {
        None,
        InvalidUtf8,
        Binary,
        UnterminatedQuote,
        /// Never reported: a quote inside an unquoted field is kept literally, because real
        /// files (e.g. 37°36'37.8"N) contain them and rejecting them helps nobody.
        QuoteInUnquotedField,
    };

    /// Validates the whole of \a data up front (UTF-8, no NUL bytes) and skips a UTF-8 BOM.
    explicit CsvReader(QByteArray data);

    /// Reads the next non-blank record; false at the end of the data or when the file cannot
    /// be read on (then status() says why).
    bool next(CsvRecord &record);
    /// Error::Invalid, with a translated message naming the line ("line 7: quoted field is
    /// never closed"), once the reader has stopped on a problem; ok before and at a clean end.
    Status status() const;

    /// What stopped the reader (Problem::None while there is none).
    Problem problem() const;
    /// 1-based physical line of the problem, or 0 when there is none.
    int problemLine() const;

    /// Bytes consumed so far (counting any BOM), for progress bars.
    qint64 bytePosition() const;
    qint64 byteSize() const;
    /// True once next() can return no more records: all data consumed, or an error occurred.
    bool atEnd() const;

private:
    void validate();
    void fail(Problem problem, int line);
    void skipLineBreak();
    int countLineBreaks(qsizetype from, qsizetype to) const;
    qsizetype findFieldEnd(qsizetype from) const;
    bool readQuotedField(QString &field);

    QByteArray m_data;
    QByteArray m_buffer; ///< reused for quoted fields with doubled quotes
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lastFieldCount = 0;
    Problem m_problem = Problem::None;
    int m_problemLine = 0;
};

} // namespace saferhomes
