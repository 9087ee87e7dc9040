// SurveyDefinition: loading a definition, and what it says of a set of answers (which
// questions are asked, the answers the rules see, what is wrong or missing, progress); and
// SurveyQuestion's options. Reading the JSON is in SurveyDefinitionParser and SurveyJsonReader.

#include "surveydefinition.h"

#include "survey_p.h"
#include "surveydefinitionparser.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace saferhomes {

namespace {

/// An answer as checked against its question: the value the rules see, or why it is refused.
/// Neither means "not answered".
struct AnswerCheck {
    std::optional<QJsonValue> value;
    QString error;
};

AnswerCheck checkChoice(const SurveyQuestion &question, const QJsonValue &raw)
{
    const QString expected = question.optionValues().join(QLatin1String(", "));
    if (!raw.isString())
        return {std::nullopt, SurveyDefinition::tr("expected one of: %1").arg(expected)};
    const QString value = raw.toString().trimmed();
    if (value.isEmpty())
        return {};
    if (!question.hasOption(value))
        return {std::nullopt,
                SurveyDefinition::tr("%1 is not one of: %2").arg(survey::quoted(value), expected)};
    return {QJsonValue(value), {}};
}

AnswerCheck checkInteger(const SurveyQuestion &question, const QJsonValue &raw)
{
    std::optional<qint64> number = survey::wholeNumberOf(raw);
    if (raw.isString()) {
        // Hand-written answer files sometimes quote numbers; the form writes numbers.
        const QString text = raw.toString().trimmed();
        if (text.isEmpty())
            return {};
        bool ok = false;
        const qint64 parsed = text.toLongLong(&ok);
        if (ok)
            number = parsed;
    }
    if (!number)
        return {std::nullopt, SurveyDefinition::tr("expected a whole number")};
    if (question.minimum && *number < *question.minimum)
        return {std::nullopt,
                SurveyDefinition::tr("%1 is less than %2").arg(*number).arg(*question.minimum)};
    if (question.maximum && *number > *question.maximum)
        return {std::nullopt,
                SurveyDefinition::tr("%1 is more than %2").arg(*number).arg(*question.maximum)};
    return {QJsonValue(double(*number)), {}};
}

AnswerCheck checkAnswer(const SurveyQuestion &question, const QJsonValue &raw)
{
    if (raw.isUndefined() || raw.isNull())
        return {};
    switch (question.type) {
    case SurveyQuestion::Type::Choice: return checkChoice(question, raw);
    case SurveyQuestion::Type::Integer: return checkInteger(question, raw);
    case SurveyQuestion::Type::Text:
    case SurveyQuestion::Type::Photo: {
        if (!raw.isString())
            return {std::nullopt,
                    question.type == SurveyQuestion::Type::Text
                        ? SurveyDefinition::tr("expected text")
                        : SurveyDefinition::tr("expected a photo reference (text)")};
        const QString text = raw.toString();
        if (text.trimmed().isEmpty())
            return {};
        if (question.maxLength && text.size() > *question.maxLength)
            return {std::nullopt,
                    SurveyDefinition::tr("longer than %1 characters").arg(*question.maxLength)};
        return {QJsonValue(text), {}};
    }
    }
    return {};
}

} // namespace

// SurveyQuestion --------------------------------------------------------------------------

bool SurveyQuestion::hasOption(const QString &value) const
{
    return std::any_of(options.cbegin(), options.cend(),
                       [&](const SurveyOption &option) { return option.value == value; });
}

QStringList SurveyQuestion::optionValues() const
{
    QStringList values;
    for (const SurveyOption &option : options)
        values.append(option.value);
    return values;
}

QString SurveyQuestion::optionLabel(const QString &value) const
{
    for (const SurveyOption &option : options) {
        if (option.value == value)
            return option.label;
    }
    return value;
}

QString SurveyQuestion::typeName(Type type)
{
    return QString::fromLatin1(survey::kTypeNames[size_t(type)]);
}

// SurveyDefinition ------------------------------------------------------------------------

Error SurveyDefinition::notLoaded()
{
    return Error::invalid(tr("no survey definition was loaded"));
}

Status SurveyDefinition::load(const QByteArray &json, const QString &fileName)
{
    *this = SurveyDefinition();
    m_fileName = fileName;
    SurveyJsonReader reader(fileName);
    const std::optional<QJsonObject> root = reader.parseObject(json);
    if (root) {
        reader.checkKeys(
            *root, {},
            {QStringLiteral("version"), QStringLiteral("title"), QStringLiteral("sections")});
        m_version = reader.requiredString(*root, {}, QStringLiteral("version")).value_or(QString());
        m_title = reader.optionalString(*root, {}, QStringLiteral("title"));
        SurveyDefinitionParser parser(reader);
        if (root->contains(u"sections"))
            parser.parseSections(root->value(u"sections"), QStringLiteral("sections"));
        else
            reader.fail({}, tr("missing \"sections\""));
        m_sections = parser.sections;
        m_questions = parser.questions;
        m_index = parser.index;
    }
    m_errors = reader.errors();
    m_status = m_errors.isEmpty() ? Status() : Error::invalid(m_errors.join(QLatin1Char('\n')));
    if (!m_status) {
        // Half a definition must not be used to judge answers.
        m_sections.clear();
        m_questions.clear();
        m_index.clear();
    }
    return m_status;
}

Status SurveyDefinition::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *this = SurveyDefinition();
        m_fileName = path;
        m_errors = {tr("%1: %2").arg(path, file.errorString())};
        m_status
            = file.exists() ? Error::database(m_errors.first()) : Error::notFound(m_errors.first());
        return m_status;
    }
    return load(file.readAll(), path);
}

SurveyDefinition SurveyDefinition::builtIn()
{
    SurveyDefinition definition;
    // A broken installation shows as an invalid definition (status() says why).
    (void)definition.loadFile(builtInPath());
    return definition;
}

QString SurveyDefinition::builtInPath()
{
    return QStringLiteral(":/survey/definition-v1.json");
}

const SurveyQuestion *SurveyDefinition::question(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_questions[*it];
}

QList<bool> SurveyDefinition::visibility(const QJsonObject &answers, QJsonObject *effective) const
{
    // In question order: a question's skip logic sees only the acceptable answers of the
    // visible questions before it, so answers left behind on hidden questions count for nothing.
    QList<bool> visible(m_questions.size(), false);
    QJsonObject seen;
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        const SurveyQuestion &question = m_questions[i];
        if (question.showIf && !question.showIf->matches(seen))
            continue;
        visible[i] = true;
        const AnswerCheck check = checkAnswer(question, answers.value(question.id));
        if (check.value)
            seen.insert(question.id, *check.value);
    }
    if (effective)
        *effective = seen;
    return visible;
}

bool SurveyDefinition::isVisible(const QString &questionId, const QJsonObject &answers) const
{
    const auto it = m_index.constFind(questionId);
    return it != m_index.cend() && visibility(answers, nullptr).value(*it);
}

QList<SurveyQuestion> SurveyDefinition::visibleQuestions(const QJsonObject &answers) const
{
    const QList<bool> visible = visibility(answers, nullptr);
    QList<SurveyQuestion> result;
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        if (visible[i])
            result.append(m_questions[i]);
    }
    return result;
}

QJsonObject SurveyDefinition::effectiveAnswers(const QJsonObject &answers) const
{
    QJsonObject effective;
    visibility(answers, &effective);
    return effective;
}

QList<SurveyIssue> SurveyDefinition::validate(const QJsonObject &answers) const
{
    QList<SurveyIssue> issues;
    const QList<bool> visible = visibility(answers, nullptr);
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        if (!visible[i])
            continue;
        const SurveyQuestion &question = m_questions[i];
        const AnswerCheck check = checkAnswer(question, answers.value(question.id));
        if (!check.error.isEmpty())
            issues.append({question.id, check.error, SurveyIssue::Kind::Invalid});
        else if (!check.value && question.required)
            issues.append({question.id, tr("an answer is required"), SurveyIssue::Kind::Missing});
    }
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (!m_index.contains(it.key())) {
            issues.append({it.key(), tr("not a question of survey version %1").arg(m_version),
                           SurveyIssue::Kind::Unknown});
        }
    }
    return issues;
}

SurveyProgress SurveyDefinition::progress(const QJsonObject &answers) const
{
    SurveyProgress progress;
    QJsonObject effective;
    const QList<bool> visible = visibility(answers, &effective);
    for (qsizetype i = 0; i < m_questions.size(); ++i) {
        if (!visible[i] || !m_questions[i].required)
            continue;
        ++progress.required;
        if (effective.contains(m_questions[i].id))
            ++progress.answered;
    }
    return progress;
}

} // namespace saferhomes
