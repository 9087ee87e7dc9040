// EquipmentRepository: the equipment catalogue an admin keeps (issue 13 item 1). Adding and
// changing a type is checked and audited; a type that a survey rule, a recommendation, an
// agreed package, a job item or a stock movement refers to cannot be deleted.
#include "storefixture.h"

#include "store/auditlog.h"
#include "store/database.h"
#include "store/equipmentrepository.h"

using namespace saferhomes;
using namespace Qt::StringLiterals;

namespace {

class CatalogueTest : public saferhomes::test::StoreFixture {
protected:
    EquipmentRepository repository(QStringList ruleCodes = {})
    {
        return EquipmentRepository(m_database, u"tester"_s, std::move(ruleCodes));
    }
};

TEST_F(CatalogueTest, AddsAndReadsBackEveryField)
{
    EquipmentRepository catalogue = repository();
    const Result<EquipmentType> added = catalogue.add(doorChain());
    ASSERT_TRUE(added) << qPrintable(added.errorString());
    const Result<EquipmentType> read = catalogue.find(u"DOOR_CHAIN_TS003"_s);
    ASSERT_TRUE(read) << qPrintable(read.errorString());
    EXPECT_EQ(read->name, u"Door chain"_s);
    EXPECT_EQ(read->standard, u"TS 003"_s);
    EXPECT_EQ(read->unitCostPence, 900);
    EXPECT_EQ(read->fitMinutes, 15);
    EXPECT_EQ(read->skill, u"locks"_s);
    EXPECT_EQ(read->supplierCode, u"ERA-1234"_s);
    EXPECT_EQ(read->reorderLevel, 10);
    EXPECT_EQ(read->label(), u"Door chain (TS 003)"_s);
}

TEST_F(CatalogueTest, RefusesATakenCodeAndWrongFields)
{
    EquipmentRepository catalogue = repository();
    ASSERT_TRUE(catalogue.add(doorChain()));
    const Result<EquipmentType> again = catalogue.add(doorChain());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, Error::Kind::Invalid);
    EXPECT_TRUE(again.errorString().contains(u"Door chain"_s)) << qPrintable(again.errorString());

    EquipmentType bad {u"door chain"_s, u" "_s, {}, -1, -5, u"plumbing"_s, {}, -2};
    const auto problems = EquipmentRepository::problems(bad);
    EXPECT_EQ(problems.size(), 6);
    for (EquipmentField field :
         {EquipmentField::Code, EquipmentField::Name, EquipmentField::UnitCost,
          EquipmentField::FitMinutes, EquipmentField::Skill, EquipmentField::Reorder})
        EXPECT_TRUE(problems.contains(field)) << int(field);
    EXPECT_FALSE(catalogue.add(bad));
    const Result<QList<EquipmentType>> all = catalogue.all();
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 1);
}

TEST_F(CatalogueTest, UpdateChangesTheRowAndAuditsEachChangedField)
{
    EquipmentRepository catalogue = repository();
    ASSERT_TRUE(catalogue.add(doorChain()));
    EquipmentType changed = doorChain();
    changed.unitCostPence = 1050;
    changed.reorderLevel = 25;
    const Result<EquipmentType> updated = catalogue.update(changed);
    ASSERT_TRUE(updated) << qPrintable(updated.errorString());
    EXPECT_EQ(updated->unitCostPence, 1050);
    EXPECT_EQ(updated->reorderLevel, 25);
    EXPECT_EQ(updated->name, u"Door chain"_s);

    const QList<AuditEvent> events = AuditLog::history(m_database.connectionName(),
                                                       u"equipment_type"_s, u"DOOR_CHAIN_TS003"_s);
    ASSERT_EQ(events.size(), 3);
    EXPECT_EQ(events.at(0).field, u"created"_s);
    EXPECT_EQ(events.at(1).field, u"unit_cost_pence"_s);
    EXPECT_EQ(events.at(1).oldValue.toInt(), 900);
    EXPECT_EQ(events.at(1).newValue.toInt(), 1050);
    EXPECT_EQ(events.at(2).field, u"reorder_level"_s);
    EXPECT_EQ(events.at(2).oldValue.toInt(), 10);
    EXPECT_EQ(events.at(2).newValue.toInt(), 25);

    EquipmentType missing = doorChain();
    missing.code = u"NOT_THERE"_s;
    const Result<EquipmentType> notFound = catalogue.update(missing);
    ASSERT_FALSE(notFound);
    EXPECT_EQ(notFound.error().kind, Error::Kind::NotFound);
}

TEST_F(CatalogueTest, DeletesAnUnusedTypeOnly)
{
    EquipmentRepository catalogue = repository();
    ASSERT_TRUE(catalogue.add(doorChain()));
    const Status removed = catalogue.remove(u"DOOR_CHAIN_TS003"_s);
    ASSERT_TRUE(removed) << qPrintable(removed.errorString());
    EXPECT_EQ(catalogue.find(u"DOOR_CHAIN_TS003"_s).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(catalogue.remove(u"DOOR_CHAIN_TS003"_s).error().kind, Error::Kind::NotFound);
}

TEST_F(CatalogueTest, ASurveyRuleCodeCannotBeDeleted)
{
    // The built-in rules name the door chain: it stays while they do.
    const QStringList rules = EquipmentRepository::ruleCodesBuiltIn();
    ASSERT_TRUE(rules.contains(u"DOOR_CHAIN_TS003"_s));
    EquipmentRepository catalogue = repository(rules);
    ASSERT_TRUE(catalogue.add(doorChain()));
    const Status refused = catalogue.remove(u"DOOR_CHAIN_TS003"_s);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(refused.errorString().contains(u"recommendation rules"_s))
        << qPrintable(refused.errorString());
    EXPECT_TRUE(catalogue.find(u"DOOR_CHAIN_TS003"_s));
}

TEST_F(CatalogueTest, ARecommendationPackageJobItemOrMovementKeepsTheType)
{
    EquipmentRepository catalogue = repository();
    ASSERT_TRUE(catalogue.add(doorChain()));
    run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, updated_at) "
        "VALUES ('00000000-0000-4000-8000-000000000001', '3 Scalford Road', 'LE13 1JY', "
        "'accepted', 'x', 'x')"_s);
    run(u"INSERT INTO survey (id, household_id, definition_version, started_at, by_user) VALUES "
        "('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000001', "
        "'1', 'x', 'x')"_s);
    run(u"INSERT INTO recommendation (id, survey_id, equipment_code, qty, agreed) VALUES "
        "('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101', "
        "'DOOR_CHAIN_TS003', 1, 0), ('00000000-0000-4000-8000-000000000202', "
        "'00000000-0000-4000-8000-000000000101', 'DOOR_CHAIN_TS003', 2, 1)"_s);
    run(u"INSERT INTO job (id, household_id, status, created_at) VALUES "
        "('00000000-0000-4000-8000-000000000301', '00000000-0000-4000-8000-000000000001', "
        "'tentative', 'x')"_s);
    run(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
        "('00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000301', "
        "'DOOR_CHAIN_TS003', 1)"_s);
    run(u"INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user) "
        "VALUES ('00000000-0000-4000-8000-000000000501', 'DOOR_CHAIN_TS003', 5, 'received', "
        "'x', 'x')"_s);

    const Result<QStringList> refs = catalogue.references(u"DOOR_CHAIN_TS003"_s);
    ASSERT_TRUE(refs) << qPrintable(refs.errorString());
    EXPECT_EQ(*refs,
              (QStringList {u"survey recommendations (1)"_s, u"agreed packages (1)"_s,
                            u"job items (1)"_s, u"stock movements (1)"_s}));
    const Status refused = catalogue.remove(u"DOOR_CHAIN_TS003"_s);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(refused.errorString().contains(u"job items (1)"_s))
        << qPrintable(refused.errorString());
    EXPECT_TRUE(catalogue.find(u"DOOR_CHAIN_TS003"_s));
}

} // namespace
