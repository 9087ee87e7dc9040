#pragma once

// What the sync tests against the central database share: a record id as the devices write it,
// and a sync (or syncing until a condition holds) as a gtest assertion that names what failed
// or was refused.

#include "centraltest.h"
#include "testdevice.h"

#include <functional>

namespace saferhomes::synctest {

inline QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/// Success when \a result synced with nothing refused; else what failed or the first refusal.
inline ::testing::AssertionResult synced(const SyncResult &result)
{
    if (!result.ok())
        return ::testing::AssertionFailure() << result.errorString().toStdString();
    if (!result.rejected.isEmpty()) {
        return ::testing::AssertionFailure()
            << "refused: " << result.rejected.first().reason.toStdString();
    }
    return ::testing::AssertionSuccess();
}

/// Syncs \a device until \a done() holds (or a sync fails, or patience runs out): rows reach a
/// pull only once every older transaction of the shared cluster has ended.
inline ::testing::AssertionResult syncUntil(TestDevice &device, const std::function<bool()> &done)
{
    SyncResult last;
    const bool reached = eventually([&] {
        last = device.sync();
        return !last.ok() || !last.rejected.isEmpty() || done();
    });
    if (!synced(last))
        return synced(last);
    return reached ? ::testing::AssertionSuccess()
                   : ::testing::AssertionFailure() << "never got there";
}

} // namespace saferhomes::synctest
