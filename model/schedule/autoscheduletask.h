#pragma once

#include "schedule/autoscheduler.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace saferhomes {

/// Runs one auto-scheduling plan off the caller's (GUI) thread: reads jobs and fitters on a
/// connection of its own, plans, and reports back on the caller's thread. It only proposes:
/// the caller shows the plan and applies it (JobRepository::applyBookings), so a run
/// cancelled half-way changes nothing.
class AutoScheduleTask : public QObject {
    Q_OBJECT

public:
    AutoScheduleTask(QString databasePath, AutoScheduleRequest request, QObject *parent = nullptr);
    /// Cancels a run still going and waits for its thread.
    ~AutoScheduleTask() override;

    void start();
    void cancel();
    bool isRunning() const;

signals:
    /// From 0 to 1000, now and then.
    void progressed(int permille);
    void planned(const saferhomes::AutoSchedulePlan &plan);
    void failed(const QString &message);
    void cancelled();

private:
    QString m_databasePath;
    AutoScheduleRequest m_request;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel {false};
};

} // namespace saferhomes
