#include "progressreport.h"

#include <QJsonArray>

namespace saferhomes {

ProgressReport ProgressReport::compute(const StatusCounts &counts)
{
    ProgressReport report;
    report.byStatus = counts.byStatus;
    report.byArea = counts.byArea;
    report.target = counts.target;
    for (auto it = counts.byStatus.constBegin(); it != counts.byStatus.constEnd(); ++it) {
        report.households += it.value();
        if (HouseholdStatusRules::isOffered(it.key()))
            report.offered += it.value();
        if (HouseholdStatusRules::isAcceptedOrBeyond(it.key()))
            report.accepted += it.value();
        if (HouseholdStatusRules::isSecured(it.key()))
            report.secured += it.value();
    }
    report.takeUpRate = report.offered == 0 ? 0.0 : double(report.accepted) / report.offered;
    return report;
}

QJsonObject ProgressReport::toJson() const
{
    QJsonObject statuses;
    for (HouseholdStatus status : HouseholdStatusRules::all())
        statuses.insert(HouseholdStatusRules::name(status), byStatus.value(status));
    QJsonArray areas;
    for (const StatusCounts::AreaRow &row : byArea) {
        areas.append(QJsonObject {{QStringLiteral("area"), row.name},
                                  {QStringLiteral("households"), row.households},
                                  {QStringLiteral("secured"), row.secured},
                                  {QStringLiteral("target"), row.target}});
    }
    return QJsonObject {
        {QStringLiteral("households"), households},   {QStringLiteral("by_status"), statuses},
        {QStringLiteral("offered"), offered},         {QStringLiteral("accepted"), accepted},
        {QStringLiteral("take_up_rate"), takeUpRate}, {QStringLiteral("secured"), secured},
        {QStringLiteral("target"), target},           {QStringLiteral("by_area"), areas}};
}

} // namespace saferhomes
