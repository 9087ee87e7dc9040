#include "centraladmin.h"

#include "scramverifier.h"

#include "store/migrations.h"
#include "synclog.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

namespace {

constexpr int kMinimumServerVersion = 150000;

// Runs \a sql with \a values bound in order; a failure is the server's, prefixed by \a what.
Status run(const CentralConnection &central, QSqlQuery &query, const QString &sql,
           const QVariantList &values, const QString &what)
{
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = ok && query.exec();
    }
    if (!ok)
        return central.statementError(what, query.lastError());
    return {};
}

// Like run(), then moves to the first row; a statement that returns none is refused.
Status runForRow(const CentralConnection &central, QSqlQuery &query, const QString &sql,
                 const QVariantList &values, const QString &what)
{
    if (const Status ran = run(central, query, sql, values, what); !ran)
        return ran;
    if (!query.next())
        return Error::refused(what);
    return {};
}

CentralAdmin::Report failed(const Error &error, CentralAdmin::Report result)
{
    result.status = error;
    return result;
}

CentralAdmin::Report refused(const QString &message)
{
    CentralAdmin::Report result;
    result.status = Error::refused(message);
    return result;
}

// Ends the transaction: commits when \a done is ok, rolls back and returns it otherwise.
Status finish(const CentralConnection &central, const Status &done)
{
    QSqlDatabase db = central.connection();
    if (!done) {
        db.rollback();
        return done;
    }
    if (!db.commit())
        return central.statementError(CentralAdmin::tr("cannot commit"), db.lastError());
    return {};
}

qsizetype skipQuoted(const QString &script, qsizetype from, QChar quote)
{
    qsizetype i = from + 1;
    while (i < script.size()) {
        if (script[i] == quote) {
            if (i + 1 < script.size() && script[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return script.size();
}

qsizetype skipBlockComment(const QString &script, qsizetype from)
{
    int depth = 0;
    qsizetype i = from;
    while (i + 1 < script.size()) {
        if (script[i] == u'/' && script[i + 1] == u'*') {
            ++depth;
            i += 2;
        } else if (script[i] == u'*' && script[i + 1] == u'/') {
            i += 2;
            if (--depth == 0)
                return i;
        } else {
            ++i;
        }
    }
    return script.size();
}

// The end of a dollar-quoted body starting at \a from, or -1 when no tag starts there.
qsizetype skipDollarQuoted(const QString &script, qsizetype from)
{
    static const QRegularExpression tag(QStringLiteral("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$"));
    if (from > 0 && (script[from - 1].isLetterOrNumber() || script[from - 1] == u'_'))
        return -1;
    const QRegularExpressionMatch match = tag.match(script, from, QRegularExpression::NormalMatch,
                                                    QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return -1;
    const QString delimiter = match.captured(0);
    const qsizetype end = script.indexOf(delimiter, from + delimiter.size());
    return end < 0 ? script.size() : end + delimiter.size();
}

} // namespace

CentralAdmin::CentralAdmin(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

QStringList CentralAdmin::roles()
{
    return {QStringLiteral("volunteer"),   QStringLiteral("officer"), QStringLiteral("fitter"),
            QStringLiteral("coordinator"), QStringLiteral("manager"), QStringLiteral("admin")};
}

QString CentralAdmin::groupRole(const QString &role)
{
    return QStringLiteral("sh_") + role;
}

bool CentralAdmin::isValidLoginName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return pattern.match(name).hasMatch() && !name.startsWith(u"sh_") && !name.startsWith(u"pg_");
}

Status CentralAdmin::checkUser(const QString &name, const QString &role)
{
    if (!isValidLoginName(name)) {
        return Error::invalid(
            tr("\u201c%1\u201d cannot be a login name: use a lower-case letter, then up to "
               "62 lower-case letters, digits or underscores (not starting with sh_ or pg_)")
                .arg(name));
    }
    if (!roles().contains(role)) {
        return Error::invalid(tr("\u201c%1\u201d is not a role: use one of %2")
                                  .arg(role, roles().join(QStringLiteral(", "))));
    }
    return {};
}

int CentralAdmin::latestSchemaVersion()
{
    return int(Migrations::scripts(QStringLiteral("postgres")).size());
}

QStringList CentralAdmin::statements(const QString &script)
{
    QStringList result;
    QString current;
    bool meaningful = false; // current holds more than whitespace and comments
    qsizetype i = 0;
    while (i < script.size()) {
        const QChar c = script[i];
        const QChar next = i + 1 < script.size() ? script[i + 1] : QChar();
        qsizetype end = -1;
        bool code = true;
        if (c == u'-' && next == u'-') {
            end = script.indexOf(QLatin1Char('\n'), i);
            end = end < 0 ? script.size() : end;
            code = false;
        } else if (c == u'/' && next == u'*') {
            end = skipBlockComment(script, i);
            code = false;
        } else if (c == u'\'' || c == u'"') {
            end = skipQuoted(script, i, c);
        } else if (c == u'$') {
            end = skipDollarQuoted(script, i);
        }
        if (end < 0)
            end = i + 1;
        current += QStringView(script).mid(i, end - i);
        meaningful = meaningful || (code && !c.isSpace());
        i = end;
        if (c == u';') {
            if (meaningful)
                result.append(current.trimmed());
            current.clear();
            meaningful = false;
        }
    }
    if (meaningful)
        result.append(current.trimmed());
    return result;
}

CentralAdmin::Report CentralAdmin::initServer(const QString &uri)
{
    Report result;
    CentralConnection central(m_connectionName);
    if (const Status opened = central.open(uri); !opened)
        return failed(opened.error(), result);
    if (const QString warning = central.address().securityWarning(); !warning.isEmpty())
        result.warnings.append(warning);
    if (const Status checked = checkServer(central); !checked)
        return failed(checked.error(), result);

    QSqlDatabase db = central.connection();
    if (!db.transaction())
        return failed(central.statementError(tr("cannot start a transaction"), db.lastError()),
                      result);
    // Two init-servers at once on one database take turns instead of both migrating.
    QSqlQuery query(db);
    Status done
        = run(central, query,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('saferhomes.init-server'))"),
              {}, tr("cannot lock the database"));
    if (done)
        done = createGroupRoles(central, result);
    if (done)
        done = joinAdminGroup(central);
    if (done)
        done = migrate(central, result);
    query.finish();
    if (const Status finished = finish(central, done); !finished) {
        result.applied = 0;
        result.createdRoles.clear();
        return failed(finished.error(), result);
    }
    qCDebug(lcSync) << "central database" << central.address().display() << "at schema"
                    << result.schemaVersion << "applied" << result.applied;
    return result;
}

Status CentralAdmin::checkServer(CentralConnection &central)
{
    QSqlQuery query(central.connection());
    if (const Status read = runForRow(central, query, QStringLiteral("SHOW server_version_num"), {},
                                      tr("cannot read the server version"));
        !read)
        return read;
    const int version = query.value(0).toInt();
    if (version < kMinimumServerVersion) {
        return Error::refused(tr("the central database needs PostgreSQL 15 or later; %1 runs "
                                 "version %2")
                                  .arg(central.address().display())
                                  .arg(version));
    }
    return {};
}

Status CentralAdmin::createGroupRoles(CentralConnection &central, Report &result)
{
    QSqlQuery query(central.connection());
    QStringList missing;
    for (const QString &role : roles()) {
        const QString group = groupRole(role);
        if (const Status read
            = run(central, query, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"),
                  {group}, tr("cannot read the roles"));
            !read)
            return read;
        if (!query.next())
            missing.append(group);
    }
    if (missing.isEmpty())
        return {};

    if (const Status read = runForRow(central, query,
                                      QStringLiteral("SELECT rolsuper OR rolcreaterole FROM "
                                                     "pg_roles WHERE rolname = current_user"),
                                      {}, tr("cannot read the roles"));
        !read)
        return read;
    if (!query.value(0).toBool()) {
        return Error::refused(tr("%1 may not create roles: run init-server as the database "
                                 "owner with CREATEROLE, or as a superuser")
                                  .arg(central.address().user));
    }
    for (const QString &group : std::as_const(missing)) {
        // Roles belong to the whole cluster: another database's init-server may be creating
        // the same group right now, which is fine.
        const QString create
            = QStringLiteral("DO $$ BEGIN CREATE ROLE %1 NOLOGIN; "
                             "EXCEPTION WHEN duplicate_object OR unique_violation THEN "
                             "NULL; END $$")
                  .arg(group);
        if (const Status created
            = run(central, query, create, {}, tr("cannot create the role %1").arg(group));
            !created)
            return created;
        result.createdRoles.append(group);
    }
    return {};
}

Status CentralAdmin::joinAdminGroup(CentralConnection &central)
{
    // FORCE ROW LEVEL SECURITY applies to the tables' owner too. A superuser (or a role with
    // BYPASSRLS) is not bound by it; any other owner becomes an admin so that the admin
    // policies let it maintain the tables it owns.
    QSqlQuery query(central.connection());
    if (const Status read
        = runForRow(central, query,
                    QStringLiteral("SELECT rolsuper OR rolbypassrls "
                                   "OR pg_has_role(current_user, 'sh_admin', 'MEMBER') "
                                   "FROM pg_roles WHERE rolname = current_user"),
                    {}, tr("cannot read the roles"));
        !read)
        return read;
    if (query.value(0).toBool())
        return {};
    return run(central, query,
               QStringLiteral("DO $$ BEGIN EXECUTE format('GRANT sh_admin TO %I', "
                              "current_user); END $$"),
               {}, tr("cannot make %1 an admin").arg(central.address().user));
}

CentralAdmin::Report CentralAdmin::eraseHousehold(const QString &uri, const QString &householdId)
{
    const QUuid id = QUuid::fromString(householdId);
    if (id.isNull())
        return refused(tr("\u201c%1\u201d is not a household id").arg(householdId));
    Report result;
    CentralConnection central(m_connectionName);
    if (const Status opened = central.open(uri); !opened)
        return failed(opened.error(), result);
    QSqlQuery query(central.connection());
    if (const Status erased = run(
            central, query, QStringLiteral("SELECT sh_erase_household(CAST(? AS uuid))"),
            {id.toString(QUuid::WithoutBraces)}, tr("cannot erase household %1").arg(householdId));
        !erased)
        return failed(erased.error(), result);
    return result;
}

Result<int> CentralAdmin::schemaVersion(CentralConnection &central)
{
    QSqlQuery query(central.connection());
    if (const Status read = runForRow(
            central, query, QStringLiteral("SELECT to_regclass('public.schema_info') IS NOT NULL"),
            {}, tr("cannot read the schema version"));
        !read)
        return read.error();
    if (!query.value(0).toBool())
        return 0;
    if (const Status read = run(central, query,
                                QStringLiteral("SELECT schema_version FROM "
                                               "schema_info"),
                                {}, tr("cannot read the schema version"));
        !read)
        return read.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Status CentralAdmin::migrate(CentralConnection &central, Report &result)
{
    const Result<int> from = schemaVersion(central);
    if (!from)
        return from.error();
    const QStringList scripts = Migrations::scripts(QStringLiteral("postgres"));
    const int latest = int(scripts.size());
    if (*from > latest) {
        return Error::refused(tr("the central database has schema %1, newer than this version "
                                 "of SaferHomes understands (%2): update SaferHomes")
                                  .arg(*from)
                                  .arg(latest));
    }
    QSqlQuery query(central.connection());
    for (int index = *from; index < latest; ++index) {
        QFile file(scripts[index]);
        if (!file.open(QIODevice::ReadOnly))
            return Error::refused(tr("cannot read %1").arg(scripts[index]));
        const QStringList statements = CentralAdmin::statements(QString::fromUtf8(file.readAll()));
        for (const QString &statement : statements) {
            if (const Status ran
                = run(central, query, statement, {},
                      tr("cannot update the central database to schema %1").arg(index + 1));
                !ran)
                return ran;
        }
        ++result.applied;
    }
    if (result.applied > 0) {
        if (const Status recorded = run(central, query,
                                        QStringLiteral("UPDATE schema_info SET schema_version = "
                                                       "?, updated_at = now()"),
                                        {latest}, tr("cannot record the schema version"));
            !recorded)
            return recorded;
        if (query.numRowsAffected() != 1)
            return Error::refused(tr("cannot record the schema version in schema_info"));
    }
    result.schemaVersion = latest;
    return {};
}

CentralAdmin::Report CentralAdmin::addUser(const QString &uri, const QString &name,
                                           const QString &role, const QStringList &areas,
                                           const QString &password)
{
    if (const Status checked = checkUser(name, role); !checked)
        return refused(checked.errorString());
    if (password.isEmpty())
        return refused(tr("a password is needed"));
    QStringList areaNames;
    for (const QString &area : areas) {
        const QString trimmed = area.trimmed();
        if (!trimmed.isEmpty() && !areaNames.contains(trimmed))
            areaNames.append(trimmed);
    }

    Report result;
    CentralConnection central(m_connectionName);
    if (const Status opened = central.open(uri); !opened)
        return failed(opened.error(), result);
    if (const QString warning = central.address().securityWarning(); !warning.isEmpty())
        result.warnings.append(warning);
    const Result<int> version = schemaVersion(central);
    if (!version)
        return failed(version.error(), result);
    if (*version != latestSchemaVersion()) {
        return refused(tr("the central database at %1 has schema %2, not %3: run "
                          "\u201cadmin init-server\u201d first")
                           .arg(central.address().display())
                           .arg(*version)
                           .arg(latestSchemaVersion()));
    }
    result.schemaVersion = *version;

    QSqlDatabase db = central.connection();
    if (!db.transaction())
        return failed(central.statementError(tr("cannot start a transaction"), db.lastError()),
                      result);
    QSqlQuery query(db);
    Status done = createLogin(central, name, role, password);
    if (done) {
        done = runForRow(central, query,
                         QStringLiteral("INSERT INTO app_user (login, display_name, role) "
                                        "VALUES (?, ?, ?) RETURNING id"),
                         {name, name, role}, tr("cannot add %1").arg(name));
    }
    const QString userId = done ? query.value(0).toString() : QString();
    query.finish();
    if (done)
        done = addAreas(central, userId, areaNames, result);
    if (done && role == u"fitter") {
        done = run(central, query,
                   QStringLiteral("INSERT INTO fitter (user_id, name) VALUES (?, ?)"),
                   {userId, name}, tr("cannot add %1 as a fitter").arg(name));
    }
    if (const Status finished = finish(central, done); !finished) {
        result.createdAreas.clear();
        return failed(finished.error(), result);
    }
    for (const QString &area : std::as_const(result.createdAreas))
        result.warnings.append(
            tr("area \u201c%1\u201d was not known and has been created").arg(area));
    qCDebug(lcSync) << "added" << name << "as" << role << "on" << central.address().display();
    return result;
}

Status CentralAdmin::createLogin(CentralConnection &central, const QString &name,
                                 const QString &role, const QString &password)
{
    QSqlQuery query(central.connection());
    if (const Status read
        = run(central, query, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {name},
              tr("cannot read the roles"));
        !read)
        return read;
    if (query.next())
        return Error::refused(tr("a login named %1 already exists").arg(name));
    // The server quotes the name and the password (format's %I and %L), so neither can break
    // out of the statement whatever it holds. Admins may add people, which needs CREATEROLE.
    // Only the SCRAM verifier travels: the password itself never appears in a statement, so
    // it cannot end up in the server's log.
    const QString options = role == u"admin" ? QStringLiteral(" CREATEROLE") : QString();
    if (const Status formatted
        = runForRow(central, query,
                    QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I%s', "
                                   "?::text, ?::text, ?::text, ?::text)"),
                    {name, scramSha256Verifier(password), groupRole(role), options},
                    tr("cannot create the login %1").arg(name));
        !formatted)
        return formatted;
    const QString create = query.value(0).toString();
    query.finish();
    return run(central, query, create, {}, tr("cannot create the login %1").arg(name));
}

Status CentralAdmin::addAreas(CentralConnection &central, const QString &userId,
                              const QStringList &areas, Report &result)
{
    QSqlQuery query(central.connection());
    for (const QString &area : areas) {
        if (const Status read
            = run(central, query, QStringLiteral("SELECT id FROM area WHERE name = ?"), {area},
                  tr("cannot read the areas"));
            !read)
            return read;
        if (!query.next()) {
            if (const Status created
                = runForRow(central, query,
                            QStringLiteral("INSERT INTO area (name) VALUES (?) RETURNING id"),
                            {area}, tr("cannot create the area %1").arg(area));
                !created)
                return created;
            result.createdAreas.append(area);
        }
        const QString areaId = query.value(0).toString();
        query.finish();
        if (const Status assigned
            = run(central, query,
                  QStringLiteral("INSERT INTO user_area (user_id, area_id) VALUES (?, ?)"),
                  {userId, areaId}, tr("cannot assign the area %1").arg(area));
            !assigned)
            return assigned;
    }
    return {};
}

} // namespace saferhomes
