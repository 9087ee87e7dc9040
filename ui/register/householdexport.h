#pragma once

#include "register/exporttask.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

class QProgressBar;
class QWidget;

namespace saferhomes {

class Settings;

/// File > Export households: asks where, writes the CSV off the GUI thread with a progress
/// bar, and says how it went.
class HouseholdExport : public QObject {
    Q_OBJECT

public:
    /// Dialogs open over \a window; \a settings keep the last folder. Both outlive this.
    HouseholdExport(QString databasePath, Settings &settings, QWidget *window);
    ~HouseholdExport() override;

    /// Asks for a file, then exports to it.
    void chooseFile();
    /// Writes every household to \a filePath; finished() follows.
    void exportTo(const QString &filePath);
    /// The status bar's progress bar, shown while an export runs (the status bar takes it).
    QProgressBar *progressBar() const;

signals:
    void finished(bool ok, const QString &message);
    void error(const QString &message);
    /// An empty message clears the status bar.
    void statusMessage(const QString &message, int timeout);

private:
    void done();

    QString m_databasePath;
    Settings &m_settings;
    QWidget *m_window;
    QPointer<QProgressBar> m_progress;
    QFutureWatcher<ExportTask::Outcome> m_watcher;
    QString m_path;
};

} // namespace saferhomes
