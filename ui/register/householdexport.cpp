#include "register/householdexport.h"

#include "common/settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QProgressBar>

namespace saferhomes {

HouseholdExport::HouseholdExport(QString databasePath, Settings &settings, QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_settings(settings)
    , m_window(window)
    , m_progress(new QProgressBar(window))
{
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->hide();
    connect(&m_watcher, &QFutureWatcher<ExportTask::Outcome>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ExportTask::Outcome>::finished, this,
            &HouseholdExport::done);
}

HouseholdExport::~HouseholdExport()
{
    // The export worker has its own connection, but let it finish before the app goes.
    m_watcher.waitForFinished();
}

QProgressBar *HouseholdExport::progressBar() const
{
    return m_progress;
}

void HouseholdExport::chooseFile()
{
    QString directory = m_settings.lastExportDirectory();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export households"),
                                                      directory + QStringLiteral("/households.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_settings.setLastExportDirectory(QFileInfo(path).absolutePath());
    exportTo(path);
}

void HouseholdExport::exportTo(const QString &filePath)
{
    if (m_watcher.isRunning()) {
        emit error(tr("An export is already running."));
        return;
    }
    m_path = filePath;
    if (m_progress) {
        m_progress->setValue(0);
        m_progress->show();
    }
    emit statusMessage(tr("Exporting to %1\u2026").arg(QDir::toNativeSeparators(filePath)), 0);
    m_watcher.setFuture(ExportTask::write(m_databasePath, filePath));
}

void HouseholdExport::done()
{
    if (m_progress)
        m_progress->hide();
    const ExportTask::Outcome outcome = m_watcher.result();
    if (!outcome) {
        const QString message = tr("The export failed: %1").arg(outcome.error().message);
        emit statusMessage(QString(), 0);
        emit error(message);
        emit finished(false, message);
        return;
    }
    const QString message = tr("Exported %Ln households to %1", nullptr, *outcome)
                                .arg(QDir::toNativeSeparators(m_path));
    emit statusMessage(message, 8000);
    emit finished(true, message);
}

} // namespace saferhomes
