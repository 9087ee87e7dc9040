#include "register/registerpage.h"

#include "common/quickfind.h"
#include "common/settings.h"
#include "common/statuspalette.h"
#include "register/demofillpanel.h"
#include "register/householddetailpanel.h"
#include "register/householdeditor.h"
#include "register/householdfilterproxymodel.h"
#include "register/householdtablemodel.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

enum Page { RegisterView, EmptyState };

} // namespace

RegisterPage::RegisterPage(Database &database, HouseholdRepository &repository, QWidget *parent)
    : QStackedWidget(parent)
    , m_database(database)
    , m_repository(repository)
    , m_editor(new HouseholdEditor(repository, this))
    , m_model(new HouseholdTableModel(this))
    , m_filter(new HouseholdFilterProxyModel(this))
    , m_quickFindWorker(new QuickFind(database.path(), this))
    , m_countLabel(new QLabel(this))
    , m_showingLabel(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    insertWidget(RegisterView, createRegister());
    insertWidget(EmptyState, createEmptyState());
    m_countLabel->setObjectName(QStringLiteral("householdCount"));
    m_showingLabel->setObjectName(QStringLiteral("showingCount"));

    connect(m_editor, &HouseholdEditor::householdChanged, this, [this](const QUuid &id) {
        refreshHousehold(id);
        emit householdEdited(id);
    });
    connect(m_editor, &HouseholdEditor::editFailed, this, &RegisterPage::error);
    connect(m_editor, &HouseholdEditor::warning, this,
            [this](const QString &message) { emit statusMessage(message, 8000); });
    connect(m_quickFindWorker, &QuickFind::found, this, &RegisterPage::showQuickFindResult);
    connect(m_quickFindWorker, &QuickFind::failed, this, &RegisterPage::error);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RegisterPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RegisterPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RegisterPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RegisterPage::updateCounts);
}

QUndoStack *RegisterPage::undoStack() const
{
    return m_editor->undoStack();
}

QLabel *RegisterPage::countLabel() const
{
    return m_countLabel;
}

QLabel *RegisterPage::showingLabel() const
{
    return m_showingLabel;
}

QWidget *RegisterPage::createRegister()
{
    QWidget *filters = createFilters();
    createTable();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 0);
    leftLayout->addWidget(filters);
    leftLayout->addWidget(m_table, 1);

    m_detail = new HouseholdDetailPanel(m_database, m_repository, *m_editor, this);
    m_detail->setObjectName(QStringLiteral("detailPanel"));
    m_detail->setMinimumWidth(320);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 0);
    rightLayout->addWidget(m_detail);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("registerSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    setTabOrder(m_quickFind, m_statusFilter);
    setTabOrder(m_statusFilter, m_areaFilter);
    setTabOrder(m_areaFilter, m_table);
    setTabOrder(m_table, m_detail);
    return m_splitter;
}

QWidget *RegisterPage::createFilters()
{
    m_quickFind = new QLineEdit(this);
    m_quickFind->setObjectName(QStringLiteral("quickFind"));
    m_quickFind->setPlaceholderText(tr("Find an address, postcode or name (Ctrl+K)"));
    m_quickFind->setAccessibleName(tr("Quick find"));
    m_quickFind->setClearButtonEnabled(true);
    m_quickFind->installEventFilter(this);
    connect(m_quickFind, &QLineEdit::textChanged, this, &RegisterPage::applyQuickFind);
    connect(m_quickFind, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0) {
            m_table->setCurrentIndex(m_filter->index(0, 0));
            m_table->setFocus(Qt::OtherFocusReason);
        }
    });

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status filter"));
    m_statusFilter->addItem(tr("All statuses"));
    for (HouseholdStatus status : HouseholdStatusRules::all()) {
        m_statusFilter->addItem(StatusPalette::chip(status), HouseholdStatusRules::label(status),
                                HouseholdStatusRules::name(status));
    }
    m_areaFilter = new QComboBox(this);
    m_areaFilter->setObjectName(QStringLiteral("areaFilter"));
    m_areaFilter->setAccessibleName(tr("Area filter"));
    m_areaFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &RegisterPage::applyFilters);
    connect(m_areaFilter, &QComboBox::currentIndexChanged, this, &RegisterPage::applyFilters);

    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_quickFind);
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_statusFilter);
    auto *areaLabel = new QLabel(tr("&Area:"), this);
    areaLabel->setBuddy(m_areaFilter);
    auto *filters = new QWidget(this);
    auto *layout = new QHBoxLayout(filters);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(findLabel);
    layout->addWidget(m_quickFind, 1);
    layout->addSpacing(8);
    layout->addWidget(statusLabel);
    layout->addWidget(m_statusFilter);
    layout->addSpacing(8);
    layout->addWidget(areaLabel);
    layout->addWidget(m_areaFilter);
    return filters;
}

void RegisterPage::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("householdTable"));
    m_table->setAccessibleName(tr("Households"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100k rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    // Widths from typical contents (never measured over 100k rows); the user's own widths
    // are restored from the settings.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&metrics](const QString &sample, int extra = 16) {
        return metrics.horizontalAdvance(sample) + extra;
    };
    header->resizeSection(HouseholdTableModel::Address,
                          fit(QStringLiteral("4 Countesthorpe Road")));
    header->resizeSection(HouseholdTableModel::Postcode, fit(QStringLiteral("LE18 1AB")));
    header->resizeSection(HouseholdTableModel::Town, fit(QStringLiteral("Melton Mowbray")));
    header->resizeSection(HouseholdTableModel::Area, fit(QStringLiteral("Oadby and Wigston")));
    header->resizeSection(HouseholdTableModel::Resident, fit(QStringLiteral("Margaret Atkinson")));
    header->resizeSection(HouseholdTableModel::Status, fit(QStringLiteral("Followed up"), 40));
    header->resizeSection(HouseholdTableModel::Priority, fit(tr("Priority"), 24));
    header->resizeSection(HouseholdTableModel::Updated, fit(QStringLiteral("24 Nov 2026")));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HouseholdTableModel::Address, Qt::AscendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegisterPage::currentRowChanged);
}

QWidget *RegisterPage::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *message = new QLabel(
        tr("No households yet \u2014 import a list (Ctrl+I) or load demo data."), page);
    message->setObjectName(QStringLiteral("emptyStateMessage"));
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    QFont font = message->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    message->setFont(font);
    auto *import = new QPushButton(tr("&Import a list\u2026"), page);
    connect(import, &QPushButton::clicked, this, &RegisterPage::importRequested);
    m_demoFill = new DemoFillPanel(m_database, page);
    connect(m_demoFill, &DemoFillPanel::filled, this, &RegisterPage::demoDataLoaded);
    connect(m_demoFill, &DemoFillPanel::failed, this, &RegisterPage::error);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(import);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(message);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addWidget(m_demoFill);
    layout->addStretch(2);
    return page;
}

void RegisterPage::restoreLayout(const Settings &settings)
{
    m_splitter->restoreState(settings.registerSplitterState());
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.registerHeaderState()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void RegisterPage::saveLayout(Settings &settings) const
{
    settings.setRegisterSplitterState(m_splitter->saveState());
    settings.setRegisterHeaderState(m_table->horizontalHeader()->saveState());
}

bool RegisterPage::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the find box moves into the results, as in a search field's list.
    if (watched == m_quickFind && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_filter->rowCount() > 0) {
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_filter->index(0, 0));
        m_table->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QStackedWidget::eventFilter(watched, event);
}

void RegisterPage::reload(bool refreshDetails)
{
    const auto households = m_repository.summaries();
    if (!households) {
        // A register that cannot be read is not an empty one: no empty state, no rows, and
        // the reason in the banner.
        m_model->setHouseholds({});
        setCurrentIndex(RegisterView);
        updateCounts();
        emit error(households.errorString());
        return;
    }
    m_model->setHouseholds(*households);
    reloadAreas();
    applyQuickFind();
    setCurrentIndex(m_model->rowCount() == 0 ? EmptyState : RegisterView);
    if (refreshDetails)
        m_detail->showHousehold(m_detail->householdId());
    updateCounts();
}

void RegisterPage::reloadAreas()
{
    const std::optional<QString> current = m_filter->areaFilter();
    QStringList names;
    const auto areas = m_repository.areas();
    if (!areas)
        emit error(areas.errorString());
    for (const Area &area : areas.valueOr({}))
        names.append(area.name);
    bool hasUnassigned = false;
    for (int row = 0; row < m_model->rowCount() && !hasUnassigned; ++row)
        hasUnassigned = m_model->household(row).areaName.isEmpty();

    const QSignalBlocker blocker(m_areaFilter);
    m_areaFilter->clear();
    m_areaFilter->addItem(tr("All areas"));
    for (const QString &name : std::as_const(names))
        m_areaFilter->addItem(name, name);
    if (hasUnassigned)
        m_areaFilter->addItem(tr("No area"), QString());
    int index = 0;
    if (current)
        index = std::max(0, m_areaFilter->findData(*current));
    m_areaFilter->setCurrentIndex(index);
    m_detail->setAreas(names);
    applyFilters();
}

void RegisterPage::applyQuickFind()
{
    const QString text = m_quickFind->text().trimmed();
    if (text.isEmpty()) {
        m_quickFindWorker->cancel();
        m_filter->setQuickFindKeys(std::nullopt);
        return;
    }
    // A prefix that matches most of 100k households takes the database 100 ms or more:
    // the query runs off the GUI thread so that typing never waits for it.
    m_quickFindWorker->find(text);
}

void RegisterPage::showQuickFindResult(const QString &text, const QList<qint64> &keys)
{
    if (text != m_quickFind->text().trimmed())
        return;
    m_filter->setQuickFindKeys(keys);
    // One match: show it straight away, as a jump to that household.
    if (m_filter->rowCount() == 1)
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

bool RegisterPage::isQuickFindPending() const
{
    return m_quickFindWorker->isPending();
}

void RegisterPage::focusFind()
{
    m_quickFind->setFocus(Qt::ShortcutFocusReason);
    m_quickFind->selectAll();
}

bool RegisterPage::isEditingDetails() const
{
    return m_detail->isAncestorOf(QApplication::focusWidget());
}

bool RegisterPage::isShowingEmptyState() const
{
    return currentIndex() == EmptyState;
}

void RegisterPage::applyFilters()
{
    const QVariant status = m_statusFilter->currentData();
    m_filter->setStatusFilter(status.isValid() ? HouseholdStatusRules::fromName(status.toString())
                                               : std::nullopt);
    const QVariant area = m_areaFilter->currentData();
    m_filter->setAreaFilter(area.isValid() ? std::optional<QString>(area.toString())
                                           : std::nullopt);
}

void RegisterPage::refreshHousehold(const QUuid &id)
{
    if (const auto summary = m_repository.summary(id))
        m_model->updateHousehold(*summary);
    else if (summary.error().kind != Error::Kind::NotFound)
        emit error(summary.errorString());
    // An edited address or name may change what quick-find matches.
    if (m_filter->hasQuickFind())
        applyQuickFind();
}

void RegisterPage::refreshHouseholdAndDetails(const QUuid &id)
{
    refreshHousehold(id);
    if (m_detail->householdId() == id)
        m_detail->showHousehold(id);
}

void RegisterPage::updateCounts()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    if (m_countLabel)
        m_countLabel->setText(tr("%Ln households", nullptr, total));
    if (m_showingLabel) {
        m_showingLabel->setText(
            tr("showing %1 of %2")
                .arg(locale.toString(m_filter->rowCount()), locale.toString(total)));
    }
}

void RegisterPage::currentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_detail->showHousehold(current.data(HouseholdTableModel::IdRole).toUuid());
}

void RegisterPage::selectHousehold(const QUuid &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    } else {
        m_detail->showHousehold(id);
    }
}

void RegisterPage::startDemoFill()
{
    m_demoFill->start();
}

} // namespace saferhomes
