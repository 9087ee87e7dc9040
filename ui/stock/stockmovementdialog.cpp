#include "stock/stockmovementdialog.h"

#include "store/database.h"
#include "store/stockledger.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString titleOf(StockMovementDialog::Kind kind)
{
    switch (kind) {
    case StockMovementDialog::Kind::Transfer: return StockMovementDialog::tr("Transfer stock");
    case StockMovementDialog::Kind::Return: return StockMovementDialog::tr("Return stock");
    case StockMovementDialog::Kind::Count: return StockMovementDialog::tr("Count stock");
    case StockMovementDialog::Kind::WriteOff: return StockMovementDialog::tr("Write off stock");
    }
    return {};
}

} // namespace

StockMovementDialog::StockMovementDialog(Database &database, Kind kind,
                                         const QList<EquipmentType> &items,
                                         const QList<StockPlace> &places, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_kind(kind)
{
    setWindowTitle(titleOf(kind));
    const auto placeBox = [&] {
        auto *box = new QComboBox(this);
        for (const StockPlace &place : places)
            box->addItem(place.name, place.location);
        return box;
    };
    const auto row = [this](QFormLayout *form, const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    auto *form = new QFormLayout;
    m_item = new QComboBox(this);
    for (const EquipmentType &type : items)
        m_item->addItem(type.label(), type.code);
    row(form, tr("&Item"), m_item);
    m_location = placeBox();
    m_qty = new QSpinBox(this);
    m_qty->setRange(0, 100000);
    m_note = new QLineEdit(this);
    switch (kind) {
    case Kind::Transfer:
        row(form, tr("&From"), m_location);
        m_to = placeBox();
        // Depot to van is the usual way: the first van.
        m_to->setCurrentIndex(m_to->count() > 1 ? 1 : 0);
        row(form, tr("&To"), m_to);
        row(form, tr("&Quantity"), m_qty);
        row(form, tr("&Note"), m_note);
        break;
    case Kind::Return:
        row(form, tr("&Into"), m_location);
        row(form, tr("&Quantity"), m_qty);
        row(form, tr("&Note"), m_note);
        break;
    case Kind::Count:
        row(form, tr("&At"), m_location);
        row(form, tr("&Counted"), m_qty);
        row(form, tr("&Note"), m_note);
        break;
    case Kind::WriteOff:
        row(form, tr("&From"), m_location);
        row(form, tr("&Quantity"), m_qty);
        m_note->setPlaceholderText(tr("required: lost, damaged, faulty\u2026"));
        row(form, tr("&Reason"), m_note);
        break;
    }
    m_figures = new QLabel(this);
    m_figures->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();
    connect(m_item, &QComboBox::currentIndexChanged, this, &StockMovementDialog::showFigures);
    connect(m_location, &QComboBox::currentIndexChanged, this, &StockMovementDialog::showFigures);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_figures);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    // The order of the form, whatever the order the fields were made in.
    QList<QWidget *> order {m_item, m_location};
    if (m_to)
        order.append(m_to);
    order << m_qty << m_note << m_save;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    showFigures();
    m_item->setFocus(Qt::OtherFocusReason);
}

QString StockMovementDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StockMovementDialog::showFigures()
{
    const Result<StockLevel> level
        = StockLedger(m_database, Database::localUserName())
              .level(m_item->currentData().toString(), m_location->currentData().toString());
    if (!level) {
        m_figures->setText(tr("The level there could not be read: %1").arg(level.errorString()));
        return;
    }
    const QString figures = tr("%1 has %2 on hand, %3 reserved, %4 available.")
                                .arg(m_location->currentText())
                                .arg(level->onHand)
                                .arg(level->reserved)
                                .arg(level->available());
    m_figures->setText(m_kind == Kind::Count ? figures + QLatin1Char(' ')
                               + tr("The ledger expects %1 to be counted.").arg(level->onHand)
                                             : figures);
}

bool StockMovementDialog::save()
{
    StockLedger ledger(m_database, Database::localUserName());
    const QString code = m_item->currentData().toString();
    const QString location = m_location->currentData().toString();
    const int qty = m_qty->value();
    const QString note = m_note->text().trimmed();
    Result<QUuid> stored = Error::invalid({});
    switch (m_kind) {
    case Kind::Transfer:
        stored = ledger.transfer(code, qty, location, m_to->currentData().toString(), note);
        break;
    case Kind::Return: stored = ledger.returnStock(code, qty, location, note); break;
    case Kind::Count: stored = ledger.count(code, location, qty, note); break;
    case Kind::WriteOff: stored = ledger.writeOff(code, qty, location, note); break;
    }
    const QString problem = stored ? QString() : tr("Not saved: %1").arg(stored.errorString());
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!stored)
        showFigures();
    return stored.ok();
}

} // namespace saferhomes
