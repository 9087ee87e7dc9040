#include "reportcommand.h"

#include "cli.h"
#include "dashboard/quarterlyreturnpdf.h"
#include "domain/financialperiod.h"
#include "importexport/quarterlyreturnxlsx.h"
#include "reporting/quarterlyreturn.h"
#include "reporting/returnarchive.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

#include <cstdio>
#include <cstring>

namespace saferhomes {

namespace {

const QStringList kFormats {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("xlsx"),
                            QStringLiteral("pdf")};

QString pounds(qint64 pence)
{
    return QStringLiteral("\u00a3%1.%2")
        .arg(pence / 100)
        .arg(qAbs(pence % 100), 2, 10, QLatin1Char('0'));
}

} // namespace

bool ReportCommand::needsGui(int argc, char *argv[])
{
    bool report = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "report") == 0
            && std::strcmp(argv[i + 1], "quarterly") == 0)
            report = true;
        if ((i + 1 < argc && std::strcmp(argv[i], "--format") == 0
             && std::strcmp(argv[i + 1], "pdf") == 0)
            || std::strcmp(argv[i], "--format=pdf") == 0)
            pdf = true;
    }
    return report && pdf;
}

int ReportCommand::failed(const Error &error) const
{
    switch (error.kind) {
    case Error::Kind::Database:
    case Error::Kind::Locked:
        // Nothing on stdout: no document that could be taken for the return.
        return m_output.failWithoutAnswer(Cli::UsageError, error.message);
    case Error::Kind::Invalid: return m_output.failWithoutAnswer(Cli::UsageError, error.message);
    default: return m_output.fail(Cli::Rejected, error.message);
    }
}

int ReportCommand::deliver(const QByteArray &bytes, const QString &out, const QString &period,
                           const QString &format) const
{
    if (out.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)
            || stdoutFile.write(bytes) != bytes.size() || !stdoutFile.flush())
            return m_output.failWithoutAnswer(Cli::UsageError, tr("Cannot write to stdout."));
        return Cli::Success;
    }
    // A temporary file next to the target, renamed over it only once complete: a failure
    // leaves nothing behind and an existing file untouched.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        return m_output.failWithoutAnswer(
            Cli::UsageError,
            tr("Cannot write %1: %2; nothing was written.")
                .arg(QDir::toNativeSeparators(out), file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return m_output.failWithoutAnswer(Cli::UsageError,
                                          tr("Cannot write %1: %2; nothing was written.")
                                              .arg(QDir::toNativeSeparators(out), why));
    }
    const QString path = QFileInfo(out).absoluteFilePath();
    m_output.print({{QStringLiteral("file"), path},
                    {QStringLiteral("period"), period},
                    {QStringLiteral("format"), format},
                    {QStringLiteral("bytes"), bytes.size()}},
                   tr("Wrote %1 (%2, %3 bytes).").arg(out, format).arg(bytes.size()));
    return Cli::Success;
}

int ReportCommand::parse(const QHash<QString, QString> &options, const QStringList &flags)
{
    if (!options.contains(QStringLiteral("--period")))
        return m_output.failWithoutAnswer(Cli::UsageError,
                                          tr("report quarterly needs --period 2024/25-Q3"));
    auto period = FinancialPeriod::parse(options.value(QStringLiteral("--period")));
    if (!period)
        return m_output.failWithoutAnswer(Cli::UsageError, period.errorString());
    if (period->kind() != FinancialPeriod::Kind::Quarter) {
        return m_output.failWithoutAnswer(
            Cli::UsageError,
            tr("report quarterly needs a quarter, such as %1-Q1, not a whole "
               "year")
                .arg(period->name()));
    }
    m_format = options.value(QStringLiteral("--format"), QStringLiteral("json"));
    if (!kFormats.contains(m_format)) {
        return m_output.fail(
            Cli::UsageError,
            tr("unknown format \u201c%1\u201d: json, csv, xlsx or pdf").arg(m_format));
    }
    m_out = options.value(QStringLiteral("--out"));
    m_freeze = flags.contains(QStringLiteral("--freeze"));
    m_frozen = flags.contains(QStringLiteral("--frozen"));
    m_variances = flags.contains(QStringLiteral("--variances"));
    if (int(m_freeze) + int(m_frozen) + int(m_variances) > 1)
        return m_output.failWithoutAnswer(
            Cli::UsageError, tr("give only one of --freeze, --frozen and --variances"));
    if ((m_frozen || m_freeze) && m_format != u"json")
        return m_output.failWithoutAnswer(
            Cli::UsageError, tr("a frozen return is its JSON document: leave out --format"));
    if (m_out.isEmpty() && !m_freeze && !m_variances) {
        if (m_format == u"xlsx" || m_format == u"pdf")
            return m_output.failWithoutAnswer(Cli::UsageError,
                                              tr("--format %1 needs --out FILE").arg(m_format));
        if (m_format == u"csv" && m_output.json())
            return m_output.failWithoutAnswer(
                Cli::UsageError, tr("--json prints JSON: give --out FILE for the CSV"));
    }
    m_period = *period;
    if (m_period.isInFuture()) {
        return m_output.fail(Cli::Rejected,
                             tr("%1 has not started yet (it starts on %2): a return for it "
                                "would be empty.")
                                 .arg(m_period.name(), m_period.firstDay().toString(Qt::ISODate)));
    }
    return Cli::Success;
}

int ReportCommand::quarterly(Database &database)
{
    const FinancialPeriod *period = &m_period;
    const QString &format = m_format;
    const QString &out = m_out;
    ReturnArchive archive(database, Database::localUserName());
    if (m_frozen) {
        const auto stored = archive.frozen(*period);
        if (!stored)
            return failed(stored.error());
        return deliver(stored->document, out, period->name(), format);
    }
    if (m_freeze) {
        const auto stored = archive.freeze(*period);
        if (!stored)
            return failed(stored.error());
        if (!out.isEmpty()) {
            const int written = deliver(stored->document, out, period->name(), format);
            if (written != Cli::Success)
                return written;
        }
        m_output.print(
            {{QStringLiteral("period"), period->name()},
             {QStringLiteral("frozen_at"), stored->frozenAt.toString(Qt::ISODate)},
             {QStringLiteral("sha256"), stored->sha256},
             {QStringLiteral("bytes"), stored->document.size()}},
            tr("Froze the return of %1 (SHA-256 %2).").arg(period->name(), stored->sha256));
        return Cli::Success;
    }
    if (m_variances) {
        const auto variance = archive.variances(*period);
        if (!variance)
            return failed(variance.error());
        QStringList lines;
        for (const FigureVariance &f : variance->figures) {
            if (!f.changed())
                continue;
            lines.append(tr("%1: frozen %2, now %3 (%4%5), %6 added, %7 removed")
                             .arg(f.key)
                             .arg(f.frozen)
                             .arg(f.current)
                             .arg(f.difference() > 0 ? QStringLiteral("+") : QString())
                             .arg(f.difference())
                             .arg(f.added.size())
                             .arg(f.removed.size()));
        }
        if (lines.isEmpty())
            lines.append(
                tr("No figure of %1 has changed since it was frozen.").arg(period->name()));
        m_output.print(variance->toJson(), lines.join(QLatin1Char('\n')));
        return Cli::Success;
    }

    const auto computed = QuarterlyReturn::compute(database, *period);
    if (!computed)
        return failed(computed.error());
    if (computed->forecast && computed->forecast->scheme.flagged()) {
        const SpendForecast &f = *computed->forecast;
        m_output.warn(tr("the forecast spend for %1 (%2) is below its allocation (%3); money "
                         "cannot roll over to the next year")
                          .arg(f.year.name(), pounds(f.scheme.forecastPence),
                               pounds(f.scheme.budgetPence())));
    }
    QByteArray bytes;
    if (format == u"json") {
        bytes = computed->toJsonBytes();
    } else if (format == u"csv") {
        bytes = computed->toCsv();
    } else if (format == u"xlsx") {
        auto workbook = QuarterlyReturnXlsx::bytes(*computed);
        if (!workbook)
            return failed(workbook.error());
        bytes = std::move(*workbook);
    } else {
        auto pdf = QuarterlyReturnPdf(*computed).bytes();
        if (!pdf)
            return failed(pdf.error());
        bytes = std::move(*pdf);
    }
    return deliver(bytes, out, period->name(), format);
}

} // namespace saferhomes
