#include "fitterrepository.h"

#include "auditlog.h"
#include "sqlvalues.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, skills, start_latitude, start_longitude, shift_start, shift_end, active, "
    "weekly_shifts, absences, van FROM fitter ");

Fitter readFitter(const QSqlQuery &query)
{
    Fitter fitter;
    fitter.id = readId(query.value(0));
    fitter.name = query.value(1).toString();
    fitter.skills = query.value(2).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (!query.value(3).isNull() && !query.value(4).isNull()) {
        fitter.latitude = query.value(3).toDouble();
        fitter.longitude = query.value(4).toDouble();
    }
    fitter.usualShift = {QTime::fromString(query.value(5).toString(), u"HH:mm"),
                         QTime::fromString(query.value(6).toString(), u"HH:mm")};
    fitter.active = query.value(7).toInt() == 1;
    fitter.weekdayShifts = Fitter::weekdayShiftsFromJson(
        QJsonDocument::fromJson(query.value(8).toByteArray()).object());
    fitter.absences
        = Fitter::absencesFromJson(QJsonDocument::fromJson(query.value(9).toByteArray()).array());
    fitter.van = query.value(10).toString();
    return fitter;
}

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

} // namespace

FitterRepository::FitterRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<Fitter> FitterRepository::add(Fitter fitter)
{
    if (fitter.id.isNull())
        fitter.id = QUuid::createUuid();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Adding fitter %1: %2").arg(fitter.name, error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("fitters"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("fitters"), error));
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO fitter (id, name, skills, start_latitude, start_longitude, shift_start, "
        "shift_end, active, weekly_shifts, absences, van) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    query.addBindValue(uuidText(fitter.id));
    query.addBindValue(notNull(fitter.name));
    query.addBindValue(notNull(fitter.skills.join(QLatin1Char(';'))));
    query.addBindValue(optionalReal(fitter.latitude));
    query.addBindValue(optionalReal(fitter.longitude));
    query.addBindValue(fitter.usualShift.start.toString(u"HH:mm"));
    query.addBindValue(fitter.usualShift.end.toString(u"HH:mm"));
    query.addBindValue(fitter.active ? 1 : 0);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(fitter.weekdayShiftsJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(fitter.absencesJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(notNull(fitter.van));
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("fitter"), uuidText(fitter.id), QStringLiteral("created"), {},
                       fitter.name, storeTimestamp());
        !recorded)
        return failedWith(recorded.error());
    if (!db.commit())
        return failed(db.lastError());
    return fitter;
}

Result<Fitter> FitterRepository::update(const Fitter &fitter)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto named = [&](const Error &error) {
        return Error {error.kind, tr("Changing fitter %1: %2").arg(fitter.name, error.message)};
    };
    if (!db.transaction())
        return named(writeError(tr("fitters"), db.lastError()));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return named(error);
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("fitters"), error));
    };
    QSqlQuery old(db);
    old.prepare(QStringLiteral("SELECT name FROM fitter WHERE id = ?"));
    old.addBindValue(uuidText(fitter.id));
    if (!old.exec())
        return failedWith(readError(tr("the fitter"), old.lastError()));
    if (!old.next()) {
        db.rollback();
        return Error::notFound(tr("There is no fitter %1.").arg(uuidText(fitter.id)));
    }
    const QString oldName = old.value(0).toString();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE fitter SET name = ?, skills = ?, start_latitude = ?, start_longitude = ?, "
        "shift_start = ?, shift_end = ?, active = ?, weekly_shifts = ?, absences = ?, van = ? "
        "WHERE id = ?"));
    query.addBindValue(notNull(fitter.name));
    query.addBindValue(notNull(fitter.skills.join(QLatin1Char(';'))));
    query.addBindValue(optionalReal(fitter.latitude));
    query.addBindValue(optionalReal(fitter.longitude));
    query.addBindValue(fitter.usualShift.start.toString(u"HH:mm"));
    query.addBindValue(fitter.usualShift.end.toString(u"HH:mm"));
    query.addBindValue(fitter.active ? 1 : 0);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(fitter.weekdayShiftsJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(fitter.absencesJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(notNull(fitter.van));
    query.addBindValue(uuidText(fitter.id));
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("fitter"), uuidText(fitter.id), QStringLiteral("updated"),
                       oldName, fitter.name, storeTimestamp());
        !recorded)
        return failedWith(recorded.error());
    if (!db.commit())
        return failed(db.lastError());
    return fitter;
}

Result<QList<Fitter>> FitterRepository::all() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(kSelect + QStringLiteral("ORDER BY name, id")))
        return readError(tr("fitters"), query.lastError());
    QList<Fitter> fitters;
    while (query.next())
        fitters.append(readFitter(query));
    return fitters;
}

Result<Fitter> FitterRepository::find(const QUuid &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(kSelect + QStringLiteral("WHERE id = ?"));
    query.addBindValue(uuidText(id));
    if (!query.exec())
        return readError(tr("the fitter"), query.lastError());
    if (!query.next())
        return Error::notFound(tr("There is no fitter %1.").arg(uuidText(id)));
    return readFitter(query);
}

} // namespace saferhomes
