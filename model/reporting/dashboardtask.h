#pragma once

#include "reporting/dashboardfigures.h"

#include <QDateTime>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace saferhomes {

/// Computes dashboard figures and drill-downs off the caller's (GUI) thread, on a thread with
/// its own connection to the database, and delivers them by signal on the caller's thread.
/// Only the answer to the latest request of each kind is delivered: one asked for under a
/// filter that has changed since is dropped.
class DashboardTask : public QObject {
    Q_OBJECT

public:
    explicit DashboardTask(QString databasePath, QObject *parent = nullptr);
    /// Drops what is still queued and waits for the thread.
    ~DashboardTask() override;

    /// Figures under \a filter; computed() or failed() follows unless another compute()
    /// comes first. They are made from the facts in memory (DashboardSnapshot), read once and
    /// kept between filter changes; \a fresh reads them again (the data may have changed),
    /// as does a write by another connection since they were read.
    void compute(const DashboardFilter &filter, bool fresh = true);
    /// The households behind \a ref under \a filter; drilled() or failed() follows unless
    /// another drillDown() comes first.
    void drillDown(const DashboardFilter &filter, const FigureRef &ref);
    /// What "now" is for figures as of now; the clock when not set (tests pin it).
    void setNow(const QDateTime &now) { m_now = now; }
    bool isComputing() const { return m_computing; }

signals:
    void computed(const saferhomes::DashboardFigures &figures);
    void drilled(const saferhomes::FigureRef &ref, const QList<saferhomes::DrillRow> &rows);
    void failed(const QString &message);

private:
    struct Worker;
    using Job = std::function<void(Worker &)>;
    void post(Job job);

    QString m_databasePath;
    QThread m_thread;
    QObject *m_context;
    std::shared_ptr<Worker> m_worker;
    std::shared_ptr<std::atomic<quint64>> m_latestCompute;
    std::shared_ptr<std::atomic<quint64>> m_latestDrill;
    QDateTime m_now;
    bool m_computing = false;
};

} // namespace saferhomes
