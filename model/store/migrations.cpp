#include "migrations.h"

#include <QDir>
#include <QRegularExpression>

namespace saferhomes {

QStringList Migrations::scripts(const QString &dialect)
{
    QDir dir(QStringLiteral(":/sql/") + dialect);
    QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QStringList paths;
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

QStringList Migrations::statements(const QString &script)
{
    QStringList result;
    QString current;
    bool inBlock = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (current.trimmed().isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(u"--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.compare(u"BEGIN", Qt::CaseInsensitive) == 0)
            inBlock = true;
        const bool ends = inBlock ? trimmed.compare(u"END;", Qt::CaseInsensitive) == 0
                                  : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            result.append(current.trimmed());
            current.clear();
            inBlock = false;
        }
    }
    if (!current.trimmed().isEmpty())
        result.append(current.trimmed());
    return result;
}

} // namespace saferhomes
