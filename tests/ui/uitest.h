#pragma once

#include "common/settings.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QImage>
#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>

/// Lets GoogleTest print QStrings in failure messages.
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace saferhomes::test {

/// A fresh database file in a temporary folder for each test, with a few known households.
class UiTest : public ::testing::Test {
protected:
    void SetUp() override;

    HouseholdRepository repository() const;
    /// Six households in two areas (and one with none), in several statuses.
    void insertSampleHouseholds();
    std::unique_ptr<Settings> settings() const;
    QString writeFile(const QString &name, const QByteArray &contents) const;
    QUuid idOf(const QString &addressLine1) const;
    int auditCount(const QUuid &id, const QString &field) const;

    QTemporaryDir m_dir;
    QString m_path;
    Database m_database {ConnectionName::main()};
};

/// How long a test waits for something that must happen. Generous, because the suite runs under
/// the sanitizers on a machine other processes keep busy; a wait lasts only as long as its
/// condition takes, so a passing test never pays for it.
inline constexpr int kPatienceMs = 120'000;

/// Processes events until \a condition holds or \a timeoutMs pass.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = kPatienceMs);

/// Delivers every event already posted (layout requests, deferred focus and selection, queued
/// calls) so that the widgets, and a grab of them, show the current state. No time passes.
void settle();

/// The texts a person sees in \a window: labels, buttons, check boxes, group box titles, line
/// edits, combo boxes and progress bars that are visible and not scrolled out of sight, tab titles,
/// and the cells of the rows an item view has on screen; each with its mnemonic '&' removed.
QStringList shownTexts(const QWidget *window);

/// The number of distinct colours in \a image, up to \a enough (a blank or half-drawn screen
/// has a handful).
int distinctColours(const QImage &image, int enough = 64);

/// Collects the warnings QAbstractItemModelTester prints while it is alive.
class ModelTesterLog {
public:
    ModelTesterLog();
    ~ModelTesterLog();
    QStringList failures() const;
};

} // namespace saferhomes::test
