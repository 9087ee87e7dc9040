#include "import/importlauncher.h"

#include "common/settings.h"
#include "import/importwizard.h"

#include <QFileInfo>
#include <QLocale>

namespace saferhomes {

ImportLauncher::ImportLauncher(QString databasePath, Settings &settings, QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_settings(settings)
    , m_window(window)
{ }

ImportWizard *ImportLauncher::open(const QString &filePath)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    m_wizard = new ImportWizard(m_databasePath, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!filePath.isEmpty())
        m_wizard->setFilePath(filePath);
    m_wizard->setStartDirectory(m_settings.lastImportDirectory());
    connect(m_wizard, &ImportWizard::imported, this, [this](int count) {
        if (m_wizard)
            m_settings.setLastImportDirectory(QFileInfo(m_wizard->filePath()).absolutePath());
        emit imported(count);
        emit statusMessage(tr("Imported %Ln households.", nullptr, count), 8000);
    });
    m_wizard->open();
    return m_wizard;
}

} // namespace saferhomes
