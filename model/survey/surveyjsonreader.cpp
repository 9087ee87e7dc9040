// SurveyJsonReader, and the helpers of survey_p.h the survey files share.

#include "surveyjsonreader.h"

#include "survey_p.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace saferhomes {

namespace survey {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

std::optional<qint64> wholeNumberOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number
        || std::fabs(number) > kMaxExactInteger)
        return std::nullopt;
    return qint64(number);
}

} // namespace survey

using survey::quoted;
using survey::wholeNumberOf;

SurveyJsonReader::SurveyJsonReader(const QString &fileName)
    : m_fileName(fileName)
{ }

std::optional<QJsonObject> SurveyJsonReader::parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt's offset is just past the character that gave the parser up.
        const qsizetype at = std::max<qsizetype>(0, error.offset - 1);
        int line = 1;
        int column = 1;
        for (qsizetype i = 0; i < at && i < json.size(); ++i) {
            if (json[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        fail({},
             tr("line %1, column %2: not valid JSON (%3)")
                 .arg(line)
                 .arg(column)
                 .arg(error.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail({}, tr("expected a JSON object at the top level"));
        return std::nullopt;
    }
    return document.object();
}

void SurveyJsonReader::fail(const QString &path, const QString &message)
{
    m_errors.append(path.isEmpty() ? tr("%1: %2").arg(m_fileName, message)
                                   : tr("%1: %2: %3").arg(m_fileName, path, message));
}

SurveyCondition::ErrorSink SurveyJsonReader::sink()
{
    return [this](const QString &path, const QString &message) {
        fail(path, message);
    };
}

void SurveyJsonReader::checkKeys(const QJsonObject &object, const QString &path,
                                 const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(member(path, it.key()),
                 tr("unknown key (expected %1)").arg(allowed.join(QLatin1String(", "))));
        }
    }
}

std::optional<QString> SurveyJsonReader::requiredString(const QJsonObject &object,
                                                        const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        fail(path, tr("missing %1").arg(quoted(key)));
        return std::nullopt;
    }
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        fail(member(path, key), tr("expected a non-empty string"));
        return std::nullopt;
    }
    return value.toString();
}

QString SurveyJsonReader::optionalString(const QJsonObject &object, const QString &path,
                                         const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        fail(member(path, key), tr("expected a string"));
        return {};
    }
    return value.toString();
}

std::optional<qint64> SurveyJsonReader::wholeNumber(const QJsonValue &value, const QString &path)
{
    const std::optional<qint64> number = wholeNumberOf(value);
    if (!number)
        fail(path, tr("expected a whole number"));
    return number;
}

QString SurveyJsonReader::member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString SurveyJsonReader::element(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace saferhomes
