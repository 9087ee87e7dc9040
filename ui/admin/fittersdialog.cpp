#include "admin/fittersdialog.h"

#include "admin/fittereditor.h"
#include "store/database.h"
#include "store/fitterrepository.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace saferhomes {

FittersDialog::FittersDialog(Database &database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setWindowTitle(tr("Fitters"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Skills"), tr("Usual shift"), tr("Van"), tr("Active")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row) {
        if (row >= 0 && row < m_fitters.size())
            openEditor(m_fitters.at(row));
    });

    m_add = new QPushButton(tr("&Add\u2026"), this);
    m_edit = new QPushButton(tr("&Edit\u2026"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    connect(m_add, &QPushButton::clicked, this, [this] { openEditor(Fitter {}); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_fitters.size())
            openEditor(m_fitters.at(row));
    });
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(720, 420);
    reload();
}

void FittersDialog::reload()
{
    m_fitters.clear();
    m_table->setRowCount(0);
    const Result<QList<Fitter>> fitters
        = FitterRepository(m_database, Database::localUserName()).all();
    if (!fitters) {
        m_status->setText(tr("The fitters could not be read: %1").arg(fitters.errorString()));
        m_edit->setEnabled(false);
        return;
    }
    m_fitters = *fitters;
    m_status->setText(m_fitters.isEmpty() ? tr("No fitters yet: Add one.") : QString());
    m_table->setRowCount(int(m_fitters.size()));
    for (int row = 0; row < m_fitters.size(); ++row) {
        const Fitter &fitter = m_fitters.at(row);
        const QStringList cells {fitter.name, fitter.skills.join(QLatin1String(", ")),
                                 QStringLiteral("%1\u2013%2")
                                     .arg(fitter.usualShift.start.toString(u"HH:mm"),
                                          fitter.usualShift.end.toString(u"HH:mm")),
                                 fitter.van, fitter.active ? tr("yes") : tr("no")};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    m_edit->setEnabled(!m_fitters.isEmpty());
    if (!m_fitters.isEmpty())
        m_table->setCurrentCell(0, 0);
}

void FittersDialog::openEditor(const Fitter &fitter)
{
    auto *editor = new FitterEditor(m_database, fitter, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, &FittersDialog::reload);
    editor->open();
    emit editorOpened(editor);
}

} // namespace saferhomes
