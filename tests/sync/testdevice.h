#pragma once

#include "store/database.h"
#include "store/householdrepository.h"
#include "sync/syncengine.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace saferhomes::synctest {

/// Rows of one table as text, keyed by id: the same columns, in the same order, whether read
/// from a device's SQLite file or from the central database (see centralRows()).
using TextRows = QMap<QString, QStringList>;

/// Households and residents as tables of text, for comparing a device with the server.
struct TextTables {
    TextRows households;
    TextRows residents;
};

/// The columns of TextTables, by position.
QStringList householdTextColumns();
QStringList residentTextColumns();
/// \a rows (the id first, then the columns) as text: NULL as empty, numbers written alike
/// whichever database they came from.
TextRows textRows(const QList<QVariantList> &rows);

/// One simulated device of the sync tests: a local database file of its own and the login of
/// its user. A trigger added to the file logs every op an edit puts in the outbox, in the same
/// transaction as the edit, so that a test knows every change that was acknowledged to the
/// user, whatever happens to the outbox afterwards.
class TestDevice {
public:
    /// A local op as the outbox received it.
    struct Op {
        QString opId;
        QString entity;
        QString entityId;
        QString kind;
        QJsonObject payload;
    };
    /// A conflict the device recorded (sync_conflict), resolved or not.
    struct Conflict {
        QString opId;
        QString field;
        QString local;
        QString server;
    };

    TestDevice(QString name, QString path, QString login, QString password, QString uri);
    ~TestDevice();
    TestDevice(const TestDevice &) = delete;
    TestDevice &operator=(const TestDevice &) = delete;

    /// Opens (creating) the file and adds the op log; false and \a error on failure.
    bool open(QString *error);

    QString name() const { return m_name; }
    QString login() const { return m_login; }
    QString path() const { return m_path; }
    QString uri() const { return m_uri; }
    const Database &database() const { return m_database; }

    HouseholdRepository households() const;
    SyncEngine engine() const;
    /// One sync in this process.
    SyncResult sync() const;
    /// Starts `saferhomes-cli --db PATH --json sync --server URI` with this device's password;
    /// the caller waits for it or kills it.
    std::unique_ptr<QProcess> startCliSync() const;

    /// Keeps a copy of the file as it is now (a consistent snapshot, WAL included).
    bool saveCopy(QString *error);
    /// Puts the copy back in place of the file: as if everything since saveCopy() had never
    /// reached the disk (a device that crashed before recording the server's answer).
    bool restoreCopy(QString *error);

    /// Every op this device's edits made, oldest first.
    QList<Op> opsMade() const;
    QList<Conflict> conflictRecords() const;
    /// The ops the server refused (kept in the outbox): op id to reason.
    QHash<QString, QString> rejectedOps() const;
    int outboxRows() const;
    /// Households and residents in this file.
    TextTables tables() const;
    /// Households with more than one primary resident here.
    QStringList householdsWithSeveralPrimaryResidents() const;
    /// PRAGMA integrity_check's answer ("ok" when the file is sound).
    QString integrityCheck() const;

    /// Every row of \a sql, with \a values bound in order, on the local file (empty when it
    /// fails).
    QList<QVariantList> rows(const QString &sql, const QVariantList &values = {}) const;
    /// Runs \a sql with \a values bound in order on the local file; lastError() says why not.
    bool exec(const QString &sql, const QVariantList &values);
    QString lastError() const { return m_error; }
    /// The value of the first column of the first row of \a sql; invalid when there is none.
    QVariant value(const QString &sql) const;

private:
    QString m_name;
    QString m_path;
    QString m_login;
    QString m_password;
    QString m_uri;
    Database m_database;
    QString m_error;
};

} // namespace saferhomes::synctest
