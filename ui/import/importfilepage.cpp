#include "import/importfilepage.h"

#include "importexport/householdimporter.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace saferhomes {

ImportFilePage::ImportFilePage(QWidget *parent)
    : QWizardPage(parent)
    , m_path(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Choose a household file"));
    setSubTitle(tr("A CSV file with a header row. Nothing is imported until you have seen "
                   "what the file holds."));

    QStringList optional = HouseholdImporter::knownColumns();
    for (const QString &required : HouseholdImporter::requiredColumns())
        optional.removeAll(required);
    auto *columns = new QLabel(
        tr("Required columns: %1.\nOptional: %2.\nColumns may be in any order; unknown "
           "columns are ignored with a warning.")
            .arg(HouseholdImporter::requiredColumns().join(QStringLiteral(", ")),
                 optional.join(QStringLiteral(", "))),
        this);
    columns->setWordWrap(true);
    columns->setTextFormat(Qt::PlainText);

    auto *label = new QLabel(tr("&File:"), this);
    label->setBuddy(m_path);
    m_path->setObjectName(QStringLiteral("importFilePath"));
    m_path->setAccessibleName(tr("File to import"));
    m_path->setPlaceholderText(tr("households.csv"));
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addSpacing(12);
    layout->addWidget(columns);
    layout->addStretch();

    registerField(QStringLiteral("filePath*"), m_path);
    connect(m_path, &QLineEdit::textChanged, m_error, &QLabel::hide);
}

void ImportFilePage::browse()
{
    QString start = m_startDirectory.isEmpty() ? QDir::homePath() : m_startDirectory;
    if (!m_path->text().isEmpty())
        start = QFileInfo(QDir::fromNativeSeparators(m_path->text())).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import households"), start,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

bool ImportFilePage::validatePage()
{
    const QFileInfo info(QDir::fromNativeSeparators(m_path->text().trimmed()));
    if (info.isFile() && info.isReadable())
        return true;
    m_error->setText(info.exists() ? tr("%1 cannot be read.").arg(m_path->text())
                                   : tr("There is no file %1.").arg(m_path->text()));
    m_error->show();
    return false;
}

} // namespace saferhomes
