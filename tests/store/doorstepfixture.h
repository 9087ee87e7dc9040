#pragma once

// The doorstep's repositories and services on a fresh database, for the doorstep store tests.

#include "storefixture.h"

#include "service/consentservice.h"
#include "service/surveyservice.h"
#include "service/visitservice.h"
#include "store/consentrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"

#include <QSqlQuery>

#include <memory>

namespace saferhomes::test {

inline QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// The value of \a result; a failed read fails the test (and gives an empty value).
template<typename T> T must(Result<T> result)
{
    if (!result) {
        ADD_FAILURE() << qPrintable(result.errorString());
        return T();
    }
    return std::move(result).value();
}

inline const QByteArray kPng = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray("signature strokes");

/// The repositories and services of the doorstep on one open database.
struct Doorstep {
    explicit Doorstep(const Database &database)
        : households(database, QStringLiteral("tester"))
        , visitStore(database, QStringLiteral("tester"))
        , consentStore(database, QStringLiteral("tester"))
        , surveyStore(database, QStringLiteral("tester"))
        , visits(households, visitStore)
        , consents(households, consentStore)
        , surveys(households, consentStore, surveyStore)
    { }

    HouseholdRepository households;
    VisitRepository visitStore;
    ConsentRepository consentStore;
    SurveyRepository surveyStore;
    VisitService visits;
    ConsentService consents;
    SurveyService surveys;
};

/// A fresh database with the doorstep services on it and helpers to look inside.
class DoorstepFixture : public StoreFixture {
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        m_doorstep = std::make_unique<Doorstep>(m_database);
    }

    QUuid addHousehold(const QString &line1, HouseholdStatus status = HouseholdStatus::Identified,
                       const QString &area = text("Melton Town Centre"),
                       const QString &resident = {}, QUuid *residentId = nullptr)
    {
        HouseholdRecord record = household(line1, text("LE13 1AB"), resident, area);
        record.household.id = QUuid::createUuid();
        record.household.status = status;
        record.resident.id = QUuid::createUuid();
        if (residentId)
            *residentId = record.resident.id;
        const Status inserted = m_repository->insert({record});
        EXPECT_TRUE(inserted) << qPrintable(inserted.errorString());
        return record.household.id;
    }

    HouseholdStatus status(const QUuid &id) const
    {
        return m_repository->summary(id).value().status;
    }

    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    int count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }

    QUuid areaId(const QString &name) const
    {
        const QList<Area> areas = m_repository->areas().value();
        for (const Area &area : areas) {
            if (area.name == name)
                return area.id;
        }
        return {};
    }

    void giveSurveyConsent(const QUuid &householdId)
    {
        const auto result = consents().record(
            householdId,
            {{ConsentPurpose::SurveyFitting}, text("v1"), ConsentMethod::Signature, {}, {}, kPng});
        ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    }

    void addEquipment(const QString &code)
    {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                                     "fit_minutes, skill) VALUES (?, ?, 1000, 30, 'locks')"));
        query.addBindValue(code);
        query.addBindValue(code);
        ASSERT_TRUE(query.exec());
    }

    static QString idText(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }

    VisitService &visits() { return m_doorstep->visits; }
    ConsentService &consents() { return m_doorstep->consents; }
    SurveyService &surveys() { return m_doorstep->surveys; }

    std::unique_ptr<Doorstep> m_doorstep;
};

} // namespace saferhomes::test
