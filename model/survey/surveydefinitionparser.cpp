// SurveyDefinitionParser: reads and checks a definition's sections and questions, their
// options, limits and skip logic.

#include "surveydefinitionparser.h"

#include "survey_p.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace saferhomes {

using survey::quoted;

SurveyDefinitionParser::SurveyDefinitionParser(SurveyJsonReader &reader)
    : m_reader(reader)
{ }

void SurveyDefinitionParser::parseSections(const QJsonValue &value, const QString &path)
{
    if (!value.isArray() || value.toArray().isEmpty()) {
        m_reader.fail(path, tr("expected a non-empty array of sections"));
        return;
    }
    const QJsonArray array = value.toArray();
    QHash<QString, QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString sectionPath = SurveyJsonReader::element(path, i);
        if (!array[i].isObject()) {
            m_reader.fail(sectionPath, tr("expected an object"));
            continue;
        }
        const QJsonObject object = array[i].toObject();
        m_reader.checkKeys(
            object, sectionPath,
            {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("questions")});
        SurveySection section;
        section.id = m_reader.requiredString(object, sectionPath, QStringLiteral("id"))
                         .value_or(QString());
        section.title = m_reader.requiredString(object, sectionPath, QStringLiteral("title"))
                            .value_or(QString());
        if (!section.id.isEmpty() && seen.contains(section.id)) {
            m_reader.fail(SurveyJsonReader::member(sectionPath, QStringLiteral("id")),
                          tr("duplicate section id %1 (also at %2)")
                              .arg(quoted(section.id), seen.value(section.id)));
        }
        seen.insert(section.id, sectionPath);
        const QString questionsPath
            = SurveyJsonReader::member(sectionPath, QStringLiteral("questions"));
        const QJsonValue list = object.value(u"questions");
        if (!list.isArray() || list.toArray().isEmpty()) {
            m_reader.fail(questionsPath, tr("expected a non-empty array of questions"));
        } else {
            const QJsonArray questionArray = list.toArray();
            for (qsizetype j = 0; j < questionArray.size(); ++j) {
                parseQuestion(questionArray[j], SurveyJsonReader::element(questionsPath, j),
                              &section);
            }
        }
        sections.append(section);
    }
}

void SurveyDefinitionParser::parseQuestion(const QJsonValue &value, const QString &path,
                                           SurveySection *section)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"));
    if (!value.isObject()) {
        m_reader.fail(path, tr("expected an object"));
        return;
    }
    const QJsonObject object = value.toObject();
    const qsizetype errorsBefore = m_reader.errors().size();
    m_reader.checkKeys(object, path,
                       {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("label"),
                        QStringLiteral("help"), QStringLiteral("required"),
                        QStringLiteral("options"), QStringLiteral("showIf"), QStringLiteral("min"),
                        QStringLiteral("max"), QStringLiteral("maxLength")});
    SurveyQuestion question;
    question.sectionId = section->id;
    const QString idPath = SurveyJsonReader::member(path, QStringLiteral("id"));
    const std::optional<QString> id = m_reader.requiredString(object, path, QStringLiteral("id"));
    if (id && !idPattern.match(*id).hasMatch()) {
        m_reader.fail(
            idPath,
            tr("%1 is not a question id (lower-case words joined by dots)").arg(quoted(*id)));
    } else if (id && m_paths.contains(*id)) {
        m_reader.fail(
            idPath,
            tr("duplicate question id %1 (also at %2)").arg(quoted(*id), m_paths.value(*id)));
    }
    question.id = id.value_or(QString());
    parseType(object, path, &question);
    question.label
        = m_reader.requiredString(object, path, QStringLiteral("label")).value_or(QString());
    question.help = m_reader.optionalString(object, path, QStringLiteral("help"));
    if (object.contains(u"required")) {
        if (!object.value(u"required").isBool()) {
            m_reader.fail(SurveyJsonReader::member(path, QStringLiteral("required")),
                          tr("expected true or false"));
        }
        question.required = object.value(u"required").toBool();
    }
    parseOptions(object, path, &question);
    parseLimits(object, path, &question);
    if (object.contains(u"showIf"))
        parseShowIf(object.value(u"showIf"), path, &question);

    if (id && !m_paths.contains(*id)) {
        m_paths.insert(*id, path);
        // Only a question that reads correctly joins the lookup, so that skip logic naming
        // a broken one reports that instead of a cascade of errors about its options.
        if (m_reader.errors().size() == errorsBefore) {
            index.insert(*id, questions.size());
            questions.append(question);
        }
    }
    section->questions.append(question);
}

void SurveyDefinitionParser::parseType(const QJsonObject &object, const QString &path,
                                       SurveyQuestion *question)
{
    const std::optional<QString> type
        = m_reader.requiredString(object, path, QStringLiteral("type"));
    if (!type)
        return;
    for (size_t i = 0; i < survey::kTypeNames.size(); ++i) {
        if (*type == QLatin1String(survey::kTypeNames[i])) {
            question->type = SurveyQuestion::Type(i);
            return;
        }
    }
    m_reader.fail(SurveyJsonReader::member(path, QStringLiteral("type")),
                  tr("%1 is not a question type (expected choice, integer, text or photo)")
                      .arg(quoted(*type)));
}

void SurveyDefinitionParser::parseOptions(const QJsonObject &object, const QString &path,
                                          SurveyQuestion *question)
{
    const QString optionsPath = SurveyJsonReader::member(path, QStringLiteral("options"));
    const bool choice = question->type == SurveyQuestion::Type::Choice;
    if (!object.contains(u"options")) {
        if (choice)
            m_reader.fail(path, tr("missing \"options\" (a choice question needs them)"));
        return;
    }
    if (!choice) {
        m_reader.fail(optionsPath, tr("only choice questions have options"));
        return;
    }
    const QJsonValue value = object.value(u"options");
    if (!value.isArray()) {
        m_reader.fail(optionsPath, tr("expected an array"));
        return;
    }
    const QJsonArray array = value.toArray();
    if (array.size() < 2)
        m_reader.fail(optionsPath, tr("a choice question needs at least two options"));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString optionPath = SurveyJsonReader::element(optionsPath, i);
        if (!array[i].isObject()) {
            m_reader.fail(optionPath, tr("expected an object with a value and a label"));
            continue;
        }
        const QJsonObject option = array[i].toObject();
        m_reader.checkKeys(option, optionPath, {QStringLiteral("value"), QStringLiteral("label")});
        const auto optionValue
            = m_reader.requiredString(option, optionPath, QStringLiteral("value"));
        const auto label = m_reader.requiredString(option, optionPath, QStringLiteral("label"));
        if (!optionValue || !label)
            continue;
        if (question->hasOption(*optionValue)) {
            m_reader.fail(SurveyJsonReader::member(optionPath, QStringLiteral("value")),
                          tr("duplicate option %1").arg(quoted(*optionValue)));
            continue;
        }
        question->options.append({*optionValue, *label});
    }
}

void SurveyDefinitionParser::parseLimits(const QJsonObject &object, const QString &path,
                                         SurveyQuestion *question)
{
    const auto limit
        = [&](const char *key, SurveyQuestion::Type type, std::optional<qint64> *target) {
              const QString name = QString::fromLatin1(key);
              if (!object.contains(name))
                  return;
              const QString limitPath = SurveyJsonReader::member(path, name);
              if (question->type != type) {
                  m_reader.fail(
                      limitPath,
                      tr("only %1 questions have %2").arg(SurveyQuestion::typeName(type), name));
                  return;
              }
              *target = m_reader.wholeNumber(object.value(name), limitPath);
          };
    limit("min", SurveyQuestion::Type::Integer, &question->minimum);
    limit("max", SurveyQuestion::Type::Integer, &question->maximum);
    limit("maxLength", SurveyQuestion::Type::Text, &question->maxLength);
    if (question->minimum && question->maximum && *question->minimum > *question->maximum)
        m_reader.fail(SurveyJsonReader::member(path, QStringLiteral("max")),
                      tr("less than min (%1)").arg(*question->minimum));
    if (question->maxLength && *question->maxLength < 1)
        m_reader.fail(SurveyJsonReader::member(path, QStringLiteral("maxLength")),
                      tr("expected a positive whole number"));
}

void SurveyDefinitionParser::parseShowIf(const QJsonValue &value, const QString &path,
                                         SurveyQuestion *question)
{
    // Skip logic may look only at questions asked earlier: that keeps the form's order
    // meaningful and rules out cycles.
    const auto lookup = [this](const QString &id) -> Result<const SurveyQuestion *> {
        if (index.contains(id))
            return &questions[index.value(id)];
        return Error::invalid(tr("unknown question %1 (skip logic can only use questions asked "
                                 "before this one)")
                                  .arg(quoted(id)));
    };
    question->showIf = SurveyCondition::parse(
        value, SurveyJsonReader::member(path, QStringLiteral("showIf")), lookup, m_reader.sink());
}

} // namespace saferhomes
