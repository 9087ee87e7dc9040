#include "stock/stockpage.h"

#include "importexport/csvwriter.h"
#include "stock/receivedialog.h"
#include "stock/stocklevelsmodel.h"
#include "store/database.h"
#include "store/stockledger.h"
#include "store/vanloading.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString kindText(StockReason reason)
{
    switch (reason) {
    case StockReason::Received: return StockPage::tr("Received");
    case StockReason::Transferred: return StockPage::tr("Transfer");
    case StockReason::Reserved: return StockPage::tr("Reserved for a job");
    case StockReason::Released: return StockPage::tr("Released");
    case StockReason::Fitted: return StockPage::tr("Fitted");
    case StockReason::Returned: return StockPage::tr("Returned");
    case StockReason::CountAdjustment: return StockPage::tr("Count");
    case StockReason::WrittenOff: return StockPage::tr("Written off");
    }
    return {};
}

QString signedNumber(int n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QTableWidget *readOnlyTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

bool writeCsv(const QString &path, const QList<QStringList> &records, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    for (const QStringList &record : records)
        file.write(CsvWriter::formatRecord(record));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

StockPage::StockPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    auto *receive = new QPushButton(tr("&Receive delivery\u2026"), this);
    auto *transfer = new QPushButton(tr("&Transfer\u2026"), this);
    auto *giveBack = new QPushButton(tr("Ret&urn\u2026"), this);
    auto *count = new QPushButton(tr("&Count\u2026"), this);
    auto *writeOff = new QPushButton(tr("&Write off\u2026"), this);
    connect(receive, &QPushButton::clicked, this, &StockPage::openReceive);
    connect(transfer, &QPushButton::clicked, this,
            [this] { openMovement(StockMovementDialog::Kind::Transfer); });
    connect(giveBack, &QPushButton::clicked, this,
            [this] { openMovement(StockMovementDialog::Kind::Return); });
    connect(count, &QPushButton::clicked, this,
            [this] { openMovement(StockMovementDialog::Kind::Count); });
    connect(writeOff, &QPushButton::clicked, this,
            [this] { openMovement(StockMovementDialog::Kind::WriteOff); });
    auto *actions = new QHBoxLayout;
    auto *heading = new QLabel(tr("Stock"), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    heading->setFont(big);
    actions->addWidget(heading);
    actions->addStretch();
    for (QPushButton *button : {receive, transfer, giveBack, count, writeOff})
        actions->addWidget(button);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createLevelsTab(), tr("&Levels"));
    m_tabs->addTab(createMovementsTab(), tr("Move&ments"));
    m_tabs->addTab(createVanTab(), tr("Load the v&an"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    refresh();
}

QWidget *StockPage::createLevelsTab()
{
    auto *tab = new QWidget(this);
    m_levelsLocation = new QComboBox(tab);
    m_levelsModel = new StockLevelsModel(this);
    m_levelsView = new QTableView(tab);
    m_levelsView->setModel(m_levelsModel);
    m_levelsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_levelsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_levelsView->verticalHeader()->hide();
    m_levelsView->horizontalHeader()->setStretchLastSection(true);
    m_levelsView->setAccessibleName(tr("Stock levels"));
    m_levelsEmpty = new QLabel(tab);
    m_levelsEmpty->setWordWrap(true);
    auto *exportButton = new QPushButton(tr("E&xport levels\u2026"), tab);
    connect(exportButton, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(m_levelsLocation, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            refreshLevels();
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("L&ocation"), m_levelsLocation, tab));
    filters->addWidget(m_levelsLocation);
    filters->addStretch();
    filters->addWidget(exportButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_levelsEmpty);
    layout->addWidget(m_levelsView, 1);
    return tab;
}

QWidget *StockPage::createMovementsTab()
{
    auto *tab = new QWidget(this);
    m_movementItem = new QComboBox(tab);
    m_movementItem->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_movementItem->setMinimumContentsLength(16);
    m_movementLocation = new QComboBox(tab);
    m_movementKind = new QComboBox(tab);
    m_movementKind->addItem(tr("Every kind"));
    for (const QString &name : StockReasonNames::allNames())
        m_movementKind->addItem(kindText(*StockReasonNames::fromName(name)), name);
    m_from = new QDateEdit(QDate::currentDate().addDays(-90), tab);
    m_to = new QDateEdit(QDate::currentDate(), tab);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_refreshing)
                refreshMovements();
        });
    }
    for (QComboBox *box : {m_movementItem, m_movementLocation, m_movementKind}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_refreshing)
                refreshMovements();
        });
    }
    m_movements = readOnlyTable({tr("When"), tr("Item"), tr("Location"), tr("Kind"), tr("On hand"),
                                 tr("Reserved"), tr("Counted / expected"), tr("Note"), tr("By")},
                                tab);
    m_movements->setAccessibleName(tr("Stock movements"));
    auto *exportButton = new QPushButton(tr("Ex&port movements\u2026"), tab);
    connect(exportButton, &QPushButton::clicked, this, [this] { chooseExport(false); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Item"), m_movementItem, tab));
    filters->addWidget(m_movementItem, 1);
    filters->addWidget(buddyLabel(tr("Locatio&n"), m_movementLocation, tab));
    filters->addWidget(m_movementLocation);
    filters->addWidget(buddyLabel(tr("&Kind"), m_movementKind, tab));
    filters->addWidget(m_movementKind);
    // Two rows, so that the page fits beside the sidebar on a small screen.
    auto *dates = new QHBoxLayout;
    dates->addWidget(buddyLabel(tr("&Between"), m_from, tab));
    dates->addWidget(m_from);
    dates->addWidget(buddyLabel(tr("an&d"), m_to, tab));
    dates->addWidget(m_to);
    dates->addStretch();
    dates->addWidget(exportButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addLayout(dates);
    layout->addWidget(m_movements, 1);
    return tab;
}

QWidget *StockPage::createVanTab()
{
    auto *tab = new QWidget(this);
    m_vanFitter = new QComboBox(tab);
    m_vanDay = new QDateEdit(QDate::currentDate(), tab);
    m_vanDay->setCalendarPopup(true);
    m_vanDay->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_van = readOnlyTable(
        {tr("Item"), tr("Jobs need"), tr("In the van"), tr("To load"), tr("Depot can give")}, tab);
    m_van->setAccessibleName(tr("Load the van"));
    m_loadVan = new QPushButton(tr("Tra&nsfer these into the van"), tab);
    connect(m_loadVan, &QPushButton::clicked, this, &StockPage::loadVan);
    m_vanNote = new QLabel(tab);
    m_vanNote->setWordWrap(true);
    connect(m_vanFitter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            refreshVan();
    });
    connect(m_vanDay, &QDateEdit::dateChanged, this, [this] {
        if (!m_refreshing)
            refreshVan();
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("F&itter"), m_vanFitter, tab));
    filters->addWidget(m_vanFitter);
    filters->addWidget(buddyLabel(tr("Da&y"), m_vanDay, tab));
    filters->addWidget(m_vanDay);
    filters->addStretch();
    filters->addWidget(m_loadVan);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_vanNote);
    layout->addWidget(m_van, 1);
    return tab;
}

QString StockPage::statusText() const
{
    return m_status->text();
}

void StockPage::showStatus(const QString &message)
{
    m_status->setText(message);
}

void StockPage::refresh()
{
    const QString user = Database::localUserName();
    const Result<QList<EquipmentType>> items = EquipmentRepository(m_database, user, {}).all();
    const Result<QList<StockPlace>> places = StockOverview(m_database, user).places();
    if (!items || !places) {
        showStatus(tr("The catalogue or the stock locations could not be read: %1")
                       .arg(items ? places.errorString() : items.errorString()));
        return;
    }
    m_items = *items;
    m_places = *places;
    // Refill the filters, keeping what was chosen.
    m_refreshing = true;
    const auto refill = [](QComboBox *box, const QString &all, const QList<StockPlace> &places) {
        const QString kept = box->currentData().toString();
        box->clear();
        if (!all.isEmpty())
            box->addItem(all, QString());
        for (const StockPlace &place : places)
            box->addItem(place.name, place.location);
        box->setCurrentIndex(std::max(0, box->findData(kept)));
    };
    refill(m_levelsLocation, tr("Every location"), m_places);
    refill(m_movementLocation, tr("Every location"), m_places);
    QList<StockPlace> vans = m_places.mid(1);
    for (StockPlace &van : vans)
        van.name = van.fitterName;
    refill(m_vanFitter, {}, vans);
    const QString keptItem = m_movementItem->currentData().toString();
    m_movementItem->clear();
    m_movementItem->addItem(tr("Every item"), QString());
    for (const EquipmentType &type : std::as_const(m_items))
        m_movementItem->addItem(type.label(), type.code);
    m_movementItem->setCurrentIndex(std::max(0, m_movementItem->findData(keptItem)));
    m_refreshing = false;
    refreshLevels();
    refreshMovements();
    refreshVan();
}

void StockPage::refreshLevels()
{
    const Result<QList<StockOverviewLine>> lines
        = StockOverview(m_database, Database::localUserName())
              .levels(m_levelsLocation->currentData().toString());
    if (!lines) {
        m_levelsModel->setRows({});
        m_levelsEmpty->setText(
            tr("The stock levels could not be read: %1").arg(lines.errorString()));
        m_levelsEmpty->show();
        return;
    }
    m_levelsModel->setRows(*lines);
    m_levelsView->resizeColumnsToContents();
    int toOrder = 0;
    for (const StockOverviewLine &line : *lines)
        toOrder += line.belowReorder ? 1 : 0;
    if (m_items.isEmpty())
        m_levelsEmpty->setText(tr("No equipment in the catalogue yet: add some with View \u203a "
                                  "Equipment catalogue\u2026, then receive a delivery (Alt+R)."));
    else if (lines->isEmpty())
        m_levelsEmpty->setText(tr("Nothing is held here."));
    else if (toOrder > 0)
        m_levelsEmpty->setText(
            tr("%1 item(s) below their re-order level: order more.").arg(toOrder));
    else
        m_levelsEmpty->clear();
    m_levelsEmpty->setVisible(!m_levelsEmpty->text().isEmpty());
}

void StockPage::refreshMovements()
{
    StockMovementFilter filter;
    filter.code = m_movementItem->currentData().toString();
    filter.location = m_movementLocation->currentData().toString();
    if (m_movementKind->currentIndex() > 0)
        filter.reason = StockReasonNames::fromName(m_movementKind->currentData().toString());
    filter.from = m_from->date().startOfDay();
    filter.to = m_to->date().addDays(1).startOfDay();
    const Result<QList<StockMovement>> movements
        = StockLedger(m_database, Database::localUserName()).movements(filter);
    m_movements->setRowCount(0);
    if (!movements) {
        showStatus(tr("The movements could not be read: %1").arg(movements.errorString()));
        return;
    }
    QHash<QString, QString> names;
    for (const EquipmentType &type : std::as_const(m_items))
        names.insert(type.code, type.label());
    QHash<QString, QString> places;
    for (const StockPlace &place : std::as_const(m_places))
        places.insert(place.location, place.name);
    m_movements->setRowCount(int(movements->size()));
    for (int row = 0; row < movements->size(); ++row) {
        const StockMovement &m = movements->at(row);
        QString kind = kindText(m.reason);
        if (m.refused)
            kind += tr(" (refused by the central database: not counted)");
        const QString counted = m.counted
            ? QStringLiteral("%1 / %2").arg(*m.counted).arg(m.expected.value_or(0))
            : QString();
        const QStringList cells {m.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                 names.value(m.code, m.code),
                                 places.value(m.location, m.location),
                                 kind,
                                 m.qtyChange ? signedNumber(m.qtyChange) : QString(),
                                 m.reservedChange ? signedNumber(m.reservedChange) : QString(),
                                 counted,
                                 m.note,
                                 m.byUser};
        for (int column = 0; column < cells.size(); ++column)
            m_movements->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_movements->resizeColumnsToContents();
}

void StockPage::refreshVan()
{
    m_van->setRowCount(0);
    m_loadVan->setEnabled(false);
    if (m_vanFitter->count() == 0) {
        m_vanNote->setText(tr("No fitters yet: add them with View \u203a Fitters\u2026."));
        return;
    }
    const QUuid fitter = StockLocation::fitterOf(m_vanFitter->currentData().toString());
    const Result<QList<VanLoadLine>> lines
        = VanLoading(m_database, Database::localUserName()).list(fitter, m_vanDay->date());
    if (!lines) {
        m_vanNote->setText(tr("The van list could not be read: %1").arg(lines.errorString()));
        return;
    }
    QHash<QString, QString> names;
    for (const EquipmentType &type : std::as_const(m_items))
        names.insert(type.code, type.label());
    int toLoad = 0;
    m_van->setRowCount(int(lines->size()));
    for (int row = 0; row < lines->size(); ++row) {
        const VanLoadLine &line = lines->at(row);
        toLoad += line.toLoad();
        const QStringList cells {names.value(line.code, line.code), QString::number(line.needed),
                                 QString::number(line.inVan), QString::number(line.toLoad()),
                                 QString::number(line.depotCanGive)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column > 0)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_van->setItem(row, column, cell);
        }
    }
    m_van->resizeColumnsToContents();
    if (lines->isEmpty())
        m_vanNote->setText(tr("%1 has no booked jobs that day.").arg(m_vanFitter->currentText()));
    else if (toLoad == 0)
        m_vanNote->setText(tr("The van holds everything the day\u2019s jobs need."));
    else
        m_vanNote->setText(tr("%1 item(s) to load from the depot.").arg(toLoad));
    m_loadVan->setEnabled(toLoad > 0);
}

bool StockPage::loadVan()
{
    if (m_vanFitter->count() == 0)
        return false;
    const QUuid fitter = StockLocation::fitterOf(m_vanFitter->currentData().toString());
    const Result<int> moved
        = VanLoading(m_database, Database::localUserName()).load(fitter, m_vanDay->date());
    if (!moved) {
        showStatus(moved.errorString());
        return false;
    }
    showStatus(tr("Moved %1 item(s) from the depot into %2\u2019s van.")
                   .arg(*moved)
                   .arg(m_vanFitter->currentText()));
    refreshLevels();
    refreshMovements();
    refreshVan();
    emit stockChanged();
    return true;
}

void StockPage::watch(QDialog *dialog, const QString &done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, done] {
        showStatus(done);
        refresh();
        emit stockChanged();
    });
    dialog->open();
    emit dialogOpened(dialog);
}

void StockPage::openReceive()
{
    if (m_items.isEmpty()) {
        showStatus(tr("There is nothing to receive yet: add the equipment to the catalogue "
                      "first (View \u203a Equipment catalogue\u2026)."));
        return;
    }
    watch(new ReceiveDialog(m_database, m_items, m_places, this), tr("Delivery received."));
}

void StockPage::openMovement(StockMovementDialog::Kind kind)
{
    if (m_items.isEmpty()) {
        showStatus(tr("There is no stock yet: add the equipment to the catalogue first "
                      "(View \u203a Equipment catalogue\u2026)."));
        return;
    }
    auto *dialog = new StockMovementDialog(m_database, kind, m_items, m_places, this);
    watch(dialog, tr("%1: saved.").arg(dialog->windowTitle()));
}

bool StockPage::exportLevels(const QString &path)
{
    QList<QStringList> records {{QStringLiteral("code"), QStringLiteral("item"),
                                 QStringLiteral("location"), QStringLiteral("on_hand"),
                                 QStringLiteral("reserved"), QStringLiteral("available"),
                                 QStringLiteral("reorder_level"), QStringLiteral("below_reorder")}};
    for (const StockOverviewLine &line : m_levelsModel->rows())
        records.append({line.code, line.item, line.locationName, QString::number(line.onHand),
                        QString::number(line.reserved), QString::number(line.available),
                        QString::number(line.reorderLevel),
                        line.belowReorder ? QStringLiteral("yes") : QStringLiteral("no")});
    QString error;
    if (!writeCsv(path, records, &error)) {
        showStatus(tr("The levels could not be written to %1: %2").arg(path, error));
        return false;
    }
    showStatus(tr("Wrote %1 level(s) to %2.").arg(records.size() - 1).arg(path));
    return true;
}

bool StockPage::exportMovements(const QString &path)
{
    QList<QStringList> records;
    QStringList header;
    for (int column = 0; column < m_movements->columnCount(); ++column)
        header.append(m_movements->horizontalHeaderItem(column)->text());
    records.append(header);
    for (int row = 0; row < m_movements->rowCount(); ++row) {
        QStringList record;
        for (int column = 0; column < m_movements->columnCount(); ++column)
            record.append(m_movements->item(row, column)->text());
        records.append(record);
    }
    QString error;
    if (!writeCsv(path, records, &error)) {
        showStatus(tr("The movements could not be written to %1: %2").arg(path, error));
        return false;
    }
    showStatus(tr("Wrote %1 movement(s) to %2.").arg(records.size() - 1).arg(path));
    return true;
}

void StockPage::chooseExport(bool levels)
{
    const QString path = QFileDialog::getSaveFileName(
        this, levels ? tr("Export the stock levels") : tr("Export the stock movements"),
        levels ? tr("stock-levels.csv") : tr("stock-movements.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (levels)
        exportLevels(path);
    else
        exportMovements(path);
}

} // namespace saferhomes
