#pragma once

#include "domain/visit.h"
#include "store/demorepository.h"
#include "survey/recommendationengine.h"

#include "demohouseholds.h"
#include "demorandom.h"
#include "demotables.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUuid>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace saferhomes {

class Database;

/// Tells what happened at each demo household so that it ends in its status: visits,
/// consents, surveys and agreed packages through the same services the doorstep screens use
/// (VisitService, ConsentService, SurveyService, HouseholdService for status changes at the
/// door; a survey's answers saved together), and the catalogue, fitters, jobs, stock and the
/// status steps that booking and completing the jobs take, which no service writes yet,
/// through DemoRepository. The services stamp "now"; the times of each story are then moved into
/// the past where it happened (DemoRepository::backdate), and the audit trail keeps when the rows
/// were really written.
class DemoStories {
    Q_DECLARE_TR_FUNCTIONS(DemoStories)

public:
    DemoStories(const Database &database, DemoRepository &repository, int households, quint32 seed);
    ~DemoStories();
    DemoStories(const DemoStories &) = delete;
    DemoStories &operator=(const DemoStories &) = delete;

    // A failure names the household (a service refused a step of its story) or what was
    // being written (the repository's error); Error::Cancelled when the progress callback
    // stopped it.

    /// Writes the equipment catalogue, inside the repository's open transaction.
    Status writeCatalogue();
    /// Writes the fitters, more of them for a bigger register, inside the repository's open
    /// transaction.
    Status writeFitters();
    /// Writes the stories of \a homes, which must be committed as `identified`, in many
    /// transactions (no repository transaction may be open). On failure what was written
    /// stays (DemoData writes into a scratch database that is then thrown away).
    Status write(const std::vector<DemoHome> &homes);
    /// Called after each household's story with how many are written and how many there
    /// are; returning false stops the fill (write() then fails with Error::Kind::Cancelled).
    void setProgress(std::function<bool(int done, int total)> progress)
    {
        m_progress = std::move(progress);
    }

private:
    std::function<bool(int, int)> m_progress;
    struct Doorstep;
    struct FitterState {
        DemoFitter row;
        QString login;
        int skills = 0;
        int area = -1;
        int shiftStart = 0;
        int shiftEnd = 0;
        /// Minutes from midnight of each ISO weekday's shift (index 0 = Monday); {-1, -1} for
        /// a day off.
        std::array<std::pair<int, int>, 7> week {};
        QList<std::pair<QDate, QDate>> absences; ///< whole days, inclusive
        /// The shift on \a day, or {-1, -1} when the fitter does not work then.
        std::pair<int, int> shiftOn(const QDate &day) const;
    };
    /// One working day of every fitter: when each is next free, and the longest job any
    /// fitter of each area could still take (so a full day is passed over at once).
    struct DayPlan {
        std::vector<int> nextFree;
        std::vector<int> shiftEnd;
        int longestGap[kDemoAreaCount] = {};
    };
    /// A fitter's slot on one day.
    struct Booking {
        int fitter = -1;
        QDate day;
        int startMinute = 0;
    };
    /// A survey before it is taken: the answers, and the engine's package with what the
    /// householder agrees to.
    struct SurveyPlan {
        QJsonObject answers;
        QList<PackageItem> items;
        int minutes() const; ///< on site for the agreed items, setting up included
        int skills() const; ///< DemoSkill flags the agreed items need
    };
    /// A job as it is to end: booked as `scheduled` (or `no_access`) first, completed later.
    struct PlannedJob {
        const DemoHome *home = nullptr;
        int fitter = -1;
        DemoJob job;
        QList<DemoJobItem> items;
    };
    struct Backdate {
        DemoTimestamp which;
        QUuid id;
        QDateTime at;
    };

    Doorstep &as(const QString &user);
    /// A service's refusal of a step of \a home's story.
    static Error refused(const DemoHome &home, const QString &error);

    Status writeStory(const DemoHome &home);
    Status writeContactedStory(const DemoHome &home);
    Status writeSurveyedStory(const DemoHome &home);
    Status writeAcceptedStory(const DemoHome &home);
    Status writeDeclinedStory(const DemoHome &home);
    Status writeClosedStory(const DemoHome &home, VisitOutcome outcome);
    void shapeWeek(FitterState &fitter, int index) const;
    void planTrayJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                     const QDateTime &createdAt);
    void chooseTerms(DemoJob &job, int startMinute);
    void markRuleBreaks();
    Status writeJobs();
    Status completeJobs();
    Status moveStatuses(bool completed);
    Status moveStatusSteps(bool completed);
    Status writeStockAndTimes();
    Status writeStock();

    // Pieces of a story. Each draws from m_events in a fixed order, so no two draws may be
    // arguments of one call (the compiler chooses the order of those).
    QDate pastDay(int minDaysAgo, int maxDaysAgo);
    QDateTime at(const QDate &day, int minute);
    QDateTime visitTime(const QDate &day);
    QDateTime revisitTime(int maxDaysAhead);
    QString officer(int area);
    Status visit(const DemoHome &home, const QString &by, VisitOutcome outcome,
                 const QDateTime &when, const QString &reason = {}, const QDateTime &revisitAt = {},
                 const QString &notes = {}, QUuid *visitId = nullptr);
    Status addNoAnswers(const DemoHome &home, QDate before, int count);
    Status addConsents(const DemoHome &home, const QDateTime &when, const QString &by, bool fitting,
                       bool evaluation);
    Status addRefusal(const DemoHome &home, const QDateTime &when, const QString &by);
    SurveyPlan planSurvey(const DemoHome &home, bool agree);
    Status addSurvey(const DemoHome &home, const SurveyPlan &survey, const QUuid &visitId,
                     const QDateTime &when, const QString &by, bool agree, QUuid *surveyId);
    Status setStatus(const DemoHome &home, HouseholdStatus status, const QString &by);
    DayPlan &dayPlan(const QDate &day);
    std::optional<Booking> book(int area, int skills, int minutes, QDate from, int direction);
    void planJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                 const Booking &booking, const QString &status, const QDateTime &createdAt);

    const Database &m_database;
    DemoRepository &m_repository;
    int m_households = 0;
    DemoRandom m_events;
    /// Householders' availability and access notes: a stream of its own, so that adding them
    /// left every other draw of a seed as it was.
    DemoRandom m_terms;
    QTimeZone m_zone;
    QDate m_today;
    QDateTime m_now;
    std::unordered_map<qint64, int> m_utcOffsets; ///< Julian day → seconds east of UTC
    RecommendationEngine m_engine;
    QList<SurveyQuestion> m_questions; ///< in the order the survey asks them
    std::map<QString, std::unique_ptr<Doorstep>> m_doorsteps; ///< by user
    std::vector<FitterState> m_fitters;
    std::unordered_map<qint64, DayPlan> m_days; ///< by Julian day
    int m_rotation = 0;
    std::vector<PlannedJob> m_jobs;
    std::vector<Backdate> m_backdates;
};

} // namespace saferhomes
