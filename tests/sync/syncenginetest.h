#pragma once

// What the sync engine tests share (test_syncengine.cpp, test_syncenginerecords.cpp): devices
// with a local database each, the users of one central database on the test cluster, and the
// SyncEngineTest fixture.

#include "centraltest.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "sync/syncengine.h"
#include "syncassert.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QUuid>
#include <functional>

namespace saferhomes::synctest::enginetest {

inline const QString kPassword = QStringLiteral("sync-test-password");
inline const QString kMelton = QStringLiteral("Melton Town Centre");
inline const QString kOadby = QStringLiteral("Oadby and Wigston");
/// Nothing listens here: a server that cannot be reached.
inline const QString kClosedUri = QStringLiteral("postgresql://nobody@127.0.0.1:1/nothing");

/// One device: a local database of its own and the login of its user.
class Device {
public:
    Device(const QString &name, const QString &path, QString uri)
        : m_database(QStringLiteral("sync-test-") + name)
        , m_uri(std::move(uri))
    {
        const auto opened = m_database.open(path);
        EXPECT_TRUE(opened) << qPrintable(opened.errorString());
    }

    HouseholdRepository households() { return HouseholdRepository(m_database, m_login); }
    SyncEngine engine()
    {
        SyncEngine engine(m_database, m_login);
        engine.setPassword(kPassword);
        return engine;
    }
    SyncResult sync() { return engine().run(m_uri); }
    /// Syncs until \a done() holds or a sync fails (at most kPatience), adding up what each sync
    /// did. Rows reach a pull only once every older transaction in the cluster has ended (the xid8
    /// watermark, DESIGN §7), and other test processes share this cluster: a sync may bring them
    /// later.
    SyncResult syncUntil(const std::function<bool()> &done)
    {
        SyncResult total;
        eventually([&] {
            const SyncResult result = sync();
            total.pushed += result.pushed;
            total.pulled += result.pulled;
            total.conflicts += result.conflicts;
            total.rejected += result.rejected;
            total.status = result.status;
            return !result.ok() || done();
        });
        return total;
    }
    QString uri() const { return m_uri; }
    const Database &database() const { return m_database; }

    QUuid create(const QString &line1, const QString &area, const QString &resident)
    {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = line1;
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.town = QStringLiteral("Melton Mowbray");
        record.household.areaName = area;
        record.resident.name = resident;
        HouseholdRepository repository = households();
        const Status inserted = repository.insert({record});
        EXPECT_TRUE(inserted) << inserted.errorString().toStdString();
        return record.household.id;
    }

    bool set(const QUuid &id, HouseholdField field, const QString &value)
    {
        HouseholdRepository repository = households();
        const Status changed = repository.setFields(id, {{field, value}});
        EXPECT_TRUE(changed) << changed.errorString().toStdString();
        return changed.ok();
    }

    QString notes(const QUuid &id)
    {
        const auto record = households().find(id);
        return record ? record->household.notes : QStringLiteral("<missing>");
    }

    /// Runs \a sql on the local database (a statement of the test's own making).
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        const bool ok = query.exec();
        EXPECT_TRUE(ok) << sql.toStdString() << ": " << query.lastError().text().toStdString();
        return ok;
    }
    QVariant value(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    int outboxRows()
    {
        QSqlQuery query(m_database.connection());
        query.exec(QStringLiteral("SELECT count(*) FROM outbox"));
        return query.next() ? query.value(0).toInt() : -1;
    }

private:
    Database m_database;
    QString m_uri;
    QString m_login = QStringLiteral("test");
};

} // namespace saferhomes::synctest::enginetest

namespace saferhomes::synctest {

class SyncEngineTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        const QList<Person> people {
            {QStringLiteral("officer_a"), {QStringLiteral("officer"), {enginetest::kMelton}}},
            {QStringLiteral("officer_b"), {QStringLiteral("officer"), {enginetest::kMelton}}},
            {QStringLiteral("officer_oadby"), {QStringLiteral("officer"), {enginetest::kOadby}}},
            {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {enginetest::kMelton}}},
            {QStringLiteral("coordinator_a"),
             {QStringLiteral("coordinator"), {enginetest::kMelton}}},
            {QStringLiteral("coordinator_b"),
             {QStringLiteral("coordinator"), {enginetest::kMelton}}},
            {QStringLiteral("fitter"), {QStringLiteral("fitter"), {}}},
            {QStringLiteral("admin"), {QStringLiteral("admin"), {}}},
            {QStringLiteral("mover"), {QStringLiteral("officer"), {enginetest::kMelton}}},
            {QStringLiteral("manager"), {QStringLiteral("manager"), {}}},
        };
        s_database = databaseWithPeople(QStringLiteral("syncengine"), people, enginetest::kPassword,
                                        &s_logins);
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
    }

    std::unique_ptr<enginetest::Device> device(const QString &name, const QString &login)
    {
        return std::make_unique<enginetest::Device>(
            name, m_dir.filePath(name + QStringLiteral(".db")),
            cluster().uri(s_logins.value(login), s_database));
    }

    std::unique_ptr<PgSession> as(const QString &login)
    {
        auto session = std::make_unique<PgSession>(cluster(), s_database, s_logins.value(login),
                                                   enginetest::kPassword);
        EXPECT_TRUE(session->isOpen()) << session->openError().toStdString();
        return session;
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
};

} // namespace saferhomes::synctest
