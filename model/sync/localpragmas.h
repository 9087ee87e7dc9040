#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace saferhomes {

/// Turns foreign key checks off for the lifetime of the object (outside any transaction).
/// Pulled rows may refer to rows this user may not read (a volunteer's job names a fitter);
/// the central database has checked them.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(const QSqlDatabase &db)
        : m_query(db)
    {
        m_query.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() { m_query.exec(QStringLiteral("PRAGMA foreign_keys = ON")); }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlQuery m_query;
};

/// Sets a connection PRAGMA for the lifetime of the object and then restores it.
class LocalPragma {
public:
    LocalPragma(const QSqlDatabase &db, QString name, const QString &value)
        : m_query(db)
        , m_name(std::move(name))
    {
        if (m_query.exec(QStringLiteral("PRAGMA ") + m_name) && m_query.next())
            m_saved = m_query.value(0).toString();
        m_query.finish();
        m_query.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name, value));
    }
    ~LocalPragma()
    {
        if (!m_saved.isEmpty())
            m_query.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name, m_saved));
    }
    LocalPragma(const LocalPragma &) = delete;
    LocalPragma &operator=(const LocalPragma &) = delete;

private:
    QSqlQuery m_query;
    QString m_name;
    QString m_saved;
};

} // namespace saferhomes
