#pragma once

#include "shell/mainwindow.h"
#include "sync/syncsettings.h"
#include "uitest.h"

#include <QVariant>

#include <memory>

namespace saferhomes::test {

/// The sample households with their outbox, plus what a sync leaves behind: conflicts and
/// refused changes written as SyncEngine writes them. Sync settings go to the test's INI file.
class SyncUiTest : public UiTest {
protected:
    void SetUp() override;

    QString settingsPath() const;
    std::unique_ptr<SyncSettings> syncSettings() const;
    /// Saves a connection in the test's settings.
    void configure(const QString &host, int port, const QString &user,
                   const QString &sslMode = QStringLiteral("disable")) const;
    /// The window, shown and active, with the keychain left alone when a real one may exist.
    std::unique_ptr<MainWindow> openWindow();

    /// As after a sync: every change sent, the server's notes pulled in.
    void settleOutbox(const QUuid &id, const QString &serverNotes) const;
    qint64 addConflict(const QUuid &id, const QString &field, const QString &local,
                       const QString &server) const;
    /// Marks the oldest waiting change refused, with \a reason.
    void refuseOldestChange(const QString &reason) const;
    QVariant value(const QString &sql, const QVariantList &bindings = {}) const;
    bool isResolved(qint64 conflictId) const;
    int outboxRows() const;
    /// Whether a real keychain may be reachable (a D-Bus session): tests then keep out of it.
    static bool mayHaveRealKeychain();
};

/// A free loopback port nothing listens on.
int closedPort();

} // namespace saferhomes::test
