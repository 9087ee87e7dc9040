#include "doorstep/surveyresources.h"

#include <QCoreApplication>

namespace saferhomes {

std::shared_ptr<const RecommendationEngine>
SurveyResources::load(const QString &definitionPath, const QString &rulesPath, QString *error)
{
    SurveyDefinition definition;
    if (!definition.loadFile(definitionPath)) {
        if (error) {
            *error = QCoreApplication::translate("SurveyResources",
                                                 "The survey definition is not valid:\n%1")
                         .arg(definition.errorString());
        }
        return nullptr;
    }
    auto engine = std::make_shared<RecommendationEngine>(definition);
    if (!engine->loadFile(rulesPath)) {
        if (error) {
            *error = QCoreApplication::translate("SurveyResources",
                                                 "The recommendation rules are not valid:\n%1")
                         .arg(engine->errorString());
        }
        return nullptr;
    }
    return engine;
}

std::shared_ptr<const RecommendationEngine> SurveyResources::loadBuiltIn(QString *error)
{
    return load(SurveyDefinition::builtInPath(), RecommendationEngine::builtInRulesPath(), error);
}

} // namespace saferhomes
