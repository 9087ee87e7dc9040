#include "quarterlyreturnxlsx.h"

#include "reporting/quarterlyreturn.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <xlsxwriter.h>

namespace saferhomes {

namespace {

/// Closes (and so writes) the workbook when it goes out of scope, whatever happened before.
struct WorkbookCloser {
    lxw_workbook *workbook = nullptr;
    lxw_error close()
    {
        const lxw_error error = workbook ? workbook_close(workbook) : LXW_NO_ERROR;
        workbook = nullptr;
        return error;
    }
    ~WorkbookCloser() { close(); }
};

void writeText(lxw_worksheet *sheet, int row, int column, const QString &text,
               lxw_format *format = nullptr)
{
    worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text.toUtf8().constData(),
                           format);
}

void writeNumber(lxw_worksheet *sheet, int row, int column, qint64 value)
{
    worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), double(value), nullptr);
}

} // namespace

QString QuarterlyReturnXlsx::sheetName(const QString &key)
{
    QString name = key;
    for (const QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\', u'\''})
        name.replace(c, u'_');
    return name.left(31);
}

Result<QByteArray> QuarterlyReturnXlsx::bytes(const QuarterlyReturn &quarterlyReturn)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::database(
            tr("Cannot make a temporary folder for the workbook: %1").arg(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("return.xlsx"));
    const QByteArray tmpdir = QFile::encodeName(dir.path());
    const QByteArray file = QFile::encodeName(path);
    // Constant memory: rows are written in order and flushed, so 100,000 households stay small.
    lxw_workbook_options options {LXW_TRUE, const_cast<char *>(tmpdir.constData()), LXW_TRUE};
    WorkbookCloser workbook {workbook_new_opt(file.constData(), &options)};
    if (!workbook.workbook)
        return Error::database(tr("Cannot start the workbook %1.").arg(path));
    lxw_format *bold = workbook_add_format(workbook.workbook);
    format_set_bold(bold);

    lxw_worksheet *figures = workbook_add_worksheet(workbook.workbook, "Figures");
    int row = 0;
    writeText(figures, row, 0, tr("Period"), bold);
    writeText(figures, row++, 1, quarterlyReturn.period.name());
    writeText(figures, row, 0, tr("From"), bold);
    writeText(figures, row++, 1, quarterlyReturn.period.firstDay().toString(Qt::ISODate));
    writeText(figures, row, 0, tr("To"), bold);
    writeText(figures, row++, 1, quarterlyReturn.period.lastDay().toString(Qt::ISODate));
    writeText(figures, row, 0, tr("Scheme"), bold);
    writeText(figures, row++, 1, quarterlyReturn.scheme);
    writeText(figures, row, 0, tr("Generated"), bold);
    writeText(figures, row++, 1, quarterlyReturn.generatedAt.toString(Qt::ISODate));
    ++row;
    const QStringList header {tr("Key"), tr("Label"), tr("Value"), tr("Households")};
    for (int column = 0; column < header.size(); ++column)
        writeText(figures, row, column, header[column], bold);
    ++row;
    for (const ReturnFigure &figure : quarterlyReturn.figures) {
        writeText(figures, row, 0, figure.key);
        writeText(figures, row, 1, figure.label);
        writeNumber(figures, row, 2, figure.value);
        writeNumber(figures, row, 3, figure.households.size());
        ++row;
    }
    if (quarterlyReturn.forecast) {
        const SpendForecast &forecast = *quarterlyReturn.forecast;
        ++row;
        const auto line = [&](const QString &label, qint64 value) {
            writeText(figures, row, 1, label);
            writeNumber(figures, row++, 2, value);
        };
        writeText(figures, row++, 0, tr("Budget %1").arg(forecast.year.name()), bold);
        line(tr("Capital budget (pence)"), forecast.scheme.capitalPence);
        line(tr("Revenue budget (pence)"), forecast.scheme.revenuePence);
        line(tr("Spent to %1 (pence)").arg(forecast.asOf.toString(Qt::ISODate)),
             forecast.scheme.spentPence);
        line(tr("Forecast for the year (pence)"), forecast.scheme.forecastPence);
        writeText(figures, row, 1, tr("Outlook"));
        writeText(figures, row++, 2, SpendForecast::outlookText(forecast.scheme.outlook));
    }
    worksheet_set_column(figures, 0, 0, 26, nullptr);
    worksheet_set_column(figures, 1, 1, 40, nullptr);

    // A household appears on several sheets (up to one per figure): its cells are made in
    // UTF-8 once, the period's and the to-date items and fit date each.
    struct Cells {
        QByteArray uprn;
        QByteArray address;
        QByteArray items[2];
        QByteArray fitDate[2];
    };
    QHash<QString, Cells> cells;
    cells.reserve(quarterlyReturn.households.size());
    const auto cellsOf = [&](const QString &id) -> const Cells & {
        auto found = cells.find(id);
        if (found != cells.end())
            return *found;
        Cells made;
        if (const auto household = quarterlyReturn.households.constFind(id);
            household != quarterlyReturn.households.cend()) {
            made.uprn = household->address.uprn.toUtf8();
            made.address = household->address.address.toUtf8();
            for (const bool toDate : {false, true}) {
                made.items[toDate] = household->itemsText(toDate).toUtf8();
                made.fitDate[toDate] = household->fitDate(toDate).toString(Qt::ISODate).toLatin1();
            }
        }
        return *cells.insert(id, made);
    };
    const auto write = [](lxw_worksheet *sheet, int row, int column, const QByteArray &utf8) {
        if (!utf8.isEmpty())
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), utf8.constData(),
                                   nullptr);
    };

    QSet<QString> names {QStringLiteral("Figures")};
    const QStringList evidenceHeader = QuarterlyReturn::evidenceHeader();
    for (const ReturnFigure &figure : quarterlyReturn.figures) {
        QString name = sheetName(figure.key);
        for (int n = 2; names.contains(name); ++n)
            name = sheetName(figure.key).left(27) + QStringLiteral("~%1").arg(n);
        names.insert(name);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook.workbook, name.toUtf8().constData());
        if (!sheet)
            return Error::database(tr("Cannot add the sheet %1 to the workbook.").arg(name));
        for (int column = 0; column < evidenceHeader.size(); ++column)
            writeText(sheet, 0, column, evidenceHeader[column], bold);
        const bool toDate = figure.isToDate();
        int line = 1;
        for (const QString &id : figure.households) {
            const Cells &household = cellsOf(id);
            write(sheet, line, 0, id.toLatin1());
            write(sheet, line, 1, household.uprn);
            write(sheet, line, 2, household.address);
            write(sheet, line, 3, household.items[toDate]);
            write(sheet, line, 4, household.fitDate[toDate]);
            ++line;
        }
        worksheet_set_column(sheet, 0, 0, 38, nullptr);
        worksheet_set_column(sheet, 1, 1, 14, nullptr);
        worksheet_set_column(sheet, 2, 2, 48, nullptr);
        worksheet_set_column(sheet, 3, 3, 28, nullptr);
        worksheet_set_column(sheet, 4, 4, 12, nullptr);
    }
    if (const lxw_error error = workbook.close(); error != LXW_NO_ERROR) {
        return Error::database(
            tr("Cannot write the workbook: %1").arg(QString::fromUtf8(lxw_strerror(error))));
    }
    QFile written(path);
    if (!written.open(QIODevice::ReadOnly))
        return Error::database(tr("Cannot read back the workbook: %1").arg(written.errorString()));
    return written.readAll();
}

} // namespace saferhomes
