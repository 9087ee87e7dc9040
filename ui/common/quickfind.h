#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>

namespace saferhomes {

/// Runs HouseholdRepository::quickFind() on a thread of its own, with its own database
/// connection, so that typing never waits for the database. Only the newest request counts:
/// older ones still queued are skipped and their answers dropped.
class QuickFind : public QObject {
    Q_OBJECT

public:
    explicit QuickFind(QString databasePath, QObject *parent = nullptr);
    ~QuickFind() override;

    /// Looks \a text up; found() follows unless a newer request comes first.
    void find(const QString &text);
    /// Drops any request still running or queued.
    void cancel();
    /// Whether an answer is still to come.
    bool isPending() const { return m_pending; }

signals:
    /// The local keys of the households matching \a text, in ascending order.
    void found(const QString &text, const QList<qint64> &keys);
    void failed(const QString &message);

private:
    struct Worker;

    void deliver(quint64 generation, const QString &text, const QList<qint64> &keys,
                 const QString &error);

    QString m_databasePath;
    QThread m_thread;
    QObject *m_context; ///< lives in m_thread: queued work runs there
    std::shared_ptr<Worker> m_worker;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    bool m_pending = false;
};

} // namespace saferhomes
