#pragma once

#include "stockfixture.h"

#include "store/jobrepository.h"

#include <QUuid>

#include <memory>

namespace saferhomes::test {

/// A StockFixture with an accepted household (uuid 1) whose survey (uuid 101) agreed a package
/// of 2 LOCK and 1 ALARM (recommendations uuid 201 and 202), and a job repository for the user
/// "keeper"; the test makes the package's job (m_job) its own way.
class AgreedPackageFixture : public StockFixture {
protected:
    void SetUp() override
    {
        StockFixture::SetUp();
        if (HasFatalFailure())
            return;
        run(QStringLiteral("INSERT INTO household (id, address_line1, postcode, status, "
                           "created_at, updated_at) VALUES ('%1', '1 High St', 'LE13 1AB', "
                           "'accepted', 'x', 'x')")
                .arg(uuid(1)));
        run(QStringLiteral("INSERT INTO survey (id, household_id, definition_version, "
                           "started_at, completed_at, by_user) VALUES ('%1', '%2', '1', 'x', "
                           "'2026-11-01', 'o')")
                .arg(uuid(101), uuid(1)));
        run(QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, qty, "
                           "agreed) VALUES ('%1', '%3', 'LOCK', 2, 1), ('%2', '%3', 'ALARM', 1, "
                           "1)")
                .arg(uuid(201), uuid(202), uuid(101)));
        m_jobs = std::make_unique<JobRepository>(m_database, QStringLiteral("keeper"));
    }

    /// code@location=qty of what the job holds, sorted; the vans are "alice" and "bob".
    QString held() const
    {
        const Result<QList<StockReservation>> reservations = m_ledger->reservations(m_job);
        EXPECT_TRUE(reservations) << qPrintable(reservations.errorString());
        QStringList parts;
        for (const StockReservation &r : reservations.valueOr({})) {
            const QString where = r.location == depot ? depot
                : r.location == m_vans[0]             ? QStringLiteral("alice")
                                                      : QStringLiteral("bob");
            parts.append(QStringLiteral("%1@%2=%3").arg(r.code, where).arg(r.qty));
        }
        parts.sort();
        return parts.join(u' ');
    }

    std::unique_ptr<JobRepository> m_jobs;
    QUuid m_job;
};

} // namespace saferhomes::test
