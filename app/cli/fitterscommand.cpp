#include "fitterscommand.h"

#include "cli.h"
#include "domain/fitter.h"
#include "store/database.h"
#include "store/fitterrepository.h"

#include <QJsonArray>

namespace saferhomes {

QJsonObject FittersCommand::toJson(const Fitter &fitter)
{
    QJsonArray skills;
    for (const QString &skill : fitter.skills)
        skills.append(skill);
    return {
        {QStringLiteral("id"), fitter.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), fitter.name},
        {QStringLiteral("skills"), skills},
        {QStringLiteral("shift_start"), fitter.usualShift.start.toString(u"HH:mm")},
        {QStringLiteral("shift_end"), fitter.usualShift.end.toString(u"HH:mm")},
        {QStringLiteral("latitude"), fitter.latitude ? QJsonValue(*fitter.latitude) : QJsonValue()},
        {QStringLiteral("longitude"),
         fitter.longitude ? QJsonValue(*fitter.longitude) : QJsonValue()}};
}

int FittersCommand::list(Database &database)
{
    const Result<QList<Fitter>> fitters
        = FitterRepository(database, Database::localUserName()).all();
    if (!fitters)
        return m_output.fail(Cli::UsageError, fitters.errorString());
    QJsonArray array;
    QStringList lines;
    for (const Fitter &fitter : *fitters) {
        array.append(toJson(fitter));
        lines.append(tr("%1  %2  %3  %4-%5")
                         .arg(fitter.id.toString(QUuid::WithoutBraces), fitter.name,
                              fitter.skills.join(QLatin1Char(';')),
                              fitter.usualShift.start.toString(u"HH:mm"),
                              fitter.usualShift.end.toString(u"HH:mm")));
    }
    m_output.print({{QStringLiteral("fitters"), array}}, lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

int FittersCommand::add(Database &database, const QHash<QString, QString> &options)
{
    Fitter fitter;
    fitter.name = options.value(QStringLiteral("--name")).trimmed();
    if (fitter.name.isEmpty())
        return m_output.fail(Cli::UsageError, tr("fitters add needs --name N"));
    const QStringList skills
        = options.value(QStringLiteral("--skills")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &skill : skills) {
        const QString name = skill.trimmed();
        if (!fitterSkillNames().contains(name)) {
            return m_output.fail(Cli::UsageError,
                                 tr("\u201c%1\u201d is not a skill: use %2")
                                     .arg(name, fitterSkillNames().join(QLatin1String(", "))));
        }
        if (!fitter.skills.contains(name))
            fitter.skills.append(name);
    }
    if (options.contains(QStringLiteral("--shift"))) {
        const QStringList parts = options.value(QStringLiteral("--shift")).split(QLatin1Char('-'));
        const QTime start = QTime::fromString(parts.value(0).trimmed(), u"HH:mm");
        const QTime end = QTime::fromString(parts.value(1).trimmed(), u"HH:mm");
        if (parts.size() != 2 || !start.isValid() || !end.isValid() || !(start < end))
            return m_output.fail(Cli::UsageError, tr("--shift takes HH:MM-HH:MM, the start first"));
        fitter.usualShift = {start, end};
    }
    if (options.contains(QStringLiteral("--start"))) {
        const QStringList parts = options.value(QStringLiteral("--start")).split(QLatin1Char(','));
        bool latOk = false;
        bool lonOk = false;
        const double latitude = parts.value(0).trimmed().toDouble(&latOk);
        const double longitude = parts.value(1).trimmed().toDouble(&lonOk);
        if (parts.size() != 2 || !latOk || !lonOk || latitude < -90 || latitude > 90
            || longitude < -180 || longitude > 180)
            return m_output.fail(Cli::UsageError, tr("--start takes LAT,LON in degrees"));
        fitter.latitude = latitude;
        fitter.longitude = longitude;
    }
    const Result<Fitter> added = FitterRepository(database, Database::localUserName()).add(fitter);
    if (!added)
        return m_output.fail(Cli::Rejected, added.errorString());
    m_output.print(
        {{QStringLiteral("fitters"), QJsonArray {toJson(*added)}}},
        tr("Added fitter %1 (%2).").arg(added->name, added->id.toString(QUuid::WithoutBraces)));
    return Cli::Success;
}

} // namespace saferhomes
