// SurveyCondition: reading skip logic and rule conditions, checking the values they test
// against the questions they name, and matching them against answers.

#include "surveycondition.h"

#include "survey_p.h"
#include "surveydefinition.h"
#include "surveyjsonreader.h"

#include <QJsonDocument>

#include <algorithm>

namespace saferhomes {

using survey::quoted;
using survey::wholeNumberOf;

namespace {

/// \a value as it is written in JSON, for messages.
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)); // without the [ ]
}

bool sameValue(const QJsonValue &answer, const QJsonValue &expected)
{
    if (answer.isDouble() && expected.isDouble())
        return answer.toDouble() == expected.toDouble();
    if (answer.isString() && expected.isString())
        return answer.toString() == expected.toString();
    return false;
}

/// Whether \a value can be compared with answers to \a question: Error::Invalid saying why
/// not when it cannot.
Status checkConditionValue(const SurveyQuestion &question, const QJsonValue &value)
{
    switch (question.type) {
    case SurveyQuestion::Type::Choice:
        if (!value.isString() || !question.hasOption(value.toString())) {
            return Error::invalid(SurveyDefinition::tr("%1 is not an option of %2 (expected %3)")
                                      .arg(jsonText(value), question.id,
                                           question.optionValues().join(QLatin1String(", "))));
        }
        return {};
    case SurveyQuestion::Type::Integer:
        if (!wholeNumberOf(value))
            return Error::invalid(SurveyDefinition::tr("expected a whole number"));
        return {};
    case SurveyQuestion::Type::Text:
        if (!value.isString())
            return Error::invalid(SurveyDefinition::tr("expected a string"));
        return {};
    case SurveyQuestion::Type::Photo:
        return Error::invalid(SurveyDefinition::tr("photo answers cannot be tested"));
    }
    return {};
}

} // namespace

Error SurveyCondition::unknownQuestion(const QString &id)
{
    return Error::invalid(tr("unknown question %1").arg(quoted(id)));
}

std::optional<SurveyCondition> SurveyCondition::parse(const QJsonValue &json, const QString &path,
                                                      const QuestionLookup &lookup,
                                                      const ErrorSink &fail)
{
    if (!json.isObject()) {
        fail(path, tr("expected an object"));
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    const int forms = int(object.contains(u"all")) + int(object.contains(u"any"))
        + int(object.contains(u"question"));
    if (forms != 1) {
        fail(path, tr("expected exactly one of \"all\", \"any\" or \"question\""));
        return std::nullopt;
    }
    return object.contains(u"question") ? parseTest(object, path, lookup, fail)
                                        : parseGroup(object, path, lookup, fail);
}

std::optional<SurveyCondition> SurveyCondition::parseGroup(const QJsonObject &object,
                                                           const QString &path,
                                                           const QuestionLookup &lookup,
                                                           const ErrorSink &fail)
{
    const bool all = object.contains(u"all");
    const QString key = all ? QStringLiteral("all") : QStringLiteral("any");
    SurveyCondition condition;
    condition.m_kind = all ? Kind::All : Kind::Any;
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != key) {
            fail(SurveyJsonReader::member(path, it.key()), tr("unknown key"));
            ok = false;
        }
    }
    const QString listPath = SurveyJsonReader::member(path, key);
    const QJsonValue list = object.value(key);
    if (!list.isArray() || list.toArray().isEmpty()) {
        fail(listPath, tr("expected a non-empty array of conditions"));
        return std::nullopt;
    }
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto child = parse(array[i], SurveyJsonReader::element(listPath, i), lookup, fail);
        if (child)
            condition.m_children.append(*child);
        else
            ok = false;
    }
    return ok ? std::optional(condition) : std::nullopt;
}

std::optional<SurveyCondition> SurveyCondition::parseTest(const QJsonObject &object,
                                                          const QString &path,
                                                          const QuestionLookup &lookup,
                                                          const ErrorSink &fail)
{
    SurveyCondition condition;
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"question" && it.key() != u"equals" && it.key() != u"in") {
            fail(SurveyJsonReader::member(path, it.key()),
                 tr("unknown key (expected question, equals or in)"));
            ok = false;
        }
    }
    const QString questionPath = SurveyJsonReader::member(path, QStringLiteral("question"));
    const QJsonValue id = object.value(u"question");
    if (!id.isString() || id.toString().isEmpty()) {
        fail(questionPath, tr("expected a question id"));
        return std::nullopt;
    }
    const Result<const SurveyQuestion *> found = lookup(id.toString());
    if (!found) {
        fail(questionPath, found.error().message);
        return std::nullopt;
    }
    const SurveyQuestion *question = *found;
    condition.m_questionId = question->id;
    if (object.contains(u"equals") == object.contains(u"in")) {
        fail(path, tr("expected either \"equals\" or \"in\""));
        return std::nullopt;
    }
    QString valuesPath;
    if (object.contains(u"equals")) {
        condition.m_kind = Kind::Equals;
        condition.m_values = QJsonArray {object.value(u"equals")};
        valuesPath = SurveyJsonReader::member(path, QStringLiteral("equals"));
    } else {
        condition.m_kind = Kind::In;
        valuesPath = SurveyJsonReader::member(path, QStringLiteral("in"));
        const QJsonValue values = object.value(u"in");
        if (!values.isArray() || values.toArray().isEmpty()) {
            fail(valuesPath, tr("expected a non-empty array of values"));
            return std::nullopt;
        }
        condition.m_values = values.toArray();
    }
    for (qsizetype i = 0; i < condition.m_values.size(); ++i) {
        const Status comparable = checkConditionValue(*question, condition.m_values[i]);
        if (!comparable) {
            fail(condition.m_kind == Kind::In ? SurveyJsonReader::element(valuesPath, i)
                                              : valuesPath,
                 comparable.error().message);
            ok = false;
        }
    }
    return ok ? std::optional(condition) : std::nullopt;
}

bool SurveyCondition::matches(const QJsonObject &answers) const
{
    switch (m_kind) {
    case Kind::All:
        return std::all_of(m_children.cbegin(), m_children.cend(),
                           [&](const SurveyCondition &child) { return child.matches(answers); });
    case Kind::Any:
        return std::any_of(m_children.cbegin(), m_children.cend(),
                           [&](const SurveyCondition &child) { return child.matches(answers); });
    case Kind::Equals:
    case Kind::In: {
        const QJsonValue answer = answers.value(m_questionId);
        return std::any_of(m_values.begin(), m_values.end(),
                           [&](const QJsonValue &expected) { return sameValue(answer, expected); });
    }
    }
    return false;
}

QStringList SurveyCondition::questionIds() const
{
    QStringList ids;
    if (!m_questionId.isEmpty())
        ids.append(m_questionId);
    for (const SurveyCondition &child : m_children) {
        for (const QString &id : child.questionIds()) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

} // namespace saferhomes
