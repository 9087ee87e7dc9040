#include "sync/synckeychain.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace saferhomes {

namespace {

bool meansNoKeychain(QKeychain::Error error)
{
    // Without a secret service, libsecret and KWallet both fail to start, which qtkeychain
    // reports as NoBackendAvailable or, over D-Bus, as OtherError.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

} // namespace

SyncKeychain::SyncKeychain(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

void SyncKeychain::read(const QString &key, const ReadCallback &done)
{
    if (const QString known = m_session.value(key); !known.isEmpty()) {
        QTimer::singleShot(0, this, [done, known] { done(Found::Password, known); });
        return;
    }
    if (!m_enabled) {
        m_unavailable = true;
        QTimer::singleShot(0, this, [done] { done(Found::Unavailable, {}); });
        return;
    }
    // Jobs have no parent and delete themselves when done: libsecret calls back into a job
    // even after its parent is gone, so a job must never be deleted before it finishes.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    // Never a plain-text file instead of a keychain.
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job *finished) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (reader->error() == QKeychain::NoError && !reader->textData().isEmpty()) {
            m_unavailable = false;
            m_session.insert(key, reader->textData());
            done(Found::Password, reader->textData());
        } else if (reader->error() == QKeychain::NoError
                   || reader->error() == QKeychain::EntryNotFound) {
            m_unavailable = false;
            done(Found::Missing, {});
        } else {
            m_unavailable = meansNoKeychain(reader->error());
            done(m_unavailable ? Found::Unavailable : Found::Missing, {});
        }
    });
    job->start();
}

void SyncKeychain::write(const QString &key, const QString &password)
{
    m_session.insert(key, password);
    if (!m_enabled || m_unavailable)
        return;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            emit stored(key);
            return;
        }
        m_unavailable = meansNoKeychain(finished->error());
        emit writeFailed(finished->errorString());
    });
    job->start();
}

void SyncKeychain::forget(const QString &key)
{
    m_session.remove(key);
    if (!m_enabled || m_unavailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound)
            emit removed(key);
    });
    job->start();
}

} // namespace saferhomes
