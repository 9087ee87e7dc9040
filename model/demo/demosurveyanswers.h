#pragma once

#include <QJsonObject>

namespace saferhomes {

class DemoRandom;

/// Makes up plausible answers to the doorstep survey (definition version 1, DESIGN §6): the
/// door, lock and cylinder go together as they do on real houses, and only the questions
/// that the answers make visible are answered.
class DemoSurveyAnswers {
public:
    /// A set of answers drawn from \a random; a repeat victim has been burgled before.
    static QJsonObject draw(DemoRandom &random, bool repeatVictim);
};

} // namespace saferhomes
