#include "doorstep/doorstepfinder.h"

#include "common/quickfind.h"
#include "common/settings.h"
#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "doorstep/roundlistmodel.h"
#include "service/visitservice.h"
#include "store/householdrepository.h"

#include <QCollator>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include <algorithm>

namespace saferhomes {

namespace {

const QString kNoArea = QStringLiteral("none");
constexpr int kMaxMatches = 200;

} // namespace

DoorstepFinder::DoorstepFinder(const QString &databasePath, HouseholdRepository &households,
                               VisitService &visits, Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_households(households)
    , m_visits(visits)
    , m_settings(settings)
    , m_quickFind(new QuickFind(databasePath, this))
    , m_model(new RoundListModel(this))
    , m_find(new QLineEdit(this))
    , m_area(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
{
    auto *heading = new QLabel(tr("Find the household"), this);
    TouchStyle::setText(heading, TouchStyle::Text::Heading);

    m_find->setObjectName(QStringLiteral("doorstepFind"));
    m_find->setPlaceholderText(tr("Address, postcode or name \u2014 e.g. \u201c12 Thorpe\u201d"));
    m_find->setAccessibleName(tr("Find a household"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(this);
    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);

    m_area->setObjectName(QStringLiteral("roundArea"));
    m_area->setAccessibleName(tr("Area of my round"));
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *areaLabel = new QLabel(tr("My &round:"), this);
    areaLabel->setBuddy(m_area);
    auto *refresh = new TouchButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshRound"));
    refresh->setAccessibleName(tr("Refresh my round"));

    m_message->setObjectName(QStringLiteral("finderMessage"));
    m_message->setWordWrap(true);
    TouchStyle::setText(m_message, TouchStyle::Text::Strong);
    m_message->hide();
    m_summary->setObjectName(QStringLiteral("finderSummary"));

    m_list->setObjectName(QStringLiteral("roundList"));
    m_list->setAccessibleName(tr("Households to visit"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(16, 16));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_empty->setObjectName(QStringLiteral("finderEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    auto *areaRow = new QHBoxLayout;
    areaRow->addWidget(areaLabel);
    areaRow->addWidget(m_area);
    areaRow->addWidget(refresh);
    areaRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(findRow);
    layout->addLayout(areaRow);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);

    setTabOrder(m_find, m_area);
    setTabOrder(m_area, refresh);
    setTabOrder(refresh, m_list);

    connect(m_find, &QLineEdit::textChanged, this, &DoorstepFinder::search);
    connect(m_find, &QLineEdit::returnPressed, this, &DoorstepFinder::chooseCurrent);
    connect(m_area, &QComboBox::activated, this, [this] {
        m_settings.setDoorstepRoundArea(m_area->currentData().toString());
        if (m_find->text().trimmed().isEmpty())
            showRound();
    });
    connect(refresh, &QPushButton::clicked, this, &DoorstepFinder::reload);
    connect(m_list, &QListView::activated, this, &DoorstepFinder::chooseCurrent);
    // One tap opens the household: a tablet has no double click.
    connect(m_list, &QListView::clicked, this, &DoorstepFinder::chooseCurrent);
    connect(m_quickFind, &QuickFind::found, this, &DoorstepFinder::showFound);
    connect(m_quickFind, &QuickFind::failed, this, &DoorstepFinder::failed);
}

void DoorstepFinder::reload()
{
    m_byKey.clear();
    reloadAreas();
    search();
}

void DoorstepFinder::reloadAreas()
{
    const QString current = m_area->currentIndex() >= 0 ? m_area->currentData().toString()
                                                        : m_settings.doorstepRoundArea();
    const QSignalBlocker blocker(m_area);
    m_area->clear();
    const auto areas = m_households.areas();
    if (!areas)
        emit failed(areas.errorString());
    for (const Area &area : areas.valueOr({}))
        m_area->addItem(area.name, area.id.toString(QUuid::WithoutBraces));
    m_area->addItem(tr("Households with no area"), kNoArea);
    m_area->setCurrentIndex(std::max(0, m_area->findData(current)));
}

QUuid DoorstepFinder::selectedArea() const
{
    const QString data = m_area->currentData().toString();
    return data == kNoArea ? QUuid() : QUuid::fromString(data);
}

void DoorstepFinder::focusFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void DoorstepFinder::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setVisible(!message.isEmpty());
}

QString DoorstepFinder::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void DoorstepFinder::reloadPast(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    const QUuid next
        = row >= 0 && row + 1 < m_model->rowCount() ? m_model->entry(row + 1).household.id : id;
    reload();
    // A household the visit closed has left the round; the one after it is still there.
    const int target = m_model->rowOf(next);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(std::max(0, target)));
}

bool DoorstepFinder::isSearchPending() const
{
    return m_quickFind->isPending();
}

QString DoorstepFinder::summaryText() const
{
    return m_summary->text();
}

void DoorstepFinder::showRound()
{
    const QUuid previous = m_list->currentIndex().data(RoundListModel::IdRole).toUuid();
    const Result<QList<RoundEntry>> round = m_visits.myRound(selectedArea());
    // A round that cannot be read is not an empty round: the list empties and the page
    // says why.
    m_model->setEntries(round ? *round : QList<RoundEntry>());
    m_roundUnreadable = !round;
    if (!round)
        emit failed(tr("The round cannot be shown: %1").arg(round.errorString()));
    const int row = m_model->rowOf(previous);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(std::max(0, row)));
    updateSummary();
}

void DoorstepFinder::search()
{
    const QString text = m_find->text().trimmed();
    if (text.isEmpty()) {
        m_quickFind->cancel();
        showRound();
        return;
    }
    m_quickFind->find(text);
}

void DoorstepFinder::showFound(const QString &text, const QList<qint64> &keys)
{
    if (text != m_find->text().trimmed())
        return;
    if (m_byKey.isEmpty()) {
        const auto households = m_households.summaries();
        if (!households) {
            emit failed(households.errorString());
            return;
        }
        for (const HouseholdSummary &summary : *households)
            m_byKey.insert(summary.localKey, summary);
    }
    QList<RoundEntry> entries;
    for (const qint64 key : keys) {
        const auto it = m_byKey.constFind(key);
        if (it != m_byKey.cend())
            entries.append(RoundEntry {*it, {}, false, std::nullopt, {}});
    }
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(entries.begin(), entries.end(),
              [&collator](const RoundEntry &a, const RoundEntry &b) {
                  return collator.compare(a.household.addressLine1, b.household.addressLine1) < 0;
              });
    if (entries.size() > kMaxMatches)
        entries.resize(kMaxMatches);
    m_model->setEntries(entries);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateSummary();
}

void DoorstepFinder::updateSummary()
{
    const int rows = m_model->rowCount();
    const QString text = m_find->text().trimmed();
    if (!text.isEmpty()) {
        m_summary->setText(rows == 1 ? tr("1 household matches \u2014 press Enter to open it.")
                                     : tr("%n households match.", nullptr, rows));
        m_empty->setText(tr("No household matches \u201c%1\u201d. Check the spelling, or try "
                            "the postcode.")
                             .arg(text));
    } else if (m_roundUnreadable) {
        m_summary->setText(tr("My round \u2014 %1: cannot be read").arg(m_area->currentText()));
        m_empty->setText(tr("The round cannot be read (the message above says why). Press "
                            "Refresh to try again, or find a household by its address."));
    } else {
        m_summary->setText(
            tr("My round \u2014 %1: %n households", nullptr, rows).arg(m_area->currentText())
            + (m_model->revisitsDue() > 0
                   ? tr(", %n revisits due (listed first)", nullptr, m_model->revisitsDue())
                   : QString()));
        m_empty->setText(tr("Nobody left to visit in %1. Choose another area, or find a "
                            "household by its address.")
                             .arg(m_area->currentText()));
    }
    m_empty->setVisible(rows == 0);
    m_list->setVisible(rows > 0);
}

void DoorstepFinder::chooseCurrent()
{
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid() && m_model->rowCount() > 0)
        index = m_model->index(0);
    if (index.isValid())
        emit householdChosen(index.data(RoundListModel::IdRole).toUuid());
}

bool DoorstepFinder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_find && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model->index(0));
        m_list->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace saferhomes
