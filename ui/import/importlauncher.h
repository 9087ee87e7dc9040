#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace saferhomes {

class ImportWizard;
class Settings;

/// File > Import households: one wizard at a time, started in the folder of the last import.
class ImportLauncher : public QObject {
    Q_OBJECT

public:
    /// The wizard opens over \a window; \a settings keep the last folder. Both outlive this.
    ImportLauncher(QString databasePath, Settings &settings, QWidget *window);

    /// Opens the wizard (or raises the open one), with \a filePath filled in when given.
    ImportWizard *open(const QString &filePath = {});

signals:
    /// \a count households were written: what the window shows should be read again.
    void imported(int count);
    void statusMessage(const QString &message, int timeout);

private:
    QString m_databasePath;
    Settings &m_settings;
    QWidget *m_window;
    QPointer<ImportWizard> m_wizard;
};

} // namespace saferhomes
