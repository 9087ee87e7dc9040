#pragma once

#include "domain/result.h"

#include <QCoreApplication>
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

    /// Finds the question a condition may name, or Error::Invalid saying why it is unknown or
    /// may not be used there.
    using QuestionLookup = std::function<Result<const SurveyQuestion *>(const QString &id)>;
    /// Receives each problem found: the JSON path of the offending value and a message.
    using ErrorSink = std::function<void(const QString &path, const QString &message)>;

    /// Reads a condition at JSON \a path, checking question ids and values through \a lookup.
    /// Returns nothing (after reporting to \a fail) when it is malformed.
    static std::optional<SurveyCondition> parse(const QJsonValue &json, const QString &path,
                                                const QuestionLookup &lookup,
                                                const ErrorSink &fail);

    /// The failure a QuestionLookup gives for an \a id that names no question.
    static Error unknownQuestion(const QString &id);

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
    /// An `all` or `any` of \a object, which has one of the two.
    static std::optional<SurveyCondition> parseGroup(const QJsonObject &object, const QString &path,
                                                     const QuestionLookup &lookup,
                                                     const ErrorSink &fail);
    /// An `equals` or `in` test of the question \a object names.
    static std::optional<SurveyCondition> parseTest(const QJsonObject &object, const QString &path,
                                                    const QuestionLookup &lookup,
                                                    const ErrorSink &fail);

    Kind m_kind = Kind::All;
    QString m_questionId;
    QJsonArray m_values;
    QList<SurveyCondition> m_children;
};

} // namespace saferhomes
