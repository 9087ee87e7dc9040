// Agreeing a package at the door makes its unscheduled job (DESIGN §8, issue 12 item 1): the
// items, a duration from the catalogue's fit minutes plus the set-up allowance, and the
// householder's availability and access notes asked for with the package.

#include "common/touchbutton.h"
#include "doorstep/availabilityeditor.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/packagepanel.h"
#include "doorstep/packagetablemodel.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableView>
#include <QTimeEdit>
#include <QTimeZone>

namespace saferhomes::test {

namespace {

/// Every row of \a sql on the test's database, each row's columns joined by " | ".
QStringList rowsOf(const Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    QStringList rows;
    if (!query.exec(sql))
        return {QStringLiteral("<failed: %1>").arg(sql)};
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).toString());
        rows.append(columns.join(QStringLiteral(" | ")));
    }
    return rows;
}

/// The availability the reopening tests agree: Tuesday and Thursday mornings and Saturday
/// late morning, never Fridays, Christmas Eve nor New Year's Eve, with access notes.
void agreeWithAvailability(PackagePanel &package)
{
    AvailabilityEditor *availability = package.availabilityEditor();
    availability->windowDay(2)->setChecked(true);
    availability->windowDay(4)->setChecked(true);
    availability->fromEdit()->setTime(QTime(9, 0));
    availability->toEdit()->setTime(QTime(12, 0));
    availability->addWindowButton()->click();
    availability->windowDay(6)->setChecked(true);
    availability->fromEdit()->setTime(QTime(10, 0));
    availability->toEdit()->setTime(QTime(13, 30));
    availability->addWindowButton()->click();
    availability->avoidDay(5)->setChecked(true);
    availability->avoidDatesEdit()->setText(QStringLiteral("24/12/2026; 2026-12-31"));
    availability->accessNotesEdit()->setText(QStringLiteral("Key safe by the back door; dog"));
    package.agreeButton()->click();
}

/// What agreeWithAvailability() stores, as JobAvailability writes it.
const char *const kAgreedAvailability
    = R"({"windows": [{"weekdays": [2, 4], "from": "09:00", "to": "12:00"},
                      {"weekdays": [6], "from": "10:00", "to": "13:30"}],
          "avoid_weekdays": [5], "avoid_dates": ["2026-12-24", "2026-12-31"]})";

/// The list's texts, in order.
QStringList texts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

/// Expects the editor to show what agreeWithAvailability() entered, as stored windows (nothing
/// left being entered), the days and dates to avoid and the notes.
void expectAgreedAvailability(AvailabilityEditor *availability)
{
    EXPECT_EQ(texts(availability->windowList()),
              (QStringList {QStringLiteral("Tue Thu, 09:00\u201312:00"),
                            QStringLiteral("Sat, 10:00\u201313:30")}));
    for (int day = 1; day <= 7; ++day) {
        EXPECT_FALSE(availability->windowDay(day)->isChecked()) << day;
        EXPECT_EQ(availability->avoidDay(day)->isChecked(), day == 5) << day;
    }
    EXPECT_EQ(availability->avoidDatesEdit()->text(), QStringLiteral("2026-12-24, 2026-12-31"));
    EXPECT_EQ(availability->accessNotesEdit()->text(),
              QStringLiteral("Key safe by the back door; dog"));
    EXPECT_TRUE(availability->errorText().isEmpty()) << qPrintable(availability->errorText());
}

/// The default locale set for one test: the editor names days as QLocale() does.
class DefaultLocale {
public:
    explicit DefaultLocale(const QLocale &locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(m_saved); }
    DefaultLocale(const DefaultLocale &) = delete;
    DefaultLocale &operator=(const DefaultLocale &) = delete;

private:
    QLocale m_saved;
};

} // namespace

TEST_F(DoorstepTest, AgreeingAPackageMakesItsJobWithTheHouseholdersAvailability)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    const QString household = id.toString(QUuid::WithoutBraces);
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    completeSurvey(*page);
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package) << qPrintable(page->bannerText());

    PackagePanel *package = page->packagePanel();
    AvailabilityEditor *availability = package->availabilityEditor();
    ASSERT_TRUE(availability->isVisible());
    // One more light: 6 items of 30 fit minutes each (the test catalogue's) and 15 to set up.
    package->tableView()->setCurrentIndex(package->model()->index(3, 0)); // PIR_LIGHT
    package->moreButton()->click();

    // Tuesday and Thursday mornings, added as a window; Saturday late morning ticked and left
    // in the row (it counts too); never Fridays, nor Christmas Eve.
    availability->windowDay(2)->setChecked(true);
    availability->windowDay(4)->setChecked(true);
    availability->fromEdit()->setTime(QTime(9, 0));
    availability->toEdit()->setTime(QTime(12, 0));
    availability->addWindowButton()->click();
    ASSERT_EQ(availability->windowList()->count(), 1);
    EXPECT_FALSE(availability->windowDay(2)->isChecked());
    availability->windowDay(6)->setChecked(true);
    availability->fromEdit()->setTime(QTime(10, 0));
    availability->toEdit()->setTime(QTime(13, 30));
    availability->avoidDay(5)->setChecked(true);
    availability->accessNotesEdit()->setText(QStringLiteral("Key safe by the back door; dog"));

    // A date that is not one stops the agreement at the field: no package, no job.
    availability->avoidDatesEdit()->setText(QStringLiteral("31/02/2026"));
    package->agreeButton()->click();
    EXPECT_TRUE(availability->errorText().contains(QStringLiteral("31/02/2026")))
        << qPrintable(availability->errorText());
    EXPECT_EQ(rowsOf(m_database, QStringLiteral("SELECT count(*) FROM job")),
              QStringList {QStringLiteral("0")});

    availability->avoidDatesEdit()->setText(QStringLiteral("2026-12-24"));
    package->agreeButton()->click();
    EXPECT_TRUE(availability->errorText().isEmpty()) << qPrintable(availability->errorText());
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_EQ(page->bannerText(), QString());
    EXPECT_EQ(repository().summary(id)->status, HouseholdStatus::Accepted);

    EXPECT_EQ(rowsOf(m_database,
                     QStringLiteral("SELECT household_id, status, fitter_id IS NULL, "
                                    "scheduled_start IS NULL, duration_minutes, access_notes "
                                    "FROM job")),
              QStringList {household
                           + QStringLiteral(" | unscheduled | 1 | 1 | 195 | Key safe by the back "
                                            "door; dog")});
    const QStringList stored = rowsOf(m_database, QStringLiteral("SELECT availability FROM job"));
    ASSERT_EQ(stored.size(), 1);
    const QJsonDocument expected = QJsonDocument::fromJson(
        R"({"windows": [{"weekdays": [2, 4], "from": "09:00", "to": "12:00"},
                        {"weekdays": [6], "from": "10:00", "to": "13:30"}],
            "avoid_weekdays": [5], "avoid_dates": ["2026-12-24"]})");
    EXPECT_EQ(QJsonDocument::fromJson(stored.first().toUtf8()), expected)
        << qPrintable(stored.first());
    EXPECT_EQ(
        rowsOf(m_database,
               QStringLiteral("SELECT i.equipment_code, i.qty FROM job_item i "
                              "JOIN job j ON j.id = i.job_id ORDER BY i.rowid")),
        (QStringList {QStringLiteral("CYLINDER_TS007_3STAR | 1"), QStringLiteral("DOOR_VIEWER | 1"),
                      QStringLiteral("DOOR_CHAIN_TS003 | 1"), QStringLiteral("PIR_LIGHT | 2"),
                      QStringLiteral("INTRUDER_ALARM | 1")}));
    // The job and its items wait in the outbox for the next sync.
    EXPECT_EQ(rowsOf(m_database,
                     QStringLiteral("SELECT entity, count(*) FROM outbox WHERE entity "
                                    "IN ('job', 'job_item') GROUP BY entity "
                                    "ORDER BY entity")),
              (QStringList {QStringLiteral("job | 1"), QStringLiteral("job_item | 5")}));

    // Agreed again with other notes: the same job takes them, no second job.
    availability->accessNotesEdit()->setText(QStringLiteral("Ring twice"));
    package->agreeButton()->click();
    EXPECT_EQ(rowsOf(m_database,
                     QStringLiteral("SELECT count(*), min(access_notes), "
                                    "min(duration_minutes) FROM job")),
              QStringList {QStringLiteral("1 | Ring twice | 195")});
}

// Reopening the package step of a household whose package has a job shows what the
// householder said, so that agreeing again (changed or not) keeps it instead of clearing it.
TEST_F(DoorstepTest, ReopeningAnAgreedPackageShowsTheStoredAvailability)
{
    const DefaultLocale english(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    completeSurvey(*page);
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package) << qPrintable(page->bannerText());
    agreeWithAvailability(*page->packagePanel());
    ASSERT_TRUE(page->packagePanel()->errorText().isEmpty())
        << qPrintable(page->packagePanel()->errorText());
    const QJsonDocument expected = QJsonDocument::fromJson(kAgreedAvailability);
    const auto expectStored = [&] {
        EXPECT_EQ(rowsOf(m_database, QStringLiteral("SELECT count(*), min(access_notes) FROM job")),
                  QStringList {QStringLiteral("1 | Key safe by the back door; dog")});
        const QStringList stored
            = rowsOf(m_database, QStringLiteral("SELECT availability FROM job"));
        ASSERT_EQ(stored.size(), 1);
        EXPECT_EQ(QJsonDocument::fromJson(stored.first().toUtf8()), expected)
            << qPrintable(stored.first());
    };
    expectStored();

    // Left for the visits step and back, on the same screen.
    page->stepButton(DoorstepPage::Step::Visits)->click();
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Visits);
    page->stepButton(DoorstepPage::Step::Package)->click();
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package) << qPrintable(page->bannerText());
    expectAgreedAvailability(page->packagePanel()->availabilityEditor());

    // A new window on the household (the app started again): the same.
    window.reset();
    window = openDoorstep(id);
    page = window->doorstepPage();
    page->stepButton(DoorstepPage::Step::Package)->click();
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package) << qPrintable(page->bannerText());
    PackagePanel *package = page->packagePanel();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_TRUE(package->agreeButton()->isEnabled());
    expectAgreedAvailability(package->availabilityEditor());

    // Agreed again unchanged: the job row still holds all of it, and the job itself has no
    // change to sync (only its first version is queued).
    package->agreeButton()->click();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_EQ(page->bannerText(), QString());
    EXPECT_FALSE(package->statusText().isEmpty());
    expectStored();
    EXPECT_EQ(
        rowsOf(m_database, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'job'")),
        QStringList {QStringLiteral("1")});

    // Changed at the door from what was stored: only the change is made.
    AvailabilityEditor *availability = package->availabilityEditor();
    availability->avoidDay(5)->setChecked(false);
    package->agreeButton()->click();
    const QStringList stored = rowsOf(m_database, QStringLiteral("SELECT availability FROM job"));
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(stored.first().toUtf8()),
              QJsonDocument::fromJson(
                  R"({"windows": [{"weekdays": [2, 4], "from": "09:00", "to": "12:00"},
                                  {"weekdays": [6], "from": "10:00", "to": "13:30"}],
                      "avoid_dates": ["2026-12-24", "2026-12-31"]})"))
        << qPrintable(stored.first());
    EXPECT_EQ(rowsOf(m_database, QStringLiteral("SELECT access_notes FROM job")),
              QStringList {QStringLiteral("Key safe by the back door; dog")});
}

// When the job cannot be read, the step says so and the package cannot be agreed over it:
// nothing stored is cleared, and another household's answers are not shown.
TEST_F(DoorstepTest, AFailedReadOfTheStoredAvailabilityClearsNothing)
{
    const DefaultLocale english(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    completeSurvey(*page);
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package) << qPrintable(page->bannerText());
    agreeWithAvailability(*page->packagePanel());
    const QStringList before = rowsOf(
        m_database, QStringLiteral("SELECT availability, access_notes, duration_minutes FROM job"));
    ASSERT_EQ(before.size(), 1);
    page->stepButton(DoorstepPage::Step::Visits)->click();
    page->stepButton(DoorstepPage::Step::Package)->click();
    expectAgreedAvailability(page->packagePanel()->availabilityEditor());

    // The job table out of reach, as on a damaged database.
    QSqlQuery schema(m_database.connection());
    ASSERT_TRUE(schema.exec(QStringLiteral("ALTER TABLE job RENAME TO job_out_of_reach")))
        << qPrintable(schema.lastError().text());

    page->stepButton(DoorstepPage::Step::Visits)->click();
    page->stepButton(DoorstepPage::Step::Package)->click();
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package);
    PackagePanel *package = page->packagePanel();
    EXPECT_TRUE(package->errorText().contains(QStringLiteral("could not be read")))
        << qPrintable(package->errorText());
    EXPECT_FALSE(package->agreeButton()->isEnabled());
    // Still what this package's step showed.
    expectAgreedAvailability(package->availabilityEditor());

    // A new window: nothing to show, and still no agreeing.
    window.reset();
    window = openDoorstep(id);
    page = window->doorstepPage();
    page->stepButton(DoorstepPage::Step::Package)->click();
    ASSERT_EQ(page->currentStep(), DoorstepPage::Step::Package);
    package = page->packagePanel();
    EXPECT_TRUE(package->errorText().contains(QStringLiteral("could not be read")))
        << qPrintable(package->errorText());
    EXPECT_FALSE(package->agreeButton()->isEnabled());
    EXPECT_EQ(package->availabilityEditor()->windowList()->count(), 0);

    // Back in reach: opening the step again reads it, and agreeing is possible again.
    ASSERT_TRUE(schema.exec(QStringLiteral("ALTER TABLE job_out_of_reach RENAME TO job")))
        << qPrintable(schema.lastError().text());
    EXPECT_EQ(rowsOf(m_database,
                     QStringLiteral("SELECT availability, access_notes, duration_minutes "
                                    "FROM job")),
              before);
    page->stepButton(DoorstepPage::Step::Visits)->click();
    page->stepButton(DoorstepPage::Step::Package)->click();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_TRUE(package->agreeButton()->isEnabled());
    expectAgreedAvailability(package->availabilityEditor());
}

// A package whose job was booked shows that job's answers; after a visit that found nobody in,
// the revisit in the tray (the job agreeing again updates) is the one shown.
TEST_F(DoorstepTest, ReopeningShowsTheBookedJobThenItsRevisit)
{
    const DefaultLocale english(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    completeSurvey(*window->doorstepPage());
    agreeWithAvailability(*window->doorstepPage()->packagePanel());
    window.reset();

    FitterRepository fitters(m_database, QStringLiteral("tester"));
    Fitter fitter;
    fitter.name = QStringLiteral("Alice Archer");
    const Result<Fitter> added = fitters.add(fitter);
    ASSERT_TRUE(added) << qPrintable(added.errorString());
    JobRepository jobs(m_database, QStringLiteral("tester"));
    const QStringList ids = rowsOf(m_database, QStringLiteral("SELECT id FROM job"));
    ASSERT_EQ(ids.size(), 1);
    const QUuid booked(ids.first());
    const Status booking = jobs.bookJob(
        booked, added->id, QDateTime(QDate(2026, 12, 8), QTime(9, 30), QTimeZone::utc()), 195);
    ASSERT_TRUE(booking) << qPrintable(booking.errorString());

    const auto openPackage = [&] {
        window = openDoorstep(id);
        window->doorstepPage()->stepButton(DoorstepPage::Step::Package)->click();
        return window->doorstepPage()->packagePanel();
    };
    PackagePanel *package = openPackage();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    expectAgreedAvailability(package->availabilityEditor());
    window.reset();

    // Nobody in: the revisit takes the same answers; told something new since, it shows that.
    const Result<QUuid> revisit = jobs.noAccess(booked, QStringLiteral("Nobody in"));
    ASSERT_TRUE(revisit) << qPrintable(revisit.errorString());
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE job SET access_notes = 'Ring twice' WHERE id = ?"));
    update.addBindValue(revisit->toString(QUuid::WithoutBraces));
    ASSERT_TRUE(update.exec()) << qPrintable(update.lastError().text());
    package = openPackage();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_EQ(package->availabilityEditor()->accessNotesEdit()->text(),
              QStringLiteral("Ring twice"));
    EXPECT_EQ(package->availabilityEditor()->windowList()->count(), 2);
}

} // namespace saferhomes::test
