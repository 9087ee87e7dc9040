#include "syncedtables.h"

namespace saferhomes {

namespace {

using K = SyncColumnKind;

SyncColumn col(const char *name, K kind = K::Text, bool required = false)
{
    return {QString::fromLatin1(name), kind, required};
}

SyncColumn req(const char *name, K kind = K::Text)
{
    return col(name, kind, true);
}

const QString kByHousehold = QStringLiteral("t.household_id IN (%1)");

QList<SyncedTable> makeTables()
{
    QList<SyncedTable> tables;
    tables.append({QStringLiteral("equipment_type"),
                   QStringLiteral("code"),
                   {req("code"), req("name"), col("standard"), req("unit_cost_pence", K::Integer),
                    req("fit_minutes", K::Integer), req("skill"), col("supplier_code"),
                    col("reorder_level", K::Integer)},
                   {},
                   false,
                   true,
                   true});
    tables.append({QStringLiteral("fitter"),
                   QStringLiteral("id"),
                   {req("id"), req("name"), col("skills"), col("start_latitude", K::Real),
                    col("start_longitude", K::Real), col("shift_start", K::Clock),
                    col("shift_end", K::Clock), col("active", K::Bool),
                    col("weekly_shifts", K::Json), col("absences", K::Json), col("van")},
                   {},
                   false,
                   false,
                   false});
    tables.append(
        {QStringLiteral("household"),
         QStringLiteral("id"),
         {req("id"), col("uprn"), req("address_line1"), col("address_line2"), col("town"),
          req("postcode"), col("latitude", K::Real), col("longitude", K::Real),
          col("area_id", K::AreaName), col("eligibility"), col("status"),
          col("priority", K::Integer), col("notes"), req("created_at", K::Time),
          req("updated_at", K::Time), col("deleted_at", K::Time), col("erased_at", K::Time)},
         QStringLiteral("t.id IN (%1)"),
         false,
         false,
         false});
    tables.append({QStringLiteral("resident"),
                   QStringLiteral("id"),
                   {req("id"), req("household_id"), col("name"), col("phone"), col("email"),
                    col("preferred_contact"), col("language"), col("access_needs"),
                    col("is_primary", K::Bool), req("created_at", K::Time)},
                   kByHousehold,
                   false,
                   false,
                   false});
    tables.append(
        {QStringLiteral("visit"),
         QStringLiteral("id"),
         {req("id"), req("household_id"), req("at", K::Time), req("by_user"), req("outcome"),
          col("reason"), col("revisit_at", K::Time), col("notes"), col("supersedes")},
         kByHousehold,
         false,
         false,
         true});
    tables.append(
        {QStringLiteral("attachment"),
         QStringLiteral("id"),
         {req("id"), req("household_id"), req("kind"), req("mime_type"), req("sha256"),
          req("bytes", K::Bytes), req("created_at", K::Time), req("by_user"), col("job_id")},
         kByHousehold,
         false,
         false,
         true});
    tables.append(
        {QStringLiteral("consent"),
         QStringLiteral("id"),
         {req("id"), req("household_id"), col("resident_id"), req("purpose"),
          req("wording_version"), req("method"), col("witness"), col("signature_attachment_id"),
          req("recorded_by"), req("given_at", K::Time), col("withdrawn_at", K::Time)},
         kByHousehold,
         false,
         false,
         true});
    tables.append(
        {QStringLiteral("survey"),
         QStringLiteral("id"),
         {req("id"), req("household_id"), col("visit_id"), req("definition_version"),
          col("answers", K::Json), req("started_at", K::Time), col("completed_at", K::Time),
          req("by_user"), col("supersedes"), col("package_agreed_at", K::Time)},
         kByHousehold,
         false,
         false,
         true});
    tables.append({QStringLiteral("recommendation"),
                   QStringLiteral("id"),
                   {req("id"), req("survey_id"), req("equipment_code"), req("qty", K::Integer),
                    col("reason"), col("agreed", K::Bool)},
                   QStringLiteral("t.survey_id IN (SELECT s.id FROM survey s "
                                  "WHERE s.household_id IN (%1))"),
                   false,
                   true,
                   true});
    tables.append({QStringLiteral("job"),
                   QStringLiteral("id"),
                   {req("id"), req("household_id"), col("survey_id"), col("fitter_id"),
                    req("status"), col("scheduled_start", K::Time), col("scheduled_end", K::Time),
                    col("completed_at", K::Time), col("signed_off_by"), col("notes"),
                    req("created_at", K::Time), col("duration_minutes", K::Integer),
                    col("pinned", K::Bool), col("sequence", K::Integer), col("revisit_of"),
                    col("availability", K::Json), col("access_notes"), col("pin_kind")},
                   kByHousehold,
                   false,
                   false,
                   true});
    tables.append({QStringLiteral("job_item"),
                   QStringLiteral("id"),
                   {req("id"), req("job_id"), req("equipment_code"), req("qty", K::Integer),
                    col("serial"), col("fitted", K::Bool), col("fitted_qty", K::Integer),
                    col("difference_reason"), col("unit_cost_pence", K::Integer)},
                   QStringLiteral("t.job_id IN (SELECT j.id FROM job j "
                                  "WHERE j.household_id IN (%1))"),
                   false,
                   true,
                   true});
    tables.append({QStringLiteral("stock_movement"),
                   QStringLiteral("id"),
                   {req("id"), req("equipment_code"), req("qty_change", K::Integer), req("reason"),
                    col("job_id"), req("at", K::Time), req("by_user"), col("note"), col("location"),
                    col("reserved_change", K::Integer), col("counted", K::Integer),
                    col("expected", K::Integer), col("pair_id")},
                   {},
                   true,
                   false,
                   true});
    // Budgets travel as update ops of their own (the area by name, old and new amounts: see
    // the local 0015_admin_sync.sql), so the table is downloaded only.
    tables.append({QStringLiteral("area_budget"),
                   QStringLiteral("id"),
                   {req("id"), req("area_id", K::AreaName), req("financial_year", K::Integer),
                    req("capital_pence", K::Integer), req("revenue_pence", K::Integer),
                    req("updated_at", K::Time)},
                   {},
                   false,
                   false,
                   false});
    // Frozen returns are never changed: a pulled one is checked against its hash
    // (PulledRowWriter) and kept as it is.
    tables.append({QStringLiteral("frozen_return"),
                   QStringLiteral("id"),
                   {req("id"), req("period"), req("document", K::Bytes), req("sha256"),
                    req("frozen_at", K::Time), req("frozen_by")},
                   {},
                   true,
                   false,
                   true});
    return tables;
}

} // namespace

QStringList SyncedTable::columnNames() const
{
    QStringList names;
    for (const SyncColumn &c : columns)
        names.append(c.name);
    return names;
}

const SyncColumn *SyncedTable::column(const QString &name) const
{
    for (const SyncColumn &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const QList<SyncedTable> &syncedTables()
{
    static const QList<SyncedTable> tables = makeTables();
    return tables;
}

const SyncedTable *syncedTable(const QString &name)
{
    for (const SyncedTable &table : syncedTables()) {
        if (table.name == name)
            return &table;
    }
    return nullptr;
}

QString localPayloadSelect(const SyncedTable &table)
{
    QStringList parts;
    for (const SyncColumn &c : table.columns) {
        QString value = c.name;
        if (c.kind == K::Bytes)
            value = QStringLiteral("'\\x' || hex(%1)").arg(c.name);
        else if (c.kind == K::Json)
            value = QStringLiteral("json(%1)").arg(c.name);
        parts.append(QStringLiteral("'%1', %2").arg(c.name, value));
    }
    return QStringLiteral("SELECT json_object(%1) FROM %2 WHERE %3 = ?")
        .arg(parts.join(QStringLiteral(", ")), table.name, table.key);
}

} // namespace saferhomes
