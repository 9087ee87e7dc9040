#include "common/stringtablemodel.h"
#include "register/householdfilterproxymodel.h"
#include "register/householdtablemodel.h"
#include "uitest.h"

#include <QAbstractItemModelTester>

namespace saferhomes::test {

namespace {

using Tester = QAbstractItemModelTester;

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}

class HouseholdModelsTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        insertSampleHouseholds();
    }

    QList<qint64> quickFind(const QString &text) const
    {
        return repository().quickFind(text).value();
    }
};

} // namespace

TEST_F(HouseholdModelsTest, TableModelPassesTheModelTester)
{
    ModelTesterLog log;
    HouseholdTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::Warning);
    model.setHouseholds(repository().summaries().value());
    EXPECT_EQ(model.rowCount(), 6);
    for (int c = 0; c < HouseholdTableModel::ColumnCount; ++c) {
        model.sort(c, Qt::AscendingOrder);
        model.sort(c, Qt::DescendingOrder);
    }
    HouseholdSummary changed = model.household(0);
    changed.addressLine1 = QStringLiteral("1 Changed Street");
    model.updateHousehold(changed);
    HouseholdSummary added = changed;
    added.id = QUuid::createUuid();
    model.updateHousehold(added);
    EXPECT_EQ(model.rowCount(), 7);
    model.setHouseholds({});
    model.setHouseholds(repository().summaries().value());
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(QLatin1Char('\n')));
}

TEST_F(HouseholdModelsTest, TableModelSortsAddressesNaturally)
{
    HouseholdTableModel model;
    model.setHouseholds(repository().summaries().value());
    model.sort(HouseholdTableModel::Address, Qt::AscendingOrder);
    const QStringList addresses = column(model, HouseholdTableModel::Address);
    EXPECT_LT(addresses.indexOf(QStringLiteral("2 Thorpe Road")),
              addresses.indexOf(QStringLiteral("12 Thorpe Road")));
    EXPECT_EQ(addresses.first(), QStringLiteral("2 Thorpe Road"));
    EXPECT_EQ(model.rowOf(model.household(3).id), 3);

    model.sort(HouseholdTableModel::Status, Qt::AscendingOrder);
    EXPECT_EQ(model.household(0).status, HouseholdStatus::Identified);
    EXPECT_EQ(model.household(5).status, HouseholdStatus::Declined);
    // The sort survives a reload.
    model.setHouseholds(repository().summaries().value());
    EXPECT_EQ(model.household(5).status, HouseholdStatus::Declined);
}

TEST_F(HouseholdModelsTest, TableModelShowsStatusAsLabelWithChip)
{
    HouseholdTableModel model;
    model.setHouseholds(repository().summaries().value());
    const int row = model.rowOf(idOf(QStringLiteral("7 Leicester Road")));
    const QModelIndex status = model.index(row, HouseholdTableModel::Status);
    EXPECT_EQ(status.data().toString(), QStringLiteral("Installed"));
    EXPECT_FALSE(status.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(status.data(HouseholdTableModel::StatusRole).toString(), QStringLiteral("installed"));
}

TEST_F(HouseholdModelsTest, FilterProxyPassesTheModelTester)
{
    ModelTesterLog log;
    HouseholdTableModel model;
    HouseholdFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::Warning);
    model.setHouseholds(repository().summaries().value());
    proxy.sort(HouseholdTableModel::Address);
    proxy.setStatusFilter(HouseholdStatus::Identified);
    proxy.setAreaFilter(QStringLiteral("Melton Town Centre"));
    proxy.setQuickFindKeys(quickFind(QStringLiteral("Thorpe")));
    proxy.sort(HouseholdTableModel::Postcode, Qt::DescendingOrder);
    proxy.setStatusFilter(std::nullopt);
    proxy.setAreaFilter(std::nullopt);
    proxy.setQuickFindKeys(std::nullopt);
    HouseholdSummary changed = model.household(0);
    changed.status = HouseholdStatus::MovedAway;
    proxy.setStatusFilter(HouseholdStatus::MovedAway);
    model.updateHousehold(changed);
    EXPECT_EQ(proxy.rowCount(), 1);
    model.setHouseholds(repository().summaries().value());
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(QLatin1Char('\n')));
}

TEST_F(HouseholdModelsTest, FilterProxyCombinesStatusAreaAndQuickFind)
{
    HouseholdTableModel model;
    HouseholdFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setHouseholds(repository().summaries().value());
    proxy.sort(HouseholdTableModel::Address);
    EXPECT_EQ(proxy.rowCount(), 6);

    proxy.setAreaFilter(QStringLiteral("Oadby and Wigston"));
    EXPECT_EQ(proxy.rowCount(), 2);
    proxy.setAreaFilter(QString());
    EXPECT_EQ(column(proxy, HouseholdTableModel::Address),
              QStringList {QStringLiteral("3 Sandy Lane")});
    proxy.setAreaFilter(std::nullopt);

    proxy.setStatusFilter(HouseholdStatus::Identified);
    EXPECT_EQ(proxy.rowCount(), 2);
    proxy.setQuickFindKeys(quickFind(QStringLiteral("Thorpe")));
    EXPECT_EQ(column(proxy, HouseholdTableModel::Address),
              QStringList {QStringLiteral("12 Thorpe Road")});
    proxy.setStatusFilter(std::nullopt);
    EXPECT_EQ(column(proxy, HouseholdTableModel::Address),
              (QStringList {QStringLiteral("2 Thorpe Road"), QStringLiteral("12 Thorpe Road")}));
    // Sorting goes to the source model and keeps the filter.
    proxy.sort(HouseholdTableModel::Address, Qt::DescendingOrder);
    EXPECT_EQ(column(proxy, HouseholdTableModel::Address),
              (QStringList {QStringLiteral("12 Thorpe Road"), QStringLiteral("2 Thorpe Road")}));
    EXPECT_EQ(model.sortColumn(), int(HouseholdTableModel::Address));
    // A household added later is found by its key too.
    HouseholdSummary added = model.household(0);
    added.id = QUuid::createUuid();
    added.localKey = 999;
    added.addressLine1 = QStringLiteral("1 New Street");
    model.updateHousehold(added);
    proxy.setQuickFindKeys(QList<qint64> {999});
    EXPECT_EQ(column(proxy, HouseholdTableModel::Address),
              QStringList {QStringLiteral("1 New Street")});
    proxy.setQuickFindKeys(QList<qint64> {});
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST_F(HouseholdModelsTest, StringTableModelPassesTheModelTester)
{
    ModelTesterLog log;
    StringTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::Warning);
    model.setTable({QStringLiteral("a"), QStringLiteral("b")},
                   {{QStringLiteral("1"), QStringLiteral("2")}, {QStringLiteral("3")}});
    EXPECT_EQ(model.text(1, 1), QString());
    EXPECT_EQ(model.index(0, 1).data().toString(), QStringLiteral("2"));
    model.clear();
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(QLatin1Char('\n')));
}

} // namespace saferhomes::test
