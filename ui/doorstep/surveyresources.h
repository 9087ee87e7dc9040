#pragma once

#include "survey/recommendationengine.h"

#include <QString>

#include <memory>

namespace saferhomes {

/// Loads the survey definition and its recommendation rules once, at start-up, so that every
/// screen uses the same checked instances.
class SurveyResources {
public:
    /// The definition at \a definitionPath with the rules at \a rulesPath, or nullptr with
    /// \a error naming each file and JSON path that is wrong.
    static std::shared_ptr<const RecommendationEngine>
    load(const QString &definitionPath, const QString &rulesPath, QString *error);
    /// The definition and rules built into the application.
    static std::shared_ptr<const RecommendationEngine> loadBuiltIn(QString *error);
};

} // namespace saferhomes
