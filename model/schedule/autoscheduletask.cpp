#include "autoscheduletask.h"

#include "store/connectionname.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QThread>

namespace saferhomes {

namespace {

/// Reads what a plan is made from on \a database.
Result<AutoScheduleInput> readInput(const Database &database)
{
    const JobRepository jobs(database, Database::localUserName());
    const FitterRepository fitters(database, Database::localUserName());
    Result<QList<Job>> allJobs = jobs.jobs({});
    if (!allJobs)
        return allJobs.error();
    Result<QList<Fitter>> allFitters = fitters.all();
    if (!allFitters)
        return allFitters.error();
    Result<QHash<QString, QString>> skills = jobs.itemSkills();
    if (!skills)
        return skills.error();
    Result<ScheduleStock> stock = jobs.scheduleStock();
    if (!stock)
        return stock.error();
    return AutoScheduleInput {std::move(*allJobs), std::move(*allFitters), std::move(*skills),
                              std::move(*stock)};
}

} // namespace

AutoScheduleTask::AutoScheduleTask(QString databasePath, AutoScheduleRequest request,
                                   QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_request(std::move(request))
{ }

AutoScheduleTask::~AutoScheduleTask()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool AutoScheduleTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void AutoScheduleTask::cancel()
{
    m_cancel = true;
}

void AutoScheduleTask::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_cancel = false;
    // The worker reports through queued calls on this object, so every signal reaches the
    // caller on its own thread, after the worker has let go of its connection.
    m_thread = QThread::create([this] {
        Result<AutoSchedulePlan> plan = [this]() -> Result<AutoSchedulePlan> {
            Database database(ConnectionName::unique(u"autoschedule-worker"));
            if (const Status opened = database.open(m_databasePath); !opened)
                return opened.error();
            const Result<AutoScheduleInput> input = readInput(database);
            if (!input)
                return input.error();
            int reported = -1;
            return AutoScheduler::plan(*input, m_request, &m_cancel, [&](double done) {
                const int permille = int(done * 1000);
                if (permille == reported)
                    return;
                reported = permille;
                QMetaObject::invokeMethod(
                    this, [this, permille] { emit progressed(permille); }, Qt::QueuedConnection);
            });
        }();
        QMetaObject::invokeMethod(
            this,
            [this, plan = std::move(plan)] {
                if (plan)
                    emit planned(*plan);
                else if (plan.error().kind == Error::Kind::Cancelled)
                    emit cancelled();
                else
                    emit failed(plan.errorString());
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("autoschedule"));
    m_thread->start();
}

} // namespace saferhomes
