#pragma once

#include "preparedcache.h"
#include "repository.h"

#include "domain/visit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace saferhomes {

class Database;

/// Reads and writes security surveys and their packages in the local database; every write
/// is one transaction together with its audit events (and the household status change it
/// causes), so an answer acknowledged to the officer survives a crash.
class SurveyRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(SurveyRepository)

public:
    SurveyRepository(const Database &database, QString userName);

    /// The household's open draft, or a new one started now with \a definitionVersion on
    /// \a visitId (may be null), decided and written in one transaction (audited when
    /// created). \a created says which.
    Result<SurveyRecord> openDraft(const QUuid &householdId, const QString &definitionVersion,
                                   const QUuid &visitId, bool *created = nullptr);

    // Reads return the failure when the database cannot answer (a missing table, a damaged
    // file, a lock held by another program): "PATH: cannot read WHAT: SQLite's message".

    /// The household's open draft, if any (the newest, should sync have brought in two).
    Result<std::optional<SurveyRecord>> draft(const QUuid &householdId) const;
    /// One survey; Error::NotFound when there is none with \a surveyId.
    Result<SurveyRecord> find(const QUuid &surveyId) const;
    /// A household's surveys, newest first.
    Result<QList<SurveyRecord>> surveys(const QUuid &householdId) const;

    /// Sets answer \a questionId of draft \a surveyId to \a value (null or undefined removes
    /// it) and the draft's position, in one transaction, audited when the answer changes.
    /// Error::NotFound when \a surveyId is not an open draft; a database failure names the
    /// file and the table.
    Status saveAnswer(const QUuid &surveyId, const QString &questionId, const QJsonValue &value,
                      const QString &position);
    /// Sets the answers \a answers (question id, value; in the order they were given) of draft
    /// \a surveyId and the draft's position, in one transaction, each changed answer audited
    /// as saveAnswer() audits it: what an officer who answers them one by one leaves behind.
    Status saveAnswers(const QUuid &surveyId, const QList<std::pair<QString, QJsonValue>> &answers,
                       const QString &position);
    /// Moves draft \a surveyId to \a position (navigation only: not audited).
    Status savePosition(const QUuid &surveyId, const QString &position);

    /// Completes draft \a surveyId now, as taken with \a definitionVersion, and moves its
    /// household along \a move, in one audited transaction; returns the completion time.
    Result<QDateTime> complete(const QUuid &surveyId, const QString &definitionVersion,
                               const StatusMove &move);

    /// Replaces the package of survey \a surveyId by \a items and moves its household along
    /// \a move, in one audited transaction.
    Status savePackage(const QUuid &surveyId, const QList<PackageItem> &items,
                       const StatusMove &move);
    /// The package of a survey, in the order it was agreed.
    Result<QList<PackageItem>> package(const QUuid &surveyId) const;
    /// Those of \a codes that are not in the equipment catalogue.
    Result<QStringList> unknownEquipment(const QStringList &codes) const;
    /// Every catalogue code with what the package shows for it: "name (standard)".
    Result<QHash<QString, QString>> equipmentLabels() const;

private:
    /// The statements of writes and of the reads the doorstep makes on every step, prepared
    /// once (reads keep no cursor open: PreparedCache::read()).
    mutable PreparedCache m_prepared;
};

} // namespace saferhomes
