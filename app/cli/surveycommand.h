#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

namespace saferhomes {

/// `survey recommend --answers FILE`: checks a set of doorstep survey answers against the
/// built-in survey and prints the recommended package (DESIGN §4, §6). Needs no database.
///
/// The answers file is a JSON object keyed by question id; a saved survey record that holds
/// them under "answers" (next to other fields) is read too.
class SurveyCommand {
    Q_DECLARE_TR_FUNCTIONS(SurveyCommand)

public:
    SurveyCommand(QTextStream &out, QTextStream &err, bool json);

    /// Returns the contract's exit code: 0 a package; 1 answers that fail validation;
    /// 2 an answers file that cannot be read or is not a JSON object.
    int recommend(const QString &answersPath);

private:
    int fileError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
};

} // namespace saferhomes
