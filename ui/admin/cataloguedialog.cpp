#include "admin/cataloguedialog.h"

#include "admin/cataloguechange.h"
#include "store/database.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

/// "28.50", "£28.50" or "28" as pence; nullopt when it is not an amount.
std::optional<qint64> parsePence(const QString &text)
{
    static const QRegularExpression amount(
        QStringLiteral("^\u00a3?\\s*(\\d{1,7})(?:\\.(\\d{1,2}))?$"));
    const QRegularExpressionMatch match = amount.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QString pence = match.captured(2).leftJustified(2, QLatin1Char('0'));
    return match.captured(1).toLongLong() * 100 + pence.toLongLong();
}

QString poundsText(qint64 pence)
{
    return QStringLiteral("%1.%2").arg(pence / 100).arg(pence % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

CatalogueDialog::CatalogueDialog(Database &database, QStringList ruleCodes, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(database, Database::localUserName(), std::move(ruleCodes))
    , m_undo(new QUndoStack(this))
{
    setWindowTitle(tr("Equipment catalogue"));
    m_table = new QTableWidget(0, 8, this);
    m_table->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Standard"), tr("Unit cost"),
                                        tr("Fit minutes"), tr("Skill"), tr("Supplier code"),
                                        tr("Re-order level")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Equipment types"));
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row < m_types.size())
            showType(m_types.at(row), false);
    });

    const auto errorLabel = [this](EquipmentField field) {
        auto *label = new QLabel(this);
        label->setStyleSheet(QStringLiteral("color: #b00020;"));
        label->setWordWrap(true);
        label->hide();
        m_errors.insert(field, label);
        return label;
    };
    const auto withError = [&](QWidget *field, EquipmentField which) {
        auto *row = new QHBoxLayout;
        row->addWidget(field);
        row->addWidget(errorLabel(which), 1);
        return row;
    };
    const auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    m_code = new QLineEdit(this);
    m_code->setPlaceholderText(tr("e.g. DOOR_CHAIN_TS003"));
    m_name = new QLineEdit(this);
    m_standard = new QComboBox(this);
    m_standard->setEditable(true);
    m_standard->addItems({QString(), QStringLiteral("BS 3621"), QStringLiteral("BS 8621"),
                          QStringLiteral("TS 007 3 star"), QStringLiteral("TS 003"),
                          QStringLiteral("TS 008"), QStringLiteral("BS EN 50131 grade 2"),
                          QStringLiteral("BS EN 60598"), QStringLiteral("LPS 1225")});
    m_cost = new QLineEdit(this);
    m_cost->setPlaceholderText(tr("pounds, e.g. 28.50"));
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setSuffix(tr(" min"));
    m_skill = new QComboBox(this);
    for (const QString &skill : EquipmentRepository::skills())
        m_skill->addItem(skill, skill);
    m_supplier = new QLineEdit(this);
    m_reorder = new QSpinBox(this);
    m_reorder->setRange(0, 1000000);

    auto *form = new QFormLayout;
    form->addRow(labelFor(tr("C&ode"), m_code), withError(m_code, EquipmentField::Code));
    form->addRow(labelFor(tr("&Name"), m_name), withError(m_name, EquipmentField::Name));
    form->addRow(labelFor(tr("S&tandard"), m_standard),
                 withError(m_standard, EquipmentField::Standard));
    form->addRow(labelFor(tr("Unit &cost (\u00a3)"), m_cost),
                 withError(m_cost, EquipmentField::UnitCost));
    form->addRow(labelFor(tr("&Fitting time"), m_minutes),
                 withError(m_minutes, EquipmentField::FitMinutes));
    form->addRow(labelFor(tr("S&kill"), m_skill), withError(m_skill, EquipmentField::Skill));
    form->addRow(labelFor(tr("Su&pplier code"), m_supplier),
                 withError(m_supplier, EquipmentField::Supplier));
    form->addRow(labelFor(tr("&Re-order below"), m_reorder),
                 withError(m_reorder, EquipmentField::Reorder));

    m_new = new QPushButton(tr("Ne&w"), this);
    m_save = new QPushButton(tr("&Save"), this);
    m_delete = new QPushButton(tr("&Delete"), this);
    auto *undo = new QPushButton(tr("&Undo"), this);
    auto *redo = new QPushButton(tr("R&edo"), this);
    connect(m_new, &QPushButton::clicked, this, &CatalogueDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &CatalogueDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &CatalogueDialog::deleteCurrent);
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    // The usual keys too, wherever the focus is in the dialog.
    QAction *undoKey = m_undo->createUndoAction(this);
    undoKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redoKey = m_undo->createRedoAction(this);
    redoKey->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    addActions({undoKey, redoKey});
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_refused = new QLabel(this);
    m_refused->setObjectName(QStringLiteral("refusedChanges"));
    m_refused->setWordWrap(true);
    m_refused->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_refused->hide();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_new, m_save, m_delete, undo, redo})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_refused);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    const QList<QWidget *> order {m_table,   m_code,   m_name,     m_standard, m_cost,
                                  m_minutes, m_skill,  m_supplier, m_reorder,  m_new,
                                  m_save,    m_delete, undo,       redo};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    resize(900, 620);
    reload();
}

CatalogueDialog::~CatalogueDialog()
{
    // The commands refer to m_catalogue: they go before it.
    delete m_undo;
}

QString CatalogueDialog::fieldError(EquipmentField field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void CatalogueDialog::showRefusals()
{
    // Only coordinators and admins may change the central catalogue: a change made here
    // under another role comes back refused, and stays refused until someone sorts it out.
    const Result<QList<CatalogueRefusal>> refusals = m_catalogue.refusedChanges();
    QStringList lines;
    if (!refusals)
        lines.append(refusals.errorString());
    for (const CatalogueRefusal &refusal : refusals.valueOr({}))
        lines.append(tr("%1 (%2): %3").arg(refusal.code, refusal.kind, refusal.reason));
    m_refused->setText(lines.isEmpty()
                           ? QString()
                           : tr("The central database refused these catalogue changes; the other "
                                "devices do not have them:\n%1")
                                 .arg(lines.join(u'\n')));
    m_refused->setVisible(!lines.isEmpty());
}

void CatalogueDialog::reload()
{
    showRefusals();
    const QString keep = m_editing;
    const Result<QList<EquipmentType>> types = m_catalogue.all();
    m_types.clear();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    if (!types) {
        m_status->setText(tr("The catalogue could not be read: %1").arg(types.errorString()));
        m_save->setEnabled(false);
        m_delete->setEnabled(false);
        return;
    }
    m_save->setEnabled(true);
    m_types = *types;
    m_table->setRowCount(int(m_types.size()));
    for (int row = 0; row < m_types.size(); ++row) {
        const EquipmentType &type = m_types.at(row);
        const QStringList cells {type.code,
                                 type.name,
                                 type.standard,
                                 QStringLiteral("\u00a3") + poundsText(type.unitCostPence),
                                 QString::number(type.fitMinutes),
                                 type.skill,
                                 type.supplierCode,
                                 QString::number(type.reorderLevel)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (m_types.isEmpty()) {
        m_status->setText(tr("No equipment yet: type one in below and Save."));
        startNew();
        return;
    }
    select(keep.isEmpty() ? m_types.first().code : keep);
}

void CatalogueDialog::select(const QString &code)
{
    int row = 0;
    for (int i = 0; i < m_types.size(); ++i) {
        if (m_types.at(i).code == code)
            row = i;
    }
    const QSignalBlocker blocker(m_table);
    m_table->setCurrentCell(row, 0);
    showType(m_types.at(row), false);
}

void CatalogueDialog::startNew()
{
    const QSignalBlocker blocker(m_table);
    m_table->clearSelection();
    m_table->setCurrentCell(-1, -1);
    showType(EquipmentType {{}, {}, {}, 0, 30, QStringLiteral("locks"), {}, 0}, true);
    m_code->setFocus(Qt::OtherFocusReason);
}

void CatalogueDialog::showType(const EquipmentType &type, bool isNew)
{
    clearErrors();
    m_editing = isNew ? QString() : type.code;
    m_code->setText(type.code);
    m_code->setReadOnly(!isNew); // other records refer to an item by its code
    m_name->setText(type.name);
    m_standard->setCurrentText(type.standard);
    m_cost->setText(poundsText(type.unitCostPence));
    m_minutes->setValue(type.fitMinutes);
    m_skill->setCurrentIndex(std::max(0, m_skill->findData(type.skill)));
    m_supplier->setText(type.supplierCode);
    m_reorder->setValue(type.reorderLevel);
    m_delete->setEnabled(!isNew);
}

EquipmentType CatalogueDialog::formType(bool *costOk) const
{
    const std::optional<qint64> pence = parsePence(m_cost->text());
    *costOk = pence.has_value();
    return {m_code->text().trimmed(),
            m_name->text().trimmed(),
            m_standard->currentText().trimmed(),
            pence.value_or(0),
            m_minutes->value(),
            m_skill->currentData().toString(),
            m_supplier->text().trimmed(),
            m_reorder->value()};
}

void CatalogueDialog::setFieldError(EquipmentField field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void CatalogueDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
}

bool CatalogueDialog::save()
{
    clearErrors();
    bool costOk = false;
    const EquipmentType type = formType(&costOk);
    auto problems = EquipmentRepository::problems(type);
    if (!costOk)
        problems.insert(EquipmentField::UnitCost,
                        tr("Write the cost in pounds and pence, e.g. 28.50."));
    if (!problems.isEmpty()) {
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            setFieldError(it.key(), it.value());
        m_status->setText(tr("Not saved: see the fields marked."));
        return false;
    }
    const bool isNew = m_editing.isEmpty();
    std::optional<EquipmentType> before;
    if (!isNew) {
        const Result<EquipmentType> stored = m_catalogue.find(type.code);
        if (!stored) {
            m_status->setText(stored.errorString());
            return false;
        }
        before = *stored;
        if (*before == type) {
            m_status->setText(tr("Nothing changed."));
            return true;
        }
    }
    const Result<EquipmentType> saved = isNew ? m_catalogue.add(type) : m_catalogue.update(type);
    if (!saved) {
        if (isNew && saved.error().kind == Error::Kind::Invalid)
            setFieldError(EquipmentField::Code, saved.errorString());
        m_status->setText(tr("Not saved: %1").arg(saved.errorString()));
        return false;
    }
    m_undo->push(new CatalogueChange(m_catalogue, before, *saved, reporter()));
    m_editing = saved->code;
    reload();
    m_status->setText(isNew ? tr("Added %1.").arg(saved->label())
                            : tr("Saved %1.").arg(saved->label()));
    return true;
}

CatalogueChange::Report CatalogueDialog::reporter()
{
    return [this](const QString &error) {
        const QString keep
            = error.isEmpty() ? QString() : tr("Could not undo or redo: %1").arg(error);
        reload();
        m_status->setText(keep);
    };
}

bool CatalogueDialog::deleteCurrent()
{
    if (m_editing.isEmpty())
        return false;
    const Result<EquipmentType> before = m_catalogue.find(m_editing);
    const Status removed = before ? m_catalogue.remove(m_editing) : Status(before.error());
    if (!removed) {
        m_status->setText(removed.errorString());
        return false;
    }
    m_undo->push(new CatalogueChange(m_catalogue, *before, std::nullopt, reporter()));
    m_editing.clear();
    reload();
    m_status->setText(tr("Deleted %1.").arg(before->label()));
    return true;
}

} // namespace saferhomes
