#pragma once

#include <QString>

namespace saferhomes {

/// For a large batch written while no other connection has the database open: a rollback
/// journal instead of the WAL for that one transaction, and a page cache that holds it all.
/// Through the WAL every page is written twice, to the WAL and then by the checkpoint after
/// the commit into the database, a sixth of a 100k-household import's time; with a
/// rollback journal, pages appended to the file need no journal at all. SQLite leaves WAL
/// mode only for the sole connection: with any other open (the GUI's own, another program's)
/// the switch fails at once and the batch goes through the WAL as before. Outside a
/// transaction only; WAL mode and the cache size come back when this is destroyed.
class SoleWriterMode {
public:
    explicit SoleWriterMode(QString connectionName);
    ~SoleWriterMode();
    SoleWriterMode(const SoleWriterMode &) = delete;
    SoleWriterMode &operator=(const SoleWriterMode &) = delete;

    /// Whether the rollback journal is in use (false: another connection has the file open).
    bool isActive() const { return m_active; }

private:
    QString m_connectionName;
    bool m_active = false;
    int m_cacheSize = 0;
};

} // namespace saferhomes
