#include "householdexporter.h"

#include "csvwriter.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace saferhomes {

namespace {

const QList<HouseholdField> kFields {
    HouseholdField::Uprn,     HouseholdField::AddressLine1, HouseholdField::AddressLine2,
    HouseholdField::Town,     HouseholdField::Postcode,     HouseholdField::Area,
    HouseholdField::Latitude, HouseholdField::Longitude,    HouseholdField::Eligibility,
    HouseholdField::Priority, HouseholdField::ResidentName, HouseholdField::Phone,
    HouseholdField::Email,    HouseholdField::Notes,        HouseholdField::Status,
};

} // namespace

HouseholdExporter::HouseholdExporter(const HouseholdRepository &repository)
    : m_repository(repository)
{ }

QStringList HouseholdExporter::columns()
{
    QStringList names {QStringLiteral("id")};
    for (HouseholdField field : kFields)
        names.append(HouseholdFields::name(field));
    return names;
}

Result<int> HouseholdExporter::write(const QString &path,
                                     const HouseholdRepository::Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::database(tr("cannot write %1: %2").arg(path, file.errorString()));
    bool cancelled = false;
    const Result<QList<HouseholdRecord>> read = m_repository.all([&](qint64 done, qint64 total) {
        cancelled = progress && !progress(done, total);
        return !cancelled;
    });
    if (cancelled) {
        // Keep whatever file was there before.
        file.cancelWriting();
        return Error::cancelled(tr("export cancelled"));
    }
    if (!read) {
        // A register that cannot be read is not an empty one: keep the file as it was.
        file.cancelWriting();
        return read.error();
    }
    const QList<HouseholdRecord> &records = *read;
    QByteArray out = CsvWriter::formatRecord(columns());
    for (const HouseholdRecord &record : records) {
        QStringList row {record.household.id.toString(QUuid::WithoutBraces)};
        for (HouseholdField field : kFields)
            row.append(HouseholdFields::value(record.household, record.resident, field));
        out += CsvWriter::formatRecord(row);
    }
    file.write(out);
    if (!file.commit())
        return Error::database(tr("cannot write %1: %2").arg(path, file.errorString()));
    return int(records.size());
}

} // namespace saferhomes
