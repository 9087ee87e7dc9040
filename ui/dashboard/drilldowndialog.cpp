#include "dashboard/drilldowndialog.h"

#include "dashboard/drilltablemodel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

DrillDownDialog::DrillDownDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new DrillTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("drillDownDialog"));
    m_sorted->setSourceModel(m_model);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Households behind the figure"));
    m_table->setToolTip(tr("Enter or double-click opens the household"));
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton
        = buttons->addButton(tr("&Export CSV\u2026"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    exportButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &DrillDownDialog::exportWithDialog);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit householdActivated(index.data(DrillTableModel::IdRole).toUuid());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 480);
}

void DrillDownDialog::setRows(const QString &title, const QList<DrillRow> &rows,
                              const QString &amountTitle, bool pence)
{
    setWindowTitle(title);
    m_model->setRows(rows, amountTitle, pence);
    m_summary->setText(tr("%1: %n household(s)", nullptr, int(rows.size())).arg(title));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    if (!rows.isEmpty())
        m_table->setCurrentIndex(m_sorted->index(0, 0));
    m_table->setFocus();
}

QString DrillDownDialog::summary() const
{
    return m_summary->text();
}

bool DrillDownDialog::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->toCsv()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void DrillDownDialog::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export households"), QStringLiteral("households.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export households"), error);
}

} // namespace saferhomes
