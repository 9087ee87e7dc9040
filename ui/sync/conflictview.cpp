#include "sync/conflictview.h"

#include "store/database.h"
#include "sync/syncconflictmodel.h"
#include "sync/syncrefusedmodel.h"
#include "ui_conflictview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace saferhomes {

namespace {

/// A section heading: bold and a little larger than the dialog's text (relative to the
/// system font, which a form cannot say).
void makeHeading(QLabel *label)
{
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
}

} // namespace

ConflictView::ConflictView(const Database &database, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConflictView>())
    , m_resolver(database, Database::localUserName())
    , m_conflicts(new SyncConflictModel(this))
    , m_refused(new SyncRefusedModel(this))
{
    m_ui->setupUi(this);
    makeHeading(m_ui->conflictsHeading);
    makeHeading(m_ui->refusedHeading);
    QPalette palette = m_ui->conflictError->palette();
    const bool light = palette.color(QPalette::Window).lightness() > 128;
    palette.setColor(QPalette::WindowText,
                     light ? QColor(0xa0, 0x3c, 0x00) : QColor(0xff, 0xb0, 0x80));
    m_ui->conflictError->setPalette(palette);
    m_ui->conflictError->hide();

    // Column sizes follow the models' columns, which the form does not know.
    m_ui->conflictTable->setModel(m_conflicts);
    m_ui->refusedTable->setModel(m_refused);
    QHeaderView *header = m_ui->conflictTable->horizontalHeader();
    header->setSectionResizeMode(SyncConflictModel::Household, QHeaderView::Interactive);
    header->setSectionResizeMode(SyncConflictModel::YourValue, QHeaderView::Stretch);
    header->setSectionResizeMode(SyncConflictModel::ServerValue, QHeaderView::Stretch);
    header->setSectionResizeMode(SyncConflictModel::KeepServer, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SyncConflictModel::UseMine, QHeaderView::ResizeToContents);
    header->resizeSection(SyncConflictModel::Household,
                          fontMetrics().horizontalAdvance(QStringLiteral("45 Burton Street, "
                                                                         "LE13 1AE"))
                              + 16);
    m_ui->refusedTable->horizontalHeader()->setSectionResizeMode(SyncRefusedModel::Change,
                                                                 QHeaderView::Stretch);
    m_ui->refusedTable->horizontalHeader()->setSectionResizeMode(SyncRefusedModel::Reason,
                                                                 QHeaderView::Stretch);

    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->keepAll, &QPushButton::clicked, this,
            [this] { m_conflicts->setAllChoices(ConflictResolver::Choice::KeepServer); });
    connect(m_ui->mineAll, &QPushButton::clicked, this,
            [this] { m_conflicts->setAllChoices(ConflictResolver::Choice::UseMine); });
    connect(m_ui->applyChoices, &QPushButton::clicked, this, &ConflictView::applyChoices);
    connect(m_ui->discardRefused, &QPushButton::clicked, this, &ConflictView::discardSelected);
    connect(m_conflicts, &SyncConflictModel::choicesChanged, this, &ConflictView::updateButtons);
    connect(m_ui->refusedTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictView::updateButtons);
    reload();
}

ConflictView::~ConflictView() = default;

QTableView *ConflictView::conflictTable() const
{
    return m_ui->conflictTable;
}

QTableView *ConflictView::refusedTable() const
{
    return m_ui->refusedTable;
}

QPushButton *ConflictView::applyButton() const
{
    return m_ui->applyChoices;
}

QPushButton *ConflictView::discardButton() const
{
    return m_ui->discardRefused;
}

void ConflictView::reload()
{
    const Result<QList<OpenConflict>> conflicts = m_resolver.openConflicts();
    const Result<QList<RefusedChange>> refused = m_resolver.refusedChanges();
    m_conflicts->setConflicts(conflicts.valueOr({}));
    m_refused->setChanges(refused.valueOr({}));
    // An unreadable list is said so, not shown as "no conflicts".
    if (!conflicts)
        showError(conflicts.errorString());
    else if (!refused)
        showError(refused.errorString());
    m_ui->conflictTable->setVisible(m_conflicts->rowCount() > 0);
    m_ui->noConflicts->setVisible(conflicts && m_conflicts->rowCount() == 0);
    m_ui->refusedTable->setVisible(m_refused->rowCount() > 0);
    m_ui->noRefused->setVisible(refused && m_refused->rowCount() == 0);
    m_ui->refusedTable->resizeColumnToContents(SyncRefusedModel::Household);
    m_ui->refusedTable->resizeColumnToContents(SyncRefusedModel::RefusedAt);
    updateButtons();
}

void ConflictView::updateButtons()
{
    const bool any = m_conflicts->rowCount() > 0;
    m_ui->keepAll->setEnabled(any);
    m_ui->mineAll->setEnabled(any);
    m_ui->applyChoices->setEnabled(!m_conflicts->choices().isEmpty());
    m_ui->discardRefused->setEnabled(m_ui->refusedTable->selectionModel()->hasSelection());
}

QString ConflictView::errorText() const
{
    return m_ui->conflictError->isHidden() ? QString() : m_ui->conflictError->text();
}

void ConflictView::showError(const QString &message)
{
    m_ui->conflictError->setText(message);
    m_ui->conflictError->setVisible(!message.isEmpty());
}

bool ConflictView::applyChoices()
{
    const QList<std::pair<qint64, ConflictResolver::Choice>> choices = m_conflicts->choices();
    if (choices.isEmpty())
        return false;
    const ConflictResolver::Resolution result = m_resolver.resolve(choices);
    // Some choices may have been applied before one failed: show what is still open.
    reload();
    emit changed();
    if (result.ok()) {
        showError({});
        return true;
    }
    const int row = m_conflicts->rowOf(result.conflictId);
    if (row >= 0) {
        m_ui->conflictTable->selectRow(row);
        const OpenConflict &conflict = m_conflicts->conflict(row);
        showError(
            tr("%1, %2: %3")
                .arg(
                    conflict.address,
                    m_conflicts->data(m_conflicts->index(row, SyncConflictModel::Field)).toString(),
                    result.errorString()));
    } else {
        showError(result.errorString());
    }
    return false;
}

void ConflictView::discardSelected()
{
    const QModelIndexList rows = m_ui->refusedTable->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_confirmation)
        return;
    const RefusedChange change = m_refused->change(rows.first().row());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Discard refused change"),
                                tr("Discard this refused change?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardConfirmation"));
    box->setInformativeText(
        tr("%1\n%2\n\nIt will never be sent to the central database. The data on this device "
           "stays as it is. This cannot be undone.")
            .arg(change.address.isEmpty() ? tr("(not on this device)") : change.address,
                 SyncRefusedModel::describe(change)));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 seq = change.seq;
    connect(box, &QMessageBox::finished, this, [this, box, seq](int) {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Discard)
            return;
        const Status discarded = m_resolver.discardRefused(seq);
        if (discarded)
            showError({});
        reload();
        // What the user asked for failed: that is what the banner says, after any reload.
        if (!discarded)
            showError(discarded.errorString());
        emit changed();
    });
    m_confirmation = box;
    box->open();
}

} // namespace saferhomes
