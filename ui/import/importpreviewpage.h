#pragma once

#include "importexport/householdimporter.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace saferhomes {

class StringTableModel;

/// The import wizard's second step: checks the file off the GUI thread, then shows its
/// first rows, its warnings and every problem with line, column and reason.
class ImportPreviewPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportPreviewPage(QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    /// Whether the check has finished (successfully or not) and its outcome is shown.
    bool isChecked() const { return m_checked; }
    void cancel();
    StringTableModel *previewModel() const { return m_previewModel; }
    StringTableModel *problemModel() const { return m_problemModel; }
    QString summary() const;

private:
    void start();
    void finished();
    void showPlan(const ImportPlan &plan);

    QFutureWatcher<ImportPlan> m_watcher;
    bool m_checked = false;
    bool m_importable = false;
    bool m_hasProblems = false;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_warnings;
    QLabel *m_problemsTitle;
    QTableView *m_previewView;
    QTableView *m_problemView;
    StringTableModel *m_previewModel;
    StringTableModel *m_problemModel;
    QCheckBox *m_skipInvalid;
};

} // namespace saferhomes
