#pragma once

#include "householdstatus.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// A home on the scheme: where it is and how far it has come. Resident PII lives in Resident.
struct Household {
    QUuid id;
    QString uprn;
    QString addressLine1;
    QString addressLine2;
    QString town;
    QString postcode;
    std::optional<double> latitude;
    std::optional<double> longitude;
    QUuid areaId;
    QString areaName;
    QStringList eligibility;
    HouseholdStatus status = HouseholdStatus::Identified;
    int priority = 0;
    QString notes;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// A person living in a household (personal data, kept apart from the household).
struct Resident {
    QUuid id;
    QUuid householdId;
    QString name;
    QString phone;
    QString email;
    QString preferredContact;
    QString language;
    QString accessNeeds;
};

/// One row of the household register: what the table and quick-find need.
struct HouseholdSummary {
    QUuid id;
    qint64 localKey = 0; ///< this device's row key, as quick-find answers (not synced)
    QString uprn;
    QString addressLine1;
    QString addressLine2;
    QString town;
    QString postcode;
    QString areaName;
    QString residentName;
    HouseholdStatus status = HouseholdStatus::Identified;
    int priority = 0;
    QDateTime updatedAt;
};

/// A named area of the scheme with its target and budget.
struct Area {
    QUuid id;
    QString name;
    int targetHomes = 0;
    qint64 budgetPence = 0;
};

} // namespace saferhomes
