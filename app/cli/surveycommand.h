#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QString>

namespace saferhomes {

/// `survey recommend --answers FILE`: checks a set of doorstep survey answers against the
/// built-in survey and prints the recommended package (DESIGN §4, §6). Needs no database.
///
/// The answers file is a JSON object keyed by question id; a saved survey record that holds
/// them under "answers" (next to other fields) is read too.
class SurveyCommand {
    Q_DECLARE_TR_FUNCTIONS(SurveyCommand)

public:
    explicit SurveyCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Returns the contract's exit code: 0 a package; 1 answers that fail validation;
    /// 2 an answers file that cannot be read or is not a JSON object.
    int recommend(const QString &answersPath);

private:
    int fileError(const QString &message);

    CommandOutput m_output;
};

} // namespace saferhomes
