#pragma once

#include "household.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

/// An editable household or primary-resident field, named as in the import file.
enum class HouseholdField {
    Uprn,
    AddressLine1,
    AddressLine2,
    Town,
    Postcode,
    Area,
    Latitude,
    Longitude,
    Eligibility,
    Status,
    Priority,
    Notes,
    ResidentName,
    Phone,
    Email,
};

/// Field names, validation and normalisation shared by import, the CLI and the editor.
class HouseholdFields {
    Q_DECLARE_TR_FUNCTIONS(HouseholdFields)

public:
    static QString name(HouseholdField field);
    static std::optional<HouseholdField> fromName(const QString &name);
    static QList<HouseholdField> all();
    static bool isResidentField(HouseholdField field);

    /// The normalised form of \a value to store for \a field, or Error::Invalid saying why
    /// it is refused (status names are checked here, transitions are not).
    static Result<QString> check(HouseholdField field, const QString &value);

    /// The current value of \a field as text, as export writes it.
    static QString value(const Household &household, const Resident &resident,
                         HouseholdField field);

    static std::optional<QString> normalisePostcode(const QString &postcode);
    static bool isValidUprn(const QString &uprn);
    static bool isInsideUk(double latitude, double longitude);
    static QStringList eligibilityWords();
    /// A plain decimal number ("52.7661", "-1.1", "475300"), or nothing.
    static std::optional<double> parseNumber(QStringView text);
    /// The latitude/longitude \a text holds, or Error::Invalid saying why it is not one
    /// inside the UK.
    static Result<double> coordinate(HouseholdField field, QStringView text);
    /// Formats a coordinate so that it reads back to the same double.
    static QString formatCoordinate(double value);
};

} // namespace saferhomes
