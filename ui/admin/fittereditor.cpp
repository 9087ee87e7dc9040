#include "admin/fittereditor.h"

#include "domain/householdfield.h"
#include "store/database.h"
#include "store/fitterrepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QTimeEdit *timeEdit(QWidget *parent)
{
    auto *edit = new QTimeEdit(parent);
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    return edit;
}

/// "2026-12-24 2026-12-28 Christmas leave": first and last day, then the reason.
QString parseAbsences(const QString &text, QList<Absence> *absences)
{
    static const QRegularExpression line(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{4}-\\d{2}-\\d{2})\\s*(.*)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString trimmed = lines.at(i).trimmed();
        if (trimmed.isEmpty())
            continue;
        const QRegularExpressionMatch match = line.match(trimmed);
        const QDate from = QDate::fromString(match.captured(1), Qt::ISODate);
        const QDate to = QDate::fromString(match.captured(2), Qt::ISODate);
        if (!match.hasMatch() || !from.isValid() || !to.isValid())
            return FitterEditor::tr("Line %1: write first day, last day, reason "
                                    "(2026-12-24 2026-12-28 Leave)")
                .arg(i + 1);
        if (to < from)
            return FitterEditor::tr("Line %1: the last day is before the first").arg(i + 1);
        absences->append({from, to, match.captured(3).trimmed()});
    }
    return {};
}

} // namespace

FitterEditor::FitterEditor(Database &database, const Fitter &fitter, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_fitter(fitter)
{
    setWindowTitle(fitter.id.isNull() ? tr("Add fitter") : tr("Edit fitter %1").arg(fitter.name));
    auto *form = new QFormLayout;
    // A row whose field is a layout: its label still takes the mnemonic to \a buddy.
    const auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    m_name = new QLineEdit(this);
    m_nameError = errorLabel();
    auto *nameColumn = new QVBoxLayout;
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameError);
    form->addRow(labelFor(tr("&Name"), m_name), nameColumn);

    auto *skills = new QHBoxLayout;
    const QStringList skillNames = fitterSkillNames();
    for (const QString &skill : skillNames) {
        auto *box = new QCheckBox(skill, this);
        m_skills.insert(skill, box);
        skills->addWidget(box);
    }
    skills->addStretch();
    form->addRow(tr("Skills"), skills);

    m_shiftStart = timeEdit(this);
    m_shiftEnd = timeEdit(this);
    m_shiftError = errorLabel();
    auto *shift = new QHBoxLayout;
    shift->addWidget(m_shiftStart);
    shift->addWidget(new QLabel(tr("to"), this));
    shift->addWidget(m_shiftEnd);
    shift->addWidget(m_shiftError);
    shift->addStretch();
    form->addRow(labelFor(tr("&Usual shift"), m_shiftStart), shift);

    auto *days = new QGridLayout;
    const QLocale locale;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        DayRow row;
        row.choice = new QComboBox(this);
        row.choice->addItems({weekday <= 5 ? tr("Usual shift") : tr("Usual (weekend off)"),
                              tr("Day off"), tr("Own shift")});
        row.start = timeEdit(this);
        row.end = timeEdit(this);
        const QString dayName = locale.standaloneDayName(weekday, QLocale::LongFormat);
        row.choice->setAccessibleName(dayName);
        days->addWidget(new QLabel(dayName, this), weekday - 1, 0);
        days->addWidget(row.choice, weekday - 1, 1);
        days->addWidget(row.start, weekday - 1, 2);
        days->addWidget(row.end, weekday - 1, 3);
        const auto enable = [row](int choice) {
            row.start->setEnabled(choice == CustomDay);
            row.end->setEnabled(choice == CustomDay);
        };
        connect(row.choice, &QComboBox::currentIndexChanged, this, enable);
        enable(UsualDay);
        m_days.insert(weekday, row);
    }
    m_daysError = errorLabel();
    days->addWidget(m_daysError, 7, 0, 1, 4);
    form->addRow(tr("Week"), days);

    m_absences = new QPlainTextEdit(this);
    m_absences->setTabChangesFocus(true);
    m_absences->setPlaceholderText(tr("One a line: first day, last day, reason\n"
                                      "2026-12-24 2026-12-28 Christmas leave"));
    m_absences->setFixedHeight(m_absences->fontMetrics().lineSpacing() * 4 + 12);
    m_absencesError = errorLabel();
    auto *absences = new QVBoxLayout;
    absences->addWidget(m_absences);
    absences->addWidget(m_absencesError);
    form->addRow(labelFor(tr("A&bsences"), m_absences), absences);

    m_latitude = new QLineEdit(this);
    m_latitude->setPlaceholderText(tr("latitude"));
    m_longitude = new QLineEdit(this);
    m_longitude->setPlaceholderText(tr("longitude"));
    m_locationError = errorLabel();
    auto *location = new QHBoxLayout;
    location->addWidget(m_latitude);
    location->addWidget(m_longitude);
    location->addWidget(m_locationError, 1);
    form->addRow(labelFor(tr("Day &starts at"), m_latitude), location);

    m_van = new QLineEdit(this);
    form->addRow(tr("&Van"), m_van);
    m_active = new QCheckBox(tr("&Active (can be scheduled)"), this);
    form->addRow(QString(), m_active);

    m_saveError = errorLabel();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_saveError);
    layout->addWidget(buttons);
    load();
}

QLabel *FitterEditor::errorLabel()
{
    auto *label = new QLabel(this);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void FitterEditor::load()
{
    m_name->setText(m_fitter.name);
    for (auto it = m_skills.cbegin(); it != m_skills.cend(); ++it)
        it.value()->setChecked(m_fitter.skills.contains(it.key()));
    m_shiftStart->setTime(m_fitter.usualShift.start);
    m_shiftEnd->setTime(m_fitter.usualShift.end);
    for (auto it = m_days.cbegin(); it != m_days.cend(); ++it) {
        const DayRow &row = it.value();
        const std::optional<Shift> own = m_fitter.weekdayShifts.value(it.key());
        row.start->setTime(own ? own->start : m_fitter.usualShift.start);
        row.end->setTime(own ? own->end : m_fitter.usualShift.end);
        if (!m_fitter.weekdayShifts.contains(it.key()))
            row.choice->setCurrentIndex(UsualDay);
        else
            row.choice->setCurrentIndex(own ? CustomDay : DayOff);
    }
    QStringList absences;
    for (const Absence &absence : std::as_const(m_fitter.absences)) {
        absences.append(QStringLiteral("%1 %2 %3")
                            .arg(absence.from.toString(Qt::ISODate),
                                 absence.to.toString(Qt::ISODate), absence.reason)
                            .trimmed());
    }
    m_absences->setPlainText(absences.join(QLatin1Char('\n')));
    m_latitude->setText(m_fitter.latitude ? HouseholdFields::formatCoordinate(*m_fitter.latitude)
                                          : QString());
    m_longitude->setText(m_fitter.longitude ? HouseholdFields::formatCoordinate(*m_fitter.longitude)
                                            : QString());
    m_van->setText(m_fitter.van);
    m_active->setChecked(m_fitter.active);
}

bool FitterEditor::save()
{
    Fitter fitter = m_fitter;
    bool ok = true;
    const auto show = [&ok](QLabel *label, const QString &message) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
        if (!message.isEmpty())
            ok = false;
    };

    fitter.name = m_name->text().trimmed();
    show(m_nameError, fitter.name.isEmpty() ? tr("A fitter needs a name") : QString());

    fitter.skills.clear();
    const QStringList skillNames = fitterSkillNames(); // in the catalogue's order
    for (const QString &skill : skillNames) {
        if (m_skills.value(skill)->isChecked())
            fitter.skills.append(skill);
    }

    fitter.usualShift = {m_shiftStart->time(), m_shiftEnd->time()};
    show(m_shiftError,
         fitter.usualShift.start < fitter.usualShift.end
             ? QString()
             : tr("The shift must end after it starts"));

    fitter.weekdayShifts.clear();
    QStringList badDays;
    const QLocale locale;
    for (auto it = m_days.cbegin(); it != m_days.cend(); ++it) {
        const DayRow &row = it.value();
        switch (row.choice->currentIndex()) {
        case DayOff: fitter.weekdayShifts.insert(it.key(), std::nullopt); break;
        case CustomDay:
            if (row.start->time() >= row.end->time())
                badDays.append(locale.standaloneDayName(it.key(), QLocale::LongFormat));
            fitter.weekdayShifts.insert(it.key(), Shift {row.start->time(), row.end->time()});
            break;
        default: break;
        }
    }
    show(m_daysError,
         badDays.isEmpty()
             ? QString()
             : tr("The shift must end after it starts: %1").arg(badDays.join(QLatin1String(", "))));

    fitter.absences.clear();
    show(m_absencesError, parseAbsences(m_absences->toPlainText(), &fitter.absences));

    const QString latitude = m_latitude->text().trimmed();
    const QString longitude = m_longitude->text().trimmed();
    fitter.latitude.reset();
    fitter.longitude.reset();
    QString locationProblem;
    if (latitude.isEmpty() != longitude.isEmpty()) {
        locationProblem = tr("Give both latitude and longitude, or neither");
    } else if (!latitude.isEmpty()) {
        const Result<double> lat = HouseholdFields::coordinate(HouseholdField::Latitude, latitude);
        const Result<double> lon
            = HouseholdFields::coordinate(HouseholdField::Longitude, longitude);
        if (!lat) {
            locationProblem = lat.error().message;
        } else if (!lon) {
            locationProblem = lon.error().message;
        } else {
            fitter.latitude = *lat;
            fitter.longitude = *lon;
        }
    }
    show(m_locationError, locationProblem);

    fitter.van = m_van->text().trimmed();
    fitter.active = m_active->isChecked();
    show(m_saveError, QString());
    if (!ok)
        return false;

    FitterRepository repository(m_database, Database::localUserName());
    const Result<Fitter> stored
        = fitter.id.isNull() ? repository.add(fitter) : repository.update(fitter);
    if (!stored) {
        show(m_saveError, tr("Could not save the fitter: %1").arg(stored.error().message));
        return false;
    }
    m_fitter = *stored;
    return true;
}

} // namespace saferhomes
