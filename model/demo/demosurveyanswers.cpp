#include "demosurveyanswers.h"

#include "demorandom.h"

#include <QString>

#include <initializer_list>

namespace saferhomes {

namespace {

QString option(std::initializer_list<const char *> options, int index)
{
    return QString::fromLatin1(options.begin()[index]);
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

/// One door's material, lock and cylinder, under \a prefix ("front_door", "rear_door").
void drawDoor(DemoRandom &r, const QString &prefix, QJsonObject *answers)
{
    const QString material
        = option({"upvc", "composite", "timber", "metal", "other"}, r.weighted({45, 20, 25, 3, 7}));
    const auto locks
        = {"none", "nightlatch_only", "mortice_non_bs", "bs3621_mortice", "multipoint"};
    QString lock;
    if (material == u"upvc" || material == u"composite")
        lock = option(locks, r.weighted({1, 4, 0, 0, 95}));
    else if (material == u"timber")
        lock = option(locks, r.weighted({5, 35, 25, 25, 10}));
    else
        lock = option(locks, r.weighted({5, 30, 25, 25, 15}));
    const auto cylinders = {"na", "standard", "ts007_1star", "ts007_3star", "sold_secure_diamond"};
    QString cylinder;
    if (lock == u"none")
        cylinder = QStringLiteral("na");
    else if (lock == u"multipoint")
        cylinder = option(cylinders, r.weighted({0, 55, 10, 25, 10}));
    else if (lock == u"nightlatch_only")
        cylinder = option(cylinders, r.weighted({0, 80, 10, 10, 0}));
    else // a mortice, perhaps with a nightlatch too
        cylinder = option(cylinders, r.weighted({40, 45, 5, 10, 0}));
    answers->insert(prefix + QStringLiteral(".material"), material);
    answers->insert(prefix + QStringLiteral(".lock"), lock);
    answers->insert(prefix + QStringLiteral(".cylinder"), cylinder);
}

constexpr const char *kNotes[] = {
    "Householder very anxious after a break-in on the street",
    "Back door frame is rotten at the bottom: referred to the landlord",
    "Keys kept on a hook in sight of the front door; advised to move them",
    "Sliding patio door at the back; no anti-lift blocks",
    "Neighbour keeps a spare key",
};

} // namespace

QJsonObject DemoSurveyAnswers::draw(DemoRandom &r, bool repeatVictim)
{
    QJsonObject a;
    drawDoor(r, QStringLiteral("front_door"), &a);
    const bool rearDoor = r.chance(0.85);
    a.insert(QStringLiteral("rear_door.present"), yesNo(rearDoor));
    if (rearDoor)
        drawDoor(r, QStringLiteral("rear_door"), &a);
    a.insert(QStringLiteral("front_door.viewer"), yesNo(r.chance(0.35)));
    a.insert(QStringLiteral("front_door.chain"), yesNo(r.chance(0.3)));
    const QString windows = option({"all", "some", "none"}, r.weighted({55, 30, 15}));
    a.insert(QStringLiteral("windows.ground_floor_locks"), windows);
    if (windows == u"some")
        a.insert(QStringLiteral("windows.unlocked_count"), r.between(1, 3));
    else if (windows == u"none")
        a.insert(QStringLiteral("windows.unlocked_count"), r.between(2, 4));
    a.insert(QStringLiteral("letterbox.guard"), yesNo(r.chance(0.2)));
    a.insert(QStringLiteral("lighting.external"),
             option({"none", "manual", "pir", "dusk_dawn"}, r.weighted({30, 30, 30, 10})));
    a.insert(QStringLiteral("alarm.intruder"),
             option({"none", "dummy", "bells_only", "monitored"}, r.weighted({60, 10, 20, 10})));
    a.insert(QStringLiteral("garden.rear_gate_lock"),
             option({"na", "yes", "no"}, r.weighted({20, 40, 40})));
    const bool shed = r.chance(0.55);
    a.insert(QStringLiteral("shed.present"), yesNo(shed));
    if (shed)
        a.insert(QStringLiteral("shed.secured"), yesNo(r.chance(0.4)));
    a.insert(QStringLiteral("property_marking.done"), yesNo(r.chance(0.15)));
    a.insert(QStringLiteral("occupant.previous_burglary"),
             repeatVictim ? option({"within_12m", "over_12m"}, r.weighted({70, 30}))
                          : option({"none", "within_12m", "over_12m"}, r.weighted({75, 10, 15})));
    if (r.chance(0.1))
        a.insert(QStringLiteral("notes.general"), QString::fromLatin1(r.pick(kNotes)));
    return a;
}

} // namespace saferhomes
