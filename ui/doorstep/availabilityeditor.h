#pragma once

#include "domain/job.h"

#include <QGroupBox>

#include <array>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimeEdit;

namespace saferhomes {

class TouchButton;

/// Asks for the householder's availability with the package (DESIGN §8): weekly windows
/// (days and a time range), weekdays and dates to avoid, and access notes for the fitter.
class AvailabilityEditor : public QGroupBox {
    Q_OBJECT

public:
    explicit AvailabilityEditor(QWidget *parent = nullptr);

    /// What was entered: the windows added, plus the days and times being entered when any
    /// day is ticked. Empty, with a message at the field, when something cannot be read.
    std::optional<JobAvailability> availability();
    QString accessNotes() const;
    /// Starts again with nothing entered.
    void clear();
    /// Starts again showing what is stored (a job's \a availability and \a accessNotes):
    /// its windows in the list, its days and dates to avoid, its notes; nothing being entered.
    void setAvailability(const JobAvailability &availability, const QString &accessNotes);
    QString errorText() const;

    /// ISO weekday \a day (1 = Monday) of the window being entered.
    QCheckBox *windowDay(int day) const { return m_windowDays.at(size_t(day - 1)); }
    QTimeEdit *fromEdit() const { return m_from; }
    QTimeEdit *toEdit() const { return m_to; }
    TouchButton *addWindowButton() const { return m_addWindow; }
    TouchButton *removeWindowButton() const { return m_removeWindow; }
    QListWidget *windowList() const { return m_windowList; }
    /// ISO weekday \a day (1 = Monday) to avoid.
    QCheckBox *avoidDay(int day) const { return m_avoidDays.at(size_t(day - 1)); }
    QLineEdit *avoidDatesEdit() const { return m_avoidDates; }
    QLineEdit *accessNotesEdit() const { return m_accessNotes; }

private:
    /// The window being entered; nullopt (and a message) when its times are the wrong way round.
    std::optional<std::optional<AvailabilityWindow>> pendingWindow();
    void addWindow();
    void removeWindow();
    static QString describe(const AvailabilityWindow &window);

    std::array<QCheckBox *, 7> m_windowDays {};
    std::array<QCheckBox *, 7> m_avoidDays {};
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    TouchButton *m_addWindow;
    TouchButton *m_removeWindow;
    QListWidget *m_windowList;
    QLineEdit *m_avoidDates;
    QLineEdit *m_accessNotes;
    QLabel *m_error;
    QList<AvailabilityWindow> m_windows;
};

} // namespace saferhomes
