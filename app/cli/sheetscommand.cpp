#include "sheetscommand.h"

#include "cli.h"
#include "schedule/jobsheetday.h"
#include "schedule/jobsheetrenderer.h"
#include "store/database.h"

#include <QFileInfo>
#include <QJsonObject>

#include <cstring>

namespace saferhomes {

bool SheetsCommand::isRequested(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "jobs") == 0 && std::strcmp(argv[i + 1], "sheets") == 0)
            return true;
    }
    return false;
}

int SheetsCommand::write(Database &database, const QHash<QString, QString> &options)
{
    const QUuid fitterId = QUuid::fromString(options.value(QStringLiteral("--fitter")));
    if (fitterId.isNull())
        return m_output.fail(Cli::UsageError, tr("jobs sheets needs --fitter ID"));
    const QDate date = QDate::fromString(options.value(QStringLiteral("--date")), Qt::ISODate);
    if (!date.isValid())
        return m_output.fail(Cli::UsageError, tr("jobs sheets needs --date YYYY-MM-DD"));
    const QString out = options.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return m_output.fail(Cli::UsageError, tr("jobs sheets needs --out FILE.pdf"));

    const Result<JobSheetDay> day = JobSheetDay::load(database, fitterId, date);
    if (!day) {
        return m_output.fail(day.error().kind == Error::Kind::NotFound ? Cli::Rejected
                                                                       : Cli::UsageError,
                             day.errorString());
    }
    const Result<int> pages = JobSheetRenderer(*day).writePdf(out);
    if (!pages)
        return m_output.fail(Cli::UsageError, pages.errorString());
    const int jobs = int(day->stops.size());
    m_output.print({{QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                    {QStringLiteral("fitter"), fitterId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("date"), date.toString(Qt::ISODate)},
                    {QStringLiteral("jobs"), jobs},
                    {QStringLiteral("pages"), *pages}},
                   tr("Wrote %1: %n job(s), %2 page(s).", nullptr, jobs).arg(out).arg(*pages));
    return Cli::Success;
}

} // namespace saferhomes
