#pragma once

#include "surveycondition.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

/// Reads survey and rules JSON files, collecting every problem as "file: json.path: message"
/// (e.g. `definition-v1.json: sections[2].questions[0].options: expected an array`).
class SurveyJsonReader {
    Q_DECLARE_TR_FUNCTIONS(SurveyJsonReader)

public:
    explicit SurveyJsonReader(const QString &fileName);

    /// The top-level object of \a json, or nothing (after reporting why).
    std::optional<QJsonObject> parseObject(const QByteArray &json);
    void fail(const QString &path, const QString &message);
    SurveyCondition::ErrorSink sink();
    /// Reports every key of \a object that is not in \a allowed.
    void checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);
    /// A key that must hold a non-empty string.
    std::optional<QString> requiredString(const QJsonObject &object, const QString &path,
                                          const QString &key);
    /// A key that may be absent (empty result) or hold a string.
    QString optionalString(const QJsonObject &object, const QString &path, const QString &key);
    /// A JSON number with no fractional part, or nothing (after reporting it at \a path).
    std::optional<qint64> wholeNumber(const QJsonValue &value, const QString &path);

    QStringList errors() const { return m_errors; }
    bool hasErrors() const { return !m_errors.isEmpty(); }

    static QString member(const QString &path, const QString &key);
    static QString element(const QString &path, qsizetype index);

private:
    QString m_fileName;
    QStringList m_errors;
};

} // namespace saferhomes
