#include "surveydefinition.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace saferhomes {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

constexpr std::array<const char *, 4> kTypeNames {"choice", "integer", "text", "photo"};

// Largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

std::optional<qint64> wholeNumberOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number
        || std::fabs(number) > kMaxExactInteger)
        return std::nullopt;
    return qint64(number);
}

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
                SurveyDefinition::tr("%1 is not one of: %2").arg(quoted(value), expected)};
    return {QJsonValue(value), {}};
}

AnswerCheck checkInteger(const SurveyQuestion &question, const QJsonValue &raw)
{
    std::optional<qint64> number = wholeNumberOf(raw);
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

/// Why \a value cannot be compared with answers to \a question (empty when it can).
QString checkConditionValue(const SurveyQuestion &question, const QJsonValue &value)
{
    switch (question.type) {
    case SurveyQuestion::Type::Choice:
        if (!value.isString() || !question.hasOption(value.toString())) {
            return SurveyDefinition::tr("%1 is not an option of %2 (expected %3)")
                .arg(jsonText(value), question.id,
                     question.optionValues().join(QLatin1String(", ")));
        }
        return {};
    case SurveyQuestion::Type::Integer:
        return wholeNumberOf(value) ? QString() : SurveyDefinition::tr("expected a whole number");
    case SurveyQuestion::Type::Text:
        return value.isString() ? QString() : SurveyDefinition::tr("expected a string");
    case SurveyQuestion::Type::Photo: return SurveyDefinition::tr("photo answers cannot be tested");
    }
    return {};
}

} // namespace

// SurveyJsonReader ------------------------------------------------------------------------

SurveyJsonReader::SurveyJsonReader(const QString &fileName)
    : m_fileName(fileName)
{ }

std::optional<QJsonObject> SurveyJsonReader::parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt's offset is just past the character that gave the parser up.
        const qsizetype at = std::max<qsizetype>(0, error.offset - 1);
        int line = 1;
        int column = 1;
        for (qsizetype i = 0; i < at && i < json.size(); ++i) {
            if (json[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        fail({},
             tr("line %1, column %2: not valid JSON (%3)")
                 .arg(line)
                 .arg(column)
                 .arg(error.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail({}, tr("expected a JSON object at the top level"));
        return std::nullopt;
    }
    return document.object();
}

void SurveyJsonReader::fail(const QString &path, const QString &message)
{
    m_errors.append(path.isEmpty() ? tr("%1: %2").arg(m_fileName, message)
                                   : tr("%1: %2: %3").arg(m_fileName, path, message));
}

SurveyCondition::ErrorSink SurveyJsonReader::sink()
{
    return [this](const QString &path, const QString &message) {
        fail(path, message);
    };
}

void SurveyJsonReader::checkKeys(const QJsonObject &object, const QString &path,
                                 const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(member(path, it.key()),
                 tr("unknown key (expected %1)").arg(allowed.join(QLatin1String(", "))));
        }
    }
}

std::optional<QString> SurveyJsonReader::requiredString(const QJsonObject &object,
                                                        const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        fail(path, tr("missing %1").arg(quoted(key)));
        return std::nullopt;
    }
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        fail(member(path, key), tr("expected a non-empty string"));
        return std::nullopt;
    }
    return value.toString();
}

QString SurveyJsonReader::optionalString(const QJsonObject &object, const QString &path,
                                         const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        fail(member(path, key), tr("expected a string"));
        return {};
    }
    return value.toString();
}

std::optional<qint64> SurveyJsonReader::wholeNumber(const QJsonValue &value, const QString &path)
{
    const std::optional<qint64> number = wholeNumberOf(value);
    if (!number)
        fail(path, tr("expected a whole number"));
    return number;
}

QString SurveyJsonReader::member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString SurveyJsonReader::element(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// SurveyCondition -------------------------------------------------------------------------

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
    SurveyCondition condition;
    bool ok = true;
    if (!object.contains(u"question")) {
        const bool all = object.contains(u"all");
        const QString key = all ? QStringLiteral("all") : QStringLiteral("any");
        condition.m_kind = all ? Kind::All : Kind::Any;
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
            const auto child
                = parse(array[i], SurveyJsonReader::element(listPath, i), lookup, fail);
            if (child)
                condition.m_children.append(*child);
            else
                ok = false;
        }
        return ok ? std::optional(condition) : std::nullopt;
    }

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
    QString why;
    const SurveyQuestion *question = lookup(id.toString(), &why);
    if (!question) {
        fail(questionPath,
             why.isEmpty() ? tr("unknown question %1").arg(quoted(id.toString())) : why);
        return std::nullopt;
    }
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
        const QString error = checkConditionValue(*question, condition.m_values[i]);
        if (!error.isEmpty()) {
            fail(condition.m_kind == Kind::In ? SurveyJsonReader::element(valuesPath, i)
                                              : valuesPath,
                 error);
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
    return QString::fromLatin1(kTypeNames[size_t(type)]);
}

// SurveyDefinition ------------------------------------------------------------------------

namespace {

/// Reads the sections and questions of a definition into \a questions and \a sections.
class DefinitionParser {
    Q_DECLARE_TR_FUNCTIONS(SurveyDefinition)

public:
    explicit DefinitionParser(SurveyJsonReader &reader)
        : m_reader(reader)
    { }

    QList<SurveySection> sections;
    QList<SurveyQuestion> questions;
    QHash<QString, qsizetype> index;

    void parseSections(const QJsonValue &value, const QString &path)
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

private:
    void parseQuestion(const QJsonValue &value, const QString &path, SurveySection *section)
    {
        static const QRegularExpression idPattern(
            QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"));
        if (!value.isObject()) {
            m_reader.fail(path, tr("expected an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        const qsizetype errorsBefore = m_reader.errors().size();
        m_reader.checkKeys(object, path,
                           {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("label"),
                            QStringLiteral("help"), QStringLiteral("required"),
                            QStringLiteral("options"), QStringLiteral("showIf"),
                            QStringLiteral("min"), QStringLiteral("max"),
                            QStringLiteral("maxLength")});
        SurveyQuestion question;
        question.sectionId = section->id;
        const QString idPath = SurveyJsonReader::member(path, QStringLiteral("id"));
        const std::optional<QString> id
            = m_reader.requiredString(object, path, QStringLiteral("id"));
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

    void parseType(const QJsonObject &object, const QString &path, SurveyQuestion *question)
    {
        const std::optional<QString> type
            = m_reader.requiredString(object, path, QStringLiteral("type"));
        if (!type)
            return;
        for (size_t i = 0; i < kTypeNames.size(); ++i) {
            if (*type == QLatin1String(kTypeNames[i])) {
                question->type = SurveyQuestion::Type(i);
                return;
            }
        }
        m_reader.fail(SurveyJsonReader::member(path, QStringLiteral("type")),
                      tr("%1 is not a question type (expected choice, integer, text or photo)")
                          .arg(quoted(*type)));
    }

    void parseOptions(const QJsonObject &object, const QString &path, SurveyQuestion *question)
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
            m_reader.checkKeys(option, optionPath,
                               {QStringLiteral("value"), QStringLiteral("label")});
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

    void parseLimits(const QJsonObject &object, const QString &path, SurveyQuestion *question)
    {
        const auto limit = [&](const char *key, SurveyQuestion::Type type,
                               std::optional<qint64> *target) {
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

    void parseShowIf(const QJsonValue &value, const QString &path, SurveyQuestion *question)
    {
        // Skip logic may look only at questions asked earlier: that keeps the form's order
        // meaningful and rules out cycles.
        const auto lookup = [this](const QString &id, QString *why) -> const SurveyQuestion * {
            if (index.contains(id))
                return &questions[index.value(id)];
            *why = tr("unknown question %1 (skip logic can only use questions asked before "
                      "this one)")
                       .arg(quoted(id));
            return nullptr;
        };
        question->showIf = SurveyCondition::parse(
            value, SurveyJsonReader::member(path, QStringLiteral("showIf")), lookup,
            m_reader.sink());
    }

    SurveyJsonReader &m_reader;
    QHash<QString, QString> m_paths; // question id -> JSON path where it is defined
};

} // namespace

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
        DefinitionParser parser(reader);
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
