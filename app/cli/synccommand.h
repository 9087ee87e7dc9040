#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QString>

namespace saferhomes {

class Database;

/// `sync --server URI` and `sync conflicts` (DESIGN §4, §7). The central password comes from
/// PGPASSWORD.
class SyncCommand {
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    explicit SyncCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Push then pull: 0 done; 1 the server refused some changes (each listed; they stay in the
    /// outbox marked rejected); 2 a URI that cannot be used; 3 unreachable (nothing lost).
    int sync(const Database &database, const QString &server);
    /// The conflicts not yet resolved, and the changes the server refused.
    int conflicts(const Database &database);

private:
    CommandOutput m_output;
};

} // namespace saferhomes
