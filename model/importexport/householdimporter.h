#pragma once

#include "store/householdrepository.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// One reason a record of an import file was refused (DESIGN §5).
struct ImportProblem {
    int line = 0; ///< 1-based physical line where the record starts (header is line 1)
    QString column; ///< the column concerned; empty when it is the whole record
    QString reason;
};

/// What a household file holds once read and checked, before anything is written.
struct ImportPlan {
    /// Whether the file can be imported at all: Error::Invalid when the file as a whole cannot
    /// be (unreadable, no header, a required column missing), Error::Database or
    /// Error::Locked when the register could not be read to check it against.
    Status status;
    QString fileName; ///< the file's name (no folder), for the import's audit event
    QString sha256; ///< hex SHA-256 of the file's bytes, for the import's audit event
    QStringList header;
    QList<HouseholdRecord> records; ///< the valid records
    QList<int> recordLines; ///< line of each valid record
    QList<ImportProblem> problems; ///< every invalid record's problems, in line order
    QStringList warnings; ///< e.g. unknown columns
    QList<QStringList> preview; ///< the first rows as read, for a wizard to show
    int recordCount = 0; ///< records read (valid and invalid)
    bool cancelled = false;
};

/// The outcome of an import, shaped as the command line reports it.
struct ImportResult {
    int imported = 0;
    QList<ImportProblem> rejected;
    QStringList warnings;
    /// Why nothing was imported, if so: Error::Invalid for the file (it cannot be read as a
    /// household list), Error::Database or Error::Locked when the register could not be read,
    /// Error::Refused when the database refused the write. Refused records are not an error:
    /// they are listed in rejected.
    Status status;
    bool cancelled = false;
};

/// Reads, validates and imports household files: all or nothing unless told to skip invalid.
class HouseholdImporter {
    Q_DECLARE_TR_FUNCTIONS(HouseholdImporter)

public:
    using Progress = HouseholdRepository::Progress;

    explicit HouseholdImporter(HouseholdRepository &repository);

    /// Reads and checks \a path without writing anything.
    ImportPlan prepare(const QString &path, const Progress &progress = {}) const;
    /// Checks file contents already in memory (\a name is used in messages).
    ImportPlan prepareData(const QByteArray &data, const QString &name,
                           const Progress &progress = {}) const;

    /// Reads, checks and writes \a path in one go: the records are written while the rest of
    /// the file is still being read (on another thread). Otherwise as prepare() and then
    /// commit(): every problem is listed, and nothing is written when there is one and
    /// \a skipInvalid is false, or when it fails or is cancelled.
    ImportResult import(const QString &path, bool skipInvalid, const Progress &progress = {});

    /// Writes the plan's valid records; refuses when there are problems and
    /// \a skipInvalid is false. Nothing is written when it fails or is cancelled.
    ImportResult commit(const ImportPlan &plan, bool skipInvalid, const Progress &progress = {});

    static QStringList requiredColumns();
    static QStringList knownColumns();
    /// The hex SHA-256 of \a data (what an import's audit event records of its file).
    static QString sha256(const QByteArray &data);

private:
    HouseholdRepository &m_repository;
};

} // namespace saferhomes
