#include "import/importpreviewpage.h"

#include "common/stringtablemodel.h"
#include "import/importtask.h"
#include "import/importwizard.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setObjectName(name);
    view->setAccessibleName(name);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

ImportPreviewPage::ImportPreviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Stop checking"), this))
    , m_warnings(new QLabel(this))
    , m_problemsTitle(new QLabel(this))
    , m_previewModel(new StringTableModel(this))
    , m_problemModel(new StringTableModel(this))
    , m_skipInvalid(new QCheckBox(this))
{
    setTitle(tr("Check the file"));
    setSubTitle(tr("The first rows as read, and every record that cannot be imported."));
    setCommitPage(true);

    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, ImportTask::progressRange);
    m_progress->setAccessibleName(tr("Checking progress"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();
    m_previewView = makeTable(m_previewModel, QStringLiteral("importPreview"), this);
    m_previewView->setAccessibleName(tr("First rows of the file"));
    m_problemView = makeTable(m_problemModel, QStringLiteral("importProblems"), this);
    m_problemView->setAccessibleName(tr("Problems found"));
    m_skipInvalid->setObjectName(QStringLiteral("skipInvalid"));
    registerField(QStringLiteral("skipInvalid"), m_skipInvalid);
    connect(m_skipInvalid, &QCheckBox::toggled, this, &ImportPreviewPage::completeChanged);
    connect(m_cancel, &QPushButton::clicked, this, &ImportPreviewPage::cancel);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewTitle = new QLabel(tr("&First rows:"), previewBox);
    previewTitle->setBuddy(m_previewView);
    previewLayout->addWidget(previewTitle);
    previewLayout->addWidget(m_previewView);
    auto *problemBox = new QWidget(this);
    auto *problemLayout = new QVBoxLayout(problemBox);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    m_problemsTitle->setBuddy(m_problemView);
    problemLayout->addWidget(m_problemsTitle);
    problemLayout->addWidget(m_problemView);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(previewBox);
    splitter->addWidget(problemBox);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(progressRow);
    layout->addWidget(m_warnings);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_skipInvalid);

    connect(&m_watcher, &QFutureWatcher<ImportPlan>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ImportPlan>::finished, this, &ImportPreviewPage::finished);
}

void ImportPreviewPage::initializePage()
{
    start();
}

void ImportPreviewPage::cleanupPage()
{
    cancel();
    m_watcher.waitForFinished();
}

void ImportPreviewPage::cancel()
{
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

bool ImportPreviewPage::isComplete() const
{
    return m_checked && m_importable && (!m_hasProblems || m_skipInvalid->isChecked());
}

bool ImportPreviewPage::validatePage()
{
    // QWizard::next() does not look at isComplete(); importing needs it.
    return isComplete();
}

QString ImportPreviewPage::summary() const
{
    return m_summary->text();
}

void ImportPreviewPage::start()
{
    auto *importWizard = qobject_cast<ImportWizard *>(wizard());
    m_checked = false;
    m_importable = false;
    m_hasProblems = false;
    m_previewModel->clear();
    m_problemModel->clear();
    m_problemsTitle->setText(tr("Problems:"));
    m_warnings->hide();
    m_skipInvalid->setChecked(false);
    m_skipInvalid->hide();
    m_summary->setText(
        tr("Checking %1\u2026").arg(QDir::toNativeSeparators(importWizard->filePath())));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    emit completeChanged();
    m_watcher.setFuture(
        ImportTask::prepare(importWizard->databasePath(), importWizard->filePath()));
}

void ImportPreviewPage::finished()
{
    m_progress->hide();
    m_cancel->hide();
    m_checked = true;
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        m_summary->setText(tr("Checking stopped. Go back to choose the file again."));
        emit completeChanged();
        return;
    }
    ImportPlan plan = m_watcher.result();
    showPlan(plan);
    qobject_cast<ImportWizard *>(wizard())->setPlan(std::move(plan));
    emit completeChanged();
}

void ImportPreviewPage::showPlan(const ImportPlan &plan)
{
    const QLocale locale;
    if (!plan.status) {
        m_summary->setText(tr("This file cannot be imported: %1").arg(plan.status.errorString()));
        return;
    }
    if (plan.cancelled) {
        m_summary->setText(tr("Checking stopped. Go back to choose the file again."));
        return;
    }
    m_previewModel->setTable(plan.header, plan.preview);
    m_previewView->resizeColumnsToContents();

    QList<QStringList> problems;
    QSet<int> badLines;
    for (const ImportProblem &problem : plan.problems) {
        problems.append({locale.toString(problem.line),
                         problem.column.isEmpty() ? tr("(whole record)") : problem.column,
                         problem.reason});
        badLines.insert(problem.line);
    }
    m_problemModel->setTable({tr("Line"), tr("Column"), tr("Reason")}, problems);
    m_problemView->resizeColumnsToContents();
    m_problemsTitle->setText(plan.problems.isEmpty()
                                 ? tr("Problems: none.")
                                 : tr("&Problems (%1):").arg(locale.toString(problems.size())));

    if (!plan.warnings.isEmpty()) {
        m_warnings->setText(tr("Warnings:\n%1").arg(plan.warnings.join(QLatin1Char('\n'))));
        m_warnings->show();
    }

    const int valid = int(plan.records.size());
    const int invalid = plan.recordCount - valid;
    m_hasProblems = !plan.problems.isEmpty();
    m_importable = valid > 0;
    if (!m_hasProblems) {
        m_summary->setText(tr("%Ln households read; all of them can be imported.", nullptr, valid));
    } else {
        m_summary->setText(
            tr("%Ln records read: %1 can be imported, %2 cannot (see the problems below). "
               "Nothing is imported while there are problems, unless you choose to skip "
               "those records.",
               nullptr, plan.recordCount)
                .arg(locale.toString(valid), locale.toString(invalid)));
        m_skipInvalid->setText(
            tr("S&kip the %Ln invalid records and import the %1 valid ones", nullptr, invalid)
                .arg(locale.toString(valid)));
        m_skipInvalid->setVisible(m_importable);
    }
}

} // namespace saferhomes
