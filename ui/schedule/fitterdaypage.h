#pragma once

#include "domain/job.h"
#include "store/jobrepository.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;

namespace saferhomes {

class Database;
class FitterDayForm;

/// The fitter's day (DESIGN §8): a fitter's jobs of the day in route order with address,
/// access notes, items and the householder's contact, and the visit recorded offline: what
/// was fitted, photos and sign-off, or no access. Big targets, as in doorstep mode.
class FitterDayPage : public QWidget {
    Q_OBJECT

public:
    /// \a database must stay open while the page exists.
    explicit FitterDayPage(Database &database, QWidget *parent = nullptr);

    /// The day shown (today unless set).
    void setDate(const QDate &date);
    QDate date() const { return m_date; }
    /// Shows \a fitterId's day (the signed-in fitter's, or the one chosen on a shared laptop).
    void setFitter(const QUuid &fitterId);
    QUuid fitterId() const;
    /// Whether the householder's contact is shown (the role may see it); on by default, as a
    /// device holds only the residents its login may read.
    void setShowContact(bool show);
    /// Reads the fitters and the day's jobs again.
    void reload();

    QComboBox *fitterBox() const { return m_fitter; }
    QListWidget *jobList() const { return m_jobs; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *statusLabel() const { return m_status; }
    FitterDayForm *form() const { return m_form; }
    const QList<Job> &jobs() const { return m_day; }

signals:
    /// A visit was recorded (completed or no access).
    void jobRecorded(const QUuid &jobId);

private:
    void loadFitters();
    void loadJobs();
    void showJob(int row);
    void complete();
    void showShortfalls(const Job &job);
    void noAccess();
    QString details(const Job &job) const;

    Database &m_database;
    QDate m_date;
    bool m_showContact = true;
    QList<Job> m_day;
    QHash<QString, EquipmentLabel> m_labels;
    QComboBox *m_fitter = nullptr;
    QLabel *m_dateLabel = nullptr;
    QListWidget *m_jobs = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_status = nullptr;
    FitterDayForm *m_form = nullptr;
};

} // namespace saferhomes
