#include "reporting/dashboardtask.h"

#include "reporting/dashboardreport.h"
#include "reporting/dashboardsnapshot.h"
#include "store/connectionname.h"
#include "store/database.h"

namespace saferhomes {

/// What the worker thread owns: its connection, opened on first use and closed on that
/// thread (a Qt SQL connection belongs to the thread that opened it).
struct DashboardTask::Worker {
    QString path;
    QString connectionName;
    std::unique_ptr<Database> database;
    /// The facts of the last computation, until a refresh asks for fresh ones or the
    /// database changes.
    std::optional<DashboardSnapshot> snapshot;

    /// The open database, or why it cannot be opened.
    Result<const Database *> open()
    {
        if (!database) {
            database = std::make_unique<Database>(connectionName);
            if (const Status opened = database->open(path); !opened) {
                database.reset();
                return opened.error();
            }
        }
        return database.get();
    }

    /// Drops the snapshot when another connection has written since it was read.
    Status dropStale(const DashboardStore &store)
    {
        if (!snapshot)
            return {};
        const Result<qint64> version = store.dataVersion();
        if (!version)
            return version.error();
        if (*version != snapshot->dataVersion())
            snapshot.reset();
        return {};
    }

    /// The figures under \a filter from the snapshot, read again first when there is none or
    /// another connection has written since it was read.
    Result<DashboardFigures> compute(const DashboardFilter &filter, const QDateTime &now)
    {
        const Result<const Database *> opened = open();
        if (!opened)
            return opened.error();
        const DashboardStore store(**opened);
        if (const Status checked = dropStale(store); !checked)
            return checked.error();
        if (!snapshot) {
            Result<DashboardSnapshot> loaded = DashboardSnapshot::load(store);
            if (!loaded)
                return loaded.error();
            snapshot = std::move(*loaded);
        }
        return DashboardReport::compute(*snapshot, filter, now);
    }

    /// The households behind \a ref, from the snapshot where it is current (so that they are
    /// those the figure was made from), else from the database.
    Result<QList<DrillRow>> drillDown(const DashboardFilter &filter, const FigureRef &ref,
                                      const QDateTime &now)
    {
        const Result<const Database *> opened = open();
        if (!opened)
            return opened.error();
        const DashboardStore store(**opened);
        if (const Status checked = dropStale(store); !checked)
            return checked.error();
        return DashboardReport::drillDown(store, filter, ref, now, snapshot ? &*snapshot : nullptr);
    }
};

DashboardTask::DashboardTask(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_context(new QObject)
    , m_worker(std::make_shared<Worker>())
    , m_latestCompute(std::make_shared<std::atomic<quint64>>(0))
    , m_latestDrill(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<DashboardFigures>();
    m_worker->path = m_databasePath;
    m_worker->connectionName = ConnectionName::unique(u"dashboard-worker");
    m_thread.setObjectName(QStringLiteral("dashboard"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

DashboardTask::~DashboardTask()
{
    ++*m_latestCompute;
    ++*m_latestDrill;
    QMetaObject::invokeMethod(
        m_context, [worker = m_worker] { worker->database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

void DashboardTask::post(Job job)
{
    QMetaObject::invokeMethod(
        m_context, [worker = m_worker, job = std::move(job)] { job(*worker); },
        Qt::QueuedConnection);
}

void DashboardTask::compute(const DashboardFilter &filter, bool fresh)
{
    const quint64 generation = ++*m_latestCompute;
    m_computing = true;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    post([this, latest = m_latestCompute, generation, filter, now, fresh](Worker &worker) {
        if (fresh)
            worker.snapshot.reset(); // even when skipped: the data may have changed since
        if (generation != latest->load())
            return; // a newer filter is queued behind this one
        Result<DashboardFigures> figures = worker.compute(filter, now);
        // `this` outlives the thread (the destructor waits for it), and a call queued to an
        // object being destroyed is dropped with it.
        QMetaObject::invokeMethod(
            this,
            [this, latest, generation, figures = std::move(figures)] {
                if (generation != latest->load())
                    return; // the filter changed while this was computed
                m_computing = false;
                if (figures)
                    emit computed(*figures);
                else
                    emit failed(
                        tr("The dashboard could not be computed: %1").arg(figures.errorString()));
            },
            Qt::QueuedConnection);
    });
}

void DashboardTask::drillDown(const DashboardFilter &filter, const FigureRef &ref)
{
    const quint64 generation = ++*m_latestDrill;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    post([this, latest = m_latestDrill, generation, filter, ref, now](Worker &worker) {
        if (generation != latest->load())
            return;
        Result<QList<DrillRow>> rows = worker.drillDown(filter, ref, now);
        QMetaObject::invokeMethod(
            this,
            [this, latest, generation, ref, rows = std::move(rows)] {
                if (generation != latest->load())
                    return;
                if (rows)
                    emit drilled(ref, *rows);
                else
                    emit failed(tr("The households behind this figure could not be read: %1")
                                    .arg(rows.errorString()));
            },
            Qt::QueuedConnection);
    });
}

} // namespace saferhomes
