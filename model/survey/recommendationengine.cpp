#include "recommendationengine.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace saferhomes {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Reasons may show an answer: "{windows.unlocked_count} ground-floor window(s) ...".
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([A-Za-z0-9_.]+)\\}"));
    return pattern;
}

QString answerText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

QString expandReason(const QString &reason, const QJsonObject &answers)
{
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(reason);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(reason).mid(last, match.capturedStart() - last);
        result += answerText(answers.value(match.captured(1)));
        last = match.capturedEnd();
    }
    result += QStringView(reason).mid(last);
    return result;
}

} // namespace

RecommendationEngine::RecommendationEngine(const SurveyDefinition &definition)
    : m_definition(definition)
{ }

Error RecommendationEngine::notLoaded()
{
    return Error::invalid(tr("no recommendation rules were loaded"));
}

Status RecommendationEngine::load(const QByteArray &json, const QString &fileName)
{
    m_errors.clear();
    m_version.clear();
    m_rules.clear();
    SurveyJsonReader reader(fileName);
    if (!m_definition.isValid()) {
        reader.fail({}, tr("the survey definition it depends on is not valid"));
        m_errors = reader.errors() + m_definition.errors();
        m_status = Error::invalid(m_errors.join(QLatin1Char('\n')));
        return m_status;
    }
    const std::optional<QJsonObject> root = reader.parseObject(json);
    QList<RecommendationRule> rules;
    if (root) {
        reader.checkKeys(*root, {},
                         {QStringLiteral("version"), QStringLiteral("definitionVersion"),
                          QStringLiteral("rules")});
        m_version = reader.requiredString(*root, {}, QStringLiteral("version")).value_or(QString());
        const std::optional<QString> definitionVersion
            = reader.requiredString(*root, {}, QStringLiteral("definitionVersion"));
        if (definitionVersion && *definitionVersion != m_definition.version()) {
            reader.fail(QStringLiteral("definitionVersion"),
                        tr("the rules are for survey version %1, not %2")
                            .arg(*definitionVersion, m_definition.version()));
        }
        const QJsonValue list = root->value(u"rules");
        if (!list.isArray() || list.toArray().isEmpty()) {
            reader.fail(QStringLiteral("rules"), tr("expected a non-empty array of rules"));
        } else {
            const QJsonArray array = list.toArray();
            QHash<QString, QString> seen;
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QString path = SurveyJsonReader::element(QStringLiteral("rules"), i);
                const std::optional<RecommendationRule> rule = parseRule(array[i], path, reader);
                if (!rule)
                    continue;
                if (seen.contains(rule->id)) {
                    reader.fail(SurveyJsonReader::member(path, QStringLiteral("id")),
                                tr("duplicate rule id %1 (also at %2)")
                                    .arg(quoted(rule->id), seen.value(rule->id)));
                }
                seen.insert(rule->id, path);
                rules.append(*rule);
            }
        }
    }
    m_errors = reader.errors();
    m_status = m_errors.isEmpty() ? Status() : Error::invalid(m_errors.join(QLatin1Char('\n')));
    if (m_status)
        m_rules = rules;
    return m_status;
}

std::optional<RecommendationRule> RecommendationEngine::parseRule(const QJsonValue &value,
                                                                  const QString &path,
                                                                  SurveyJsonReader &reader) const
{
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    if (!value.isObject()) {
        reader.fail(path, tr("expected an object"));
        return std::nullopt;
    }
    const qsizetype errorsBefore = reader.errors().size();
    const QJsonObject object = value.toObject();
    reader.checkKeys(object, path,
                     {QStringLiteral("id"), QStringLiteral("condition"), QStringLiteral("code"),
                      QStringLiteral("qty"), QStringLiteral("reason")});
    RecommendationRule rule;
    rule.id = reader.requiredString(object, path, QStringLiteral("id")).value_or(QString());
    rule.code = reader.requiredString(object, path, QStringLiteral("code")).value_or(QString());
    if (!rule.code.isEmpty() && !codePattern.match(rule.code).hasMatch()) {
        reader.fail(SurveyJsonReader::member(path, QStringLiteral("code")),
                    tr("%1 is not an equipment code (upper-case letters, digits and _)")
                        .arg(quoted(rule.code)));
    }
    rule.reason = reader.requiredString(object, path, QStringLiteral("reason")).value_or(QString());
    QRegularExpressionMatchIterator placeholders = placeholderPattern().globalMatch(rule.reason);
    while (placeholders.hasNext()) {
        const QString id = placeholders.next().captured(1);
        if (!m_definition.question(id)) {
            reader.fail(SurveyJsonReader::member(path, QStringLiteral("reason")),
                        tr("{%1} names no question").arg(id));
        }
    }

    const auto lookup = [this](const QString &id) -> Result<const SurveyQuestion *> {
        if (const SurveyQuestion *question = m_definition.question(id))
            return question;
        return SurveyCondition::unknownQuestion(id);
    };
    const QString conditionPath = SurveyJsonReader::member(path, QStringLiteral("condition"));
    if (!object.contains(u"condition")) {
        reader.fail(path, tr("missing \"condition\""));
    } else if (const auto condition = SurveyCondition::parse(
                   object.value(u"condition"), conditionPath, lookup, reader.sink())) {
        rule.condition = *condition;
    }

    const QString qtyPath = SurveyJsonReader::member(path, QStringLiteral("qty"));
    const QJsonValue qty = object.value(u"qty");
    if (qty.isObject()) {
        const QJsonObject from = qty.toObject();
        reader.checkKeys(from, qtyPath, {QStringLiteral("fromAnswer")});
        const std::optional<QString> id
            = reader.requiredString(from, qtyPath, QStringLiteral("fromAnswer"));
        const SurveyQuestion *question = id ? m_definition.question(*id) : nullptr;
        if (id && (!question || question->type != SurveyQuestion::Type::Integer)) {
            reader.fail(SurveyJsonReader::member(qtyPath, QStringLiteral("fromAnswer")),
                        tr("%1 is not an integer question").arg(quoted(*id)));
        }
        rule.qtyFromAnswer = id.value_or(QString());
    } else if (!qty.isUndefined()) {
        const std::optional<qint64> number = reader.wholeNumber(qty, qtyPath);
        if (number && (*number < 1 || *number > 1000))
            reader.fail(qtyPath, tr("expected a quantity from 1 to 1000"));
        rule.qty = int(number.value_or(1));
    }
    if (reader.errors().size() != errorsBefore)
        return std::nullopt;
    return rule;
}

Status RecommendationEngine::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_rules.clear();
        m_version.clear();
        m_errors = {tr("%1: %2").arg(path, file.errorString())};
        m_status
            = file.exists() ? Error::database(m_errors.first()) : Error::notFound(m_errors.first());
        return m_status;
    }
    return load(file.readAll(), path);
}

RecommendationEngine RecommendationEngine::builtIn()
{
    RecommendationEngine engine(SurveyDefinition::builtIn());
    // A broken installation shows as invalid rules (status() says why).
    (void)engine.loadFile(builtInRulesPath());
    return engine;
}

QString RecommendationEngine::builtInRulesPath()
{
    return QStringLiteral(":/survey/rules-v1.json");
}

QList<Recommendation> RecommendationEngine::recommend(const QJsonObject &answers) const
{
    const QJsonObject effective = m_definition.effectiveAnswers(answers);
    // One line per code, in the order the codes first appear in the rules, so that a package
    // reads the same way for every household.
    QList<Recommendation> items;
    QHash<QString, qsizetype> byCode;
    for (const RecommendationRule &rule : m_rules) {
        if (!byCode.contains(rule.code)) {
            byCode.insert(rule.code, items.size());
            items.append({rule.code, 0, {}, {}});
        }
    }
    QList<QStringList> reasons(items.size());
    for (const RecommendationRule &rule : m_rules) {
        if (!rule.condition.matches(effective))
            continue;
        const qint64 qty = rule.qtyFromAnswer.isEmpty()
            ? rule.qty
            : effective.value(rule.qtyFromAnswer).toInteger(0);
        if (qty <= 0)
            continue;
        const qsizetype index = byCode.value(rule.code);
        items[index].qty += int(qty);
        items[index].ruleIds.append(rule.id);
        reasons[index].append(expandReason(rule.reason, effective));
    }
    QList<Recommendation> result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].qty <= 0)
            continue;
        items[i].reason = reasons[i].join(QLatin1Char(' '));
        result.append(items[i]);
    }
    return result;
}

} // namespace saferhomes
