#include "equipmentrepository.h"

#include "auditlog.h"
#include "sqlvalues.h"
#include "survey/recommendationengine.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace saferhomes {

using namespace sqlvalues;

namespace {

const QString kSelect
    = QStringLiteral("SELECT code, name, standard, unit_cost_pence, fit_minutes, skill, "
                     "supplier_code, reorder_level FROM equipment_type ");

EquipmentType readType(const QSqlQuery &query)
{
    EquipmentType type;
    type.code = query.value(0).toString();
    type.name = query.value(1).toString();
    type.standard = query.value(2).toString();
    type.unitCostPence = query.value(3).toLongLong();
    type.fitMinutes = query.value(4).toInt();
    type.skill = query.value(5).toString();
    type.supplierCode = query.value(6).toString();
    type.reorderLevel = query.value(7).toInt();
    return type;
}

/// The audited fields of a type, by the column names the audit trail uses.
QList<std::pair<QString, QVariant>> auditedFields(const EquipmentType &type)
{
    return {{QStringLiteral("name"), type.name},
            {QStringLiteral("standard"), type.standard},
            {QStringLiteral("unit_cost_pence"), type.unitCostPence},
            {QStringLiteral("fit_minutes"), type.fitMinutes},
            {QStringLiteral("skill"), type.skill},
            {QStringLiteral("supplier_code"), type.supplierCode},
            {QStringLiteral("reorder_level"), type.reorderLevel}};
}

} // namespace

QString EquipmentType::label() const
{
    return standard.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, standard);
}

EquipmentRepository::EquipmentRepository(const Database &database, QString userName,
                                         QStringList ruleCodes)
    : Repository(database, std::move(userName))
    , m_ruleCodes(std::move(ruleCodes))
{ }

QStringList EquipmentRepository::ruleCodesBuiltIn()
{
    QStringList codes;
    for (const RecommendationRule &rule : RecommendationEngine::builtIn().rules()) {
        if (!codes.contains(rule.code))
            codes.append(rule.code);
    }
    return codes;
}

QStringList EquipmentRepository::skills()
{
    return {QStringLiteral("locks"), QStringLiteral("alarms"), QStringLiteral("electrical"),
            QStringLiteral("general")};
}

QHash<EquipmentField, QString> EquipmentRepository::problems(const EquipmentType &type)
{
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    QHash<EquipmentField, QString> found;
    if (type.code.isEmpty())
        found.insert(EquipmentField::Code, tr("Give the item a code, e.g. DOOR_CHAIN_TS003."));
    else if (!codePattern.match(type.code).hasMatch())
        found.insert(EquipmentField::Code,
                     tr("A code starts with a capital letter and has only capitals, digits and "
                        "underscores."));
    if (type.name.trimmed().isEmpty())
        found.insert(EquipmentField::Name, tr("Give the item a name."));
    if (type.unitCostPence < 0)
        found.insert(EquipmentField::UnitCost, tr("The unit cost cannot be negative."));
    if (type.fitMinutes < 0)
        found.insert(EquipmentField::FitMinutes, tr("The fitting time cannot be negative."));
    if (!skills().contains(type.skill))
        found.insert(EquipmentField::Skill,
                     tr("Choose the skill: locks, alarms, electrical or general."));
    if (type.reorderLevel < 0)
        found.insert(EquipmentField::Reorder, tr("The re-order level cannot be negative."));
    return found;
}

Result<QList<EquipmentType>> EquipmentRepository::all() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(kSelect + QStringLiteral("ORDER BY code")))
        return readError(tr("the equipment catalogue"), query.lastError());
    QList<EquipmentType> types;
    while (query.next())
        types.append(readType(query));
    return types;
}

Result<EquipmentType> EquipmentRepository::find(const QString &code) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(kSelect + QStringLiteral("WHERE code = ?"));
    query.addBindValue(code);
    if (!query.exec())
        return readError(tr("the equipment catalogue"), query.lastError());
    if (!query.next())
        return Error::notFound(tr("There is no item %1 in the catalogue.").arg(code));
    return readType(query);
}

Result<EquipmentType> EquipmentRepository::add(const EquipmentType &type)
{
    const auto wrong = problems(type);
    if (!wrong.isEmpty())
        return Error::invalid(tr("Item %1: %2").arg(type.code, wrong.begin().value()));
    const Result<EquipmentType> existing = find(type.code);
    if (existing)
        return Error::invalid(
            tr("The code %1 is already used by \u201c%2\u201d.").arg(type.code, existing->name));
    if (existing.error().kind != Error::Kind::NotFound)
        return existing.error();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Adding item %1: %2").arg(type.code, error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("the equipment catalogue"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("the equipment catalogue"), error));
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, skill, "
        "supplier_code, reorder_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(type.code);
    query.addBindValue(notNull(type.name.trimmed()));
    query.addBindValue(notNull(type.standard.trimmed()));
    query.addBindValue(type.unitCostPence);
    query.addBindValue(type.fitMinutes);
    query.addBindValue(type.skill);
    query.addBindValue(notNull(type.supplierCode.trimmed()));
    query.addBindValue(type.reorderLevel);
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("equipment_type"), type.code, QStringLiteral("created"), {},
                       type.name, storeTimestamp());
        !recorded)
        return failedWith(recorded.error());
    if (!db.commit())
        return failed(db.lastError());
    return find(type.code);
}

Result<EquipmentType> EquipmentRepository::update(const EquipmentType &type)
{
    const auto wrong = problems(type);
    if (!wrong.isEmpty())
        return Error::invalid(tr("Item %1: %2").arg(type.code, wrong.begin().value()));
    const Result<EquipmentType> before = find(type.code);
    if (!before)
        return before.error();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Changing item %1: %2").arg(type.code, error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("the equipment catalogue"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("the equipment catalogue"), error));
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE equipment_type SET name = ?, standard = ?, unit_cost_pence = ?, fit_minutes = ?, "
        "skill = ?, supplier_code = ?, reorder_level = ? WHERE code = ?"));
    query.addBindValue(notNull(type.name.trimmed()));
    query.addBindValue(notNull(type.standard.trimmed()));
    query.addBindValue(type.unitCostPence);
    query.addBindValue(type.fitMinutes);
    query.addBindValue(type.skill);
    query.addBindValue(notNull(type.supplierCode.trimmed()));
    query.addBindValue(type.reorderLevel);
    query.addBindValue(type.code);
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString at = storeTimestamp();
    const auto oldFields = auditedFields(*before);
    const auto newFields = auditedFields(type);
    for (qsizetype i = 0; i < oldFields.size(); ++i) {
        if (oldFields.at(i).second == newFields.at(i).second)
            continue;
        if (const Status recorded
            = audit.record(QStringLiteral("equipment_type"), type.code, oldFields.at(i).first,
                           oldFields.at(i).second, newFields.at(i).second, at);
            !recorded)
            return failedWith(recorded.error());
    }
    if (!db.commit())
        return failed(db.lastError());
    return find(type.code);
}

Result<QList<CatalogueRefusal>> EquipmentRepository::refusedChanges() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT entity_id, kind, rejected_reason FROM outbox "
                                   "WHERE entity = 'equipment_type' AND rejected_at IS NOT NULL "
                                   "ORDER BY seq")))
        return readError(tr("the catalogue's refused changes"), query.lastError());
    QList<CatalogueRefusal> refusals;
    while (query.next())
        refusals.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return refusals;
}

Result<QStringList> EquipmentRepository::references(const QString &code) const
{
    QStringList found;
    if (m_ruleCodes.contains(code))
        found.append(tr("the survey\u2019s recommendation rules"));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const auto count = [&](const QString &where) -> std::optional<int> {
        query.prepare(QStringLiteral("SELECT count(*) FROM ") + where);
        query.addBindValue(code);
        if (!query.exec() || !query.next())
            return std::nullopt;
        return query.value(0).toInt();
    };
    const std::optional<int> recommended
        = count(QStringLiteral("recommendation WHERE equipment_code = ? AND agreed = 0"));
    const std::optional<int> agreed
        = count(QStringLiteral("recommendation WHERE equipment_code = ? AND agreed = 1"));
    const std::optional<int> items = count(QStringLiteral("job_item WHERE equipment_code = ?"));
    const std::optional<int> moves
        = count(QStringLiteral("stock_movement WHERE equipment_code = ?"));
    if (!recommended || !agreed || !items || !moves)
        return readError(tr("what refers to item %1").arg(code), query.lastError());
    if (*recommended > 0)
        found.append(tr("survey recommendations (%1)").arg(*recommended));
    if (*agreed > 0)
        found.append(tr("agreed packages (%1)").arg(*agreed));
    if (*items > 0)
        found.append(tr("job items (%1)").arg(*items));
    if (*moves > 0)
        found.append(tr("stock movements (%1)").arg(*moves));
    return found;
}

Status EquipmentRepository::remove(const QString &code)
{
    const Result<EquipmentType> before = find(code);
    if (!before)
        return before.error();
    const Result<QStringList> refs = references(code);
    if (!refs)
        return refs.error();
    if (!refs->isEmpty())
        return Error::refused(tr("%1 cannot be deleted: it is used by %2.")
                                  .arg(before->label(), refs->join(QStringLiteral(", "))));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Deleting item %1: %2").arg(code, error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("the equipment catalogue"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("the equipment catalogue"), error));
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM equipment_type WHERE code = ?"));
    query.addBindValue(code);
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("equipment_type"), code, QStringLiteral("deleted"),
                       before->name, {}, storeTimestamp());
        !recorded)
        return failedWith(recorded.error());
    if (!db.commit())
        return failed(db.lastError());
    return {};
}

} // namespace saferhomes
