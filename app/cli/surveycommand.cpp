#include "surveycommand.h"

#include "cli.h"
#include "survey/recommendationengine.h"
#include "survey/surveydefinition.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace saferhomes {

namespace {

QString packageTable(const QList<Recommendation> &items, const QString &version)
{
    if (items.isEmpty())
        return SurveyCommand::tr("No equipment recommended (survey version %1).").arg(version);
    qsizetype codeWidth = 4;
    for (const Recommendation &item : items)
        codeWidth = std::max(codeWidth, item.code.size());
    QString text
        = SurveyCommand::tr("Recommended package (survey version %1):").arg(version) + u'\n';
    text += QStringLiteral("%1  %2  %3\n")
                .arg(SurveyCommand::tr("QTY"), 3)
                .arg(SurveyCommand::tr("CODE"), -int(codeWidth))
                .arg(SurveyCommand::tr("REASON"));
    for (const Recommendation &item : items) {
        text += QStringLiteral("%1  %2  %3\n")
                    .arg(item.qty, 3)
                    .arg(item.code, -int(codeWidth))
                    .arg(item.reason);
    }
    text.chop(1);
    return text;
}

} // namespace

int SurveyCommand::fileError(const QString &message)
{
    return m_output.fail(Cli::UsageError, message, {{QStringLiteral("items"), QJsonArray()}});
}

int SurveyCommand::recommend(const QString &answersPath)
{
    QFile file(answersPath);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(tr("cannot read %1: %2").arg(answersPath, file.errorString()));
    SurveyJsonReader reader(answersPath);
    const std::optional<QJsonObject> root = reader.parseObject(file.readAll());
    if (!root)
        return fileError(reader.errors().join(QLatin1Char('\n')));
    // A saved survey record keeps its answers beside other fields.
    const QJsonObject answers
        = root->value(u"answers").isObject() ? root->value(u"answers").toObject() : *root;

    const RecommendationEngine engine = RecommendationEngine::builtIn();
    if (const Status loaded = engine.status(); !loaded)
        return fileError(loaded.errorString());

    QJsonArray errors;
    QStringList unanswered;
    for (const SurveyIssue &issue : engine.definition().validate(answers)) {
        if (issue.kind == SurveyIssue::Kind::Missing) {
            unanswered.append(issue.questionId);
            continue;
        }
        m_output.say(tr("%1: %2: %3").arg(answersPath, issue.questionId, issue.message));
        errors.append(QJsonObject {{QStringLiteral("question"), issue.questionId},
                                   {QStringLiteral("message"), issue.message}});
    }
    // A survey still in progress gets the package for what has been answered so far.
    if (!unanswered.isEmpty() && errors.isEmpty()) {
        // The whole line is one message, so that its singular and plural stay translated.
        m_output.say(tr("warning: %n required question(s) not answered yet: %1", nullptr,
                        int(unanswered.size()))
                         .arg(unanswered.join(QLatin1String(", "))));
    }
    if (!errors.isEmpty()) {
        m_output.print(
            {{QStringLiteral("items"), QJsonArray()}, {QStringLiteral("errors"), errors}},
            tr("No package: %n answer(s) have problems.", nullptr, int(errors.size())));
        return Cli::Rejected;
    }

    const QList<Recommendation> items = engine.recommend(answers);
    QJsonArray array;
    for (const Recommendation &item : items) {
        array.append(QJsonObject {{QStringLiteral("code"), item.code},
                                  {QStringLiteral("qty"), item.qty},
                                  {QStringLiteral("reason"), item.reason}});
    }
    m_output.print({{QStringLiteral("items"), array}},
                   packageTable(items, engine.definition().version()));
    return Cli::Success;
}

} // namespace saferhomes
