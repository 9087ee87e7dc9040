#pragma once

#include "common/settings.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QStringList>
#include <QTemporaryDir>

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

/// Processes events until \a condition holds or \a timeoutMs pass.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000);

/// Collects the warnings QAbstractItemModelTester prints while it is alive.
class ModelTesterLog {
public:
    ModelTesterLog();
    ~ModelTesterLog();
    QStringList failures() const;
};

} // namespace saferhomes::test
