#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace saferhomes {

class QuarterlyReturn;

/// The quarterly return as an Excel workbook (libxlsxwriter, DESIGN §9): a "Figures" sheet
/// (the period, then key, label, value and household count per figure, then the year's
/// budget and forecast) and a sheet per figure listing its households (id, UPRN, address,
/// items, fit date).
class QuarterlyReturnXlsx {
    Q_DECLARE_TR_FUNCTIONS(QuarterlyReturnXlsx)

public:
    /// The workbook's bytes (written through a temporary folder, since libxlsxwriter writes
    /// to a file name): the caller saves them where it wants, all or nothing.
    static Result<QByteArray> bytes(const QuarterlyReturn &quarterlyReturn);
    /// A figure's sheet name: its key without what Excel forbids, at most 31 characters.
    static QString sheetName(const QString &key);
};

} // namespace saferhomes
