#include "sync/conflictview.h"

#include "store/database.h"
#include "sync/syncconflictmodel.h"
#include "sync/syncrefusedmodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QTableView *table(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

ConflictView::ConflictView(const Database &database, QWidget *parent)
    : QDialog(parent)
    , m_resolver(database, Database::localUserName())
    , m_conflicts(new SyncConflictModel(this))
    , m_refused(new SyncRefusedModel(this))
    , m_conflictTable(table(m_conflicts, QStringLiteral("conflictTable"), this))
    , m_refusedTable(table(m_refused, QStringLiteral("refusedTable"), this))
    , m_noConflicts(explanation(tr("No open conflicts."), this))
    , m_noRefused(explanation(tr("No refused changes."), this))
    , m_error(explanation({}, this))
    , m_keepAll(new QPushButton(tr("&Keep server for all"), this))
    , m_mineAll(new QPushButton(tr("Use &mine for all"), this))
    , m_apply(new QPushButton(tr("&Apply choices"), this))
    , m_discard(new QPushButton(tr("&Discard\u2026"), this))
{
    setObjectName(QStringLiteral("conflictView"));
    setWindowTitle(tr("Sync conflicts and refused changes"));
    m_conflictTable->setAccessibleName(tr("Conflicts"));
    m_refusedTable->setAccessibleName(tr("Refused changes"));
    m_apply->setObjectName(QStringLiteral("applyChoices"));
    m_discard->setObjectName(QStringLiteral("discardRefused"));
    m_discard->setToolTip(tr("Discard the selected refused change: it will never be sent."));
    m_error->setObjectName(QStringLiteral("conflictError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_error->palette();
    const bool light = palette.color(QPalette::Window).lightness() > 128;
    palette.setColor(QPalette::WindowText,
                     light ? QColor(0xa0, 0x3c, 0x00) : QColor(0xff, 0xb0, 0x80));
    m_error->setPalette(palette);
    m_error->hide();

    QHeaderView *header = m_conflictTable->horizontalHeader();
    header->setSectionResizeMode(SyncConflictModel::Household, QHeaderView::Interactive);
    header->setSectionResizeMode(SyncConflictModel::YourValue, QHeaderView::Stretch);
    header->setSectionResizeMode(SyncConflictModel::ServerValue, QHeaderView::Stretch);
    header->setSectionResizeMode(SyncConflictModel::KeepServer, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SyncConflictModel::UseMine, QHeaderView::ResizeToContents);
    header->resizeSection(SyncConflictModel::Household,
                          fontMetrics().horizontalAdvance(QStringLiteral("45 Burton Street, "
                                                                         "LE13 1AE"))
                              + 16);
    m_refusedTable->horizontalHeader()->setSectionResizeMode(SyncRefusedModel::Change,
                                                             QHeaderView::Stretch);
    m_refusedTable->horizontalHeader()->setSectionResizeMode(SyncRefusedModel::Reason,
                                                             QHeaderView::Stretch);

    auto *choiceButtons = new QHBoxLayout;
    choiceButtons->addWidget(m_keepAll);
    choiceButtons->addWidget(m_mineAll);
    choiceButtons->addStretch();
    choiceButtons->addWidget(m_apply);
    auto *refusedButtons = new QHBoxLayout;
    refusedButtons->addStretch();
    refusedButtons->addWidget(m_discard);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Conflicts"), this));
    layout->addWidget(explanation(
        tr("Someone else changed these fields on the central database before your change "
           "reached it, so the server kept its value. For each field, keep the server's value "
           "or use yours: yours is then sent with the next sync."),
        this));
    layout->addWidget(m_conflictTable, 3);
    layout->addWidget(m_noConflicts);
    layout->addLayout(choiceButtons);
    layout->addWidget(m_error);
    layout->addSpacing(8);
    layout->addWidget(heading(tr("Refused changes"), this));
    layout->addWidget(explanation(
        tr("The central database refused these changes. They stay on this device and are not "
           "sent again. Discard one when it is no longer wanted; your data here is kept."),
        this));
    layout->addWidget(m_refusedTable, 2);
    layout->addWidget(m_noRefused);
    layout->addLayout(refusedButtons);
    layout->addWidget(close);
    resize(980, 620);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepAll, &QPushButton::clicked, this,
            [this] { m_conflicts->setAllChoices(ConflictResolver::Choice::KeepServer); });
    connect(m_mineAll, &QPushButton::clicked, this,
            [this] { m_conflicts->setAllChoices(ConflictResolver::Choice::UseMine); });
    connect(m_apply, &QPushButton::clicked, this, &ConflictView::applyChoices);
    connect(m_discard, &QPushButton::clicked, this, &ConflictView::discardSelected);
    connect(m_conflicts, &SyncConflictModel::choicesChanged, this, &ConflictView::updateButtons);
    connect(m_refusedTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictView::updateButtons);
    reload();
}

void ConflictView::reload()
{
    m_conflicts->setConflicts(m_resolver.openConflicts());
    m_refused->setChanges(m_resolver.refusedChanges());
    m_conflictTable->setVisible(m_conflicts->rowCount() > 0);
    m_noConflicts->setVisible(m_conflicts->rowCount() == 0);
    m_refusedTable->setVisible(m_refused->rowCount() > 0);
    m_noRefused->setVisible(m_refused->rowCount() == 0);
    m_refusedTable->resizeColumnToContents(SyncRefusedModel::Household);
    m_refusedTable->resizeColumnToContents(SyncRefusedModel::RefusedAt);
    updateButtons();
}

void ConflictView::updateButtons()
{
    const bool any = m_conflicts->rowCount() > 0;
    m_keepAll->setEnabled(any);
    m_mineAll->setEnabled(any);
    m_apply->setEnabled(!m_conflicts->choices().isEmpty());
    m_discard->setEnabled(m_refusedTable->selectionModel()->hasSelection());
}

QString ConflictView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConflictView::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool ConflictView::applyChoices()
{
    const QList<std::pair<qint64, ConflictResolver::Choice>> choices = m_conflicts->choices();
    if (choices.isEmpty())
        return false;
    const ConflictResolver::Result result = m_resolver.resolve(choices);
    // Some choices may have been applied before one failed: show what is still open.
    reload();
    emit changed();
    if (result.ok()) {
        showError({});
        return true;
    }
    const int row = m_conflicts->rowOf(result.conflictId);
    if (row >= 0) {
        m_conflictTable->selectRow(row);
        const OpenConflict &conflict = m_conflicts->conflict(row);
        showError(
            tr("%1, %2: %3")
                .arg(
                    conflict.address,
                    m_conflicts->data(m_conflicts->index(row, SyncConflictModel::Field)).toString(),
                    result.error));
    } else {
        showError(result.error);
    }
    return false;
}

void ConflictView::discardSelected()
{
    const QModelIndexList rows = m_refusedTable->selectionModel()->selectedRows();
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
        if (!m_resolver.discardRefused(seq))
            showError(m_resolver.errorString());
        else
            showError({});
        reload();
        emit changed();
    });
    m_confirmation = box;
    box->open();
}

} // namespace saferhomes
