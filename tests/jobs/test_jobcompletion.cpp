// JobRepository::complete(JobCompletion) (the fitter's day): each difference needs a reason,
// photos and the signature are kept with the job, a re-sent completion is applied once; and
// the labels and contact that sheets and the fitter's day show.
#include "store/database.h"
#include "store/jobrepository.h"
#include "store/stockledger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace Qt::StringLiterals;

namespace {

const QString kJob = u"00000000-0000-4000-8000-000000000501"_s;
const QString kHousehold = u"00000000-0000-4000-8000-000000000001"_s;

class JobCompletionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(u"completion.sqlite"_s));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        run(u"INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('LOCK', 'Mortice deadlock', 'BS 3621', 100, 30, 'locks'), "
            "('ALARM', 'Alarm', '', 100, 60, 'alarms')"_s);
        run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, "
            "updated_at) VALUES ('%1', '3 Scalford Road', 'LE13 1JY', 'scheduled', 'x', 'x')"_s.arg(
                kHousehold));
        run(u"INSERT INTO resident (id, household_id, name, phone, email, access_needs, "
            "is_primary, created_at) VALUES ('00000000-0000-4000-8000-000000000701', '%1', "
            "'Ann Smith', '01632 960001', 'ann@example.com', 'Hard of hearing', 1, 'x')"_s.arg(
                kHousehold));
        run(u"INSERT INTO job (id, household_id, status, scheduled_start, created_at) VALUES "
            "('%1', '%2', 'scheduled', '2026-12-09T09:00:00.000Z', 'x')"_s.arg(kJob, kHousehold));
        run(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '%1', 'LOCK', 2), "
            "('00000000-0000-4000-8000-000000000602', '%1', 'ALARM', 1)"_s.arg(kJob));
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    QString scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return u"(no answer)"_s;
        return query.value(0).toString();
    }

    QTemporaryDir m_dir;
    Database m_database {u"completion-test"_s};
};

} // namespace

TEST_F(JobCompletionTest, ADifferenceWithoutAReasonIsRefusedAndWritesNothing)
{
    JobRepository jobs(m_database, u"fitter"_s);
    JobCompletion completion;
    completion.fitted = {{u"LOCK"_s, 1}, {u"ALARM"_s, 1}};
    completion.photos.append({u"image/png"_s, QByteArray("png bytes")});
    completion.signedOffBy = u"Ann Smith"_s;
    const Result<bool> refused = jobs.complete(QUuid(kJob), completion);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
    EXPECT_TRUE(refused.errorString().contains(u"LOCK"_s)) << qPrintable(refused.errorString());
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kJob)), u"scheduled"_s);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM attachment"_s), u"0"_s);

    // Whitespace is no reason either.
    completion.differenceReasons.insert(u"LOCK"_s, u"  "_s);
    EXPECT_FALSE(jobs.complete(QUuid(kJob), completion));
}

TEST_F(JobCompletionTest, ReasonsPhotosAndSignatureAreKeptWithTheJobOnce)
{
    JobRepository jobs(m_database, u"fitter"_s);
    JobCompletion completion;
    completion.fitted = {{u"LOCK"_s, 1}}; // no alarm: a difference too
    completion.serials = {{u"LOCK"_s, u"L-1"_s}};
    completion.differenceReasons
        = {{u"LOCK"_s, u"Frame rotten"_s}, {u"ALARM"_s, u"Householder declined"_s}};
    completion.photos.append({u"image/jpeg"_s, QByteArray("jpeg bytes")});
    completion.photos.append({u"image/png"_s, QByteArray("png bytes")});
    completion.signature = JobPicture {u"image/png"_s, QByteArray("signature")};
    completion.signedOffBy = u"Ann Smith"_s;
    // The lock comes from stock that is there (the depot's: the job has no fitter).
    ASSERT_TRUE(StockLedger(m_database, u"fitter"_s).receive(u"LOCK"_s, 1, u"depot"_s));
    const Result<bool> done = jobs.complete(QUuid(kJob), completion);
    ASSERT_TRUE(done) << qPrintable(done.errorString());
    EXPECT_TRUE(*done);
    EXPECT_EQ(scalar(u"SELECT status || '/' || signed_off_by FROM job WHERE id = '%1'"_s.arg(kJob)),
              u"completed/Ann Smith"_s);
    EXPECT_EQ(scalar(u"SELECT group_concat(equipment_code || '=' || fitted_qty || ':' || "
                     "difference_reason, ';') FROM (SELECT * FROM job_item ORDER BY rowid)"_s),
              u"LOCK=1:Frame rotten;ALARM=0:Householder declined"_s);
    EXPECT_EQ(scalar(u"SELECT status FROM household WHERE id = '%1'"_s.arg(kHousehold)),
              u"installed"_s);
    const Result<QHash<QString, int>> counts = jobs.pictureCounts(QUuid(kJob));
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->value(u"photo"_s), 2);
    EXPECT_EQ(counts->value(u"signature"_s), 1);
    // sha256("signature"), computed independently (printf signature | sha256sum).
    EXPECT_EQ(scalar(u"SELECT sha256 || '/' || household_id FROM attachment "
                     "WHERE kind = 'signature'"_s),
              u"1a2fc26dc7ea5a2a4748b7cb2b1ef193d96ab2c99f93092f69e63075b28d1278/"_s + kHousehold);
    const Result<QHash<QString, QString>> reasons = jobs.differenceReasons(QUuid(kJob));
    ASSERT_TRUE(reasons);
    EXPECT_EQ(reasons->value(u"LOCK"_s), u"Frame rotten"_s);

    // Sent again (a re-sent completion): applied once, no second set of pictures.
    const Result<bool> again = jobs.complete(QUuid(kJob), completion);
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM attachment"_s), u"3"_s);
}

TEST_F(JobCompletionTest, LabelsAndContactForSheetsAndTheFittersDay)
{
    JobRepository jobs(m_database, u"fitter"_s);
    const Result<QHash<QString, EquipmentLabel>> labels = jobs.equipmentLabels();
    ASSERT_TRUE(labels);
    EXPECT_EQ(labels->value(u"LOCK"_s).name, u"Mortice deadlock"_s);
    EXPECT_EQ(labels->value(u"LOCK"_s).standard, u"BS 3621"_s);
    EXPECT_EQ(labels->value(u"ALARM"_s).standard, QString());

    const Result<JobContact> contact = jobs.contact(QUuid(kHousehold));
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->name, u"Ann Smith"_s);
    EXPECT_EQ(contact->phone, u"01632 960001"_s);
    EXPECT_EQ(contact->email, u"ann@example.com"_s);
    EXPECT_EQ(contact->accessNeeds, u"Hard of hearing"_s);
    // A household whose resident this device does not hold: an empty contact, not an error.
    const Result<JobContact> none = jobs.contact(QUuid(u"00000000-0000-4000-8000-000000000099"_s));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->isEmpty());
}
