#pragma once

#include "pgcluster.h"
#include "pgsession.h"
#include "syncinvariants.h"
#include "testdevice.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace saferhomes::synctest {

/// What a FaultRun does.
struct FaultPlan {
    quint32 seed = 1;
    int rounds = 6;
    bool restarts = true; ///< stop and restart the server (`pg_ctl -m immediate`)
    bool areaMoves = false; ///< move households between areas (people gain and lose rows)

    QString describe() const;
};

/// A run of the randomized multi-device sync test (see test_syncfault.cpp) on a private
/// PostgreSQL cluster: its people, devices, seeded edits and injected faults.
class FaultRun {
public:
    explicit FaultRun(const FaultPlan &plan);
    ~FaultRun();
    FaultRun(const FaultRun &) = delete;
    FaultRun &operator=(const FaultRun &) = delete;

    /// Starts the private cluster, the central database, its people and their devices, with
    /// a first set of households everyone has synced.
    bool setUp(QString *error);
    /// The plan's rounds of random edits, syncs and faults.
    void play();
    /// Syncs every device in turn until a whole pass sends and receives nothing; what went
    /// wrong on the way.
    QStringList settle();
    /// checkSyncInvariants() over every device.
    QStringList check();

    /// Unexpected outcomes while faults were injected (a crash nobody caused, a wrong exit
    /// code, local data changed by a failed sync, a resent batch that changed the server).
    QStringList faultProblems() const { return m_problems; }
    /// The kinds of fault the plan asked for that never hit a running sync.
    QStringList faultsNotInjected() const;
    /// What was injected, for the log.
    QString summary() const;

private:
    struct Person {
        QString key;
        QString role;
        QStringList areas;
        QString login;
    };
    struct Job;

    std::unique_ptr<PgSession> superuser();
    std::unique_ptr<PgSession> sessionOf(const QString &login);
    bool addPeople(QString *error);
    bool chance(double probability) { return m_random.generateDouble() < probability; }
    int bounded(int from, int to) { return int(m_random.bounded(from, to)); }
    QString token() { return QString::number(++m_token); }

    void edit(int device, int round);
    void create(int device, int count, bool mayStrayOutside);
    void update(int device, const QString &household);
    void editSameField(int device);
    void moveStock(int device);
    QStringList householdsOf(int device) const;
    QString areaOf(int device, const QString &household) const;

    void resend(int device);
    void syncWhileServerDown(int device);
    void syncConcurrently(bool restart);
    void driveJobs(std::vector<Job> &jobs, int restartDelay);
    void recordOutcome(const Job &job, bool serverRestarted);
    bool serverUnchanged(const QList<QVariantList> &before, const QString &what);
    QList<QVariantList> serverVersions();

    FaultPlan m_plan;
    QRandomGenerator m_random;
    PgCluster m_cluster;
    bool m_clusterStarted = false;
    QTemporaryDir m_dir;
    QString m_database;
    std::vector<Person> m_people;
    std::vector<std::unique_ptr<TestDevice>> m_devices;
    std::vector<int> m_personOf; ///< device index -> person index
    std::vector<std::unique_ptr<PgSession>> m_sessions; ///< per device, as its login
    int m_token = 0;
    QStringList m_problems;
    QStringList m_notes;
    QList<qint64> m_durations; ///< ms, of the sync processes no fault hit

    struct Counts {
        int edits = 0;
        int stockMovements = 0;
        int cliSyncs = 0;
        int kills = 0;
        int terminations = 0;
        int terminationsInPush = 0;
        int restarts = 0;
        int downSyncs = 0;
        int resends = 0;
        int resentOps = 0;
        int unreachableExits = 0;
    } m_counts;
};

} // namespace saferhomes::synctest
