#include "schedule/jobsheetdialog.h"

#include "schedule/jobsheetday.h"
#include "schedule/jobsheetrenderer.h"
#include "store/database.h"
#include "store/fitterrepository.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace saferhomes {

JobSheetDialog::JobSheetDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Print job sheets"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_fitter = new QComboBox(this);
    m_fitter->setObjectName(QStringLiteral("fitterBox"));
    m_fitter->setAccessibleName(tr("Fitter"));
    form->addRow(tr("&Fitter:"), m_fitter);
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setAccessibleName(tr("Day"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    form->addRow(tr("&Day:"), m_date);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    layout->addWidget(m_summary);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save PDF\u2026"), QDialogButtonBox::ActionRole);
    m_print = buttons->addButton(tr("&Print\u2026"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &JobSheetDialog::chooseFile);
    connect(m_print, &QPushButton::clicked, this, &JobSheetDialog::print);
    connect(m_fitter, &QComboBox::currentIndexChanged, this, &JobSheetDialog::updateSummary);
    connect(m_date, &QDateEdit::dateChanged, this, &JobSheetDialog::updateSummary);
    loadFitters();
    updateSummary();
}

QUuid JobSheetDialog::fitterId() const
{
    return m_fitter->currentData().toUuid();
}

void JobSheetDialog::loadFitters()
{
    const Result<QList<Fitter>> fitters
        = FitterRepository(m_database, Database::localUserName()).all();
    if (!fitters) {
        m_status->setText(tr("The fitters could not be read: %1").arg(fitters.errorString()));
        return;
    }
    for (const Fitter &fitter : *fitters) {
        if (fitter.active)
            m_fitter->addItem(fitter.name, fitter.id);
    }
    if (m_fitter->count() == 0)
        m_status->setText(tr("No fitters yet: add one (fitters add) before printing sheets."));
}

void JobSheetDialog::updateSummary()
{
    const bool chosen = !fitterId().isNull();
    m_save->setEnabled(chosen);
    m_print->setEnabled(chosen);
    if (!chosen) {
        m_summary->clear();
        return;
    }
    const Result<JobSheetDay> day
        = JobSheetDay::load(m_database, fitterId(), m_date->date(), false);
    if (!day) {
        m_summary->setText(tr("The jobs could not be read: %1").arg(day.errorString()));
        return;
    }
    m_summary->setText(tr("%n job(s) booked on this day.", nullptr, int(day->stops.size())));
}

Status JobSheetDialog::saveTo(const QString &path)
{
    const Result<JobSheetDay> day = JobSheetDay::load(m_database, fitterId(), m_date->date());
    const Result<int> pages = day ? JobSheetRenderer(*day).writePdf(path) : day.error();
    const Status written = pages ? Status() : Status(pages.error());
    m_status->setText(written ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                              : tr("The job sheets were not saved: %1").arg(written.errorString()));
    return written;
}

void JobSheetDialog::chooseFile()
{
    const QString suggested
        = QStringLiteral("job-sheets-%1-%2.pdf")
              .arg(m_fitter->currentText().simplified().replace(QLatin1Char(' '), QLatin1Char('-')),
                   m_date->date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save job sheets"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        (void)saveTo(path);
}

void JobSheetDialog::print()
{
    const Result<JobSheetDay> day = JobSheetDay::load(m_database, fitterId(), m_date->date());
    if (!day) {
        m_status->setText(tr("The jobs could not be read: %1").arg(day.errorString()));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Result<int> printed = JobSheetRenderer(*day).render(printer);
    m_status->setText(printed
                          ? tr("Sent %n page(s) to the printer.", nullptr, *printed)
                          : tr("The job sheets were not printed: %1").arg(printed.errorString()));
}

} // namespace saferhomes
