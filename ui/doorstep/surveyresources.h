#pragma once

#include "domain/result.h"
#include "survey/recommendationengine.h"

#include <QString>

#include <memory>

namespace saferhomes {

/// Loads the survey definition and its recommendation rules once, at start-up, so that every
/// screen uses the same checked instances.
class SurveyResources {
public:
    using Engine = std::shared_ptr<const RecommendationEngine>;

    /// The definition at \a definitionPath with the rules at \a rulesPath; the Error names
    /// each file and JSON path that is wrong.
    static Result<Engine> load(const QString &definitionPath, const QString &rulesPath);
    /// The definition and rules built into the application.
    static Result<Engine> loadBuiltIn();
};

} // namespace saferhomes
