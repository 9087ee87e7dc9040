#pragma once

#include "domain/result.h"
#include "surveycondition.h"
#include "surveyjsonreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

struct SurveyOption {
    QString value; ///< stored in the answers
    QString label; ///< shown to the volunteer
};

/// One question of the doorstep survey (DESIGN §6).
struct SurveyQuestion {
    enum class Type { Choice, Integer, Text, Photo };

    QString id; ///< e.g. "front_door.material"; the key in the answers object
    Type type = Type::Choice;
    QString label;
    QString help;
    QList<SurveyOption> options; ///< choice questions only
    bool required = false; ///< required only while visible
    std::optional<SurveyCondition> showIf; ///< asked only when this holds
    std::optional<qint64> minimum; ///< integer questions
    std::optional<qint64> maximum; ///< integer questions
    std::optional<qint64> maxLength; ///< text questions
    QString sectionId;

    bool hasOption(const QString &value) const;
    QStringList optionValues() const;
    /// The label of option \a value, or \a value itself when it is not an option.
    QString optionLabel(const QString &value) const;
    static QString typeName(Type type);
};

struct SurveySection {
    QString id;
    QString title;
    QList<SurveyQuestion> questions;
};

/// One problem with a set of answers.
struct SurveyIssue {
    enum class Kind {
        Missing, ///< a visible required question has no answer
        Invalid, ///< the answer has the wrong type, is not an option or is out of range
        Unknown, ///< the answers name a question the definition does not have
    };
    QString questionId;
    QString message;
    Kind kind = Kind::Invalid;
};

/// How far a survey has got: answered visible required questions of all visible required.
struct SurveyProgress {
    int answered = 0;
    int required = 0;
    /// 0..1; a survey with nothing required is complete.
    double fraction() const { return required == 0 ? 1.0 : double(answered) / required; }
    bool isComplete() const { return answered == required; }
};

/// A versioned doorstep survey definition: its sections and questions, skip logic and the
/// checks on a set of answers (a JSON object keyed by question id).
class SurveyDefinition {
    Q_DECLARE_TR_FUNCTIONS(SurveyDefinition)

public:
    /// Reads and validates a definition; \a fileName names it in error messages. On failure
    /// (Error::Invalid, every problem on a line of its own) isValid() is false and errors()
    /// says what is wrong, by file and JSON path.
    Status load(const QByteArray &json, const QString &fileName);
    /// load() of the file \a path; a file that is not there is Error::NotFound, one that
    /// cannot be read Error::Database.
    Status loadFile(const QString &path);
    /// The definition compiled into the application.
    static SurveyDefinition builtIn();
    static QString builtInPath();

    bool isValid() const { return m_status.ok(); }
    /// What the last load() or loadFile() returned (a definition never loaded is invalid).
    Status status() const { return m_status; }
    /// "file: json.path: message", one per problem.
    QStringList errors() const { return m_errors; }
    QString fileName() const { return m_fileName; }

    QString version() const { return m_version; }
    QString title() const { return m_title; }
    QList<SurveySection> sections() const { return m_sections; }
    /// Every question in the order it is asked.
    QList<SurveyQuestion> questions() const { return m_questions; }
    /// The question \a id, or nullptr.
    const SurveyQuestion *question(const QString &id) const;

    /// Whether question \a id is asked, given \a answers. Answers to questions that are
    /// themselves hidden do not count; an unknown id is not visible.
    bool isVisible(const QString &questionId, const QJsonObject &answers) const;
    QList<SurveyQuestion> visibleQuestions(const QJsonObject &answers) const;
    /// \a answers as the rules see them: only visible questions with acceptable answers,
    /// integers as JSON numbers; empty text and nulls are no answer.
    QJsonObject effectiveAnswers(const QJsonObject &answers) const;
    /// Every problem with \a answers, in question order then unknown ids. Answers to
    /// hidden questions are ignored.
    QList<SurveyIssue> validate(const QJsonObject &answers) const;
    SurveyProgress progress(const QJsonObject &answers) const;

private:
    QList<bool> visibility(const QJsonObject &answers, QJsonObject *effective) const;

    /// A definition never loaded is invalid.
    static Error notLoaded();

    Status m_status = notLoaded();
    QStringList m_errors;
    QString m_fileName;
    QString m_version;
    QString m_title;
    QList<SurveySection> m_sections;
    QList<SurveyQuestion> m_questions;
    QHash<QString, qsizetype> m_index;
};

} // namespace saferhomes
