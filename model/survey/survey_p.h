#pragma once

// What the survey files share: quoting in messages, whole numbers in JSON and the type names.

#include <QJsonValue>
#include <QString>

#include <array>
#include <optional>

namespace saferhomes::survey {

/// \a text in double quotes, for messages.
QString quoted(const QString &text);

/// \a value as a whole number, or nothing when it is not a number without a fraction that a
/// JSON number (a double) holds exactly.
std::optional<qint64> wholeNumberOf(const QJsonValue &value);

/// The names of SurveyQuestion::Type in the definition files, in the order of the enum.
inline constexpr std::array<const char *, 4> kTypeNames {"choice", "integer", "text", "photo"};

} // namespace saferhomes::survey
