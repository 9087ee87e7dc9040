#include "stock/receivedialog.h"

#include "store/database.h"
#include "store/stockledger.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace saferhomes {

ReceiveDialog::ReceiveDialog(Database &database, const QList<EquipmentType> &items,
                             const QList<StockPlace> &places, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_items(items)
{
    setWindowTitle(tr("Receive a delivery"));
    m_location = new QComboBox(this);
    for (const StockPlace &place : places)
        m_location->addItem(place.name, place.location);
    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("the delivery note\u2019s reference, e.g. DN-20418"));
    auto *form = new QFormLayout;
    auto *intoLabel = new QLabel(tr("&Into"), this);
    intoLabel->setBuddy(m_location);
    form->addRow(intoLabel, m_location);
    auto *noteLabel = new QLabel(tr("Delivery &note"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    m_linesLayout = new QVBoxLayout;
    m_addLine = new QPushButton(tr("&Add line"), this);
    m_addLine->setAutoDefault(false);
    connect(m_addLine, &QPushButton::clicked, this, &ReceiveDialog::addLine);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_receive = buttons->addButton(tr("&Receive"), QDialogButtonBox::AcceptRole);
    m_receive->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (receive())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Lines (item and quantity):"), this));
    layout->addLayout(m_linesLayout);
    layout->addWidget(m_addLine, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    addLine();
    m_location->setFocus(Qt::OtherFocusReason);
    resize(560, 320);
}

QString ReceiveDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ReceiveDialog::addLine()
{
    Line line;
    line.item = new QComboBox(this);
    for (const EquipmentType &type : std::as_const(m_items))
        line.item->addItem(type.label(), type.code);
    line.item->setAccessibleName(tr("Item of line %1").arg(m_lines.size() + 1));
    line.qty = new QSpinBox(this);
    line.qty->setRange(0, 100000);
    line.qty->setAccessibleName(tr("Quantity of line %1").arg(m_lines.size() + 1));
    auto *row = new QHBoxLayout;
    row->addWidget(line.item, 1);
    row->addWidget(line.qty);
    m_linesLayout->addLayout(row);
    // Tab goes item, quantity, then the next line, then Add line.
    QWidget *before = m_lines.isEmpty() ? static_cast<QWidget *>(m_note) : m_lines.last().qty;
    setTabOrder(before, line.item);
    setTabOrder(line.item, line.qty);
    setTabOrder(line.qty, m_addLine);
    m_lines.append(line);
    // A layout shows a widget added to a visible form only later; the focus needs it now.
    if (isVisible()) {
        line.item->show();
        line.qty->show();
    }
    line.item->setFocus(Qt::OtherFocusReason);
}

bool ReceiveDialog::receive()
{
    QList<StockLine> lines;
    for (const Line &line : std::as_const(m_lines)) {
        if (line.qty->value() != 0)
            lines.append({line.item->currentData().toString(), line.qty->value()});
    }
    QString problem;
    if (lines.isEmpty())
        problem = tr("Give the quantity received of at least one item.");
    if (problem.isEmpty()) {
        const Result<QList<QUuid>> stored
            = StockLedger(m_database, Database::localUserName())
                  .receive(lines, m_location->currentData().toString(), m_note->text().trimmed());
        if (!stored)
            problem = tr("Not received: %1").arg(stored.errorString());
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

} // namespace saferhomes
