#pragma once

#include "domain/fitter.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimeEdit;

namespace saferhomes {

class Database;

/// The form for one fitter (View › Fitters… › Add or Edit): name, skills, usual shift, each
/// weekday's shift, absences, where the day starts, van, active. Save checks every field, shows
/// what is wrong beside it and keeps what was typed; a good fitter is stored through
/// FitterRepository (added when new, updated otherwise) and the dialog accepts.
class FitterEditor : public QDialog {
    Q_OBJECT

public:
    /// What a weekday's combo box offers, in its order.
    enum DayChoice { UsualDay = 0, DayOff = 1, CustomDay = 2 };

    /// \a fitter with a null id is a new one. \a database must stay open while the form exists.
    FitterEditor(Database &database, const Fitter &fitter, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *skillBox(const QString &skill) const { return m_skills.value(skill); }
    QTimeEdit *shiftStartEdit() const { return m_shiftStart; }
    QTimeEdit *shiftEndEdit() const { return m_shiftEnd; }
    /// ISO weekday 1..7.
    QComboBox *dayChoice(int weekday) const { return m_days.value(weekday).choice; }
    QTimeEdit *dayStartEdit(int weekday) const { return m_days.value(weekday).start; }
    QTimeEdit *dayEndEdit(int weekday) const { return m_days.value(weekday).end; }
    QPlainTextEdit *absencesEdit() const { return m_absences; }
    QLineEdit *latitudeEdit() const { return m_latitude; }
    QLineEdit *longitudeEdit() const { return m_longitude; }
    QLineEdit *vanEdit() const { return m_van; }
    QCheckBox *activeBox() const { return m_active; }
    /// The messages shown beside the fields, empty when the field is fine.
    QLabel *nameError() const { return m_nameError; }
    QLabel *shiftError() const { return m_shiftError; }
    QLabel *daysError() const { return m_daysError; }
    QLabel *absencesError() const { return m_absencesError; }
    QLabel *locationError() const { return m_locationError; }
    /// Why the database refused, empty otherwise.
    QLabel *saveError() const { return m_saveError; }

    /// Checks the fields and stores the fitter; true when it is stored.
    bool save();
    /// The fitter as last stored by save().
    const Fitter &fitter() const { return m_fitter; }

private:
    struct DayRow {
        QComboBox *choice = nullptr;
        QTimeEdit *start = nullptr;
        QTimeEdit *end = nullptr;
    };

    void load();
    QLabel *errorLabel();

    Database &m_database;
    Fitter m_fitter;
    QLineEdit *m_name = nullptr;
    QMap<QString, QCheckBox *> m_skills;
    QTimeEdit *m_shiftStart = nullptr;
    QTimeEdit *m_shiftEnd = nullptr;
    QMap<int, DayRow> m_days;
    QPlainTextEdit *m_absences = nullptr;
    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QLineEdit *m_van = nullptr;
    QCheckBox *m_active = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_shiftError = nullptr;
    QLabel *m_daysError = nullptr;
    QLabel *m_absencesError = nullptr;
    QLabel *m_locationError = nullptr;
    QLabel *m_saveError = nullptr;
};

} // namespace saferhomes
