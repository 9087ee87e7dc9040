#pragma once

#include "surveydefinition.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace saferhomes {

/// Reads the sections and questions of a definition (SurveyDefinition::load) into sections,
/// questions and index, reporting every problem to the reader.
class SurveyDefinitionParser {
    Q_DECLARE_TR_FUNCTIONS(SurveyDefinition)

public:
    explicit SurveyDefinitionParser(SurveyJsonReader &reader);

    QList<SurveySection> sections;
    QList<SurveyQuestion> questions;
    QHash<QString, qsizetype> index; ///< question id -> position in questions

    void parseSections(const QJsonValue &value, const QString &path);

private:
    void parseQuestion(const QJsonValue &value, const QString &path, SurveySection *section);
    void parseType(const QJsonObject &object, const QString &path, SurveyQuestion *question);
    void parseOptions(const QJsonObject &object, const QString &path, SurveyQuestion *question);
    void parseLimits(const QJsonObject &object, const QString &path, SurveyQuestion *question);
    void parseShowIf(const QJsonValue &value, const QString &path, SurveyQuestion *question);

    SurveyJsonReader &m_reader;
    QHash<QString, QString> m_paths; // question id -> JSON path where it is defined
};

} // namespace saferhomes
