#pragma once

// Doorstep survey answers that the survey definition and recommendation rule tests share.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace saferhomes::test {

/// \a json, a JSON object of answers by question id; a test failure when it is not an object.
inline QJsonObject answersOf(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    EXPECT_TRUE(document.isObject()) << json;
    return document.object();
}

/// A well-secured home with no back door and no shed: every required question answered,
/// nothing hidden answered, and no recommendation rule fires.
inline QJsonObject secureHome()
{
    return answersOf(R"({
        "front_door.material": "composite", "front_door.lock": "multipoint",
        "front_door.cylinder": "ts007_3star", "front_door.viewer": "yes",
        "front_door.chain": "yes", "letterbox.guard": "yes", "rear_door.present": "no",
        "windows.ground_floor_locks": "all", "lighting.external": "pir",
        "garden.rear_gate_lock": "yes", "shed.present": "no", "alarm.intruder": "monitored",
        "property_marking.done": "yes"})");
}

} // namespace saferhomes::test
