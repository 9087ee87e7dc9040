// The doorstep survey definition: the DESIGN §6 question ids and options, skip logic,
// answer validation and the errors for malformed definition files.

#include "survey/surveydefinition.h"
#include "surveyanswers.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace Qt::StringLiterals;

using saferhomes::test::answersOf;

namespace {

/// Every required question answered, nothing hidden answered (rear door and shed absent).
QJsonObject completeAnswers()
{
    return saferhomes::test::secureHome();
}

QStringList ids(const QList<SurveyQuestion> &questions)
{
    QStringList result;
    for (const SurveyQuestion &question : questions)
        result.append(question.id);
    return result;
}

QStringList issueIds(const QList<SurveyIssue> &issues, SurveyIssue::Kind kind)
{
    QStringList result;
    for (const SurveyIssue &issue : issues) {
        if (issue.kind == kind)
            result.append(issue.questionId);
    }
    return result;
}

std::string text(const QStringList &list)
{
    return list.join(u'\n').toStdString();
}

const SurveyDefinition &builtIn()
{
    static const SurveyDefinition definition = SurveyDefinition::builtIn();
    return definition;
}

/// A small definition with a chain of skip logic, wrapped around \a questions of section 0.
QByteArray smallDefinition(const char *questions)
{
    return QByteArray(R"({"version": "t", "sections": [{"id": "s", "title": "S", "questions": [)")
        + questions + "]}]}";
}

} // namespace

TEST(SurveyDefinition, BuiltInLoadsAsVersionOne)
{
    const SurveyDefinition &definition = builtIn();
    ASSERT_TRUE(definition.isValid()) << text(definition.errors());
    EXPECT_EQ(definition.version(), u"1"_s);
    EXPECT_FALSE(definition.title().isEmpty());
    EXPECT_GE(definition.sections().size(), 3);
    for (const SurveySection &section : definition.sections()) {
        EXPECT_FALSE(section.title.isEmpty()) << section.id.toStdString();
        for (const SurveyQuestion &question : section.questions) {
            EXPECT_EQ(question.sectionId, section.id);
            EXPECT_FALSE(question.label.isEmpty()) << question.id.toStdString();
            for (const SurveyOption &option : question.options)
                EXPECT_FALSE(option.label.isEmpty()) << question.id.toStdString();
        }
    }
}

TEST(SurveyDefinition, HasEveryCoreQuestionWithTheContractOptions)
{
    const QStringList door {u"upvc"_s, u"timber"_s, u"composite"_s, u"metal"_s, u"other"_s};
    const QStringList lock {u"none"_s, u"nightlatch_only"_s, u"mortice_non_bs"_s,
                            u"bs3621_mortice"_s, u"multipoint"_s};
    const QStringList cylinder {u"na"_s, u"standard"_s, u"ts007_1star"_s, u"ts007_3star"_s,
                                u"sold_secure_diamond"_s};
    const QStringList yesNo {u"yes"_s, u"no"_s};
    const QList<std::pair<QString, QStringList>> contract {
        {u"front_door.material"_s, door},
        {u"front_door.lock"_s, lock},
        {u"front_door.cylinder"_s, cylinder},
        {u"front_door.viewer"_s, yesNo},
        {u"front_door.chain"_s, yesNo},
        {u"rear_door.present"_s, yesNo},
        {u"rear_door.material"_s, door},
        {u"rear_door.lock"_s, lock},
        {u"rear_door.cylinder"_s, cylinder},
        {u"windows.ground_floor_locks"_s, {u"all"_s, u"some"_s, u"none"_s}},
        {u"letterbox.guard"_s, yesNo},
        {u"lighting.external"_s, {u"none"_s, u"manual"_s, u"pir"_s, u"dusk_dawn"_s}},
        {u"alarm.intruder"_s, {u"none"_s, u"dummy"_s, u"bells_only"_s, u"monitored"_s}},
        {u"garden.rear_gate_lock"_s, {u"na"_s, u"yes"_s, u"no"_s}},
        {u"shed.present"_s, yesNo},
        {u"shed.secured"_s, yesNo},
        {u"property_marking.done"_s, yesNo},
        {u"occupant.previous_burglary"_s, {u"none"_s, u"within_12m"_s, u"over_12m"_s}},
    };
    for (const auto &[id, options] : contract) {
        const SurveyQuestion *question = builtIn().question(id);
        ASSERT_TRUE(question) << id.toStdString();
        EXPECT_EQ(question->type, SurveyQuestion::Type::Choice) << id.toStdString();
        EXPECT_EQ(question->optionValues(), options) << id.toStdString();
    }
    const SurveyQuestion *count = builtIn().question(u"windows.unlocked_count"_s);
    ASSERT_TRUE(count);
    EXPECT_EQ(count->type, SurveyQuestion::Type::Integer);
    EXPECT_EQ(count->minimum, 0);
}

TEST(SurveyDefinition, HasExtrasBeyondTheCore)
{
    int photos = 0;
    int texts = 0;
    for (const SurveyQuestion &question : builtIn().questions()) {
        photos += question.type == SurveyQuestion::Type::Photo;
        texts += question.type == SurveyQuestion::Type::Text;
    }
    EXPECT_GE(photos, 1);
    EXPECT_GE(texts, 1);
    const SurveyQuestion *photo = builtIn().question(u"front_door.photo"_s);
    ASSERT_TRUE(photo);
    EXPECT_FALSE(photo->required);
}

TEST(SurveySkipLogic, RearDoorDetailsOnlyWhenThereIsARearDoor)
{
    const QStringList rear {u"rear_door.material"_s, u"rear_door.lock"_s, u"rear_door.cylinder"_s};
    for (const QString &id : rear) {
        EXPECT_FALSE(builtIn().isVisible(id, {})) << id.toStdString();
        EXPECT_FALSE(builtIn().isVisible(id, answersOf(R"({"rear_door.present": "no"})")));
        EXPECT_TRUE(builtIn().isVisible(id, answersOf(R"({"rear_door.present": "yes"})")));
    }
    EXPECT_TRUE(builtIn().isVisible(u"rear_door.present"_s, {}));
}

TEST(SurveySkipLogic, UnlockedCountOnlyForSomeOrNone)
{
    const QString count = u"windows.unlocked_count"_s;
    EXPECT_FALSE(builtIn().isVisible(count, {}));
    EXPECT_FALSE(builtIn().isVisible(count, answersOf(R"({"windows.ground_floor_locks": "all"})")));
    EXPECT_TRUE(builtIn().isVisible(count, answersOf(R"({"windows.ground_floor_locks": "some"})")));
    EXPECT_TRUE(builtIn().isVisible(count, answersOf(R"({"windows.ground_floor_locks": "none"})")));
}

TEST(SurveySkipLogic, ShedSecuredOnlyWhenThereIsAShed)
{
    const QString secured = u"shed.secured"_s;
    EXPECT_FALSE(builtIn().isVisible(secured, answersOf(R"({"shed.present": "no"})")));
    EXPECT_TRUE(builtIn().isVisible(secured, answersOf(R"({"shed.present": "yes"})")));
}

TEST(SurveySkipLogic, UnknownQuestionIsNotVisible)
{
    EXPECT_FALSE(builtIn().isVisible(u"no.such_question"_s, completeAnswers()));
}

TEST(SurveySkipLogic, VisibleQuestionsFollowTheAnswers)
{
    QJsonObject answers = completeAnswers();
    const QStringList before = ids(builtIn().visibleQuestions(answers));
    EXPECT_FALSE(before.contains(u"rear_door.lock"_s));
    EXPECT_FALSE(before.contains(u"windows.unlocked_count"_s));
    answers.insert(u"rear_door.present"_s, u"yes"_s);
    answers.insert(u"windows.ground_floor_locks"_s, u"some"_s);
    const QStringList after = ids(builtIn().visibleQuestions(answers));
    EXPECT_TRUE(after.contains(u"rear_door.lock"_s));
    EXPECT_TRUE(after.contains(u"windows.unlocked_count"_s));
    EXPECT_EQ(after.size(), before.size() + 5); // material, lock, cylinder, photo, count
    // Question order is kept.
    EXPECT_LT(after.indexOf(u"rear_door.present"_s), after.indexOf(u"rear_door.material"_s));
}

TEST(SurveySkipLogic, AnswersToHiddenQuestionsDoNotOpenFurtherQuestions)
{
    SurveyDefinition definition;
    ASSERT_TRUE(definition.load(smallDefinition(R"(
        {"id": "a", "type": "choice", "label": "A", "required": true,
         "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]},
        {"id": "b", "type": "choice", "label": "B", "required": true,
         "showIf": {"question": "a", "equals": "yes"},
         "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]},
        {"id": "c", "type": "text", "label": "C", "required": true,
         "showIf": {"question": "b", "equals": "yes"}})"),
                                u"small.json"_s))
        << text(definition.errors());
    EXPECT_TRUE(definition.isVisible(u"c"_s, answersOf(R"({"a": "yes", "b": "yes"})")));
    // b is hidden, so its stale "yes" must not show c.
    EXPECT_FALSE(definition.isVisible(u"c"_s, answersOf(R"({"a": "no", "b": "yes"})")));
    EXPECT_TRUE(definition.validate(answersOf(R"({"a": "no", "b": "yes"})")).isEmpty());
}

TEST(SurveyValidation, CompleteAnswersHaveNoIssues)
{
    const QList<SurveyIssue> issues = builtIn().validate(completeAnswers());
    for (const SurveyIssue &issue : issues)
        ADD_FAILURE() << issue.questionId.toStdString() << ": " << issue.message.toStdString();
}

TEST(SurveyValidation, MissingRequiredVisibleAnswers)
{
    const QList<SurveyIssue> issues = builtIn().validate({});
    const QStringList missing = issueIds(issues, SurveyIssue::Kind::Missing);
    EXPECT_TRUE(missing.contains(u"front_door.material"_s));
    EXPECT_TRUE(missing.contains(u"property_marking.done"_s));
    // Hidden questions are not required; optional ones never are.
    EXPECT_FALSE(missing.contains(u"rear_door.material"_s));
    EXPECT_FALSE(missing.contains(u"windows.unlocked_count"_s));
    EXPECT_FALSE(missing.contains(u"shed.secured"_s));
    EXPECT_FALSE(missing.contains(u"front_door.photo"_s));
    EXPECT_FALSE(missing.contains(u"notes.general"_s));
    EXPECT_EQ(issueIds(issues, SurveyIssue::Kind::Invalid), QStringList());

    QJsonObject answers = completeAnswers();
    answers.insert(u"rear_door.present"_s, u"yes"_s);
    answers.insert(u"front_door.viewer"_s, QJsonValue::Null); // null is no answer
    answers.insert(u"front_door.chain"_s, u"  "_s); // nor is blank text
    EXPECT_EQ(issueIds(builtIn().validate(answers), SurveyIssue::Kind::Missing),
              QStringList({u"front_door.viewer"_s, u"front_door.chain"_s, u"rear_door.material"_s,
                           u"rear_door.lock"_s, u"rear_door.cylinder"_s}));
}

TEST(SurveyValidation, ValuesOutsideTheOptions)
{
    QJsonObject answers = completeAnswers();
    answers.insert(u"front_door.material"_s, u"wood"_s);
    answers.insert(u"front_door.lock"_s, u"Multipoint"_s); // values are case-sensitive
    answers.insert(u"alarm.intruder"_s, 3);
    answers.insert(u"letterbox.guard"_s, true);
    const QList<SurveyIssue> issues = builtIn().validate(answers);
    EXPECT_EQ(issueIds(issues, SurveyIssue::Kind::Invalid),
              QStringList({u"front_door.material"_s, u"front_door.lock"_s, u"letterbox.guard"_s,
                           u"alarm.intruder"_s}));
    ASSERT_FALSE(issues.isEmpty());
    EXPECT_TRUE(issues[0].message.contains(u"wood"_s)) << issues[0].message.toStdString();
    EXPECT_TRUE(issues[0].message.contains(u"timber"_s)) << issues[0].message.toStdString();
}

TEST(SurveyValidation, IntegersInRange)
{
    const auto countIssues = [](const QJsonValue &count) {
        QJsonObject answers = completeAnswers();
        answers.insert(u"windows.ground_floor_locks"_s, u"some"_s);
        answers.insert(u"windows.unlocked_count"_s, count);
        return builtIn().validate(answers);
    };
    EXPECT_TRUE(countIssues(0).isEmpty());
    EXPECT_TRUE(countIssues(4).isEmpty());
    EXPECT_TRUE(countIssues(u"4"_s).isEmpty()) << "a quoted whole number is accepted";
    EXPECT_TRUE(countIssues(*builtIn().question(u"windows.unlocked_count"_s)->maximum).isEmpty());
    for (const QJsonValue &bad :
         {QJsonValue(-1), QJsonValue(2.5), QJsonValue(u"three"_s), QJsonValue(true),
          QJsonValue(*builtIn().question(u"windows.unlocked_count"_s)->maximum + 1)}) {
        const QList<SurveyIssue> issues = countIssues(bad);
        ASSERT_EQ(issues.size(), 1);
        EXPECT_EQ(issues[0].questionId, u"windows.unlocked_count"_s);
        EXPECT_EQ(issues[0].kind, SurveyIssue::Kind::Invalid);
    }
    const QList<SurveyIssue> missing = countIssues(QJsonValue::Null);
    ASSERT_EQ(missing.size(), 1);
    EXPECT_EQ(missing[0].kind, SurveyIssue::Kind::Missing);
}

TEST(SurveyValidation, UnknownQuestionIds)
{
    QJsonObject answers = completeAnswers();
    answers.insert(u"front_door.colour"_s, u"red"_s);
    const QList<SurveyIssue> issues = builtIn().validate(answers);
    ASSERT_EQ(issues.size(), 1);
    EXPECT_EQ(issues[0].kind, SurveyIssue::Kind::Unknown);
    EXPECT_EQ(issues[0].questionId, u"front_door.colour"_s);
}

TEST(SurveyValidation, AnswersToHiddenQuestionsAreIgnored)
{
    QJsonObject answers = completeAnswers(); // no rear door, windows all locked, no shed
    answers.insert(u"rear_door.material"_s, u"timber"_s);
    answers.insert(u"rear_door.lock"_s, u"not an option"_s);
    answers.insert(u"windows.unlocked_count"_s, -5);
    answers.insert(u"shed.secured"_s, u"no"_s);
    EXPECT_TRUE(builtIn().validate(answers).isEmpty());
    const QJsonObject effective = builtIn().effectiveAnswers(answers);
    for (const QString &hidden : {u"rear_door.material"_s, u"rear_door.lock"_s,
                                  u"windows.unlocked_count"_s, u"shed.secured"_s})
        EXPECT_FALSE(effective.contains(hidden)) << hidden.toStdString();
}

TEST(SurveyValidation, TextAndPhotoAnswers)
{
    QJsonObject answers = completeAnswers();
    answers.insert(u"notes.general"_s, u"Dog in the garden; ring twice. Zoë's carer visits Tue."_s);
    answers.insert(u"front_door.photo"_s, u"sha256:0f1e2d"_s);
    EXPECT_TRUE(builtIn().validate(answers).isEmpty());
    answers.insert(u"notes.general"_s, 12);
    answers.insert(u"front_door.photo"_s, QJsonObject());
    EXPECT_EQ(issueIds(builtIn().validate(answers), SurveyIssue::Kind::Invalid),
              QStringList({u"front_door.photo"_s, u"notes.general"_s}));
    const qint64 limit = builtIn().question(u"notes.general"_s)->maxLength.value_or(0);
    ASSERT_GT(limit, 0);
    answers.insert(u"front_door.photo"_s, QJsonValue::Null);
    answers.insert(u"notes.general"_s, QString(limit + 1, u'x'));
    EXPECT_EQ(builtIn().validate(answers).size(), 1);
}

TEST(SurveyValidation, EffectiveAnswersNormaliseIntegers)
{
    QJsonObject answers = completeAnswers();
    answers.insert(u"windows.ground_floor_locks"_s, u"none"_s);
    answers.insert(u"windows.unlocked_count"_s, u" 6 "_s);
    const QJsonObject effective = builtIn().effectiveAnswers(answers);
    EXPECT_TRUE(effective.value(u"windows.unlocked_count"_s).isDouble());
    EXPECT_EQ(effective.value(u"windows.unlocked_count"_s).toInteger(), 6);
    EXPECT_EQ(effective.value(u"front_door.material"_s), u"composite"_s);
}

TEST(SurveyProgress, CountsVisibleRequiredQuestions)
{
    const SurveyProgress empty = builtIn().progress({});
    EXPECT_EQ(empty.answered, 0);
    EXPECT_EQ(empty.required, 13);
    EXPECT_DOUBLE_EQ(empty.fraction(), 0.0);
    EXPECT_FALSE(empty.isComplete());

    QJsonObject answers = completeAnswers();
    const SurveyProgress complete = builtIn().progress(answers);
    EXPECT_EQ(complete.answered, 13);
    EXPECT_EQ(complete.required, 13);
    EXPECT_TRUE(complete.isComplete());
    EXPECT_DOUBLE_EQ(complete.fraction(), 1.0);

    // A back door opens three more required questions.
    answers.insert(u"rear_door.present"_s, u"yes"_s);
    answers.insert(u"rear_door.material"_s, u"timber"_s);
    answers.insert(u"front_door.material"_s, u"bogus"_s); // invalid is not answered
    const SurveyProgress more = builtIn().progress(answers);
    EXPECT_EQ(more.required, 16);
    EXPECT_EQ(more.answered, 13);
}

// Malformed definition files: an error naming the file and the JSON path, never a crash.

struct MalformedCase {
    const char *name;
    QByteArray json;
    const char *expected; // a substring of the error
};

// Names the case in test output (and in the CTest names) instead of dumping its bytes.
void PrintTo(const MalformedCase &value, std::ostream *stream)
{
    *stream << value.name;
}

class MalformedDefinition : public ::testing::TestWithParam<MalformedCase> { };

TEST_P(MalformedDefinition, ReportsFileAndJsonPath)
{
    SurveyDefinition definition;
    const Status loaded = definition.load(GetParam().json, u"definition-v1.json"_s);
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().kind, Error::Kind::Invalid);
    // The Error holds every problem, one a line, as errors() lists them.
    EXPECT_EQ(loaded.errorString(), definition.errors().join(u'\n'));
    EXPECT_FALSE(definition.isValid());
    EXPECT_TRUE(definition.questions().isEmpty()) << "half a definition must not be used";
    const QString expected = QString::fromUtf8(GetParam().expected);
    bool found = false;
    for (const QString &error : definition.errors()) {
        EXPECT_TRUE(error.startsWith(u"definition-v1.json: "_s)) << error.toStdString();
        found = found || error.contains(expected);
    }
    EXPECT_TRUE(found) << "expected \"" << GetParam().expected << "\" in\n"
                       << text(definition.errors());
}

namespace {

const char *kChoice = R"({"id": "q.a", "type": "choice", "label": "A",
    "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]})";

QByteArray sections(const QByteArray &third)
{
    return QByteArray(R"({"version": "1", "sections": [
        {"id": "one", "title": "One", "questions": [)")
        + kChoice + R"(]},
        {"id": "two", "title": "Two", "questions": [
            {"id": "q.b", "type": "text", "label": "B"}]},
        {"id": "three", "title": "Three", "questions": [)"
        + third + "]}]}";
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    Survey, MalformedDefinition,
    ::testing::Values(
        MalformedCase {"NotJson", "{\"version\": \"1\",\n  \"sections\": [}",
                       "definition-v1.json: line 2, column 16: not valid JSON"},
        MalformedCase {"Empty", "", "not valid JSON"},
        MalformedCase {"TopLevelArray", "[]", "expected a JSON object at the top level"},
        MalformedCase {"NoVersion", R"({"sections": []})",
                       "definition-v1.json: missing \"version\""},
        MalformedCase {"VersionNumber", sections(kChoice).replace("\"1\"", "1"),
                       "definition-v1.json: version: expected a non-empty string"},
        MalformedCase {"SectionsNotArray", R"({"version": "1", "sections": {}})",
                       "definition-v1.json: sections: expected a non-empty array"},
        MalformedCase {
            "OptionsNotArray",
            sections(R"({"id": "q.c", "type": "choice", "label": "C", "options": "yes"})"),
            "definition-v1.json: sections[2].questions[0].options: expected an array"},
        MalformedCase {"OptionWithoutValue",
                       sections(R"({"id": "q.c", "type": "choice", "label": "C",
                                    "options": [{"value": "a", "label": "A"}, {"label": "B"}]})"),
                       "sections[2].questions[0].options[1]: missing \"value\""},
        MalformedCase {"DuplicateOption", sections(R"({"id": "q.c", "type": "choice", "label": "C",
                                    "options": [{"value": "a", "label": "A"},
                                                {"value": "a", "label": "B"}]})"),
                       "sections[2].questions[0].options[1].value: duplicate option \"a\""},
        MalformedCase {"ChoiceWithoutOptions",
                       sections(R"({"id": "q.c", "type": "choice", "label": "C"})"),
                       "sections[2].questions[0]: missing \"options\""},
        MalformedCase {"UnknownType", sections(R"({"id": "q.c", "type": "slider", "label": "C"})"),
                       "sections[2].questions[0].type: \"slider\" is not a question type"},
        MalformedCase {"QuestionNotObject", sections("42"),
                       "sections[2].questions[0]: expected an object"},
        MalformedCase {"MissingLabel", sections(R"({"id": "q.c", "type": "text"})"),
                       "sections[2].questions[0]: missing \"label\""},
        MalformedCase {"DuplicateQuestionId",
                       sections(R"({"id": "q.b", "type": "text", "label": "C"})"),
                       "sections[2].questions[0].id: duplicate question id \"q.b\" (also at "
                       "sections[1].questions[0])"},
        MalformedCase {"BadQuestionId",
                       sections(R"({"id": "Front Door", "type": "text", "label": "C"})"),
                       "sections[2].questions[0].id: \"Front Door\" is not a question id"},
        MalformedCase {
            "RequiredNotBool",
            sections(R"({"id": "q.c", "type": "text", "label": "C", "required": "yes"})"),
            "sections[2].questions[0].required: expected true or false"},
        MalformedCase {"UnknownKey",
                       sections(R"({"id": "q.c", "type": "text", "label": "C", "showif": {}})"),
                       "sections[2].questions[0].showif: unknown key"},
        MalformedCase {"OptionsOnInteger",
                       sections(R"({"id": "q.c", "type": "integer", "label": "C",
                                    "options": [{"value": "a", "label": "A"}]})"),
                       "sections[2].questions[0].options: only choice questions have options"},
        MalformedCase {"MinOnChoice",
                       sections(R"({"id": "q.c", "type": "choice", "label": "C", "min": 0,
                                    "options": [{"value": "a", "label": "A"},
                                                {"value": "b", "label": "B"}]})"),
                       "sections[2].questions[0].min: only integer questions have min"},
        MalformedCase {"MaxBelowMin", sections(R"({"id": "q.c", "type": "integer", "label": "C",
                                    "min": 5, "max": 2})"),
                       "sections[2].questions[0].max: less than min (5)"},
        MalformedCase {"MaxNotWhole",
                       sections(R"({"id": "q.c", "type": "integer", "label": "C", "max": 2.5})"),
                       "sections[2].questions[0].max: expected a whole number"},
        MalformedCase {"ShowIfUnknownQuestion",
                       sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"question": "q.zzz", "equals": "yes"}})"),
                       "sections[2].questions[0].showIf.question: unknown question \"q.zzz\""},
        MalformedCase {"ShowIfLaterQuestion",
                       sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"question": "q.c", "equals": "yes"}})"),
                       "showIf.question: unknown question \"q.c\" (skip logic can only use "
                       "questions asked before this one)"},
        MalformedCase {"ShowIfValueNotAnOption",
                       sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"question": "q.a", "equals": "maybe"}})"),
                       "sections[2].questions[0].showIf.equals: \"maybe\" is not an option of "
                       "q.a (expected yes, no)"},
        MalformedCase {"ShowIfInNotArray", sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"question": "q.a", "in": "yes"}})"),
                       "sections[2].questions[0].showIf.in: expected a non-empty array"},
        MalformedCase {"ShowIfNested", sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"any": [{"question": "q.a", "equals": "yes"},
                                                       {"question": "q.a", "in": ["no", 3]}]}})"),
                       "sections[2].questions[0].showIf.any[1].in[1]: 3 is not an option of q.a"},
        MalformedCase {"ShowIfBothForms", sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"all": [], "question": "q.a"}})"),
                       "sections[2].questions[0].showIf: expected exactly one of"},
        MalformedCase {"ShowIfEqualsAndIn", sections(R"({"id": "q.c", "type": "text", "label": "C",
                                    "showIf": {"question": "q.a", "equals": "yes",
                                               "in": ["no"]}})"),
                       "sections[2].questions[0].showIf: expected either \"equals\" or \"in\""},
        MalformedCase {"DuplicateSection",
                       QByteArray(R"({"version": "1", "sections": [
                           {"id": "s", "title": "S", "questions": [)")
                           + kChoice + R"(]},
                           {"id": "s", "title": "T", "questions": [
                               {"id": "q.b", "type": "text", "label": "B"}]}]})",
                       "sections[1].id: duplicate section id \"s\" (also at sections[0])"},
        MalformedCase {"SectionWithoutQuestions",
                       R"({"version": "1", "sections": [{"id": "s", "title": "S"}]})",
                       "sections[0].questions: expected a non-empty array of questions"}),
    [](const ::testing::TestParamInfo<MalformedCase> &info) {
        return std::string(info.param.name);
    });

TEST(SurveyDefinitionFile, EveryTruncationOfTheBuiltInFailsCleanly)
{
    QFile file(SurveyDefinition::builtInPath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    for (qsizetype length = 0; length < json.size() - 2; length += 97) {
        SurveyDefinition definition;
        EXPECT_FALSE(definition.load(json.left(length), u"cut.json"_s)) << length;
        ASSERT_FALSE(definition.errors().isEmpty()) << length;
        EXPECT_TRUE(definition.errors().first().startsWith(u"cut.json: "_s));
    }
}

TEST(SurveyDefinitionFile, EveryValueReplacedByTheWrongTypeFailsCleanly)
{
    // Replaces each string value of the built-in definition, one at a time, with a number.
    QFile file(SurveyDefinition::builtInPath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    int changed = 0;
    for (qsizetype at = json.indexOf(": \""); at >= 0; at = json.indexOf(": \"", at + 1)) {
        const qsizetype end = json.indexOf('"', at + 3);
        QByteArray broken = json;
        broken.replace(at + 2, end - at - 1, "7");
        SurveyDefinition definition;
        // Every string in a definition (help text too) must be a string.
        EXPECT_FALSE(definition.load(broken, u"broken.json"_s))
            << broken.mid(at - 40, 80).toStdString();
        ++changed;
    }
    EXPECT_GT(changed, 100);
}

TEST(SurveyDefinitionFile, MissingFileNamesTheFile)
{
    SurveyDefinition definition;
    const Status loaded = definition.loadFile(u"/no/such/dir/definition-v9.json"_s);
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().kind, Error::Kind::NotFound);
    EXPECT_TRUE(loaded.errorString().startsWith(u"/no/such/dir/definition-v9.json: "_s));
    EXPECT_FALSE(definition.status());
    ASSERT_EQ(definition.errors().size(), 1);
    EXPECT_TRUE(definition.errors().first().startsWith(u"/no/such/dir/definition-v9.json: "_s));
}
