#pragma once

#include "importexport/householdimporter.h"

#include <QWizard>

namespace saferhomes {

class ImportFilePage;
class ImportPreviewPage;
class ImportRunPage;

/// Imports a household file in three steps: pick it, check it (every problem listed with its
/// line), then import it — the last two on a worker thread with progress and cancel.
class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilePageId, PreviewPageId, RunPageId };

    explicit ImportWizard(QString databasePath, QWidget *parent = nullptr);

    QString databasePath() const { return m_databasePath; }
    QString filePath() const;
    void setFilePath(const QString &path);
    /// Where the file dialog starts when no file is chosen yet.
    void setStartDirectory(const QString &directory);

    /// The checked file (set by the preview page, imported by the last page).
    const ImportPlan &plan() const { return m_plan; }
    void setPlan(ImportPlan plan) { m_plan = std::move(plan); }

    ImportPreviewPage *previewPage() const { return m_preview; }
    ImportRunPage *runPage() const { return m_run; }

    /// Stops any check or import still running (nothing is imported) and closes.
    void reject() override;

signals:
    void imported(int count);

private:
    QString m_databasePath;
    ImportPlan m_plan;
    ImportFilePage *m_file;
    ImportPreviewPage *m_preview;
    ImportRunPage *m_run;
};

} // namespace saferhomes
