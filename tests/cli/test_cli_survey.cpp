// DESIGN.md §4 and §6: `survey recommend --answers FILE` prints {"items": [{code, qty,
// reason}]}; exit 1 for answers that fail validation, 2 for a file that cannot be used.

#include "clitestsupport.h"

#include <QFileInfo>
#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliSurvey = CliTest;

namespace {

const QByteArray kTimberHome = R"({
    "front_door.material": "timber", "front_door.lock": "nightlatch_only",
    "front_door.cylinder": "standard", "front_door.viewer": "yes", "front_door.chain": "yes",
    "letterbox.guard": "yes", "rear_door.present": "yes", "rear_door.material": "timber",
    "rear_door.lock": "nightlatch_only", "rear_door.cylinder": "standard",
    "windows.ground_floor_locks": "some", "windows.unlocked_count": 3,
    "lighting.external": "pir", "garden.rear_gate_lock": "yes", "shed.present": "no",
    "alarm.intruder": "monitored", "property_marking.done": "yes",
    "occupant.previous_burglary": "within_12m", "notes.general": "Side gate sticks."
})";

/// code -> qty of a result's items, checking each item's shape on the way.
std::map<QString, int> items(const CliResult &result)
{
    std::map<QString, int> found;
    const QJsonObject json = result.json();
    EXPECT_TRUE(json.value(u"items"_s).isArray()) << result;
    const QJsonArray array = json.value(u"items"_s).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        EXPECT_EQ(item.keys(), QStringList({u"code"_s, u"qty"_s, u"reason"_s})) << result;
        EXPECT_TRUE(item.value(u"code"_s).isString()) << result;
        EXPECT_TRUE(item.value(u"qty"_s).isDouble()) << result;
        EXPECT_FALSE(item.value(u"reason"_s).toString().isEmpty()) << result;
        EXPECT_EQ(found.count(item.value(u"code"_s).toString()), 0u) << "one item per code\n"
                                                                     << result;
        found[item.value(u"code"_s).toString()] = item.value(u"qty"_s).toInt();
    }
    return found;
}

} // namespace

TEST_F(CliSurvey, RecommendsThePackage)
{
    const QString answers = writeFile(u"answers.json"_s, kTimberHome);
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json().keys(), QStringList {u"items"_s}) << result;
    const std::map<QString, int> expected {
        {u"MORTICE_DEADLOCK_BS3621"_s, 2}, {u"CYLINDER_TS007_3STAR"_s, 2}, {u"WINDOW_LOCK"_s, 3}};
    EXPECT_EQ(items(result), expected) << result;
}

TEST_F(CliSurvey, NeedsNoDatabase)
{
    const QString answers = writeFile(u"answers.json"_s, kTimberHome);
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers="_s + answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_FALSE(QFileInfo::exists(dbPath())) << "survey recommend must not create a database";
}

TEST_F(CliSurvey, SecureHomeGetsAnEmptyList)
{
    const QString answers = writeFile(u"answers.json"_s, R"({
        "front_door.material": "upvc", "front_door.lock": "multipoint",
        "front_door.cylinder": "sold_secure_diamond", "front_door.viewer": "yes",
        "front_door.chain": "yes", "letterbox.guard": "yes", "rear_door.present": "no",
        "windows.ground_floor_locks": "all", "lighting.external": "dusk_dawn",
        "garden.rear_gate_lock": "na", "shed.present": "yes", "shed.secured": "yes",
        "alarm.intruder": "bells_only", "property_marking.done": "yes"})");
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), QJsonObject({{u"items"_s, QJsonArray()}})) << result;
}

TEST_F(CliSurvey, RearAnswersIgnoredWithoutARearDoor)
{
    QByteArray json = kTimberHome;
    json.replace(R"("rear_door.present": "yes")", R"("rear_door.present": "no")");
    const QString answers = writeFile(u"answers.json"_s, json);
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    const std::map<QString, int> expected {
        {u"MORTICE_DEADLOCK_BS3621"_s, 1}, {u"CYLINDER_TS007_3STAR"_s, 1}, {u"WINDOW_LOCK"_s, 3}};
    EXPECT_EQ(items(result), expected) << result;
}

TEST_F(CliSurvey, PartialSurveyStillGetsAPackage)
{
    const QString answers = writeFile(
        u"answers.json"_s, R"({"front_door.material": "timber", "front_door.lock": "none"})");
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    const std::map<QString, int> expected {{u"MORTICE_DEADLOCK_BS3621"_s, 1}};
    EXPECT_EQ(items(result), expected) << result;
    EXPECT_TRUE(result.errText().contains(u"not answered"_s)) << result;
}

TEST_F(CliSurvey, SavedSurveyRecordIsRead)
{
    const QString answers = writeFile(u"survey.json"_s,
                                      R"({"definition_version": "1", "household": "x",
            "answers": {"alarm.intruder": "dummy", "letterbox.guard": "no"}})");
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    const std::map<QString, int> expected {{u"INTRUDER_ALARM"_s, 1}, {u"LETTERBOX_GUARD"_s, 1}};
    EXPECT_EQ(items(result), expected) << result;
}

TEST_F(CliSurvey, InvalidAnswersExitOneAndListEachProblem)
{
    QByteArray json = kTimberHome;
    json.replace(R"("front_door.material": "timber")", R"("front_door.material": "wood")");
    json.replace(R"("windows.unlocked_count": 3)", R"("windows.unlocked_count": -2)");
    json.replace(R"("lighting.external": "pir")", R"("lighting.external": "pir", "pets": "dog")");
    const QString answers = writeFile(u"answers.json"_s, json);
    const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonObject out = result.json();
    EXPECT_EQ(out.value(u"items"_s), QJsonArray()) << result;
    const QJsonArray errors = out.value(u"errors"_s).toArray();
    QStringList questions;
    for (const QJsonValue &error : errors) {
        EXPECT_EQ(error.toObject().keys(), QStringList({u"message"_s, u"question"_s})) << result;
        EXPECT_FALSE(error.toObject().value(u"message"_s).toString().isEmpty()) << result;
        questions.append(error.toObject().value(u"question"_s).toString());
    }
    EXPECT_EQ(questions,
              QStringList({u"front_door.material"_s, u"windows.unlocked_count"_s, u"pets"_s}))
        << result;
    for (const QString &question : questions)
        EXPECT_TRUE(result.errText().contains(question)) << result;
    EXPECT_TRUE(result.errText().contains(u"wood"_s)) << result;
}

TEST_F(CliSurvey, UnreadableOrNonObjectFilesExitTwo)
{
    const QList<std::pair<QString, QString>> files {
        {path(u"missing.json"_s), u"missing"_s},
        {dir(), u"a directory"_s},
        {writeFile(u"array.json"_s, "[{\"front_door.material\": \"timber\"}]"), u"an array"_s},
        {writeFile(u"broken.json"_s, "{\"front_door.material\": "), u"not JSON"_s},
        {writeFile(u"empty.json"_s, ""), u"empty"_s},
        {writeFile(u"string.json"_s, "\"timber\""), u"a string"_s},
    };
    for (const auto &[file, what] : files) {
        const CliResult result = cli({u"survey"_s, u"recommend"_s, u"--answers"_s, file});
        EXPECT_EQ(result.exitCode, 2) << what.toStdString() << "\n" << result;
        EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
        EXPECT_FALSE(result.crashed) << result;
    }
}

TEST_F(CliSurvey, MissingAnswersOptionIsAUsageError)
{
    for (const QStringList &arguments :
         {QStringList {u"survey"_s, u"recommend"_s}, QStringList {u"survey"_s},
          QStringList {u"survey"_s, u"recommend"_s, u"extra"_s}, QStringList {u"survey"_s, u"x"_s},
          QStringList {u"survey"_s, u"recommend"_s, u"--answers"_s}}) {
        const CliResult result = cli(arguments);
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    }
}

TEST_F(CliSurvey, TextOutputIsATable)
{
    const QString answers = writeFile(u"answers.json"_s, kTimberHome);
    const CliResult result = cliText({u"survey"_s, u"recommend"_s, u"--answers"_s, answers});
    EXPECT_EQ(result.exitCode, 0) << result;
    const QString out = QString::fromUtf8(result.out);
    EXPECT_FALSE(result.jsonOrNull()) << "text without --json\n" << result;
    for (const QString &code :
         {u"MORTICE_DEADLOCK_BS3621"_s, u"CYLINDER_TS007_3STAR"_s, u"WINDOW_LOCK"_s})
        EXPECT_TRUE(out.contains(code)) << result;
    EXPECT_TRUE(out.contains(u"QTY"_s)) << result;
}

TEST_F(CliSurvey, HelpMentionsTheCommand)
{
    const CliResult result = runCli({u"--help"_s}, dir());
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(result.out.contains("survey recommend --answers FILE")) << result;
}
