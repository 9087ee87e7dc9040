#pragma once

#include <QObject>

class QSocketNotifier;

namespace saferhomes {

/// Turns SIGTERM and SIGINT into an ordinary quit of the event loop, so that a logout, a
/// `kill` or Ctrl+C closes the windows and the database as the Quit menu item does.
class TerminationSignals : public QObject {
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    /// Installs the handlers; false when the platform has no such signals or they cannot be
    /// caught (the program then dies of them as before).
    bool install();

signals:
    void terminationRequested();

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace saferhomes
