// Agreeing a package at the door makes its unscheduled job (DESIGN §8, issue 12 item 1): the
// items, a duration from the catalogue's fit minutes plus the set-up allowance, and the
// householder's availability and access notes asked for with the package.

#include "common/touchbutton.h"
#include "doorstep/availabilityeditor.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/packagepanel.h"
#include "doorstep/packagetablemodel.h"
#include "doorstep/surveyform.h"
#include "doorstep/surveyquestionwidget.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableView>
#include <QTimeEdit>

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

/// Completes a survey whose rules recommend a cylinder, a viewer, a chain, a light and an alarm.
void completeSurvey(DoorstepPage &page)
{
    startSurvey(page);
    SurveyForm *form = page.surveyForm();
    const QList<std::pair<QString, QString>> answers {
        {QStringLiteral("front_door.material"), QStringLiteral("upvc")},
        {QStringLiteral("front_door.lock"), QStringLiteral("multipoint")},
        {QStringLiteral("front_door.cylinder"), QStringLiteral("ts007_1star")},
        {QStringLiteral("front_door.viewer"), QStringLiteral("no")},
        {QStringLiteral("front_door.chain"), QStringLiteral("no")},
        {QStringLiteral("letterbox.guard"), QStringLiteral("yes")},
        {QStringLiteral("rear_door.present"), QStringLiteral("no")},
        {QStringLiteral("windows.ground_floor_locks"), QStringLiteral("all")},
        {QStringLiteral("lighting.external"), QStringLiteral("none")},
        {QStringLiteral("garden.rear_gate_lock"), QStringLiteral("na")},
        {QStringLiteral("shed.present"), QStringLiteral("no")},
        {QStringLiteral("alarm.intruder"), QStringLiteral("none")},
        {QStringLiteral("property_marking.done"), QStringLiteral("yes")},
    };
    for (const auto &[question, value] : answers)
        form->questionWidget(question)->optionButton(value)->click();
    form->showReview();
    form->completeButton()->click();
}

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

} // namespace saferhomes::test
