#include "register/householddetailpanel.h"

#include "common/householdfieldlabels.h"
#include "common/statuspalette.h"
#include "common/visittimelineview.h"
#include "register/householdeditor.h"
#include "register/householdhistoryview.h"
#include "register/householdjobsview.h"
#include "store/householdrepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString eligibilityLabel(const QString &word)
{
    if (word == QLatin1String("repeat_victim"))
        return HouseholdDetailPanel::tr("Repeat victim");
    if (word == QLatin1String("near_repeat"))
        return HouseholdDetailPanel::tr("Near repeat");
    if (word == QLatin1String("vulnerable"))
        return HouseholdDetailPanel::tr("Vulnerable");
    if (word == QLatin1String("hotspot"))
        return HouseholdDetailPanel::tr("Hotspot");
    if (word == QLatin1String("referral"))
        return HouseholdDetailPanel::tr("Referral");
    return word;
}

/// A message colour readable on the palette's background, light or dark.
QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() > 128 ? QColor(0xa3, 0x3e, 0x00)
                                                             : QColor(0xff, 0x9a, 0x55);
}

} // namespace

HouseholdDetailPanel::HouseholdDetailPanel(const Database &database,
                                           HouseholdRepository &repository, HouseholdEditor &editor,
                                           QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_editor(editor)
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_statusChip(new QLabel(this))
    , m_statusText(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_history(new HouseholdHistoryView(database, this))
    , m_visits(new VisitTimelineView(database, repository, this))
    , m_jobs(new HouseholdJobsView(database, this))
{
    auto *hint = new QLabel(tr("Select a household to see and edit its details."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("householdTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setObjectName(QStringLiteral("householdSubtitle"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusText->setObjectName(QStringLiteral("householdStatus"));

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusChip);
    statusRow->addWidget(m_statusText);
    statusRow->addStretch();

    auto *formHost = new QWidget(this);
    auto *form = new QFormLayout(formHost);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildForm(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(formHost);
    m_tabs->addTab(scroll, tr("&Details"));
    m_tabs->addTab(m_visits, tr("V&isits"));
    m_tabs->addTab(m_jobs, tr("&Jobs"));
    m_tabs->addTab(m_history, tr("&History"));
    m_tabs->setObjectName(QStringLiteral("detailTabs"));

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_subtitle);
    contentLayout->addLayout(statusRow);
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(hint);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connectCommits();
    connect(&m_editor, &HouseholdEditor::householdChanged, this, [this](const QUuid &id) {
        if (id == m_id)
            reload();
    });
}

void HouseholdDetailPanel::addSection(QFormLayout *form, const QString &title)
{
    auto *label = new QLabel(title, form->parentWidget());
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    if (form->rowCount() > 0)
        label->setContentsMargins(0, 8, 0, 0);
    form->addRow(label);
}

void HouseholdDetailPanel::addRow(QFormLayout *form, HouseholdField field, QWidget *editor)
{
    const QString name = HouseholdFields::name(field);
    const QString text = HouseholdFieldLabels::label(field);
    editor->setObjectName(QStringLiteral("field_") + name);
    editor->setAccessibleName(text);
    auto *label = new QLabel(tr("%1:").arg(text), form->parentWidget());
    label->setBuddy(editor);
    form->addRow(label, editor);

    auto *error = new QLabel(form->parentWidget());
    error->setObjectName(QStringLiteral("error_") + name);
    error->setWordWrap(true);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = error->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    error->setPalette(palette);
    const int row = form->rowCount();
    form->setWidget(row, QFormLayout::FieldRole, error);
    form->setRowVisible(row, false);
    m_rows.insert(field, {editor, error});
}

QLineEdit *HouseholdDetailPanel::addLineEdit(QFormLayout *form, HouseholdField field)
{
    auto *edit = new QLineEdit(form->parentWidget());
    edit->installEventFilter(this);
    addRow(form, field, edit);
    return edit;
}

void HouseholdDetailPanel::buildForm(QFormLayout *form)
{
    QWidget *host = form->parentWidget();
    addSection(form, tr("Address"));
    addLineEdit(form, HouseholdField::AddressLine1);
    addLineEdit(form, HouseholdField::AddressLine2);
    addLineEdit(form, HouseholdField::Town);
    addLineEdit(form, HouseholdField::Postcode)->setPlaceholderText(tr("e.g. LE13 1AB"));
    m_area = new QComboBox(host);
    m_area->setEditable(true);
    m_area->setInsertPolicy(QComboBox::NoInsert);
    m_area->lineEdit()->installEventFilter(this);
    addRow(form, HouseholdField::Area, m_area);
    addLineEdit(form, HouseholdField::Latitude)->setPlaceholderText(tr("e.g. 52.7661"));
    addLineEdit(form, HouseholdField::Longitude)->setPlaceholderText(tr("e.g. -0.8867"));
    addLineEdit(form, HouseholdField::Uprn)->setPlaceholderText(tr("up to 12 digits"));

    addSection(form, tr("Scheme"));
    m_statusBox = new QComboBox(host);
    m_statusBox->setToolTip(tr("Only the statuses this household can move to are offered."));
    addRow(form, HouseholdField::Status, m_statusBox);
    auto *eligibility = new QWidget(host);
    auto *grid = new QGridLayout(eligibility);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList words = HouseholdFields::eligibilityWords();
    for (int i = 0; i < words.size(); ++i) {
        auto *box = new QCheckBox(eligibilityLabel(words[i]), eligibility);
        box->setObjectName(QStringLiteral("eligibility_") + words[i]);
        grid->addWidget(box, i / 2, i % 2);
        m_eligibility.insert(words[i], box);
    }
    addRow(form, HouseholdField::Eligibility, eligibility);
    eligibility->setFocusPolicy(Qt::NoFocus);
    m_priority = new QSpinBox(host);
    m_priority->setRange(0, 9);
    m_priority->setToolTip(tr("0 (none) to 9 (most urgent)"));
    addRow(form, HouseholdField::Priority, m_priority);
    m_notes = new QPlainTextEdit(host);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);
    m_notes->installEventFilter(this);
    addRow(form, HouseholdField::Notes, m_notes);

    addSection(form, tr("Resident"));
    addLineEdit(form, HouseholdField::ResidentName);
    addLineEdit(form, HouseholdField::Phone);
    addLineEdit(form, HouseholdField::Email);
}

void HouseholdDetailPanel::connectCommits()
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        auto *edit = qobject_cast<QLineEdit *>(it->editor);
        if (!edit)
            continue;
        HouseholdField field = it.key();
        // Latitude and longitude are saved together: the store wants both or neither.
        const QList<HouseholdField> fields
            = (field == HouseholdField::Latitude || field == HouseholdField::Longitude)
            ? QList<HouseholdField> {HouseholdField::Latitude, HouseholdField::Longitude}
            : QList<HouseholdField> {field};
        connect(edit, &QLineEdit::editingFinished, this, [this, fields] { commit(fields); });
    }
    connect(m_area, &QComboBox::activated, this, [this] { commit({HouseholdField::Area}); });
    connect(m_area->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { commit({HouseholdField::Area}); });
    connect(m_statusBox, &QComboBox::activated, this, &HouseholdDetailPanel::commitStatus);
    connect(m_priority, &QSpinBox::editingFinished, this,
            [this] { commit({HouseholdField::Priority}); });
    for (QCheckBox *box : std::as_const(m_eligibility)) {
        connect(box, &QCheckBox::toggled, this, [this] { commit({HouseholdField::Eligibility}); });
    }
}

void HouseholdDetailPanel::setAreas(const QStringList &names)
{
    const QString current = m_area->currentText();
    m_area->clear();
    m_area->addItems(names);
    m_area->setCurrentText(current);
}

void HouseholdDetailPanel::showHousehold(const QUuid &id)
{
    m_id = id;
    for (HouseholdField field : HouseholdFields::all())
        clearError(field);
    if (id.isNull() || !m_repository.find(id)) {
        m_id = QUuid();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    reload();
}

QWidget *HouseholdDetailPanel::editorFor(HouseholdField field) const
{
    return m_rows.value(field).editor;
}

QString HouseholdDetailPanel::errorAt(HouseholdField field) const
{
    const QLabel *error = m_rows.value(field).error;
    return error && !error->text().isEmpty() ? error->text() : QString();
}

void HouseholdDetailPanel::reload()
{
    const auto record = m_repository.find(m_id);
    if (!record)
        return;
    m_loading = true;
    m_status = record->household.status;
    for (HouseholdField field : HouseholdFields::all()) {
        const QString value = HouseholdFields::value(record->household, record->resident, field);
        m_loaded.insert(field, value);
        // A refused value stays in its field until the user changes or replaces it.
        if (field == HouseholdField::Status || errorAt(field).isEmpty())
            setText(field, value);
    }
    m_loading = false;

    const Household &h = record->household;
    m_title->setText(h.addressLine2.isEmpty() ? h.addressLine1
                                              : tr("%1, %2").arg(h.addressLine1, h.addressLine2));
    QStringList parts;
    for (const QString &part : {h.postcode, h.town, h.areaName}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    m_subtitle->setText(parts.join(QStringLiteral(" \u00b7 ")));
    m_statusChip->setPixmap(StatusPalette::chip(h.status).pixmap(QSize(12, 12)));
    m_statusText->setText(HouseholdStatusRules::label(h.status));
    m_history->showHousehold(m_id);
    m_visits->showHousehold(m_id);
    m_jobs->showHousehold(m_id);
}

void HouseholdDetailPanel::loadStatus(HouseholdStatus status)
{
    m_statusBox->clear();
    m_statusBox->addItem(StatusPalette::chip(status), HouseholdStatusRules::label(status),
                         HouseholdStatusRules::name(status));
    for (HouseholdStatus next : HouseholdStatusRules::successors(status)) {
        m_statusBox->addItem(StatusPalette::chip(next), HouseholdStatusRules::label(next),
                             HouseholdStatusRules::name(next));
    }
    m_statusBox->setCurrentIndex(0);
}

QString HouseholdDetailPanel::textOf(HouseholdField field) const
{
    switch (field) {
    case HouseholdField::Area: return m_area->currentText();
    case HouseholdField::Status: return m_statusBox->currentData().toString();
    case HouseholdField::Priority: return QString::number(m_priority->value());
    case HouseholdField::Notes: return m_notes->toPlainText();
    case HouseholdField::Eligibility: {
        QStringList words;
        for (const QString &word : HouseholdFields::eligibilityWords()) {
            if (m_eligibility.value(word)->isChecked())
                words.append(word);
        }
        return words.join(QLatin1Char(';'));
    }
    default:
        if (auto *edit = qobject_cast<QLineEdit *>(editorFor(field)))
            return edit->text();
        return {};
    }
}

void HouseholdDetailPanel::setText(HouseholdField field, const QString &value)
{
    switch (field) {
    case HouseholdField::Area: m_area->setCurrentText(value); break;
    case HouseholdField::Status: loadStatus(m_status); break;
    case HouseholdField::Priority: m_priority->setValue(value.toInt()); break;
    case HouseholdField::Notes:
        if (m_notes->toPlainText() != value)
            m_notes->setPlainText(value);
        break;
    case HouseholdField::Eligibility: {
        const QStringList words = value.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (auto it = m_eligibility.cbegin(); it != m_eligibility.cend(); ++it) {
            const QSignalBlocker blocker(*it);
            (*it)->setChecked(words.contains(it.key()));
        }
        break;
    }
    default:
        if (auto *edit = qobject_cast<QLineEdit *>(editorFor(field)))
            edit->setText(value);
        break;
    }
}

void HouseholdDetailPanel::commit(const QList<HouseholdField> &fields)
{
    if (m_loading || m_id.isNull())
        return;
    HouseholdEditor::Assignments assignments;
    bool changed = false;
    for (HouseholdField field : fields) {
        const QString text = textOf(field);
        assignments.append({HouseholdFields::name(field), text});
        changed = changed || text != m_loaded.value(field) || !errorAt(field).isEmpty();
    }
    if (!changed)
        return;
    // Cleared first: a successful save reloads the panel, which skips fields with errors.
    for (HouseholdField field : fields)
        clearError(field);
    const HouseholdService::Result result = m_editor.edit(m_id, assignments);
    if (result.ok())
        return;
    const std::optional<HouseholdField> named = HouseholdFields::fromName(result.field);
    showError(named && fields.contains(*named) ? *named : fields.first(), result.errorString());
}

void HouseholdDetailPanel::commitStatus(int comboIndex)
{
    const QString chosen = m_statusBox->itemData(comboIndex).toString();
    if (m_id.isNull() || chosen == HouseholdStatusRules::name(m_status))
        return;
    clearError(HouseholdField::Status);
    const HouseholdService::Result result
        = m_editor.edit(m_id, {{HouseholdFields::name(HouseholdField::Status), chosen}});
    if (!result.ok()) {
        // The combo goes back to what is saved; the reason stays beside it.
        loadStatus(m_status);
        showError(HouseholdField::Status, result.errorString());
    }
}

void HouseholdDetailPanel::showError(HouseholdField field, const QString &message)
{
    const FieldRow row = m_rows.value(field);
    if (!row.error)
        return;
    row.error->setText(message);
    row.error->setAccessibleName(message);
    row.editor->setAccessibleDescription(message);
    if (auto *form = qobject_cast<QFormLayout *>(row.error->parentWidget()->layout()))
        form->setRowVisible(row.error, true);
}

void HouseholdDetailPanel::clearError(HouseholdField field)
{
    const FieldRow row = m_rows.value(field);
    if (!row.error || row.error->text().isEmpty())
        return;
    row.error->clear();
    row.editor->setAccessibleDescription({});
    if (auto *form = qobject_cast<QFormLayout *>(row.error->parentWidget()->layout()))
        form->setRowVisible(row.error, false);
}

bool HouseholdDetailPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes && event->type() == QEvent::FocusOut) {
        commit({HouseholdField::Notes});
    } else if (event->type() == QEvent::ShortcutOverride) {
        // With nothing of its own to undo, a field lets Ctrl+Z reach Edit → Undo, which
        // undoes the last saved edit.
        auto *edit = qobject_cast<QLineEdit *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (edit
            && ((key->matches(QKeySequence::Undo) && !edit->isUndoAvailable())
                || (key->matches(QKeySequence::Redo) && !edit->isRedoAvailable()))) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace saferhomes
