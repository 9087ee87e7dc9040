#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace saferhomes {

struct SurveyQuestion;

/// A test of survey answers, used for skip logic (`showIf`) and recommendation rules:
/// `{"all": [...]}`, `{"any": [...]}`, `{"question": id, "equals": v}` or
/// `{"question": id, "in": [v, ...]}`.
class SurveyCondition {
    Q_DECLARE_TR_FUNCTIONS(SurveyCondition)

public:
    enum class Kind { All, Any, Equals, In };

    /// Finds the question a condition may name; nullptr (and a reason in \a why) when it is
    /// unknown or may not be used there.
    using QuestionLookup = std::function<const SurveyQuestion *(const QString &id, QString *why)>;
    /// Receives each problem found: the JSON path of the offending value and a message.
    using ErrorSink = std::function<void(const QString &path, const QString &message)>;

    /// Reads a condition at JSON \a path, checking question ids and values through \a lookup.
    /// Returns nothing (after reporting to \a fail) when it is malformed.
    static std::optional<SurveyCondition> parse(const QJsonValue &json, const QString &path,
                                                const QuestionLookup &lookup,
                                                const ErrorSink &fail);

    /// Whether \a answers (as SurveyDefinition::effectiveAnswers gives them) satisfy it.
    /// A question without an answer satisfies no `equals` or `in`.
    bool matches(const QJsonObject &answers) const;

    Kind kind() const { return m_kind; }
    QString questionId() const { return m_questionId; }
    /// The accepted values of an `equals` (one) or `in` test.
    QJsonArray values() const { return m_values; }
    QList<SurveyCondition> children() const { return m_children; }
    /// Every question id the condition looks at.
    QStringList questionIds() const;

private:
    Kind m_kind = Kind::All;
    QString m_questionId;
    QJsonArray m_values;
    QList<SurveyCondition> m_children;
};

/// Reads survey and rules JSON files, collecting every problem as "file: json.path: message"
/// (e.g. `definition-v1.json: sections[2].questions[0].options: expected an array`).
class SurveyJsonReader {
    Q_DECLARE_TR_FUNCTIONS(SurveyJsonReader)

public:
    explicit SurveyJsonReader(const QString &fileName);

    /// The top-level object of \a json, or nothing (after reporting why).
    std::optional<QJsonObject> parseObject(const QByteArray &json);
    void fail(const QString &path, const QString &message);
    SurveyCondition::ErrorSink sink();
    /// Reports every key of \a object that is not in \a allowed.
    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);
    /// A key that must hold a non-empty string.
    std::optional<QString> requiredString(const QJsonObject &object, const QString &path,
                                          const QString &key);
    /// A key that may be absent (empty result) or hold a string.
    QString optionalString(const QJsonObject &object, const QString &path, const QString &key);
    /// A JSON number with no fractional part, or nothing (after reporting it at \a path).
    std::optional<qint64> wholeNumber(const QJsonValue &value, const QString &path);

    QStringList errors() const { return m_errors; }
    bool hasErrors() const { return !m_errors.isEmpty(); }

    static QString member(const QString &path, const QString &key);
    static QString element(const QString &path, qsizetype index);

private:
    QString m_fileName;
    QStringList m_errors;
};

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
