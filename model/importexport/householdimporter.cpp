#include "householdimporter.h"

#include "csvreader.h"
#include "domain/uuidgenerator.h"
#include "gridconverter.h"
#include "store/handover.h"
#include "store/householdrows.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <memory>

namespace saferhomes {

namespace {

constexpr int kPreviewRows = 50;

/// LF-terminated lines in \a data, plus one (memchr is several times faster than a loop).
qsizetype lineCount(const QByteArray &data)
{
    qsizetype lines = 1;
    const char *at = data.constData();
    const char *end = at + data.size();
    while (const void *found = std::memchr(at, '\n', size_t(end - at))) {
        ++lines;
        at = static_cast<const char *>(found) + 1;
    }
    return lines;
}
constexpr size_t kHouseholdFieldCount = size_t(HouseholdField::Email) + 1;

/// Column positions in the file's header (-1 when absent).
struct Columns {
    QHash<QString, int> index;
    int of(const QString &name) const { return index.value(name, -1); }
    bool has(const QString &name) const { return index.contains(name); }
};

/// Checks one record and builds its household; collects every problem it has.
class RecordChecker {
    Q_DECLARE_TR_FUNCTIONS(HouseholdImporter)

public:
    RecordChecker(const Columns &columns, int headerSize, const QSet<QString> &existingUprns,
                  QSet<QUuid> existingIds, qsizetype expectedRecords)
        : m_headerSize(headerSize)
        , m_existingIds(std::move(existingIds))
    {
        m_existingUprns.reserve(existingUprns.size());
        for (const QString &uprn : existingUprns)
            m_existingUprns.insert(uprnKey(uprn));
        m_seenUprns.reserve(expectedRecords);
        // Column positions of the household fields, looked up once rather than per cell.
        for (HouseholdField field : HouseholdFields::all()) {
            m_fieldIndex[size_t(field)] = columns.of(HouseholdFields::name(field));
            m_fieldName[size_t(field)] = HouseholdFields::name(field);
        }
        m_idIndex = columns.of(QStringLiteral("id"));
        m_eastingIndex = columns.of(QStringLiteral("easting"));
        m_northingIndex = columns.of(QStringLiteral("northing"));
        if (columns.has(QStringLiteral("easting")) || columns.has(QStringLiteral("northing")))
            m_grid = std::make_unique<GridConverter>();
    }

    bool check(const CsvRecord &record, HouseholdRecord &out, QList<ImportProblem> &problems)
    {
        m_record = &record;
        m_problems = &problems;
        const qsizetype before = problems.size();
        if (record.fields.size() != m_headerSize) {
            add({},
                tr("has %1 fields but the header has %2")
                    .arg(record.fields.size())
                    .arg(m_headerSize));
            return false;
        }
        Household &h = out.household;
        Resident &r = out.resident;
        h.addressLine1 = checked(HouseholdField::AddressLine1);
        h.addressLine2 = checked(HouseholdField::AddressLine2);
        h.town = checked(HouseholdField::Town);
        h.postcode = checked(HouseholdField::Postcode);
        h.areaName = checked(HouseholdField::Area);
        h.notes = checked(HouseholdField::Notes);
        h.eligibility
            = checked(HouseholdField::Eligibility).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        h.priority = checked(HouseholdField::Priority).toInt();
        r.name = checked(HouseholdField::ResidentName);
        r.phone = checked(HouseholdField::Phone);
        r.email = checked(HouseholdField::Email);
        const QString status = checked(HouseholdField::Status);
        if (!status.isEmpty())
            h.status = *HouseholdStatusRules::fromName(status);
        checkUprn(h);
        checkId(h);
        checkPosition(h);
        return problems.size() == before;
    }

private:
    QString cell(int index) const { return index < 0 ? QString() : m_record->fields.at(index); }

    QString cell(HouseholdField field) const { return cell(m_fieldIndex[size_t(field)]); }

    void add(const QString &column, const QString &reason)
    {
        m_problems->append({m_record->line, column, reason});
    }

    /// The checked value of \a field, or empty after recording why it is refused.
    QString checked(HouseholdField field)
    {
        const int index = m_fieldIndex[size_t(field)];
        if (index < 0)
            return {};
        const QString &text = m_record->fields.at(index);
        if (text.isEmpty() && field != HouseholdField::AddressLine1
            && field != HouseholdField::Postcode) {
            return {}; // every optional field accepts empty
        }
        Result<QString> result = HouseholdFields::check(field, text);
        if (!result) {
            add(m_fieldName[size_t(field)], result.error().message);
            return {};
        }
        return std::move(result).value();
    }

    /// A valid UPRN (1 to 12 digits) as a number that keeps leading zeros apart: hashing
    /// and comparing it is several times cheaper than the text, 100k times per import.
    static qint64 uprnKey(const QString &uprn)
    {
        qint64 value = 0;
        for (const QChar c : uprn)
            value = value * 10 + (c.unicode() - u'0');
        return value * 16 + uprn.size();
    }

    void checkUprn(Household &h)
    {
        h.uprn = checked(HouseholdField::Uprn);
        if (h.uprn.isEmpty())
            return;
        const qint64 key = uprnKey(h.uprn);
        if (const auto it = m_seenUprns.constFind(key); it != m_seenUprns.constEnd()) {
            add(QStringLiteral("uprn"),
                tr("UPRN %1 is already on line %2 of this file").arg(h.uprn).arg(*it));
        } else if (m_existingUprns.contains(key)) {
            add(QStringLiteral("uprn"), tr("UPRN %1 is already in the database").arg(h.uprn));
        } else {
            m_seenUprns.insert(key, m_record->line);
        }
    }

    void checkId(Household &h)
    {
        const QString text = cell(m_idIndex).trimmed();
        if (text.isEmpty())
            return;
        h.id = QUuid::fromString(text);
        if (h.id.isNull()) {
            add(QStringLiteral("id"), tr("\u201c%1\u201d is not a household id").arg(text));
        } else if (const auto it = m_seenIds.constFind(h.id); it != m_seenIds.constEnd()) {
            add(QStringLiteral("id"),
                tr("id %1 is already on line %2 of this file").arg(text).arg(*it));
        } else if (m_existingIds.contains(h.id)) {
            add(QStringLiteral("id"), tr("household %1 is already in the database").arg(text));
        } else {
            m_seenIds.insert(h.id, m_record->line);
        }
    }

    void checkPosition(Household &h)
    {
        const QString latitude = cell(HouseholdField::Latitude).trimmed();
        const QString longitude = cell(HouseholdField::Longitude).trimmed();
        if (!latitude.isEmpty() || !longitude.isEmpty()) {
            if (latitude.isEmpty() || longitude.isEmpty()) {
                add(latitude.isEmpty() ? QStringLiteral("latitude") : QStringLiteral("longitude"),
                    tr("give both latitude and longitude, or neither"));
                return;
            }
            const Result<double> lat
                = HouseholdFields::coordinate(HouseholdField::Latitude, latitude);
            const Result<double> lon
                = HouseholdFields::coordinate(HouseholdField::Longitude, longitude);
            if (!lat)
                add(QStringLiteral("latitude"), lat.error().message);
            if (!lon)
                add(QStringLiteral("longitude"), lon.error().message);
            if (!lat || !lon)
                return;
            if (!HouseholdFields::isInsideUk(*lat, *lon)) {
                add(QStringLiteral("latitude"),
                    tr("%1, %2 is not in the UK").arg(latitude, longitude));
                return;
            }
            h.latitude = *lat;
            h.longitude = *lon;
            return;
        }
        const QString easting = cell(m_eastingIndex).trimmed();
        const QString northing = cell(m_northingIndex).trimmed();
        if (easting.isEmpty() && northing.isEmpty())
            return;
        if (easting.isEmpty() || northing.isEmpty()) {
            add(easting.isEmpty() ? QStringLiteral("easting") : QStringLiteral("northing"),
                tr("give both easting and northing, or neither"));
            return;
        }
        const std::optional<double> e = HouseholdFields::parseNumber(easting);
        const std::optional<double> n = HouseholdFields::parseNumber(northing);
        if (!e || !n) {
            add(e ? QStringLiteral("northing") : QStringLiteral("easting"),
                tr("\u201c%1\u201d is not a number of metres").arg(e ? northing : easting));
            return;
        }
        const auto position = m_grid->toWgs84(*e, *n);
        if (!position && position.error().kind != Error::Kind::Invalid) {
            // PROJ cannot be used here: say so rather than call the reference wrong.
            add(QStringLiteral("easting"), position.errorString());
            return;
        }
        if (!position || !HouseholdFields::isInsideUk(position->latitude, position->longitude)) {
            add(QStringLiteral("easting"),
                tr("%1, %2 is not a British National Grid reference in the UK")
                    .arg(easting, northing));
            return;
        }
        h.latitude = position->latitude;
        h.longitude = position->longitude;
    }

    std::array<int, kHouseholdFieldCount> m_fieldIndex {};
    std::array<QString, kHouseholdFieldCount> m_fieldName;
    int m_idIndex = -1;
    int m_eastingIndex = -1;
    int m_northingIndex = -1;
    int m_headerSize;
    QSet<qint64> m_existingUprns;
    const QSet<QUuid> m_existingIds;
    QHash<QUuid, int> m_seenIds;
    QHash<qint64, int> m_seenUprns;
    std::unique_ptr<GridConverter> m_grid;
    const CsvRecord *m_record = nullptr;
    QList<ImportProblem> *m_problems = nullptr;
};

} // namespace

HouseholdImporter::HouseholdImporter(HouseholdRepository &repository)
    : m_repository(repository)
{ }

QStringList HouseholdImporter::requiredColumns()
{
    return {QStringLiteral("address_line1"), QStringLiteral("postcode")};
}

QStringList HouseholdImporter::knownColumns()
{
    return {QStringLiteral("id"),
            QStringLiteral("uprn"),
            QStringLiteral("address_line1"),
            QStringLiteral("address_line2"),
            QStringLiteral("town"),
            QStringLiteral("postcode"),
            QStringLiteral("area"),
            QStringLiteral("latitude"),
            QStringLiteral("longitude"),
            QStringLiteral("easting"),
            QStringLiteral("northing"),
            QStringLiteral("eligibility"),
            QStringLiteral("status"),
            QStringLiteral("priority"),
            QStringLiteral("resident_name"),
            QStringLiteral("phone"),
            QStringLiteral("email"),
            QStringLiteral("notes")};
}

ImportPlan HouseholdImporter::prepare(const QString &path, const Progress &progress) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportPlan plan;
        plan.status = Error::invalid(tr("cannot read %1: %2").arg(path, file.errorString()));
        return plan;
    }
    return prepareData(file.readAll(), QFileInfo(path).fileName(), progress);
}

QString HouseholdImporter::sha256(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &size, EVP_sha256(), nullptr)
        != 1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(size)).toHex());
}

namespace {

/// A household file being read: its header checked when made, then record by record. Made on
/// the thread of the repository's connection (it reads the UPRNs and ids already there); the
/// records may then be read on another.
class FileRead {
    Q_DECLARE_TR_FUNCTIONS(HouseholdImporter)

public:
    FileRead(const QByteArray &data, const QString &name, const HouseholdRepository &repository,
             ImportPlan &plan)
        : m_reader(data)
        , m_plan(plan)
    {
        plan.fileName = name;
        CsvRecord record;
        if (!m_reader.next(record)) {
            const Status read = m_reader.status();
            plan.status = Error::invalid(
                read ? tr("%1 is empty: it needs a header row and at least one household").arg(name)
                     : tr("%1: %2").arg(name, read.errorString()));
            return;
        }
        Columns columns;
        for (int i = 0; i < record.fields.size(); ++i) {
            const QString column = record.fields[i].trimmed().toLower();
            plan.header.append(column);
            if (columns.has(column)) {
                plan.status = Error::invalid(
                    tr("%1 line 1: the column \u201c%2\u201d appears twice").arg(name, column));
                return;
            }
            columns.index.insert(column, i);
            if (!HouseholdImporter::knownColumns().contains(column)) {
                plan.warnings.append(tr("%1 line 1: unknown column \u201c%2\u201d is ignored")
                                         .arg(name, record.fields[i]));
            }
        }
        QStringList missing;
        for (const QString &required : HouseholdImporter::requiredColumns()) {
            if (!columns.has(required))
                missing.append(required);
        }
        if (!missing.isEmpty()) {
            plan.status = Error::invalid(tr("%1 line 1: missing required column(s) %2")
                                             .arg(name, missing.join(QLatin1String(", "))));
            return;
        }
        // The UPRNs and ids already there: a register that cannot be read is not an empty one
        // (that would switch the duplicate check off). Ids are only given by files that were
        // exported; don't load them for the others.
        const Result<QSet<QString>> uprns = repository.existingUprns();
        if (!uprns) {
            plan.status = uprns.error();
            return;
        }
        const Result<QSet<QUuid>> ids = columns.has(QStringLiteral("id"))
            ? repository.existingIds()
            : Result<QSet<QUuid>>(QSet<QUuid>());
        if (!ids) {
            plan.status = ids.error();
            return;
        }
        m_checker = std::make_unique<RecordChecker>(columns, int(plan.header.size()), *uprns, *ids,
                                                    data.size() / 64);
    }

    /// Whether the header was fine and records can be read.
    bool isOpen() const { return m_checker != nullptr; }

    /// Reads and checks the next record: nothing at the end of the file; whether it is valid
    /// (then \a out holds it; otherwise its problems were added to the plan).
    std::optional<bool> next(HouseholdRecord &out)
    {
        if (!m_reader.next(m_record))
            return std::nullopt;
        ++m_plan.recordCount;
        out = {};
        return m_checker->check(m_record, out, m_plan.problems);
    }

    /// The fields and line of the record last read.
    const CsvRecord &record() const { return m_record; }
    qint64 bytePosition() const { return m_reader.bytePosition(); }
    qint64 byteSize() const { return m_reader.byteSize(); }

    /// At the end of the file: records why reading stopped early, if it did.
    void end()
    {
        switch (m_reader.problem()) {
        case CsvReader::Problem::None: break;
        case CsvReader::Problem::UnterminatedQuote:
        case CsvReader::Problem::QuoteInUnquotedField:
            m_plan.problems.append({m_reader.problemLine(), {}, m_reader.status().errorString()});
            break;
        default:
            m_plan.status = Error::invalid(
                tr("%1: %2").arg(m_plan.fileName, m_reader.status().errorString()));
            return;
        }
        if (m_plan.recordCount == 0 && m_plan.problems.isEmpty())
            m_plan.status
                = Error::invalid(tr("%1 has a header row but no households").arg(m_plan.fileName));
    }

private:
    CsvReader m_reader;
    CsvRecord m_record;
    ImportPlan &m_plan;
    std::unique_ptr<RecordChecker> m_checker;
};

/// What an import reports of a plan whatever happens next: its problems and warnings, and
/// the file's own error.
ImportResult reported(const ImportPlan &plan)
{
    ImportResult result;
    result.rejected = plan.problems;
    result.warnings = plan.warnings;
    result.status = plan.status;
    return result;
}

/// Completes \a result after \a written (or not) \a valid records: the areas made, or why
/// nothing was kept. Refused records are not an error: the result lists them.
void finish(ImportResult &result, const Status &written, qsizetype valid, bool refused,
            const QStringList &createdAreas)
{
    if (!written) {
        result.cancelled = written.error().kind == Error::Kind::Cancelled;
        if (!result.cancelled && !refused && valid > 0) {
            // Another program's lock is not a refusal of these records: the file can be
            // imported as it is once the other program lets go.
            const QString message
                = HouseholdImporter::tr("nothing was imported: %1").arg(written.error().message);
            result.status = written.error().kind == Error::Kind::Locked ? Error::locked(message)
                                                                        : Error::refused(message);
        }
        return;
    }
    for (const QString &area : createdAreas)
        result.warnings.append(
            HouseholdImporter::tr("created the new area \u201c%1\u201d").arg(area));
    result.imported = int(valid);
}

} // namespace

ImportPlan HouseholdImporter::prepareData(const QByteArray &data, const QString &name,
                                          const Progress &progress) const
{
    ImportPlan plan;
    plan.sha256 = sha256(data);
    FileRead read(data, name, m_repository, plan);
    if (!read.isOpen())
        return plan;
    // At most one record per line: reserving that much spares growing the lists 17 times.
    const qsizetype lines = lineCount(data);
    plan.records.reserve(lines);
    plan.recordLines.reserve(lines);
    HouseholdRecord household;
    while (const std::optional<bool> valid = read.next(household)) {
        if (plan.preview.size() < kPreviewRows)
            plan.preview.append(read.record().fields);
        if (*valid) {
            plan.records.append(std::move(household));
            plan.recordLines.append(read.record().line);
        }
        if (progress && plan.recordCount % 2000 == 0
            && !progress(read.bytePosition(), read.byteSize())) {
            plan.cancelled = true;
            return plan;
        }
    }
    read.end();
    if (progress && plan.status)
        progress(read.byteSize(), read.byteSize());
    return plan;
}

ImportResult HouseholdImporter::import(const QString &path, bool skipInvalid,
                                       const Progress &progress)
{
    ImportPlan plan;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        plan.status = Error::invalid(tr("cannot read %1: %2").arg(path, file.errorString()));
        return reported(plan);
    }
    const QByteArray data = file.readAll();
    FileRead read(data, QFileInfo(path).fileName(), m_repository, plan);
    if (!read.isOpen())
        return reported(plan);

    // Read and check on the repository's encoding thread while it writes: the records are
    // encoded as they are read, and the first problem (unless skipped) stops the encoding but
    // not the reading, so that every problem is still listed; nothing is then kept.
    HouseholdBatchSource source {plan.fileName, {}};
    qint64 valid = 0;
    const auto make = [&](HouseholdRowHandover &handover) {
        // Off the writing thread too; the audit event reads it once this has returned.
        source.sha256 = sha256(data);
        UuidGenerator uuids;
        HouseholdRows rows;
        rows.reserve(kHouseholdRowsBatch);
        bool encoding = true;
        HouseholdRecord household;
        while (const std::optional<bool> ok = read.next(household)) {
            if (!*ok) {
                encoding = encoding && skipInvalid;
                continue;
            }
            ++valid;
            if (!encoding)
                continue;
            if (const Status broken = rows.append(household, uuids); !broken) {
                --valid;
                plan.problems.append({read.record().line, {}, broken.error().message});
                encoding = skipInvalid;
                continue;
            }
            if (rows.size() == kHouseholdRowsBatch) {
                rows.progressDone = read.bytePosition();
                rows.progressTotal = read.byteSize();
                if (!handover.put(std::move(rows)))
                    return false;
                rows = HouseholdRows();
                rows.reserve(kHouseholdRowsBatch);
            }
        }
        read.end();
        if (!plan.status || (!plan.problems.isEmpty() && !skipInvalid) || valid == 0)
            return false;
        rows.progressDone = rows.progressTotal = read.byteSize();
        return rows.isEmpty() || handover.put(std::move(rows));
    };
    QStringList createdAreas;
    const Status written
        = m_repository.insertRows(lineCount(data) - 1, make, &createdAreas, progress, source);
    ImportResult result = reported(plan);
    if (result.status)
        finish(result, written, valid, !plan.problems.isEmpty() && !skipInvalid, createdAreas);
    return result;
}

ImportResult HouseholdImporter::commit(const ImportPlan &plan, bool skipInvalid,
                                       const Progress &progress)
{
    ImportResult result = reported(plan);
    if (!result.status)
        return result;
    if (plan.cancelled) {
        result.cancelled = true;
        return result;
    }
    if (!plan.problems.isEmpty() && !skipInvalid)
        return result;
    QStringList createdAreas;
    const Status written
        = m_repository.insert(plan.records, &createdAreas, progress, {plan.fileName, plan.sha256});
    finish(result, written, plan.records.size(), false, createdAreas);
    return result;
}

} // namespace saferhomes
