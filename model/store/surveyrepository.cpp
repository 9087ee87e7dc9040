#include "surveyrepository.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"
#include "visitrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <tuple>

namespace saferhomes {

using namespace sqlvalues;

namespace {

/// \a value as compact JSON text for the audit trail; NULL when there is no value.
QVariant auditValue(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QVariant(QMetaType::fromType<QString>());
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString answersText(const QJsonObject &answers)
{
    return QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact));
}

QString packageText(const QList<PackageItem> &items)
{
    QJsonArray array;
    for (const PackageItem &item : items) {
        array.append(QJsonObject {{QStringLiteral("code"), item.code},
                                  {QStringLiteral("qty"), item.qty},
                                  {QStringLiteral("reason"), item.reason},
                                  {QStringLiteral("agreed"), item.agreed}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const QString kSurveySelect = QStringLiteral(
    "SELECT id, household_id, visit_id, definition_version, answers, started_at, completed_at, "
    "by_user, draft_position FROM survey ");

SurveyRecord readSurvey(const QSqlQuery &query)
{
    SurveyRecord survey;
    survey.id = readId(query.value(0));
    survey.householdId = readId(query.value(1));
    survey.visitId = readId(query.value(2));
    survey.definitionVersion = query.value(3).toString();
    survey.answers = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    survey.startedAt = readTime(query.value(5));
    survey.completedAt = readTime(query.value(6));
    survey.by = query.value(7).toString();
    survey.position = query.value(8).toString();
    return survey;
}

} // namespace

SurveyRepository::SurveyRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<SurveyRecord> SurveyRepository::openDraft(const QUuid &householdId,
                                                 const QString &definitionVersion,
                                                 const QUuid &visitId, bool *created)
{
    if (created)
        *created = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the survey"), db.lastError());
    const auto rollback = [&](const Error &error) -> Result<SurveyRecord> {
        db.rollback();
        return error;
    };
    // Looked for inside the transaction so that two quick taps cannot start two drafts.
    const Result<std::optional<SurveyRecord>> existing = draft(householdId);
    if (!existing)
        return rollback(existing.error());
    if (*existing) {
        if (!db.commit())
            return rollback(writeError(tr("the survey"), db.lastError()));
        return **existing;
    }

    const QString now = storeTimestamp();
    SurveyRecord survey;
    survey.id = QUuid::createUuid();
    survey.householdId = householdId;
    survey.visitId = visitId;
    survey.definitionVersion = definitionVersion;
    survey.startedAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    survey.by = m_userName;
    const QString id = uuidText(survey.id);
    QSqlQuery &query = m_prepared
                           .statement(m_connectionName,
                                      QStringLiteral("INSERT INTO survey (id, household_id, "
                                                     "visit_id, definition_version, answers, "
                                                     "started_at, by_user) VALUES (?, ?, ?, ?, "
                                                     "'{}', ?, ?)"))
                           .query;
    query.addBindValue(id);
    query.addBindValue(uuidText(householdId));
    query.addBindValue(nullableId(visitId));
    query.addBindValue(notNull(definitionVersion));
    query.addBindValue(now);
    query.addBindValue(notNull(m_userName));
    if (!query.exec())
        return rollback(writeError(tr("the survey table"), query.lastError()));
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded = audit.record(QStringLiteral("survey"), id,
                                             QStringLiteral("created"), {}, definitionVersion, now);
        !recorded)
        return rollback(recorded.error());
    if (!db.commit())
        return rollback(writeError(tr("the survey"), db.lastError()));
    if (created)
        *created = true;
    return survey;
}

Result<std::optional<SurveyRecord>> SurveyRepository::draft(const QUuid &householdId) const
{
    static const QString sql = kSurveySelect
        + QStringLiteral("WHERE household_id = ? AND completed_at IS NULL "
                         "ORDER BY started_at DESC, rowid DESC LIMIT 1");
    const PreparedCache::Read read = m_prepared.read(m_connectionName, sql);
    QSqlQuery &query = read.query;
    if (!read.prepared)
        return readError(tr("the survey draft"), query.lastError());
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the survey draft"), query.lastError());
    if (query.next())
        return std::optional<SurveyRecord>(readSurvey(query));
    if (query.lastError().isValid())
        return readError(tr("the survey draft"), query.lastError());
    return std::optional<SurveyRecord>();
}

Result<SurveyRecord> SurveyRepository::find(const QUuid &surveyId) const
{
    static const QString sql = kSurveySelect + QStringLiteral("WHERE id = ?");
    const PreparedCache::Read read = m_prepared.read(m_connectionName, sql);
    QSqlQuery &query = read.query;
    if (!read.prepared)
        return readError(tr("the survey"), query.lastError());
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return readError(tr("the survey"), query.lastError());
    if (query.next())
        return readSurvey(query);
    if (query.lastError().isValid())
        return readError(tr("the survey"), query.lastError());
    return Error::notFound(tr("there is no such survey"));
}

Result<QList<SurveyRecord>> SurveyRepository::surveys(const QUuid &householdId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(kSurveySelect
                       + QStringLiteral("WHERE household_id = ? ORDER BY started_at DESC, "
                                        "rowid DESC")))
        return readError(tr("the household\u2019s surveys"), query.lastError());
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the household\u2019s surveys"), query.lastError());
    QList<SurveyRecord> result;
    while (query.next())
        result.append(readSurvey(query));
    if (query.lastError().isValid())
        return readError(tr("the household\u2019s surveys"), query.lastError());
    return result;
}

Status SurveyRepository::saveAnswer(const QUuid &surveyId, const QString &questionId,
                                    const QJsonValue &value, const QString &position)
{
    return saveAnswers(surveyId, {{questionId, value}}, position);
}

Status SurveyRepository::saveAnswers(const QUuid &surveyId,
                                     const QList<std::pair<QString, QJsonValue>> &answers,
                                     const QString &position)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the answer"), db.lastError());
    const auto rollback = [&](const Error &error) -> Status {
        db.rollback();
        return error;
    };
    const QString id = uuidText(surveyId);
    QSqlQuery &select = m_prepared
                            .statement(m_connectionName,
                                       QStringLiteral("SELECT answers FROM survey WHERE id = ? "
                                                      "AND completed_at IS NULL"))
                            .query;
    select.addBindValue(id);
    if (!select.exec())
        return rollback(readError(tr("the survey"), select.lastError()));
    if (!select.next())
        return rollback(Error::notFound(tr("the survey is not an open draft")));
    QJsonObject stored = QJsonDocument::fromJson(select.value(0).toString().toUtf8()).object();
    select.finish();

    // What each answer changed, {field, old, new} for the audit trail, in the order given.
    QList<std::tuple<QString, QVariant, QVariant>> changes;
    for (const auto &[questionId, value] : answers) {
        QVariant old = auditValue(stored.value(questionId));
        if (value.isUndefined() || value.isNull())
            stored.remove(questionId);
        else
            stored.insert(questionId, value);
        if (QVariant given = auditValue(value); old != given)
            changes.append(
                {QStringLiteral("answers.") + questionId, std::move(old), std::move(given)});
    }
    QSqlQuery &query = m_prepared
                           .statement(m_connectionName,
                                      QStringLiteral("UPDATE survey SET answers = ?, "
                                                     "draft_position = ? WHERE id = ?"))
                           .query;
    query.addBindValue(answersText(stored));
    query.addBindValue(notNull(position));
    query.addBindValue(id);
    if (!query.exec())
        return rollback(writeError(tr("the survey table"), query.lastError()));

    const QString now = storeTimestamp();
    AuditLog audit(m_connectionName, m_userName, m_device);
    for (const auto &[field, old, value] : std::as_const(changes)) {
        if (const Status recorded
            = audit.record(QStringLiteral("survey"), id, field, old, value, now);
            !recorded)
            return rollback(recorded.error());
    }
    if (!db.commit())
        return rollback(writeError(tr("the answer"), db.lastError()));
    return {};
}

Status SurveyRepository::savePosition(const QUuid &surveyId, const QString &position)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "UPDATE survey SET draft_position = ? WHERE id = ? AND completed_at IS NULL"));
    query.addBindValue(notNull(position));
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return writeError(tr("the survey table"), query.lastError());
    if (query.numRowsAffected() != 1)
        return Error::notFound(tr("the survey is not an open draft"));
    return {};
}

Result<QDateTime> SurveyRepository::complete(const QUuid &surveyId,
                                             const QString &definitionVersion,
                                             const StatusMove &move)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the survey"), db.lastError());
    const auto rollback = [&](const Error &error) -> Result<QDateTime> {
        db.rollback();
        return error;
    };
    const QString id = uuidText(surveyId);
    QSqlQuery &select = m_prepared
                            .statement(m_connectionName,
                                       QStringLiteral("SELECT household_id, definition_version "
                                                      "FROM survey WHERE id = ? AND "
                                                      "completed_at IS NULL"))
                            .query;
    select.addBindValue(id);
    if (!select.exec())
        return rollback(readError(tr("the survey"), select.lastError()));
    if (!select.next())
        return rollback(Error::notFound(tr("the survey is not an open draft")));
    const QUuid householdId = readId(select.value(0));
    const QString oldVersion = select.value(1).toString();
    select.finish();

    const QString now = storeTimestamp();
    QSqlQuery &query = m_prepared
                           .statement(m_connectionName,
                                      QStringLiteral("UPDATE survey SET completed_at = ?, "
                                                     "definition_version = ? WHERE id = ?"))
                           .query;
    query.addBindValue(now);
    query.addBindValue(notNull(definitionVersion));
    query.addBindValue(id);
    if (!query.exec())
        return rollback(writeError(tr("the survey table"), query.lastError()));
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (oldVersion != definitionVersion) {
        if (const Status recorded
            = audit.record(QStringLiteral("survey"), id, QStringLiteral("definition_version"),
                           oldVersion, definitionVersion, now);
            !recorded)
            return rollback(recorded.error());
    }
    if (const Status recorded
        = audit.record(QStringLiteral("survey"), id, QStringLiteral("completed_at"), {}, now, now);
        !recorded)
        return rollback(recorded.error());
    if (const Status moved
        = applyStatusMove(m_prepared, m_connectionName, audit, householdId, move, now);
        !moved)
        return rollback(moved.error());
    if (!db.commit())
        return rollback(writeError(tr("the survey"), db.lastError()));
    return QDateTime::fromString(now, Qt::ISODateWithMs);
}

Status SurveyRepository::savePackage(const QUuid &surveyId, const QList<PackageItem> &items,
                                     const StatusMove &move)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the package"), db.lastError());
    const auto rollback = [&](const Error &error) -> Status {
        db.rollback();
        return error;
    };
    const QString id = uuidText(surveyId);
    const auto statement = [this](const QString &sql) -> QSqlQuery & {
        return m_prepared.statement(m_connectionName, sql).query;
    };
    QSqlQuery &select = statement(QStringLiteral(
        "SELECT household_id FROM survey WHERE id = ? AND completed_at IS NOT NULL"));
    select.addBindValue(id);
    if (!select.exec())
        return rollback(readError(tr("the survey"), select.lastError()));
    if (!select.next())
        return rollback(Error::invalid(tr("the survey is not complete")));
    const QUuid householdId = readId(select.value(0));
    select.finish();
    const Result<QList<PackageItem>> oldItems = package(surveyId);
    if (!oldItems)
        return rollback(oldItems.error());
    const QString old = packageText(*oldItems);

    QSqlQuery &remove = statement(QStringLiteral("DELETE FROM recommendation WHERE survey_id = ?"));
    remove.addBindValue(id);
    if (!remove.exec())
        return rollback(writeError(tr("the recommendation table"), remove.lastError()));
    QSqlQuery &insert = statement(
        QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, qty, reason, "
                       "agreed) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const PackageItem &item : items) {
        QSqlQuery &query = insert;
        query.addBindValue(uuidText(QUuid::createUuid()));
        query.addBindValue(id);
        query.addBindValue(item.code);
        query.addBindValue(item.qty);
        query.addBindValue(notNull(item.reason));
        query.addBindValue(item.agreed ? 1 : 0);
        if (!query.exec()) {
            return rollback(
                writeError(tr("%1 to the recommendation table").arg(item.code), query.lastError()));
        }
    }
    const QString now = storeTimestamp();
    // The household accepted when the package was first agreed (DESIGN §9): editing or agreeing
    // it again keeps that time; a package left with nothing agreed has none.
    QSqlQuery &query = statement(QStringLiteral(
        "UPDATE survey SET package_agreed_at = CASE WHEN EXISTS (SELECT 1 FROM recommendation r "
        "WHERE r.survey_id = survey.id AND r.agreed = 1) THEN coalesce(package_agreed_at, ?) END "
        "WHERE id = ?"));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return rollback(writeError(tr("the survey table"), query.lastError()));
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded = audit.record(
            QStringLiteral("survey"), id, QStringLiteral("package"),
            old == QStringLiteral("[]") ? QVariant() : QVariant(old), packageText(items), now);
        !recorded)
        return rollback(recorded.error());
    if (const Status moved
        = applyStatusMove(m_prepared, m_connectionName, audit, householdId, move, now);
        !moved)
        return rollback(moved.error());
    if (!db.commit())
        return rollback(writeError(tr("the package"), db.lastError()));
    return {};
}

Result<QList<PackageItem>> SurveyRepository::package(const QUuid &surveyId) const
{
    const PreparedCache::Read read
        = m_prepared.read(m_connectionName,
                          QStringLiteral("SELECT equipment_code, qty, reason, agreed FROM "
                                         "recommendation WHERE survey_id = ? ORDER BY rowid"));
    QSqlQuery &query = read.query;
    if (!read.prepared)
        return readError(tr("the package"), query.lastError());
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return readError(tr("the package"), query.lastError());
    QList<PackageItem> items;
    while (query.next()) {
        items.append(PackageItem {query.value(0).toString(), query.value(1).toInt(),
                                  query.value(2).toString(), query.value(3).toInt() == 1});
    }
    if (query.lastError().isValid())
        return readError(tr("the package"), query.lastError());
    return items;
}

Result<QStringList> SurveyRepository::unknownEquipment(const QStringList &codes) const
{
    const PreparedCache::Read read = m_prepared.read(
        m_connectionName, QStringLiteral("SELECT 1 FROM equipment_type WHERE code = ?"));
    QSqlQuery &query = read.query;
    if (!read.prepared)
        return readError(tr("the equipment catalogue"), query.lastError());
    QStringList unknown;
    for (const QString &code : codes) {
        query.addBindValue(code);
        if (!query.exec())
            return readError(tr("the equipment catalogue"), query.lastError());
        if (!query.next()) {
            if (query.lastError().isValid())
                return readError(tr("the equipment catalogue"), query.lastError());
            unknown.append(code);
        }
        query.finish();
    }
    return unknown;
}

Result<QHash<QString, QString>> SurveyRepository::equipmentLabels() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT code, name, standard FROM equipment_type")))
        return readError(tr("the equipment catalogue"), query.lastError());
    QHash<QString, QString> labels;
    while (query.next()) {
        const QString name = query.value(1).toString();
        const QString standard = query.value(2).toString();
        labels.insert(query.value(0).toString(),
                      standard.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, standard));
    }
    return labels;
}

} // namespace saferhomes
