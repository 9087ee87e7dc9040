#include "schedule/fitterdayform.h"

#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "common/touchstyle.h"

#include <QBuffer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

constexpr int kTouchHeight = TouchButton::kMinimumSize;

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    TouchStyle::setText(label, TouchStyle::Text::Subheading);
    return label;
}

} // namespace

FitterDayForm::FitterDayForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("What was fitted"), this));
    m_items = new QWidget(this);
    layout->addWidget(m_items);

    layout->addWidget(heading(tr("Photos"), this));
    m_addPhoto = new TouchButton(tr("Add &photo\u2026"), this);
    m_addPhoto->setObjectName(QStringLiteral("addPhotoButton"));
    layout->addWidget(m_addPhoto, 0, Qt::AlignLeft);
    m_photoList = new QListWidget(this);
    m_photoList->setObjectName(QStringLiteral("photoList"));
    m_photoList->setAccessibleName(tr("Photos taken"));
    m_photoList->setMaximumHeight(2 * kTouchHeight);
    m_photoList->hide(); // until there is a photo
    m_photoList->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_photoList);
    m_photoError = TouchStyle::errorLabel(this, QStringLiteral("photoError"));
    layout->addWidget(m_photoError);
    connect(m_addPhoto, &QPushButton::clicked, this, &FitterDayForm::choosePhoto);

    layout->addWidget(heading(tr("Householder sign-off"), this));
    m_signature = new SignaturePad(this);
    m_signature->setObjectName(QStringLiteral("signaturePad"));
    m_signature->setAccessibleName(tr("Householder's signature"));
    layout->addWidget(m_signature);
    auto *nameLabel = new QLabel(tr("Signed off &by (the householder's name):"), this);
    layout->addWidget(nameLabel);
    m_signedOffBy = new QLineEdit(this);
    m_signedOffBy->setObjectName(QStringLiteral("signedOffByEdit"));
    m_signedOffBy->setAccessibleName(tr("Signed off by"));
    m_signedOffBy->setMinimumHeight(kTouchHeight);
    nameLabel->setBuddy(m_signedOffBy);
    layout->addWidget(m_signedOffBy);
    m_signedOffByError = TouchStyle::errorLabel(this, QStringLiteral("signedOffByError"));
    layout->addWidget(m_signedOffByError);
    m_complete = new TouchButton(tr("&Complete job"), this, TouchButton::Kind::Primary);
    m_complete->setObjectName(QStringLiteral("completeButton"));
    layout->addWidget(m_complete, 0, Qt::AlignLeft);
    connect(m_complete, &QPushButton::clicked, this, &FitterDayForm::completeRequested);

    layout->addWidget(heading(tr("Nobody in?"), this));
    auto *noAccessLabel = new QLabel(tr("&Reason for no access:"), this);
    layout->addWidget(noAccessLabel);
    m_noAccessReason = new QLineEdit(this);
    m_noAccessReason->setObjectName(QStringLiteral("noAccessEdit"));
    m_noAccessReason->setAccessibleName(tr("Reason for no access"));
    m_noAccessReason->setMinimumHeight(kTouchHeight);
    noAccessLabel->setBuddy(m_noAccessReason);
    layout->addWidget(m_noAccessReason);
    m_noAccess = new TouchButton(tr("&No access: back to the tray"), this);
    m_noAccess->setObjectName(QStringLiteral("noAccessButton"));
    layout->addWidget(m_noAccess, 0, Qt::AlignLeft);
    connect(m_noAccess, &QPushButton::clicked, this, &FitterDayForm::noAccessRequested);
    m_error = TouchStyle::errorLabel(this, QStringLiteral("formError"));
    layout->addWidget(m_error);
    layout->addStretch();
}

void FitterDayForm::setJob(const Job &job, const QHash<QString, EquipmentLabel> &labels)
{
    m_job = job;
    m_rows.clear();
    m_photos.clear();
    m_photoList->clear();
    m_photoList->hide();
    m_signature->clear();
    m_signedOffBy->clear();
    m_noAccessReason->clear();
    TouchStyle::setError(m_photoError, {});
    TouchStyle::setError(m_signedOffByError, {});
    TouchStyle::setError(m_error, {});

    // The rows are made again for each job; the old ones go with their container.
    auto *items = new QWidget(this);
    auto *grid = new QGridLayout(items);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Item"), items), 0, 0);
    grid->addWidget(new QLabel(tr("Fitted"), items), 0, 1);
    grid->addWidget(new QLabel(tr("Why it differs from the plan"), items), 0, 2);
    grid->addWidget(new QLabel(tr("Serial numbers"), items), 0, 3);
    QWidget *previous = nullptr;
    for (const JobItem &item : job.items) {
        const int index = int(m_rows.size());
        const int row = 1 + 2 * index;
        const EquipmentLabel label = labels.value(item.code);
        const QString name = label.name.isEmpty() ? item.code : label.name;
        auto *title
            = new QLabel(label.standard.isEmpty()
                             ? tr("%1 (planned %2)").arg(name).arg(item.qty)
                             : tr("%1, %2 (planned %3)").arg(name, label.standard).arg(item.qty),
                         items);
        title->setWordWrap(true);
        grid->addWidget(title, row, 0);
        Row entry {item, new QSpinBox(items), new QLineEdit(items), new QLineEdit(items),
                   TouchStyle::errorLabel(items, QStringLiteral("itemError%1").arg(index))};
        entry.fitted->setRange(0, 99);
        entry.fitted->setValue(item.qty);
        entry.fitted->setMinimumHeight(kTouchHeight);
        entry.fitted->setObjectName(QStringLiteral("fittedBox%1").arg(index));
        entry.fitted->setAccessibleName(tr("Fitted: %1").arg(name));
        entry.reason->setMinimumHeight(kTouchHeight);
        entry.reason->setObjectName(QStringLiteral("reasonEdit%1").arg(index));
        entry.reason->setAccessibleName(tr("Why fewer or more %1").arg(name));
        entry.reason->setPlaceholderText(tr("Only when it differs"));
        entry.reason->setEnabled(false);
        entry.serials->setMinimumHeight(kTouchHeight);
        entry.serials->setObjectName(QStringLiteral("serialEdit%1").arg(index));
        entry.serials->setAccessibleName(tr("Serial numbers: %1").arg(name));
        entry.serials->setPlaceholderText(tr("S1, S2"));
        grid->addWidget(entry.fitted, row, 1);
        grid->addWidget(entry.reason, row, 2);
        grid->addWidget(entry.serials, row, 3);
        grid->addWidget(entry.error, row + 1, 0, 1, 4);
        connect(entry.fitted, &QSpinBox::valueChanged, this,
                [this, index] { updateReason(index); });
        for (QWidget *field :
             {static_cast<QWidget *>(entry.fitted), static_cast<QWidget *>(entry.reason),
              static_cast<QWidget *>(entry.serials)}) {
            if (previous)
                setTabOrder(previous, field);
            previous = field;
        }
        m_rows.append(entry);
    }
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(3, 2);
    delete layout()->replaceWidget(m_items, items); // the old widget's layout item is ours
    delete m_items;
    m_items = items;
    items->show(); // made after the form may have been shown
    // The rows come first, then the fields made with the form.
    for (QWidget *field :
         {static_cast<QWidget *>(m_addPhoto), static_cast<QWidget *>(m_signedOffBy),
          static_cast<QWidget *>(m_complete), static_cast<QWidget *>(m_noAccessReason),
          static_cast<QWidget *>(m_noAccess)}) {
        if (previous)
            setTabOrder(previous, field);
        previous = field;
    }
}

void FitterDayForm::updateReason(int item)
{
    Row &row = m_rows[item];
    const bool differs = row.fitted->value() != row.item.qty;
    row.reason->setEnabled(differs);
    if (!differs)
        TouchStyle::setError(row.error, {});
}

bool FitterDayForm::checkReasons()
{
    // The keyboard goes to the first field that needs something.
    QWidget *first = nullptr;
    for (const Row &row : std::as_const(m_rows)) {
        const bool missing
            = row.fitted->value() != row.item.qty && row.reason->text().trimmed().isEmpty();
        TouchStyle::setError(
            row.error,
            missing
                ? tr("%1 fitted of %2 planned: say why.").arg(row.fitted->value()).arg(row.item.qty)
                : QString());
        if (missing && !first)
            first = row.reason;
    }
    const bool unnamed = m_signedOffBy->text().trimmed().isEmpty();
    TouchStyle::setError(m_signedOffByError,
                         unnamed ? tr("Type the name of the householder who signed it off.")
                                 : QString());
    if (unnamed && !first)
        first = m_signedOffBy;
    if (first)
        first->setFocus(Qt::OtherFocusReason);
    return !first;
}

JobCompletion FitterDayForm::completion() const
{
    JobCompletion completion;
    for (const Row &row : m_rows) {
        if (completion.fitted.contains(row.item.code))
            continue; // an item listed twice is taken once, as the model does
        completion.fitted.insert(row.item.code, row.fitted->value());
        if (!row.serials->text().trimmed().isEmpty())
            completion.serials.insert(row.item.code, row.serials->text().trimmed());
        if (row.fitted->value() != row.item.qty)
            completion.differenceReasons.insert(row.item.code, row.reason->text().trimmed());
    }
    completion.photos = m_photos;
    if (!m_signature->isEmpty())
        completion.signature = JobPicture {QStringLiteral("image/png"), m_signature->toPng()};
    completion.signedOffBy = m_signedOffBy->text().trimmed();
    return completion;
}

bool FitterDayForm::addPhoto(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        TouchStyle::setError(
            m_photoError,
            tr("%1 could not be opened: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    if (format.isEmpty() || reader.read().isNull()) {
        TouchStyle::setError(m_photoError,
                             tr("%1 is not a photo that can be read (%2). Nothing else was "
                                "changed.")
                                 .arg(QFileInfo(path).fileName(), reader.errorString()));
        return false;
    }
    m_photos.append({QStringLiteral("image/") + QString::fromLatin1(format), bytes});
    m_photoList->addItem(QFileInfo(path).fileName());
    m_photoList->show();
    TouchStyle::setError(m_photoError, {});
    return true;
}

void FitterDayForm::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add a photo"), {},
        tr("Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)"));
    if (!path.isEmpty())
        addPhoto(path);
}

void FitterDayForm::showError(const QString &message)
{
    TouchStyle::setError(m_error, message);
}

bool FitterDayForm::showItemError(const QString &code, const QString &message)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (row.item.code != code)
            continue;
        TouchStyle::setError(row.error, message);
        row.fitted->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

} // namespace saferhomes
