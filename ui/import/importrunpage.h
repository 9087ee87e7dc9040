#pragma once

#include "importexport/householdimporter.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace saferhomes {

/// The import wizard's last step: writes the checked households off the GUI thread, in one
/// transaction that a cancel rolls back.
class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportRunPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return m_watcher.isRunning(); }
    /// Stops the import (nothing is written) and waits for the worker to let go.
    void cancelAndWait();
    QString outcome() const;

signals:
    void imported(int count);

private:
    void finished();

    QFutureWatcher<ImportResult> m_watcher;
    bool m_done = false;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace saferhomes
