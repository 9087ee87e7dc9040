#pragma once

#include "centralconnection.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace saferhomes {

/// Sets up the central PostgreSQL database (DESIGN §4, §7): applies the numbered migrations,
/// creates the group roles, and adds people's login roles with their areas.
///
/// Both operations connect with the URI's user and the password in PGPASSWORD. init-server
/// needs the database owner with CREATEROLE (or a superuser); add-user a superuser or an
/// admin (admins are given CREATEROLE for this).
class CentralAdmin {
    Q_DECLARE_TR_FUNCTIONS(CentralAdmin)

public:
    /// What a call did, or why it did nothing.
    struct Report {
        /// Why the call did nothing: Error::Network when the server could not be reached,
        /// Error::Invalid for a URI that cannot be used, Error::Refused when the server (or
        /// a rule checked here) said no.
        Status status;
        QStringList warnings;
        int schemaVersion = 0; ///< the central schema version afterwards
        int applied = 0; ///< migrations this call applied
        QStringList createdRoles; ///< group roles this call created
        QStringList createdAreas; ///< areas this call created (add-user)
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    explicit CentralAdmin(QString connectionName = QStringLiteral("saferhomes-central-admin"));

    /// Creates the missing group roles and applies the migrations not applied yet, all in one
    /// transaction. Idempotent: on an up-to-date database it changes nothing. A database of a
    /// newer schema than this build knows is refused untouched.
    Report initServer(const QString &uri);

    /// Creates the login role \a name (a member of the group of \a role) with \a password, its
    /// app_user row and its areas, in one transaction. Areas not known yet are created (with a
    /// warning). A fitter also gets a fitter row linked to the login.
    Report addUser(const QString &uri, const QString &name, const QString &role,
                   const QStringList &areas, const QString &password);

    /// GDPR erasure of household \a householdId (an admin's function, DESIGN §7): blanks its
    /// personal data everywhere on the server and leaves an `erased` tombstone, which devices
    /// apply on their next sync. Erasing an erased household again changes nothing.
    Report eraseHousehold(const QString &uri, const QString &householdId);

    /// The roles of DESIGN §1, in order: volunteer, officer, fitter, coordinator, manager, admin.
    static QStringList roles();
    /// The group role of \a role: `sh_` + role.
    static QString groupRole(const QString &role);
    /// Whether \a name can be a login role: `^[a-z][a-z0-9_]{0,62}$`, and not an `sh_` group
    /// or a `pg_` name.
    static bool isValidLoginName(const QString &name);
    /// Whether \a name and \a role can be added; Error::Invalid says why not.
    static Status checkUser(const QString &name, const QString &role);
    /// The central schema version this build writes (the number of postgres migrations).
    static int latestSchemaVersion();
    /// Splits a PostgreSQL script into statements at top-level semicolons, keeping quoted
    /// text, comments and dollar-quoted bodies whole. (E'...' strings are not understood.)
    static QStringList statements(const QString &script);

private:
    Status checkServer(CentralConnection &central);
    Status createGroupRoles(CentralConnection &central, Report &result);
    Status joinAdminGroup(CentralConnection &central);
    Status migrate(CentralConnection &central, Report &result);
    Result<int> schemaVersion(CentralConnection &central);
    Status createLogin(CentralConnection &central, const QString &name, const QString &role,
                       const QString &password);
    Status addAreas(CentralConnection &central, const QString &userId, const QStringList &areas,
                    Report &result);

    QString m_connectionName;
};

} // namespace saferhomes
