#pragma once

#include "domain/result.h"
#include "householdrepository.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUuid>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace saferhomes {

class UuidGenerator;

/// New households with their primary residents, encoded for HouseholdBatchInsert: every text
/// already UTF-8 in one buffer, every id made, the quick-find text put together, and every
/// value checked against the tables' CHECK constraints. A batch is encoded on the thread that
/// reads the records while the database's thread writes the batch before it, so that the
/// writer does nothing but bind and step (HouseholdRepository::insert()).
class HouseholdRows {
    Q_DECLARE_TR_FUNCTIONS(HouseholdRows)

public:
    /// The texts of a row, in no particular order.
    enum Text {
        Id,
        Uprn,
        AddressLine1,
        AddressLine2,
        Town,
        Postcode,
        AreaName,
        Eligibility,
        Status,
        Notes,
        ResidentId, ///< null when the household has no resident
        ResidentName,
        Phone,
        Email,
        SearchText, ///< the quick-find text (householdSearchTextSelect())
        TextCount
    };

    struct Row {
        /// Where each text starts in the buffer and how long it is; -1 for SQL NULL.
        std::array<qsizetype, TextCount> start;
        std::array<int, TextCount> size;
        std::optional<double> latitude;
        std::optional<double> longitude;
        qint64 priority = 0;
    };

    /// Encodes \a record, its household and resident given ids from \a uuids where they have
    /// none. Fails with Error::Invalid saying why it cannot be stored (a value breaking a CHECK
    /// constraint of the household table), and then adds nothing. (saferhomes::Status in full:
    /// Status is also one of the Texts.)
    saferhomes::Status append(const HouseholdRecord &record, UuidGenerator &uuids);

    /// Error::Invalid saying which CHECK constraint of the household table a household with
    /// these values breaks; success when none does. The same rules as the table's (tests
    /// compare the two).
    static saferhomes::Status brokenRule(const QString &uprn, const QString &addressLine1,
                                         std::optional<double> latitude,
                                         std::optional<double> longitude, qint64 priority);

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    void reserve(qsizetype rows);
    const Row &row(qsizetype index) const { return m_rows[size_t(index)]; }
    bool isNull(qsizetype index, Text text) const { return row(index).start[text] < 0; }
    /// The UTF-8 bytes of a text (valid as long as this object is not changed).
    std::string_view text(qsizetype index, Text text) const
    {
        const Row &r = row(index);
        return r.start[text] < 0
            ? std::string_view()
            : std::string_view(m_buffer.constData() + r.start[text], size_t(r.size[text]));
    }

    /// The quick-find texts of all rows as JSON strings separated by commas, in row order: the
    /// elements of a JSON array bound to one statement (HouseholdBatchInsert).
    const QByteArray &searchTexts() const { return m_searchJson; }

    /// How far the batch's maker has got when it hands this batch over, for progress reports
    /// (bytes of a file, or records of a list).
    qint64 progressDone = 0;
    qint64 progressTotal = 0;

private:
    void put(Row &row, Text text, QStringView value);
    void put(Row &row, Text text, const QUuid &id);
    void putNull(Row &row, Text text);
    void appendJsonString(std::string_view utf8);

    QByteArray m_buffer;
    QByteArray m_searchJson;
    std::vector<Row> m_rows;
};

} // namespace saferhomes
