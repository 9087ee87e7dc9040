// FaultRun's rounds: the faults it injects into syncs, and the final settling and check.

#include "syncfaultrun.h"

#include "centraltest.h"

#include <QElapsedTimer>
#include <QSet>

namespace saferhomes::synctest {

struct FaultRun::Job {
    enum class Fault { None, Kill, Terminate };
    int device = 0;
    Fault fault = Fault::None;
    int killAt = 0; ///< ms after the start
    std::unique_ptr<QProcess> process;
    bool finished = false;
    bool killed = false;
    bool terminated = false;
    bool pushOnly = false; ///< Terminate: only while sh_push runs
    qint64 durationMs = 0;
};

void FaultRun::play()
{
    for (int round = 0; round < m_plan.rounds; ++round) {
        for (int device = 0; device < int(m_devices.size()); ++device) {
            const int edits = bounded(0, 5);
            for (int i = 0; i < edits; ++i)
                edit(device, round);
            // Coordinators also keep the stock ledger, concurrently on two devices.
            if (m_people[size_t(m_personOf[size_t(device)])].role == u"coordinator") {
                const int movements = bounded(1, 6);
                for (int i = 0; i < movements; ++i)
                    moveStock(device);
            }
        }
        // Each kind of fault at least once, then at random.
        if (round == 0 || chance(0.35))
            resend(bounded(0, int(m_devices.size())));
        if (m_plan.restarts && (round == 1 || chance(0.2)))
            syncWhileServerDown(bounded(0, int(m_devices.size())));
        syncConcurrently(m_plan.restarts && (round == 2 || chance(0.3)));
    }
}

QList<QVariantList> FaultRun::serverVersions()
{
    auto session = superuser();
    const auto rows = session->rows(QStringLiteral(
        "SELECT 'household ' || CAST(id AS text), row_version, CAST(txid AS text) FROM household "
        "UNION ALL SELECT 'resident ' || CAST(id AS text), row_version, CAST(txid AS text) "
        "FROM resident UNION ALL SELECT 'applied_ops', count(*), '' FROM applied_ops "
        "ORDER BY 1"));
    if (!rows)
        m_problems.append(QStringLiteral("cannot read the server: %1").arg(session->lastError()));
    return rows.value_or(QList<QVariantList>());
}

bool FaultRun::serverUnchanged(const QList<QVariantList> &before, const QString &what)
{
    const QList<QVariantList> after = serverVersions();
    if (after == before)
        return true;
    QStringList changed;
    for (qsizetype i = 0; i < std::max(before.size(), after.size()) && changed.size() < 5; ++i) {
        const QVariantList was = before.value(i);
        const QVariantList is = after.value(i);
        if (was != is) {
            changed.append(QStringLiteral("%1 v%2 -> %3 v%4")
                               .arg(was.value(0).toString(), was.value(1).toString(),
                                    is.value(0).toString(), is.value(1).toString()));
        }
    }
    m_problems.append(
        QStringLiteral("%1 changed the server: %2").arg(what, changed.join(QStringLiteral("; "))));
    return false;
}

void FaultRun::resend(int device)
{
    TestDevice &target = *m_devices[size_t(device)];
    const QStringList households = householdsOf(device);
    if (target.engine().pendingCount().valueOr(-1) == 0 && !households.isEmpty())
        update(device, households[bounded(0, int(households.size()))]);
    // The device sends its outbox, the server applies it, and the device crashes before its
    // answer is on disk: it sends the same ops again.
    QString error;
    if (!target.saveCopy(&error)) {
        m_problems.append(QStringLiteral("%1: cannot copy the file: %2").arg(target.name(), error));
        return;
    }
    const SyncResult first = target.sync();
    if (!first.ok()) {
        m_problems.append(QStringLiteral("%1: sync before a resend failed: %2")
                              .arg(target.name(), first.errorString()));
        return;
    }
    const QList<QVariantList> before = serverVersions();
    if (!target.restoreCopy(&error)) {
        m_problems.append(QStringLiteral("%1: %2").arg(target.name(), error));
        return;
    }
    const SyncResult again = target.sync();
    ++m_counts.resends;
    m_counts.resentOps += first.pushed + int(first.rejected.size());
    if (!again.ok()) {
        m_problems.append(QStringLiteral("%1: the resending sync failed: %2")
                              .arg(target.name(), again.errorString()));
        return;
    }
    if (again.pushed != first.pushed || again.conflicts != first.conflicts
        || again.rejected.size() != first.rejected.size()) {
        m_problems.append(QStringLiteral("%1: the resent batch was answered %2 applied, %3 "
                                         "conflicts, %4 refused; the first time %5, %6, %7")
                              .arg(target.name())
                              .arg(again.pushed)
                              .arg(again.conflicts)
                              .arg(again.rejected.size())
                              .arg(first.pushed)
                              .arg(first.conflicts)
                              .arg(first.rejected.size()));
    }
    serverUnchanged(before, target.name() + QStringLiteral("'s resent batch"));
}

void FaultRun::syncWhileServerDown(int device)
{
    TestDevice &target = *m_devices[size_t(device)];
    const QStringList households = householdsOf(device);
    if (!households.isEmpty())
        update(device, households[bounded(0, int(households.size()))]);
    const int outbox = target.outboxRows();
    QString error;
    if (!m_cluster.stopServer(QStringLiteral("immediate"), &error)) {
        m_problems.append(error);
        return;
    }
    const SyncResult result = target.sync();
    if (result.ok() || !result.unreachable()) {
        m_problems.append(QStringLiteral("%1: with the server down, sync said ok=%2 "
                                         "unreachable=%3: %4")
                              .arg(target.name())
                              .arg(result.ok())
                              .arg(result.unreachable())
                              .arg(result.errorString()));
    }
    auto process = target.startCliSync();
    if (!process->waitForFinished(120'000) || process->exitCode() != 3) {
        m_problems.append(QStringLiteral("%1: with the server down, the CLI exited %2: %3")
                              .arg(target.name())
                              .arg(process->exitCode())
                              .arg(QString::fromUtf8(process->readAllStandardError())));
    }
    if (target.outboxRows() != outbox) {
        m_problems.append(QStringLiteral("%1: a sync with the server down changed the outbox "
                                         "from %2 to %3 rows")
                              .arg(target.name())
                              .arg(outbox)
                              .arg(target.outboxRows()));
    }
    ++m_counts.downSyncs;
    if (!m_cluster.startAgain(&error))
        m_problems.append(error);
}

void FaultRun::syncConcurrently(bool restart)
{
    std::vector<Job> jobs;
    for (int device = 0; device < int(m_devices.size()); ++device) {
        // A restart needs a sync to interrupt: the first device always syncs then.
        if (!chance(0.7) && !(restart && jobs.empty() && device == 0))
            continue;
        Job job;
        job.device = device;
        const double fault = m_random.generateDouble();
        job.fault = fault < 0.35 ? Job::Fault::None
            : fault < 0.7        ? Job::Fault::Kill
                                 : Job::Fault::Terminate;
        // Most terminations aim at sh_push, the rest at whatever statement runs.
        job.pushOnly = job.fault == Job::Fault::Terminate && chance(0.7);
        // A long outbox, so that a fault can land in the middle of a push.
        if (job.pushOnly || (job.fault != Job::Fault::None && chance(0.6)))
            create(device, bounded(100, 300), false);
        // Unfaulted syncs take ~50-300 ms here (more under the sanitizers): anywhere from
        // before the connection is made to the middle of the pull.
        job.killAt = bounded(0, 250);
        jobs.push_back(std::move(job));
    }
    // The restart comes this long after the first sync statement is seen running.
    const int restartDelay = restart ? bounded(0, 80) : -1;
    for (Job &job : jobs) {
        job.process = m_devices[size_t(job.device)]->startCliSync();
        ++m_counts.cliSyncs;
    }
    driveJobs(jobs, restartDelay);
}

void FaultRun::driveJobs(std::vector<Job> &jobs, int restartDelay)
{
    QElapsedTimer clock;
    clock.start();
    auto watcher = superuser();
    bool restarted = false;
    qint64 restartAt = -1;
    for (;;) {
        bool running = false;
        for (Job &job : jobs) {
            if (job.finished)
                continue;
            if (job.process->state() == QProcess::NotRunning || job.process->waitForFinished(1)) {
                job.finished = true;
                job.durationMs = clock.elapsed();
                continue;
            }
            running = true;
            if (job.fault == Job::Fault::Kill && !job.killed && clock.elapsed() >= job.killAt) {
                job.process->kill();
                job.killed = true;
                ++m_counts.kills;
            }
            if (job.fault == Job::Fault::Terminate && !job.terminated && watcher) {
                // The sync's connection while it runs a statement: sh_push (its JSON holds
                // "op_id") or any. Two devices of one person share a login: both lose it.
                const QString login = m_devices[size_t(job.device)]->login();
                const auto backends = watcher->rows(
                    QStringLiteral("SELECT pg_terminate_backend(pid), strpos(query, 'op_id') > 0 "
                                   "FROM pg_stat_activity WHERE usename = ? AND state = 'active' "
                                   "AND pid <> pg_backend_pid() AND (strpos(query, 'op_id') > 0 "
                                   "OR NOT ?)"),
                    {login, job.pushOnly});
                for (const QVariantList &backend : backends.value_or(QList<QVariantList>())) {
                    if (!backend[0].toBool())
                        continue;
                    if (!job.terminated) {
                        ++m_counts.terminations;
                        m_counts.terminationsInPush += backend[1].toBool() ? 1 : 0;
                    }
                    for (Job &other : jobs) {
                        if (m_devices[size_t(other.device)]->login() == login)
                            other.terminated = true;
                    }
                }
            }
        }
        if (!running)
            break;
        if (restartDelay >= 0 && restartAt < 0 && watcher
            && watcher
                    ->value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                           "application_name = 'saferhomes' AND state = "
                                           "'active'"))
                    .toInt()
                > 0)
            restartAt = clock.elapsed() + restartDelay;
        if (restartAt >= 0 && !restarted && clock.elapsed() >= restartAt) {
            watcher.reset();
            QString error;
            if (!m_cluster.restart(QStringLiteral("immediate"), &error))
                m_problems.append(error);
            restarted = true;
            ++m_counts.restarts;
            watcher = superuser();
        }
        if (clock.elapsed() > 120'000) {
            m_problems.append(QStringLiteral("sync processes still running after 120 s"));
            for (Job &job : jobs)
                job.process->kill();
        }
    }
    for (Job &job : jobs) {
        recordOutcome(job, restarted);
        if (!job.killed && !job.terminated && !restarted)
            m_durations.append(job.durationMs);
    }
}

void FaultRun::recordOutcome(const Job &job, bool serverRestarted)
{
    if (job.killed)
        return;
    QProcess &process = *job.process;
    const QString name = m_devices[size_t(job.device)]->name();
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit) {
        m_problems.append(QStringLiteral("%1: the sync process crashed: %2").arg(name, errors));
        return;
    }
    switch (process.exitCode()) {
    case 0:
    case 1: // some changes refused: listed, kept
        return;
    case 3: // the connection was lost; nothing is lost, the next sync goes on
        ++m_counts.unreachableExits;
        if (!job.terminated && !serverRestarted)
            m_notes.append(QStringLiteral("%1: exit 3 without a fault: %2").arg(name, errors));
        return;
    default:
        m_problems.append(QStringLiteral("%1: the sync exited %2: %3")
                              .arg(name)
                              .arg(process.exitCode())
                              .arg(errors));
    }
}

QStringList FaultRun::settle()
{
    QStringList problems;
    QSet<QString> failing;
    // Until a whole pass moves nothing (a failing device keeps the run going: it may be a
    // server that is still restarting).
    const bool quiet = eventually([&] {
        bool moved = false;
        for (const auto &device : m_devices) {
            const SyncResult result = device->sync();
            if (!result.ok()) {
                if (!failing.contains(device->name()))
                    problems.append(QStringLiteral("%1: sync failed: %2")
                                        .arg(device->name(), result.errorString()));
                failing.insert(device->name());
                moved = true;
                continue;
            }
            moved = moved || result.pushed > 0 || result.pulled > 0 || !result.rejected.isEmpty();
        }
        return !moved;
    });
    if (!quiet)
        problems.append(QStringLiteral("the devices still sent or received changes after %1 s")
                            .arg(kPatience.count() / 1000));
    return problems;
}

QStringList FaultRun::check()
{
    auto session = superuser();
    std::vector<std::unique_ptr<PgSession>> sessions;
    QList<DeviceUnderTest> devices;
    for (size_t d = 0; d < m_devices.size(); ++d) {
        const Person &person = m_people[size_t(m_personOf[d])];
        sessions.push_back(sessionOf(person.login));
        devices.append(
            {m_devices[d].get(), sessions.back().get(), person.areas, person.role != u"volunteer"});
    }
    return checkSyncInvariants(*session, devices);
}

QStringList FaultRun::faultsNotInjected() const
{
    QStringList missing;
    if (m_plan.rounds <= 0)
        return missing;
    if (m_counts.kills == 0)
        missing.append(QStringLiteral("SIGKILL of a running sync process"));
    if (m_counts.terminationsInPush == 0)
        missing.append(QStringLiteral("pg_terminate_backend of a sync's connection in sh_push"));
    if (m_counts.resends == 0 || m_counts.resentOps == 0)
        missing.append(QStringLiteral("a resent batch"));
    if (m_plan.restarts && m_counts.restarts == 0)
        missing.append(QStringLiteral("pg_ctl -m immediate restart during syncs"));
    if (m_plan.restarts && m_counts.downSyncs == 0)
        missing.append(QStringLiteral("a sync while the server is down"));
    return missing;
}

QString FaultRun::summary() const
{
    QString text
        = QStringLiteral("%1 edits (%11 stock movements); %2 sync processes: %3 killed with "
                         "SIGKILL while running, %4 "
                         "connections terminated (%5 in sh_push), %6 server restarts during "
                         "syncs, %7 exits 'unreachable'; %8 syncs with the server down; %9 "
                         "resends (%10 ops)")
              .arg(m_counts.edits)
              .arg(m_counts.cliSyncs)
              .arg(m_counts.kills)
              .arg(m_counts.terminations)
              .arg(m_counts.terminationsInPush)
              .arg(m_counts.restarts)
              .arg(m_counts.unreachableExits)
              .arg(m_counts.downSyncs)
              .arg(m_counts.resends)
              .arg(m_counts.resentOps)
              .arg(m_counts.stockMovements);
    if (!m_durations.isEmpty()) {
        QList<qint64> durations = m_durations;
        std::sort(durations.begin(), durations.end());
        text += QStringLiteral("\nsync processes without a fault took %1 to %2 ms (median %3)")
                    .arg(durations.first())
                    .arg(durations.last())
                    .arg(durations[durations.size() / 2]);
    }
    for (const QString &note : m_notes)
        text += u'\n' + note;
    return text;
}

} // namespace saferhomes::synctest
