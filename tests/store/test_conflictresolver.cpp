// ConflictResolver on a real SQLite file: sync_conflict and refused outbox rows are written as
// SyncEngine writes them, then settled per field ("keep server" / "use mine") or discarded.

#include "storefixture.h"

#include "service/visitservice.h"
#include "store/auditlog.h"
#include "store/visitrepository.h"
#include "sync/conflictresolver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace saferhomes;

namespace {

class ConflictResolverTest : public test::StoreFixture {
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        const Status inserted = m_repository->insert(
            {household(QStringLiteral("12 Thorpe Road"), QStringLiteral("LE13 1AB"),
                       QStringLiteral("Margaret Atkinson")),
             household(QStringLiteral("7 Leicester Road"), QStringLiteral("LE2 4AA"),
                       QStringLiteral("Priya Patel"))});
        ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
        m_thorpe = idOf(QStringLiteral("12 Thorpe Road"));
        m_leicester = idOf(QStringLiteral("7 Leicester Road"));
        // As after a sync: the creates were sent, and the server's values were pulled in.
        ASSERT_TRUE(m_repository->setFields(m_thorpe,
                                            {{HouseholdField::Notes, QStringLiteral("Server note")},
                                             {HouseholdField::Priority, QStringLiteral("3")}}));
        ASSERT_TRUE(m_repository->setFields(
            m_leicester, {{HouseholdField::ResidentName, QStringLiteral("Priya Shah")}}));
        exec(QStringLiteral("DELETE FROM outbox"));
    }

    QUuid idOf(const QString &line1) const
    {
        for (const HouseholdSummary &row : m_repository->summaries().valueOr({})) {
            if (row.addressLine1 == line1)
                return row.id;
        }
        return {};
    }

    void exec(const QString &sql) const
    {
        QSqlQuery query(m_database.connection());
        EXPECT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text());
    }

    QVariant value(const QString &sql, const QVariantList &bindings = {}) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &binding : bindings)
            query.addBindValue(binding);
        EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
        return query.next() ? query.value(0) : QVariant();
    }

    /// A conflict as SyncEngine records it when the server kept its value.
    qint64 addConflict(const QUuid &id, const QString &field, const QString &local,
                       const QString &server)
    {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO sync_conflict (op_id, entity, entity_id, field, local_value, "
            "server_value, at) VALUES (?, 'household', ?, ?, ?, ?, ?)"));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.addBindValue(id.toString(QUuid::WithoutBraces));
        query.addBindValue(field);
        query.addBindValue(local);
        query.addBindValue(server);
        query.addBindValue(storeTimestamp());
        EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
        return query.lastInsertId().toLongLong();
    }

    bool isResolved(qint64 id) const
    {
        return !value(QStringLiteral("SELECT resolved_at FROM sync_conflict WHERE id = ?"), {id})
                    .isNull();
    }

    int outboxRows() const { return value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(); }

    QJsonObject lastOutboxPayload() const
    {
        return QJsonDocument::fromJson(
                   value(QStringLiteral("SELECT payload FROM outbox ORDER BY seq DESC LIMIT 1"))
                       .toString()
                       .toUtf8())
            .object();
    }

    QList<AuditEvent> resolutionEvents(qint64 id) const
    {
        return AuditLog::history(m_database.connectionName(), QStringLiteral("sync_conflict"),
                                 QString::number(id));
    }

    int auditRows() const
    {
        return value(QStringLiteral("SELECT count(*) FROM audit_event")).toInt();
    }

    HouseholdRecord record(const QUuid &id) const { return *m_repository->find(id); }

    /// Marks the oldest outbox row refused, as a sync does; its seq.
    qint64 refuseFirstChange() const
    {
        exec(QStringLiteral("UPDATE outbox SET rejected_at = '2025-03-01T10:00:00.000Z', "
                            "rejected_reason = 'household is outside your areas' "
                            "WHERE seq = (SELECT min(seq) FROM outbox)"));
        return value(QStringLiteral("SELECT min(seq) FROM outbox")).toLongLong();
    }

    ConflictResolver resolver() const
    {
        return ConflictResolver(m_database, QStringLiteral("coordinator"));
    }

    QUuid m_thorpe;
    QUuid m_leicester;
};

} // namespace

TEST_F(ConflictResolverTest, ListsOpenConflictsWithTheirHouseholdGroupedTogether)
{
    const qint64 notes = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                     QStringLiteral("Server note"));
    const qint64 name = addConflict(m_leicester, QStringLiteral("resident_name"),
                                    QStringLiteral("Priya Patel"), QStringLiteral("Priya Shah"));
    const qint64 priority = addConflict(m_thorpe, QStringLiteral("priority"), QStringLiteral("5"),
                                        QStringLiteral("3"));
    exec(QStringLiteral("UPDATE sync_conflict SET resolved_at = '2025-01-01T00:00:00.000Z' "
                        "WHERE id = %1")
             .arg(addConflict(m_thorpe, QStringLiteral("town"), QStringLiteral("a"),
                              QStringLiteral("b"))));

    const QList<OpenConflict> conflicts = resolver().openConflicts().value();
    ASSERT_EQ(conflicts.size(), 3) << "a resolved conflict is not listed";
    EXPECT_EQ(conflicts[0].id, notes);
    EXPECT_EQ(conflicts[1].id, priority) << "one household's conflicts come together";
    EXPECT_EQ(conflicts[2].id, name);
    EXPECT_EQ(conflicts[0].address, QStringLiteral("12 Thorpe Road, LE13 1AB"));
    EXPECT_EQ(conflicts[0].entityId, m_thorpe);
    EXPECT_EQ(conflicts[0].field, QStringLiteral("notes"));
    EXPECT_EQ(conflicts[0].localValue, QStringLiteral("Mine"));
    EXPECT_EQ(conflicts[0].serverValue, QStringLiteral("Server note"));
    EXPECT_TRUE(conflicts[0].at.isValid());
    EXPECT_EQ(conflicts[2].address, QStringLiteral("7 Leicester Road, LE2 4AA"));

    const SyncSummary summary = resolver().summary().value();
    EXPECT_EQ(summary.openConflicts, 3);
    EXPECT_EQ(summary.pending, 0);
    EXPECT_EQ(summary.refused, 0);
    EXPECT_FALSE(summary.lastSync.isValid()) << "never synced";
}

TEST_F(ConflictResolverTest, KeepServerMarksResolvedChangesNothingElseAndIsAudited)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    ConflictResolver resolving = resolver();
    const ConflictResolver::Resolution result
        = resolving.resolve({{id, ConflictResolver::Choice::KeepServer}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());

    EXPECT_TRUE(isResolved(id));
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Server note"));
    EXPECT_EQ(outboxRows(), 0) << "nothing to send";
    const QList<AuditEvent> events = resolutionEvents(id);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].field, QStringLiteral("resolved"));
    EXPECT_EQ(events[0].newValue.toString(), QStringLiteral("server"));
    EXPECT_EQ(events[0].userName, QStringLiteral("coordinator"));
    EXPECT_TRUE(resolving.openConflicts().value().isEmpty());
}

TEST_F(ConflictResolverTest, UseMineSetsTheFieldQueuesItAndResolvesTheConflict)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    const ConflictResolver::Resolution result
        = resolver().resolve({{id, ConflictResolver::Choice::UseMine}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());

    EXPECT_TRUE(isResolved(id));
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Mine"));
    // The next sync sends it as an ordinary edit, from the server's value to mine.
    ASSERT_EQ(outboxRows(), 1);
    EXPECT_EQ(lastOutboxPayload(),
              (QJsonObject {{QStringLiteral("notes"),
                             QJsonArray {QStringLiteral("Server note"), QStringLiteral("Mine")}}}));
    // Audited as an edit of the field, and the decision itself.
    const QList<AuditEvent> history
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"),
                            m_thorpe.toString(QUuid::WithoutBraces));
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.last().field, QStringLiteral("notes"));
    EXPECT_EQ(history.last().oldValue.toString(), QStringLiteral("Server note"));
    EXPECT_EQ(history.last().newValue.toString(), QStringLiteral("Mine"));
    EXPECT_EQ(history.last().userName, QStringLiteral("coordinator"));
    const QList<AuditEvent> events = resolutionEvents(id);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].newValue.toString(), QStringLiteral("mine"));
    EXPECT_EQ(events[0].at, history.last().at) << "one transaction, one time";
}

TEST_F(ConflictResolverTest, OneChoicePerFieldAcrossHouseholdsAppliedTogether)
{
    const qint64 notes = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                     QStringLiteral("Server note"));
    const qint64 priority = addConflict(m_thorpe, QStringLiteral("priority"), QStringLiteral("5"),
                                        QStringLiteral("3"));
    const qint64 name = addConflict(m_leicester, QStringLiteral("resident_name"),
                                    QStringLiteral("Priya Patel"), QStringLiteral("Priya Shah"));
    const ConflictResolver::Resolution result
        = resolver().resolve({{notes, ConflictResolver::Choice::KeepServer},
                              {priority, ConflictResolver::Choice::UseMine},
                              {name, ConflictResolver::Choice::UseMine}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());

    EXPECT_TRUE(isResolved(notes));
    EXPECT_TRUE(isResolved(priority));
    EXPECT_TRUE(isResolved(name));
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Server note"));
    EXPECT_EQ(record(m_thorpe).household.priority, 5);
    EXPECT_EQ(record(m_leicester).resident.name, QStringLiteral("Priya Patel"));
    EXPECT_EQ(outboxRows(), 2) << "one update per household";
    EXPECT_EQ(resolutionEvents(notes).value(0).newValue.toString(), QStringLiteral("server"));
    EXPECT_EQ(resolutionEvents(priority).value(0).newValue.toString(), QStringLiteral("mine"));
    EXPECT_EQ(resolutionEvents(name).value(0).newValue.toString(), QStringLiteral("mine"));
}

TEST_F(ConflictResolverTest, AValueTheFieldRefusesIsExplainedAndNothingIsWritten)
{
    const qint64 good = addConflict(m_leicester, QStringLiteral("resident_name"),
                                    QStringLiteral("Priya Patel"), QStringLiteral("Priya Shah"));
    const qint64 bad = addConflict(m_thorpe, QStringLiteral("postcode"),
                                   QStringLiteral("not a postcode"), QStringLiteral("LE13 1AB"));
    const qint64 kept = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                    QStringLiteral("Server note"));
    const int auditBefore = auditRows();
    const ConflictResolver::Resolution result
        = resolver().resolve({{good, ConflictResolver::Choice::UseMine},
                              {bad, ConflictResolver::Choice::UseMine},
                              {kept, ConflictResolver::Choice::KeepServer}});
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.conflictId, bad);
    EXPECT_FALSE(result.errorString().isEmpty());

    // Checked before anything was written: no choice applied.
    EXPECT_FALSE(isResolved(good));
    EXPECT_FALSE(isResolved(bad));
    EXPECT_FALSE(isResolved(kept));
    EXPECT_EQ(record(m_leicester).resident.name, QStringLiteral("Priya Shah"));
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(auditRows(), auditBefore);
}

TEST_F(ConflictResolverTest, UseMineBeforeTheServerValueArrivedIsRefused)
{
    // The push recorded the conflict but the pull has not run: this device still shows mine.
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Server note"),
                                  QStringLiteral("Their note"));
    const ConflictResolver::Resolution result
        = resolver().resolve({{id, ConflictResolver::Choice::UseMine}});
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("Sync")))
        << qPrintable(result.errorString());
    EXPECT_FALSE(isResolved(id));
    EXPECT_EQ(outboxRows(), 0);
}

TEST_F(ConflictResolverTest, AnEditThatFailsLateLeavesTheConflictOpen)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    // The household UPDATE fails after the audit event (and so the resolution) was written
    // inside the edit's transaction: the resolution must roll back with it.
    exec(QStringLiteral("CREATE TEMP TRIGGER refuse_notes BEFORE UPDATE OF notes ON "
                        "main.household WHEN NEW.notes = 'Mine' "
                        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));
    const int auditBefore = auditRows();
    const ConflictResolver::Resolution result
        = resolver().resolve({{id, ConflictResolver::Choice::UseMine}});
    exec(QStringLiteral("DROP TRIGGER temp.refuse_notes"));

    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("disk on fire")))
        << qPrintable(result.errorString());
    EXPECT_FALSE(isResolved(id));
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Server note"));
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(auditRows(), auditBefore);

    // Nothing of the resolver is left behind on the connection: a later edit of the same
    // field resolves nothing.
    ASSERT_TRUE(
        m_repository->setFields(m_thorpe, {{HouseholdField::Notes, QStringLiteral("Later")}}));
    EXPECT_FALSE(isResolved(id));
    EXPECT_EQ(resolver().resolve({{id, ConflictResolver::Choice::UseMine}}).errorString(),
              QString());
    EXPECT_TRUE(isResolved(id));
}

TEST_F(ConflictResolverTest, AResolvedConflictCannotBeResolvedAgain)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    ASSERT_TRUE(resolver().resolve({{id, ConflictResolver::Choice::KeepServer}}).ok());
    const ConflictResolver::Resolution again
        = resolver().resolve({{id, ConflictResolver::Choice::UseMine}});
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(again.conflictId, id);
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Server note"));
    EXPECT_EQ(resolutionEvents(id).size(), 1);
}

TEST_F(ConflictResolverTest, RefusedChangesAreListedAndOneCanBeDiscardedWithAnAuditEvent)
{
    ASSERT_TRUE(m_repository->setFields(m_thorpe,
                                        {{HouseholdField::Notes, QStringLiteral("Refused note")}}));
    ASSERT_TRUE(m_repository->setFields(m_leicester,
                                        {{HouseholdField::Notes, QStringLiteral("Waiting note")}}));
    exec(QStringLiteral("UPDATE outbox SET rejected_at = '2025-03-01T10:00:00.000Z', "
                        "rejected_reason = 'household is outside your areas' "
                        "WHERE seq = (SELECT min(seq) FROM outbox)"));
    exec(QStringLiteral("INSERT INTO sync_state (key, value) "
                        "VALUES ('last_sync', '2025-03-01T10:00:01.000Z')"));

    ConflictResolver resolving = resolver();
    const SyncSummary before = resolving.summary().value();
    EXPECT_EQ(before.pending, 1);
    EXPECT_EQ(before.refused, 1);
    EXPECT_EQ(before.lastSync,
              QDateTime::fromString(QStringLiteral("2025-03-01T10:00:01.000Z"), Qt::ISODateWithMs));

    const QList<RefusedChange> refused = resolving.refusedChanges().value();
    ASSERT_EQ(refused.size(), 1);
    EXPECT_EQ(refused[0].entity, QStringLiteral("household"));
    EXPECT_EQ(refused[0].entityId, m_thorpe);
    EXPECT_EQ(refused[0].kind, QStringLiteral("update"));
    EXPECT_EQ(refused[0].address, QStringLiteral("12 Thorpe Road, LE13 1AB"));
    EXPECT_EQ(refused[0].reason, QStringLiteral("household is outside your areas"));
    ASSERT_EQ(refused[0].fields.size(), 1);
    EXPECT_EQ(refused[0].fields[0].field, QStringLiteral("notes"));
    EXPECT_EQ(refused[0].fields[0].oldValue, QStringLiteral("Server note"));
    EXPECT_EQ(refused[0].fields[0].newValue, QStringLiteral("Refused note"));

    // A change still waiting to be sent is not "refused" and cannot be discarded this way.
    const qint64 waiting
        = value(QStringLiteral("SELECT seq FROM outbox WHERE rejected_at IS NULL")).toLongLong();
    const Status waitingDiscarded = resolving.discardRefused(waiting);
    ASSERT_FALSE(waitingDiscarded);
    EXPECT_EQ(waitingDiscarded.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(waitingDiscarded.errorString(), QStringLiteral("There is no such refused change."));

    const Status discardedChange = resolving.discardRefused(refused[0].seq);
    ASSERT_TRUE(discardedChange) << qPrintable(discardedChange.errorString());
    EXPECT_TRUE(resolving.refusedChanges().value().isEmpty());
    EXPECT_EQ(outboxRows(), 1) << "the waiting change stays";
    EXPECT_EQ(record(m_thorpe).household.notes, QStringLiteral("Refused note"))
        << "local data is left as it is";
    const QList<AuditEvent> events
        = AuditLog::history(m_database.connectionName(), QStringLiteral("outbox"), refused[0].opId);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].field, QStringLiteral("discarded"));
    const QJsonObject discarded
        = QJsonDocument::fromJson(events[0].oldValue.toString().toUtf8()).object();
    EXPECT_EQ(discarded.value(u"reason").toString(),
              QStringLiteral("household is outside your areas"));
    EXPECT_EQ(discarded.value(u"entity_id").toString(), m_thorpe.toString(QUuid::WithoutBraces));
    EXPECT_TRUE(discarded.value(u"payload").toObject().contains(u"notes"));

    EXPECT_FALSE(resolving.discardRefused(refused[0].seq)) << "gone already";
    EXPECT_EQ(resolving.summary().value().refused, 0);
}

TEST_F(ConflictResolverTest, ARefusedRecordOfAnyKindNamesItsHousehold)
{
    VisitRepository visits(m_database, QStringLiteral("officer"));
    VisitService service(*m_repository, visits);
    const VisitService::Result visited = service.recordVisit(m_leicester, VisitOutcome::NoAnswer);
    ASSERT_TRUE(visited.ok()) << qPrintable(visited.errorString());
    exec(QStringLiteral("UPDATE outbox SET rejected_at = '2025-03-01T10:00:00.000Z', "
                        "rejected_reason = 'outside your areas' WHERE entity = 'visit'"));

    const QList<RefusedChange> refused = resolver().refusedChanges().value();
    ASSERT_EQ(refused.size(), 1);
    EXPECT_EQ(refused[0].entity, QStringLiteral("visit"));
    EXPECT_EQ(refused[0].kind, QStringLiteral("create"));
    EXPECT_EQ(refused[0].address, QStringLiteral("7 Leicester Road, LE2 4AA"));
    EXPECT_TRUE(refused[0].fields.isEmpty());
}

TEST_F(ConflictResolverTest, DiscardingOnADatabaseWithoutItsOutboxIsADatabaseError)
{
    ASSERT_TRUE(m_repository->setFields(m_thorpe,
                                        {{HouseholdField::Notes, QStringLiteral("Refused note")}}));
    const qint64 seq = refuseFirstChange();
    exec(QStringLiteral("DROP TABLE outbox"));

    ConflictResolver resolving = resolver();
    const Status discarded = resolving.discardRefused(seq);
    ASSERT_FALSE(discarded);
    EXPECT_EQ(discarded.error().kind, Error::Kind::Database);
    EXPECT_TRUE(discarded.errorString().contains(m_path)) << qPrintable(discarded.errorString());
    EXPECT_TRUE(discarded.errorString().contains(QStringLiteral("no such table: outbox")))
        << qPrintable(discarded.errorString());

    // The lists and the counts say they could not be read, not that there is nothing.
    const Result<QList<RefusedChange>> refused = resolving.refusedChanges();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Database);
    EXPECT_TRUE(refused.errorString().contains(QStringLiteral("refused changes")))
        << qPrintable(refused.errorString());
    const Result<SyncSummary> summary = resolving.summary();
    ASSERT_FALSE(summary);
    EXPECT_TRUE(summary.errorString().contains(QStringLiteral("no such table: outbox")))
        << qPrintable(summary.errorString());
}

TEST_F(ConflictResolverTest, ListingConflictsWithoutTheirTableIsADatabaseError)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    exec(QStringLiteral("DROP TABLE sync_conflict"));

    const Result<QList<OpenConflict>> conflicts = resolver().openConflicts();
    ASSERT_FALSE(conflicts);
    EXPECT_EQ(conflicts.error().kind, Error::Kind::Database);
    EXPECT_TRUE(conflicts.errorString().contains(QStringLiteral("no such table: sync_conflict")))
        << qPrintable(conflicts.errorString());

    // Resolving is not told "no longer open" when the conflicts cannot be read.
    const ConflictResolver::Resolution result
        = resolver().resolve({{id, ConflictResolver::Choice::KeepServer}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status.error().kind, Error::Kind::Database);
    EXPECT_EQ(result.conflictId, id);
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("no such table: sync_conflict")))
        << qPrintable(result.errorString());
}

TEST_F(ConflictResolverTest, DiscardingWhileAnotherProgramHoldsTheWriteLockIsLockedAndKeepsIt)
{
    ASSERT_TRUE(m_repository->setFields(m_thorpe,
                                        {{HouseholdField::Notes, QStringLiteral("Refused note")}}));
    const qint64 seq = refuseFirstChange();
    const int auditBefore = auditRows();
    {
        Database other(QStringLiteral("other-program"));
        ASSERT_TRUE(other.open(m_path));
        QSqlQuery lock(other.connection());
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        ASSERT_TRUE(lock.exec(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

        const Status discarded = resolver().discardRefused(seq);
        ASSERT_FALSE(discarded);
        EXPECT_EQ(discarded.error().kind, Error::Kind::Locked)
            << qPrintable(discarded.errorString());
        EXPECT_TRUE(discarded.errorString().contains(QStringLiteral("refused change")))
            << qPrintable(discarded.errorString());
        EXPECT_TRUE(discarded.errorString().contains(QStringLiteral("locked")))
            << qPrintable(discarded.errorString());
        ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    }
    EXPECT_EQ(value(QStringLiteral("SELECT count(*) FROM outbox WHERE seq = ?"), {seq}).toInt(), 1);
    EXPECT_EQ(auditRows(), auditBefore);

    // Once the other program is done, the same discard goes through.
    const Status discarded = resolver().discardRefused(seq);
    EXPECT_TRUE(discarded) << qPrintable(discarded.errorString());
    EXPECT_EQ(outboxRows(), 0);
}

TEST_F(ConflictResolverTest, KeepServerWhileAnotherProgramHoldsTheWriteLockIsLockedAndStaysOpen)
{
    const qint64 id = addConflict(m_thorpe, QStringLiteral("notes"), QStringLiteral("Mine"),
                                  QStringLiteral("Server note"));
    {
        Database other(QStringLiteral("other-program"));
        ASSERT_TRUE(other.open(m_path));
        QSqlQuery lock(other.connection());
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        ASSERT_TRUE(lock.exec(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

        const ConflictResolver::Resolution result
            = resolver().resolve({{id, ConflictResolver::Choice::KeepServer}});
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.status.error().kind, Error::Kind::Locked)
            << qPrintable(result.errorString());
        EXPECT_EQ(result.conflictId, id);
        EXPECT_TRUE(result.errorString().startsWith(
            m_path + QStringLiteral(": cannot write the sync conflicts: ")))
            << qPrintable(result.errorString());
        ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    }
    EXPECT_FALSE(isResolved(id));
    EXPECT_TRUE(resolutionEvents(id).isEmpty());
}
