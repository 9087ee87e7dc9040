#include "import/importrunpage.h"

#include "import/importtask.h"
#include "import/importwizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace saferhomes {

ImportRunPage::ImportRunPage(QWidget *parent)
    : QWizardPage(parent)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Stop import"), this))
{
    setTitle(tr("Import"));
    setFinalPage(true);
    m_status->setObjectName(QStringLiteral("importOutcome"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, ImportTask::progressRange);
    m_progress->setAccessibleName(tr("Import progress"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_watcher.cancel(); });

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportRunPage::finished);
}

void ImportRunPage::initializePage()
{
    auto *importWizard = qobject_cast<ImportWizard *>(wizard());
    m_done = false;
    m_status->setText(tr("Importing\u2026"));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    emit completeChanged();
    m_watcher.setFuture(ImportTask::commit(importWizard->databasePath(), importWizard->plan(),
                                           field(QStringLiteral("skipInvalid")).toBool()));
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

void ImportRunPage::cancelAndWait()
{
    if (!m_watcher.isRunning())
        return;
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

QString ImportRunPage::outcome() const
{
    return m_status->text();
}

void ImportRunPage::finished()
{
    m_done = true;
    m_progress->hide();
    m_cancel->hide();
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        m_status->setText(tr("Import stopped: nothing was imported."));
        emit completeChanged();
        return;
    }
    const ImportResult result = m_watcher.result();
    QStringList lines;
    if (result.cancelled) {
        lines.append(tr("Import stopped: nothing was imported."));
    } else if (!result.status) {
        lines.append(tr("Nothing was imported: %1").arg(result.status.errorString()));
    } else if (result.imported == 0 && !result.rejected.isEmpty()) {
        lines.append(tr("Nothing was imported: the file has problems."));
    } else {
        lines.append(tr("Imported %Ln households.", nullptr, result.imported));
        if (!result.rejected.isEmpty()) {
            lines.append(tr("%Ln problems were skipped, as you chose.", nullptr,
                            int(result.rejected.size())));
        }
    }
    for (const QString &warning : result.warnings)
        lines.append(tr("Note: %1").arg(warning));
    m_status->setText(lines.join(QLatin1Char('\n')));
    emit completeChanged();
    if (result.imported > 0)
        emit imported(result.imported);
}

} // namespace saferhomes
