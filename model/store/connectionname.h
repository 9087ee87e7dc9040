#pragma once

#include <QString>
#include <QStringView>

namespace saferhomes {

/// Names of QSqlDatabase connections. Qt keeps one registry of names for the whole process and
/// a connection may only be used on the thread that made it, so every worker thread needs a
/// name no other connection has: ask here, never count by hand.
class ConnectionName {
public:
    /// The connection of the executable's main (GUI or command line) thread.
    static QString main();
    /// A name no other call returns in this process: "<purpose>-<n>", e.g. "export-worker-3".
    /// \a purpose says what the connection is for and must not be empty.
    static QString unique(QStringView purpose);
};

} // namespace saferhomes
