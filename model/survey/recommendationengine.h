#pragma once

#include "surveydefinition.h"

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

/// One rule of the recommendation rules file: when its condition holds, recommend \c qty of
/// the equipment \c code.
struct RecommendationRule {
    QString id;
    SurveyCondition condition;
    QString code; ///< equipment type code, e.g. "MORTICE_DEADLOCK_BS3621"
    int qty = 1; ///< used when qtyFromAnswer is empty
    QString qtyFromAnswer; ///< an integer question whose answer is the quantity
    QString reason; ///< may name answers as {question.id}
};

/// One line of the recommended package: all fired rules for one code added up.
struct Recommendation {
    QString code;
    int qty = 0;
    QString reason; ///< the fired rules' reasons, in rule order
    QStringList ruleIds; ///< the rules that contributed
};

/// Evaluates the recommendation rules (DESIGN §6) on a set of survey answers.
class RecommendationEngine {
    Q_DECLARE_TR_FUNCTIONS(RecommendationEngine)

public:
    /// Rules are checked against \a definition: every question and option they name must
    /// exist there.
    explicit RecommendationEngine(const SurveyDefinition &definition);

    /// Reads and validates a rules file; \a fileName names it in error messages. On failure
    /// isValid() is false, no rule is kept and errors() says what is wrong, by file and
    /// JSON path; the Error (Error::Invalid) has every problem on a line of its own.
    Status load(const QByteArray &json, const QString &fileName);
    /// load() of the file \a path; a file that is not there is Error::NotFound, one that
    /// cannot be read Error::Database.
    Status loadFile(const QString &path);
    /// The built-in definition and rules together.
    static RecommendationEngine builtIn();
    static QString builtInRulesPath();

    bool isValid() const { return m_status.ok(); }
    /// What the last load() or loadFile() returned (rules never loaded are invalid).
    Status status() const { return m_status; }
    QStringList errors() const { return m_errors; }

    QString version() const { return m_version; }
    const SurveyDefinition &definition() const { return m_definition; }
    QList<RecommendationRule> rules() const { return m_rules; }

    /// The package for \a answers: one item per code, in the order the codes first appear
    /// in the rules, quantities of the fired rules added up; items whose quantity comes to 0
    /// are left out. Answers to hidden questions and invalid answers are ignored (check them
    /// first with SurveyDefinition::validate).
    QList<Recommendation> recommend(const QJsonObject &answers) const;

private:
    std::optional<RecommendationRule> parseRule(const QJsonValue &value, const QString &path,
                                                SurveyJsonReader &reader) const;

    SurveyDefinition m_definition;
    /// Rules never loaded are invalid.
    static Error notLoaded();

    Status m_status = notLoaded();
    QStringList m_errors;
    QString m_version;
    QList<RecommendationRule> m_rules;
};

} // namespace saferhomes
