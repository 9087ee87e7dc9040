#pragma once

// Another program's connection holding an exclusive lock on a whole database file, for the
// tests of what a locked database does to a command, a window or a worker.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <string>

namespace saferhomes::test {

/// Holds the lock while it lives: exclusive locking mode and a write in an open transaction,
/// so that even readers of the WAL database are kept out (a plain BEGIN EXCLUSIVE in WAL mode
/// still lets them read).
class LockHolder {
public:
    explicit LockHolder(const QString &path,
                        const QString &connectionName = QStringLiteral("other-program"))
        : m_name(connectionName)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
        QSqlQuery query(db);
        m_ok = m_ok && query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"))
            && query.exec(QStringLiteral("BEGIN EXCLUSIVE"))
            && query.exec(QStringLiteral("CREATE TABLE other_program (x)"));
        if (!m_ok)
            m_error = query.lastError().text() + db.lastError().text();
    }
    ~LockHolder()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    LockHolder(const LockHolder &) = delete;
    LockHolder &operator=(const LockHolder &) = delete;

    bool ok() const { return m_ok; }
    std::string error() const { return m_error.toStdString(); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

} // namespace saferhomes::test
