#include "doorstep/surveyresources.h"

#include <QCoreApplication>

namespace saferhomes {

Result<SurveyResources::Engine> SurveyResources::load(const QString &definitionPath,
                                                      const QString &rulesPath)
{
    SurveyDefinition definition;
    if (const Status loaded = definition.loadFile(definitionPath); !loaded) {
        return Error {loaded.error().kind,
                      QCoreApplication::translate("SurveyResources",
                                                  "The survey definition is not valid:\n%1")
                          .arg(loaded.errorString())};
    }
    auto engine = std::make_shared<RecommendationEngine>(definition);
    if (const Status loaded = engine->loadFile(rulesPath); !loaded) {
        return Error {loaded.error().kind,
                      QCoreApplication::translate("SurveyResources",
                                                  "The recommendation rules are not valid:\n%1")
                          .arg(loaded.errorString())};
    }
    return Engine(std::move(engine));
}

Result<SurveyResources::Engine> SurveyResources::loadBuiltIn()
{
    return load(SurveyDefinition::builtInPath(), RecommendationEngine::builtInRulesPath());
}

} // namespace saferhomes
