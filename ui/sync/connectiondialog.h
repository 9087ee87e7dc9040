#pragma once

#include "sync/syncconnectiontest.h"
#include "sync/syncsettings.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace saferhomes {

/// Sync > Connection: where the central database is, who signs in, how the connection is
/// secured, and how often to sync; "Test connection" tries it off the GUI thread.
class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionDialog(const SyncSettings::Connection &connection, bool autoSync,
                              int intervalMinutes, QWidget *parent = nullptr);

    /// What "Test connection" uses while the password field is empty (a password already known
    /// this session).
    void setKnownPassword(const QString &password) { m_knownPassword = password; }

    SyncSettings::Connection connection() const;
    /// The typed password; empty: keep the one already stored.
    QString password() const;
    bool autoSync() const;
    int intervalMinutes() const;

    /// Starts "Test connection" (as the button does).
    void testConnection();
    /// From the click until the result is shown.
    bool isTesting() const { return m_testing; }
    SyncConnectionTest::Result lastTestResult() const { return m_lastResult; }

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *tlsModeBox() const { return m_tlsMode; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QCheckBox *autoSyncBox() const { return m_autoSync; }
    QSpinBox *intervalBox() const { return m_interval; }
    QPushButton *testButton() const { return m_testButton; }
    QPushButton *okButton() const { return m_ok; }
    QString resultText() const;
    QString warningText() const;

signals:
    void connectionTested(const SyncConnectionTest::Result &result);

private:
    void chooseCaFile();
    void updateState();
    void showResult();
    void growToFit();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_tlsMode;
    QLineEdit *m_caFile;
    QToolButton *m_browse;
    QLabel *m_warning;
    QCheckBox *m_autoSync;
    QSpinBox *m_interval;
    QPushButton *m_testButton;
    QLabel *m_resultIcon;
    QLabel *m_result;
    QPushButton *m_ok;
    QFutureWatcher<SyncConnectionTest::Result> m_test;
    SyncConnectionTest::Result m_lastResult;
    QString m_knownPassword;
    bool m_testing = false;
};

} // namespace saferhomes
