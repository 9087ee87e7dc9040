#include "import/importwizard.h"

#include "import/importfilepage.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"

#include <QDir>
#include <QLineEdit>

namespace saferhomes {

ImportWizard::ImportWizard(QString databasePath, QWidget *parent)
    : QWizard(parent)
    , m_databasePath(std::move(databasePath))
    , m_file(new ImportFilePage(this))
    , m_preview(new ImportPreviewPage(this))
    , m_run(new ImportRunPage(this))
{
    setWindowTitle(tr("Import households"));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(FilePageId, m_file);
    setPage(PreviewPageId, m_preview);
    setPage(RunPageId, m_run);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    resize(900, 640);
    connect(m_run, &ImportRunPage::imported, this, &ImportWizard::imported);
}

QString ImportWizard::filePath() const
{
    return QDir::fromNativeSeparators(field(QStringLiteral("filePath")).toString().trimmed());
}

void ImportWizard::setFilePath(const QString &path)
{
    m_file->pathEdit()->setText(QDir::toNativeSeparators(path));
}

void ImportWizard::setStartDirectory(const QString &directory)
{
    m_file->setStartDirectory(directory);
}

void ImportWizard::reject()
{
    m_preview->cancel();
    m_run->cancelAndWait();
    QWizard::reject();
}

} // namespace saferhomes
