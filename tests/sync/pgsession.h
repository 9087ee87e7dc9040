#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

namespace saferhomes::synctest {

class PgCluster;

/// One test connection to a database of the test cluster, as one login: runs statements and
/// keeps the last error and SQLSTATE so that tests can check what the server refused.
class PgSession {
public:
    PgSession(const PgCluster &cluster, const QString &database, const QString &user,
              const QString &password);
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    bool isOpen() const;
    QString openError() const { return m_openError; }

    /// Every row of \a sql, with \a values bound in order; nullopt when it fails.
    std::optional<QList<QVariantList>> rows(const QString &sql, const QVariantList &values = {});
    /// The first column of every row, as text (for sets of ids); empty when it fails.
    QStringList column(const QString &sql, const QVariantList &values = {});
    /// The first value of the first row; an invalid QVariant when it fails or has no row.
    QVariant value(const QString &sql, const QVariantList &values = {});
    bool exec(const QString &sql, const QVariantList &values = {});
    /// Rows affected by the last exec().
    int affected() const { return m_affected; }

    QString lastError() const { return m_error; }
    /// The SQLSTATE of the last failure ("42501" permission denied or row-level security,
    /// "23P01" exclusion violation, ...).
    QString lastState() const { return m_state; }

private:
    std::optional<QList<QVariantList>> run(const QString &sql, const QVariantList &values);

    QString m_name;
    QString m_openError;
    QString m_error;
    QString m_state;
    int m_affected = -1;
};

} // namespace saferhomes::synctest
