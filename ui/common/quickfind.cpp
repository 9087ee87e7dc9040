#include "common/quickfind.h"

#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

namespace saferhomes {

/// What the worker thread owns: its connection, opened on first use and closed on that
/// thread (a Qt SQL connection belongs to the thread that opened it).
struct QuickFind::Worker {
    std::unique_ptr<Database> database;
    QString connectionName;
};

QuickFind::QuickFind(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_context(new QObject)
    , m_worker(std::make_shared<Worker>())
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_worker->connectionName = ConnectionName::unique(u"quickfind-worker");
    m_thread.setObjectName(QStringLiteral("quick-find"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

QuickFind::~QuickFind()
{
    cancel();
    QMetaObject::invokeMethod(
        m_context, [worker = m_worker] { worker->database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

void QuickFind::find(const QString &text)
{
    const quint64 generation = ++*m_latest;
    m_pending = true;
    QMetaObject::invokeMethod(
        m_context,
        [this, worker = m_worker, latest = m_latest, path = m_databasePath, generation, text] {
            if (generation != latest->load())
                return; // the user has typed on: a newer request is queued
            QString error;
            QList<qint64> keys;
            if (!worker->database) {
                worker->database = std::make_unique<Database>(worker->connectionName);
                if (const Status opened = worker->database->open(path); !opened) {
                    error = opened.errorString();
                    worker->database.reset();
                }
            }
            if (worker->database) {
                const auto found = HouseholdRepository(*worker->database, Database::localUserName())
                                       .quickFind(text);
                if (found)
                    keys = *found;
                else
                    error = found.errorString();
            }
            // `this` outlives the thread (the destructor waits for it), and a call queued to
            // an object being destroyed is dropped with it.
            QMetaObject::invokeMethod(
                this,
                [this, generation, text, keys, error] { deliver(generation, text, keys, error); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void QuickFind::cancel()
{
    ++*m_latest;
    m_pending = false;
}

void QuickFind::deliver(quint64 generation, const QString &text, const QList<qint64> &keys,
                        const QString &error)
{
    if (generation != m_latest->load())
        return;
    m_pending = false;
    if (!error.isEmpty()) {
        emit failed(tr("Quick find is not available: %1").arg(error));
        return;
    }
    emit found(text, keys);
}

} // namespace saferhomes
