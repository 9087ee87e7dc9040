#pragma once

#include "sync/syncconnectiontest.h"
#include "sync/syncsettings.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Ui {
class ConnectionDialog;
}

namespace saferhomes {

/// Sync > Connection: where the central database is, who signs in, how the connection is
/// secured, and how often to sync; "Test connection" tries it off the GUI thread.
class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionDialog(const SyncSettings::Connection &connection, bool autoSync,
                              int intervalMinutes, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

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

    QLineEdit *hostEdit() const;
    QSpinBox *portBox() const;
    QLineEdit *databaseEdit() const;
    QLineEdit *userEdit() const;
    QLineEdit *passwordEdit() const;
    QComboBox *tlsModeBox() const;
    QLineEdit *caFileEdit() const;
    QCheckBox *autoSyncBox() const;
    QSpinBox *intervalBox() const;
    QPushButton *testButton() const;
    QPushButton *okButton() const;
    QString resultText() const;
    QString warningText() const;

signals:
    void connectionTested(const SyncConnectionTest::Result &result);

private:
    void chooseCaFile();
    void updateState();
    void showResult();
    void growToFit();

    std::unique_ptr<Ui::ConnectionDialog> m_ui; ///< the form: connectiondialog.ui
    QFutureWatcher<SyncConnectionTest::Result> m_test;
    SyncConnectionTest::Result m_lastResult;
    QString m_knownPassword;
    bool m_testing = false;
};

} // namespace saferhomes
