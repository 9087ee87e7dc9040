// The recommendation rules (DESIGN §6): every rule firing and not firing, the two doors
// adding up, skip logic, and the errors for malformed rules files.

#include "survey/recommendationengine.h"
#include "surveyanswers.h"

#include <gtest/gtest.h>

#include <map>

using namespace saferhomes;
using namespace Qt::StringLiterals;

using saferhomes::test::answersOf;
using saferhomes::test::secureHome;

namespace {

QJsonObject secureHomeWith(const char *changes)
{
    QJsonObject answers = secureHome();
    const QJsonObject overrides = answersOf(changes);
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        answers.insert(it.key(), it.value());
    return answers;
}

const RecommendationEngine &engine()
{
    static const RecommendationEngine built = RecommendationEngine::builtIn();
    return built;
}

/// The package as code -> qty, for comparisons that read well in failures.
std::map<std::string, int> package(const QList<Recommendation> &items)
{
    std::map<std::string, int> result;
    for (const Recommendation &item : items) {
        EXPECT_EQ(result.count(item.code.toStdString()), 0u) << "one item per code";
        result[item.code.toStdString()] = item.qty;
    }
    return result;
}

std::map<std::string, int> recommendFor(const QJsonObject &answers)
{
    return package(engine().recommend(answers));
}

std::string text(const QStringList &list)
{
    return list.join(u'\n').toStdString();
}

} // namespace

TEST(RecommendationEngine, BuiltInRulesLoad)
{
    ASSERT_TRUE(engine().definition().isValid()) << text(engine().definition().errors());
    ASSERT_TRUE(engine().isValid()) << text(engine().errors());
    EXPECT_EQ(engine().version(), u"1"_s);
}

TEST(RecommendationEngine, RulesAreExactlyTheDesignList)
{
    // DESIGN §6: door rules exist once per door so that the two doors add up.
    std::map<std::string, int> rulesPerCode;
    for (const RecommendationRule &rule : engine().rules())
        ++rulesPerCode[rule.code.toStdString()];
    const std::map<std::string, int> expected {
        {"MORTICE_DEADLOCK_BS3621", 2},
        {"CYLINDER_TS007_3STAR", 2},
        {"DOOR_VIEWER", 1},
        {"DOOR_CHAIN_TS003", 1},
        {"WINDOW_LOCK", 1},
        {"LETTERBOX_GUARD", 1},
        {"PIR_LIGHT", 1},
        {"INTRUDER_ALARM", 1},
        {"GATE_LOCK", 1},
        {"SHED_ALARM", 1},
        {"PROPERTY_MARKING_KIT", 1},
    };
    EXPECT_EQ(rulesPerCode, expected);
}

TEST(RecommendationEngine, SecureHomeGetsNothing)
{
    EXPECT_TRUE(engine().definition().validate(secureHome()).isEmpty());
    EXPECT_TRUE(engine().recommend(secureHome()).isEmpty());
    EXPECT_TRUE(engine().recommend({}).isEmpty());
}

// Every rule, firing and not firing: the secure home with one thing changed.

struct RuleCase {
    const char *name;
    const char *changes; // merged into the secure home
    const char *code; // nullptr: nothing is recommended
    int qty = 1;
};

// Names the case in test output (and in the CTest names) instead of dumping its bytes.
void PrintTo(const RuleCase &value, std::ostream *stream)
{
    *stream << value.name;
}

class RecommendationRules : public ::testing::TestWithParam<RuleCase> { };

TEST_P(RecommendationRules, FiresExactlyWhenTheDesignSays)
{
    const QJsonObject answers = secureHomeWith(GetParam().changes);
    for (const SurveyIssue &issue : engine().definition().validate(answers)) {
        EXPECT_EQ(issue.kind, SurveyIssue::Kind::Missing)
            << "the case's answers should be valid: " << issue.questionId.toStdString() << ": "
            << issue.message.toStdString();
    }
    std::map<std::string, int> expected;
    if (GetParam().code)
        expected[GetParam().code] = GetParam().qty;
    EXPECT_EQ(recommendFor(answers), expected) << GetParam().changes;
}

#define REAR(material, lock, cylinder)                                                             \
    R"("rear_door.present": "yes", "rear_door.material": ")" material                              \
    R"(", "rear_door.lock": ")" lock R"(", "rear_door.cylinder": ")" cylinder R"(")"

INSTANTIATE_TEST_SUITE_P(
    Survey, RecommendationRules,
    ::testing::Values(
        // door (front or rear) lock none / nightlatch_only / mortice_non_bs on timber
        RuleCase {"FrontTimberNoLock",
                  R"({"front_door.material": "timber", "front_door.lock": "none"})",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"FrontTimberNightlatch",
                  R"({"front_door.material": "timber", "front_door.lock": "nightlatch_only"})",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"FrontTimberNonBsMortice",
                  R"({"front_door.material": "timber", "front_door.lock": "mortice_non_bs"})",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"FrontTimberBs3621",
                  R"({"front_door.material": "timber", "front_door.lock": "bs3621_mortice"})",
                  nullptr},
        RuleCase {"FrontTimberMultipoint",
                  R"({"front_door.material": "timber", "front_door.lock": "multipoint"})", nullptr},
        RuleCase {"FrontUpvcNightlatch",
                  R"({"front_door.material": "upvc", "front_door.lock": "nightlatch_only"})",
                  nullptr},
        RuleCase {"FrontCompositeNoLock",
                  R"({"front_door.material": "composite", "front_door.lock": "none"})", nullptr},
        RuleCase {"FrontMetalNonBsMortice",
                  R"({"front_door.material": "metal", "front_door.lock": "mortice_non_bs"})",
                  nullptr},
        RuleCase {"FrontOtherNightlatch",
                  R"({"front_door.material": "other", "front_door.lock": "nightlatch_only"})",
                  nullptr},
        RuleCase {"RearTimberNoLock", "{" REAR("timber", "none", "ts007_3star") "}",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"RearTimberNightlatch", "{" REAR("timber", "nightlatch_only", "na") "}",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"RearTimberNonBsMortice", "{" REAR("timber", "mortice_non_bs", "na") "}",
                  "MORTICE_DEADLOCK_BS3621"},
        RuleCase {"RearTimberBs3621", "{" REAR("timber", "bs3621_mortice", "na") "}", nullptr},
        RuleCase {"RearUpvcNightlatch", "{" REAR("upvc", "nightlatch_only", "na") "}", nullptr},
        RuleCase {"RearCompositeNoLock", "{" REAR("composite", "none", "na") "}", nullptr},
        RuleCase {"RearAbsentWithStaleTimberAnswers",
                  R"({"rear_door.present": "no", "rear_door.material": "timber",
                      "rear_door.lock": "nightlatch_only", "rear_door.cylinder": "standard"})",
                  nullptr},
        // door cylinder standard / ts007_1star
        RuleCase {"FrontCylinderStandard", R"({"front_door.cylinder": "standard"})",
                  "CYLINDER_TS007_3STAR"},
        RuleCase {"FrontCylinderOneStar", R"({"front_door.cylinder": "ts007_1star"})",
                  "CYLINDER_TS007_3STAR"},
        RuleCase {"FrontCylinderNone", R"({"front_door.cylinder": "na"})", nullptr},
        RuleCase {"FrontCylinderThreeStar", R"({"front_door.cylinder": "ts007_3star"})", nullptr},
        RuleCase {"FrontCylinderDiamond", R"({"front_door.cylinder": "sold_secure_diamond"})",
                  nullptr},
        RuleCase {"RearCylinderStandard", "{" REAR("upvc", "multipoint", "standard") "}",
                  "CYLINDER_TS007_3STAR"},
        RuleCase {"RearCylinderOneStar", "{" REAR("composite", "multipoint", "ts007_1star") "}",
                  "CYLINDER_TS007_3STAR"},
        RuleCase {"RearCylinderThreeStar", "{" REAR("upvc", "multipoint", "ts007_3star") "}",
                  nullptr},
        RuleCase {"RearCylinderDiamond", "{" REAR("upvc", "multipoint", "sold_secure_diamond") "}",
                  nullptr},
        RuleCase {"RearCylinderNone", "{" REAR("upvc", "multipoint", "na") "}", nullptr},
        RuleCase {"RearAbsentWithStaleCylinder",
                  R"({"rear_door.present": "no", "rear_door.cylinder": "ts007_1star"})", nullptr},
        // viewer and chain
        RuleCase {"NoViewer", R"({"front_door.viewer": "no"})", "DOOR_VIEWER"},
        RuleCase {"Viewer", R"({"front_door.viewer": "yes"})", nullptr},
        RuleCase {"NoChain", R"({"front_door.chain": "no"})", "DOOR_CHAIN_TS003"},
        RuleCase {"Chain", R"({"front_door.chain": "yes"})", nullptr},
        // ground-floor windows some / none -> WINDOW_LOCK x unlocked_count (none when 0)
        RuleCase {"SomeWindowsUnlocked",
                  R"({"windows.ground_floor_locks": "some", "windows.unlocked_count": 3})",
                  "WINDOW_LOCK", 3},
        RuleCase {"NoWindowsLocked",
                  R"({"windows.ground_floor_locks": "none", "windows.unlocked_count": 7})",
                  "WINDOW_LOCK", 7},
        RuleCase {"UnlockedCountQuoted",
                  R"({"windows.ground_floor_locks": "some", "windows.unlocked_count": "2"})",
                  "WINDOW_LOCK", 2},
        RuleCase {"SomeWindowsButCountZero",
                  R"({"windows.ground_floor_locks": "some", "windows.unlocked_count": 0})",
                  nullptr},
        RuleCase {"NoWindowsLockedButCountZero",
                  R"({"windows.ground_floor_locks": "none", "windows.unlocked_count": 0})",
                  nullptr},
        RuleCase {"SomeWindowsCountNotAnswered", R"({"windows.ground_floor_locks": "some"})",
                  nullptr},
        RuleCase {"AllWindowsLockedWithStaleCount",
                  R"({"windows.ground_floor_locks": "all", "windows.unlocked_count": 4})", nullptr},
        // letterbox, lighting, alarm, gate, shed, property marking
        RuleCase {"NoLetterboxGuard", R"({"letterbox.guard": "no"})", "LETTERBOX_GUARD"},
        RuleCase {"LightingNone", R"({"lighting.external": "none"})", "PIR_LIGHT"},
        RuleCase {"LightingManual", R"({"lighting.external": "manual"})", "PIR_LIGHT"},
        RuleCase {"LightingPir", R"({"lighting.external": "pir"})", nullptr},
        RuleCase {"LightingDuskDawn", R"({"lighting.external": "dusk_dawn"})", nullptr},
        RuleCase {"AlarmNone", R"({"alarm.intruder": "none"})", "INTRUDER_ALARM"},
        RuleCase {"AlarmDummy", R"({"alarm.intruder": "dummy"})", "INTRUDER_ALARM"},
        RuleCase {"AlarmBellsOnly", R"({"alarm.intruder": "bells_only"})", nullptr},
        RuleCase {"AlarmMonitored", R"({"alarm.intruder": "monitored"})", nullptr},
        RuleCase {"GateDoesNotLock", R"({"garden.rear_gate_lock": "no"})", "GATE_LOCK"},
        RuleCase {"NoGate", R"({"garden.rear_gate_lock": "na"})", nullptr},
        RuleCase {"GateLocks", R"({"garden.rear_gate_lock": "yes"})", nullptr},
        RuleCase {"ShedNotSecured", R"({"shed.present": "yes", "shed.secured": "no"})",
                  "SHED_ALARM"},
        RuleCase {"ShedSecured", R"({"shed.present": "yes", "shed.secured": "yes"})", nullptr},
        RuleCase {"ShedSecuredNotAnswered", R"({"shed.present": "yes"})", nullptr},
        RuleCase {"NoShedWithStaleAnswer", R"({"shed.present": "no", "shed.secured": "no"})",
                  nullptr},
        RuleCase {"NotPropertyMarked", R"({"property_marking.done": "no"})",
                  "PROPERTY_MARKING_KIT"},
        RuleCase {"PropertyMarked", R"({"property_marking.done": "yes"})", nullptr},
        // questions that recommend nothing
        RuleCase {"PreviousBurglary", R"({"occupant.previous_burglary": "within_12m"})", nullptr},
        RuleCase {"Notes", R"({"notes.general": "timber nightlatch no"})", nullptr}),
    [](const ::testing::TestParamInfo<RuleCase> &info) { return std::string(info.param.name); });

#undef REAR

TEST(RecommendationEngine, TimberDoorsFrontAndRearAddUp)
{
    const QJsonObject answers = secureHomeWith(R"({
        "front_door.material": "timber", "front_door.lock": "nightlatch_only",
        "rear_door.present": "yes", "rear_door.material": "timber",
        "rear_door.lock": "nightlatch_only", "rear_door.cylinder": "na"})");
    const QList<Recommendation> items = engine().recommend(answers);
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items[0].code, u"MORTICE_DEADLOCK_BS3621"_s);
    EXPECT_EQ(items[0].qty, 2);
    EXPECT_TRUE(items[0].reason.contains(u"front door"_s)) << items[0].reason.toStdString();
    EXPECT_TRUE(items[0].reason.contains(u"back door"_s)) << items[0].reason.toStdString();
    EXPECT_EQ(items[0].ruleIds, QStringList({u"front_door.deadlock"_s, u"rear_door.deadlock"_s}));
}

TEST(RecommendationEngine, StandardCylindersFrontAndRearAddUp)
{
    const QJsonObject answers = secureHomeWith(R"({
        "front_door.cylinder": "standard", "rear_door.present": "yes",
        "rear_door.material": "upvc", "rear_door.lock": "multipoint",
        "rear_door.cylinder": "standard"})");
    EXPECT_EQ(recommendFor(answers), (std::map<std::string, int> {{"CYLINDER_TS007_3STAR", 2}}));
}

TEST(RecommendationEngine, OnlyTheTimberDoorNeedsADeadlock)
{
    const QJsonObject answers = secureHomeWith(R"({
        "front_door.material": "upvc", "front_door.lock": "nightlatch_only",
        "rear_door.present": "yes", "rear_door.material": "timber",
        "rear_door.lock": "nightlatch_only", "rear_door.cylinder": "na"})");
    const QList<Recommendation> items = engine().recommend(answers);
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items[0].qty, 1);
    EXPECT_EQ(items[0].ruleIds, QStringList {u"rear_door.deadlock"_s});
}

TEST(RecommendationEngine, UpvcWithNightlatchGetsNoMorticeDeadlock)
{
    EXPECT_TRUE(recommendFor(secureHomeWith(R"({"front_door.material": "upvc",
                                                "front_door.lock": "nightlatch_only"})"))
                    .empty());
}

TEST(RecommendationEngine, NoWindowLockWhenNoWindowIsUnlocked)
{
    const auto items = recommendFor(secureHomeWith(R"({"windows.ground_floor_locks": "some",
                                                       "windows.unlocked_count": 0})"));
    EXPECT_EQ(items.count("WINDOW_LOCK"), 0u);
}

TEST(RecommendationEngine, AbsentRearDoorNeverFiresRearRules)
{
    // Answers left from before the volunteer changed "back door" to no.
    for (const char *presence : {R"("rear_door.present": "no",)", ""}) {
        const QByteArray json = QByteArray("{") + presence + R"(
            "rear_door.material": "timber", "rear_door.lock": "none",
            "rear_door.cylinder": "standard"})";
        QJsonObject answers = secureHomeWith(json.constData());
        if (!*presence)
            answers.remove(u"rear_door.present"_s);
        EXPECT_TRUE(engine().recommend(answers).isEmpty()) << json.toStdString();
    }
}

TEST(RecommendationEngine, InsecureHomeGetsTheWholePackageInRuleOrder)
{
    const QJsonObject answers = answersOf(R"({
        "front_door.material": "timber", "front_door.lock": "mortice_non_bs",
        "front_door.cylinder": "ts007_1star", "front_door.viewer": "no",
        "front_door.chain": "no", "letterbox.guard": "no", "rear_door.present": "yes",
        "rear_door.material": "timber", "rear_door.lock": "none",
        "rear_door.cylinder": "standard", "windows.ground_floor_locks": "none",
        "windows.unlocked_count": 5, "lighting.external": "none",
        "garden.rear_gate_lock": "no", "shed.present": "yes", "shed.secured": "no",
        "alarm.intruder": "dummy", "property_marking.done": "no"})");
    EXPECT_TRUE(engine().definition().validate(answers).isEmpty());
    const QList<Recommendation> items = engine().recommend(answers);
    QStringList codes;
    QList<int> quantities;
    for (const Recommendation &item : items) {
        codes.append(item.code);
        quantities.append(item.qty);
        EXPECT_FALSE(item.reason.isEmpty()) << item.code.toStdString();
    }
    EXPECT_EQ(codes,
              QStringList({u"MORTICE_DEADLOCK_BS3621"_s, u"CYLINDER_TS007_3STAR"_s,
                           u"DOOR_VIEWER"_s, u"DOOR_CHAIN_TS003"_s, u"WINDOW_LOCK"_s,
                           u"LETTERBOX_GUARD"_s, u"PIR_LIGHT"_s, u"INTRUDER_ALARM"_s,
                           u"GATE_LOCK"_s, u"SHED_ALARM"_s, u"PROPERTY_MARKING_KIT"_s}));
    EXPECT_EQ(quantities, QList<int>({2, 2, 1, 1, 5, 1, 1, 1, 1, 1, 1}));
    EXPECT_TRUE(items[4].reason.startsWith(u"5 "_s)) << items[4].reason.toStdString();
}

TEST(RecommendationEngine, InvalidAnswersRecommendNothing)
{
    // recommend() ignores what validate() refuses, so a typo cannot order equipment.
    const QJsonObject answers = secureHomeWith(R"({"front_door.material": "Timber",
        "front_door.lock": "nightlatch_only", "lighting.external": 0,
        "windows.ground_floor_locks": "some", "windows.unlocked_count": -3})");
    EXPECT_TRUE(engine().recommend(answers).isEmpty());
}

// Rules files written for tests: conditions, quantities and ordering.

namespace {

QByteArray rulesFile(const QByteArray &rules, const char *definitionVersion = "1")
{
    return QByteArray(R"({"version": "t", "definitionVersion": ")") + definitionVersion
        + R"(", "rules": [)" + rules + "]}";
}

} // namespace

TEST(RecommendationEngine, CustomRulesWithNestedConditions)
{
    RecommendationEngine custom(SurveyDefinition::builtIn());
    ASSERT_TRUE(custom.load(rulesFile(R"(
        {"id": "b", "code": "B_ITEM", "reason": "b",
         "condition": {"question": "alarm.intruder", "equals": "none"}},
        {"id": "a", "code": "A_ITEM", "qty": 2, "reason": "a for {front_door.material}",
         "condition": {"any": [
            {"all": [{"question": "front_door.material", "equals": "metal"},
                     {"question": "front_door.viewer", "equals": "no"}]},
            {"question": "letterbox.guard", "in": ["no"]}]}},
        {"id": "b2", "code": "B_ITEM", "qty": 3, "reason": "b2",
         "condition": {"question": "shed.present", "equals": "no"}})"),
                            u"custom.json"_s))
        << text(custom.errors());
    EXPECT_EQ(custom.version(), u"t"_s);

    const QList<Recommendation> items = custom.recommend(
        secureHomeWith(R"({"alarm.intruder": "none", "letterbox.guard": "no"})"));
    ASSERT_EQ(items.size(), 2);
    // Codes in the order they first appear in the rules; quantities default to 1.
    EXPECT_EQ(items[0].code, u"B_ITEM"_s);
    EXPECT_EQ(items[0].qty, 4);
    EXPECT_EQ(items[0].reason, u"b b2"_s);
    EXPECT_EQ(items[1].code, u"A_ITEM"_s);
    EXPECT_EQ(items[1].qty, 2);
    EXPECT_EQ(items[1].reason, u"a for composite"_s);

    const auto metal = package(custom.recommend(secureHomeWith(
        R"({"front_door.material": "metal", "front_door.viewer": "no", "shed.present": "yes"})")));
    EXPECT_EQ(metal, (std::map<std::string, int> {{"A_ITEM", 2}}));
}

// Malformed rules files: an error with the file and JSON path, and no rules kept.

struct MalformedRulesCase {
    const char *name;
    QByteArray json;
    const char *expected; // a substring of one error
};

// Names the case in test output (and in the CTest names) instead of dumping its bytes.
void PrintTo(const MalformedRulesCase &value, std::ostream *stream)
{
    *stream << value.name;
}

class MalformedRules : public ::testing::TestWithParam<MalformedRulesCase> { };

TEST_P(MalformedRules, ReportsFileAndJsonPath)
{
    RecommendationEngine custom(SurveyDefinition::builtIn());
    EXPECT_FALSE(custom.load(GetParam().json, u"rules-v1.json"_s));
    EXPECT_FALSE(custom.isValid());
    EXPECT_TRUE(custom.rules().isEmpty());
    EXPECT_TRUE(custom.recommend(secureHomeWith(R"({"alarm.intruder": "none"})")).isEmpty());
    const QString expected = QString::fromUtf8(GetParam().expected);
    bool found = false;
    for (const QString &error : custom.errors()) {
        EXPECT_TRUE(error.startsWith(u"rules-v1.json: "_s)) << error.toStdString();
        found = found || error.contains(expected);
    }
    EXPECT_TRUE(found) << "expected \"" << GetParam().expected << "\" in\n"
                       << text(custom.errors());
}

namespace {

const char *kGood = R"({"id": "ok", "code": "INTRUDER_ALARM", "reason": "r",
    "condition": {"question": "alarm.intruder", "equals": "none"}})";

QByteArray goodThen(const char *rule)
{
    return rulesFile(QByteArray(kGood) + ", " + rule);
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    Survey, MalformedRules,
    ::testing::Values(
        MalformedRulesCase {"NotJson", "{\"rules\": [\n\n  {,]}",
                            "rules-v1.json: line 3, column 4: not valid JSON"},
        MalformedRulesCase {"TopLevelArray", "[]", "expected a JSON object at the top level"},
        MalformedRulesCase {"NoRules", R"({"version": "1", "definitionVersion": "1"})",
                            "rules-v1.json: rules: expected a non-empty array of rules"},
        MalformedRulesCase {"RulesNotArray",
                            R"({"version": "1", "definitionVersion": "1", "rules": {}})",
                            "rules-v1.json: rules: expected a non-empty array of rules"},
        MalformedRulesCase {"WrongDefinitionVersion", rulesFile(kGood, "2"),
                            "definitionVersion: the rules are for survey version 2, not 1"},
        MalformedRulesCase {"RuleNotObject", goodThen("[]"), "rules[1]: expected an object"},
        MalformedRulesCase {"UnknownQuestion", goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "condition": {"question": "front_door.colour", "equals": "red"}})"),
                            "rules[1].condition.question: unknown question \"front_door.colour\""},
        MalformedRulesCase {"OptionTypo", goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "condition": {"all": [
                                    {"question": "front_door.material", "equals": "timbr"}]}})"),
                            "rules[1].condition.all[0].equals: \"timbr\" is not an option of "
                            "front_door.material"},
        MalformedRulesCase {"OptionTypoInList", goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "condition": {"question": "front_door.lock",
                                              "in": ["none", "nightlatch"]}})"),
                            "rules[1].condition.in[1]: \"nightlatch\" is not an option of "
                            "front_door.lock"},
        MalformedRulesCase {"IntegerComparedWithText",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "condition": {"question": "windows.unlocked_count",
                                              "equals": "3"}})"),
                            "rules[1].condition.equals: expected a whole number"},
        MalformedRulesCase {"PhotoInCondition", goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "condition": {"question": "front_door.photo", "equals": "a"}})"),
                            "rules[1].condition.equals: photo answers cannot be tested"},
        MalformedRulesCase {"ConditionNotObject",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                         "condition": "always"})"),
                            "rules[1].condition: expected an object"},
        MalformedRulesCase {"EmptyAll", goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                         "condition": {"all": []}})"),
                            "rules[1].condition.all: expected a non-empty array of conditions"},
        MalformedRulesCase {"MissingCondition",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r"})"),
                            "rules[1]: missing \"condition\""},
        MalformedRulesCase {"MissingCode", goodThen(R"({"id": "x", "reason": "r",
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1]: missing \"code\""},
        MalformedRulesCase {"BadCode", goodThen(R"({"id": "x", "code": "window lock", "reason": "r",
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].code: \"window lock\" is not an equipment code"},
        MalformedRulesCase {"QtyZero", goodThen(R"({"id": "x", "code": "X", "reason": "r", "qty": 0,
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].qty: expected a quantity from 1 to 1000"},
        MalformedRulesCase {"QtyFraction",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r", "qty": 1.5,
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].qty: expected a whole number"},
        MalformedRulesCase {"QtyText",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r", "qty": "2",
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].qty: expected a whole number"},
        MalformedRulesCase {"QtyFromChoiceQuestion",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "qty": {"fromAnswer": "front_door.lock"},
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].qty.fromAnswer: \"front_door.lock\" is not an integer "
                            "question"},
        MalformedRulesCase {"QtyFromUnknownQuestion",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r",
                                "qty": {"fromAnswer": "windows.count"},
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].qty.fromAnswer: \"windows.count\" is not an integer "
                            "question"},
        MalformedRulesCase {"UnknownPlaceholder",
                            goodThen(R"({"id": "x", "code": "X", "reason": "{windows.count} w",
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].reason: {windows.count} names no question"},
        MalformedRulesCase {"UnknownKey",
                            goodThen(R"({"id": "x", "code": "X", "reason": "r", "quantity": 2,
                                "condition": {"question": "alarm.intruder", "equals": "none"}})"),
                            "rules[1].quantity: unknown key"},
        MalformedRulesCase {"DuplicateRuleId", goodThen(R"({"id": "ok", "code": "X", "reason": "r",
                                "condition": {"question": "alarm.intruder", "equals": "dummy"}})"),
                            "rules[1].id: duplicate rule id \"ok\" (also at rules[0])"}),
    [](const ::testing::TestParamInfo<MalformedRulesCase> &info) {
        return std::string(info.param.name);
    });

TEST(RecommendationRulesFile, InvalidDefinitionIsReported)
{
    SurveyDefinition broken;
    EXPECT_FALSE(broken.load("[]", u"definition-v1.json"_s));
    RecommendationEngine custom(broken);
    EXPECT_FALSE(custom.load(rulesFile(kGood), u"rules-v1.json"_s));
    ASSERT_GE(custom.errors().size(), 2);
    EXPECT_TRUE(custom.errors()[0].startsWith(u"rules-v1.json: "_s));
    EXPECT_TRUE(custom.errors()[1].startsWith(u"definition-v1.json: "_s));
}

TEST(RecommendationRulesFile, MissingFileNamesTheFile)
{
    RecommendationEngine custom(SurveyDefinition::builtIn());
    const Status loaded = custom.loadFile(u"/no/such/rules-v7.json"_s);
    ASSERT_FALSE(loaded);
    EXPECT_EQ(loaded.error().kind, Error::Kind::NotFound);
    EXPECT_FALSE(custom.isValid());
    ASSERT_EQ(custom.errors().size(), 1);
    EXPECT_TRUE(custom.errors()[0].startsWith(u"/no/such/rules-v7.json: "_s));
}

TEST(RecommendationRulesFile, ALoadThatFailsDropsEarlierRules)
{
    RecommendationEngine custom(SurveyDefinition::builtIn());
    ASSERT_TRUE(custom.load(rulesFile(kGood), u"a.json"_s));
    EXPECT_EQ(custom.rules().size(), 1);
    EXPECT_FALSE(custom.load("{", u"b.json"_s));
    EXPECT_TRUE(custom.rules().isEmpty());
}
