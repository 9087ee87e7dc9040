#include "common/stringtablemodel.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "register/householdtablemodel.h"
#include "shell/mainwindow.h"
#include "uitest.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QTest>

namespace saferhomes::test {

namespace {

const QByteArray kBadFile = "address_line1,postcode,town,area\r\n"
                            "12 New Street,LE13 1AB,Melton Mowbray,Melton Town Centre\r\n"
                            "14 New Street,NOT A POSTCODE,Melton Mowbray,Melton Town Centre\r\n"
                            ",LE13 1AE,Melton Mowbray,Melton Town Centre\r\n";

const QByteArray kGoodFile = "Postcode,Address_Line1,resident_name,area,shoe_size\n"
                             "LE13 1AB,21 New Street,Ann Example,Melton Town Centre,5\n"
                             "le18 2ba,\"Flat 2, 3 Bell Street\",Bob O'Brien,Oadby and Wigston,9\n";

class ImportWizardTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        insertSampleHouseholds();
        m_window = std::make_unique<MainWindow>(m_database, settings());
        m_window->show();
    }

    ImportWizard *openWizard(const QByteArray &contents)
    {
        ImportWizard *wizard
            = m_window->openImportWizard(writeFile(QStringLiteral("households.csv"), contents));
        EXPECT_TRUE(QTest::qWaitForWindowExposed(wizard, kPatienceMs));
        return wizard;
    }

    static bool checkFile(ImportWizard *wizard)
    {
        wizard->next();
        return wizard->currentId() == ImportWizard::PreviewPageId
            && waitFor([wizard] { return wizard->previewPage()->isChecked(); });
    }

    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(ImportWizardTest, ABadFileListsEveryProblemByLineAndImportsNothing)
{
    ImportWizard *wizard = openWizard(kBadFile);
    ASSERT_TRUE(checkFile(wizard));
    ImportPreviewPage *preview = wizard->previewPage();

    StringTableModel *problems = preview->problemModel();
    ASSERT_EQ(problems->rowCount(), 2);
    EXPECT_EQ(problems->text(0, 0), QStringLiteral("3"));
    EXPECT_EQ(problems->text(0, 1), QStringLiteral("postcode"));
    EXPECT_TRUE(problems->text(0, 2).contains(QStringLiteral("not a UK postcode")));
    EXPECT_EQ(problems->text(1, 0), QStringLiteral("4"));
    EXPECT_EQ(problems->text(1, 1), QStringLiteral("address_line1"));
    EXPECT_EQ(preview->previewModel()->rowCount(), 3);
    EXPECT_TRUE(preview->summary().contains(QStringLiteral("3 records read")));

    // Nothing can be imported until the user chooses to skip the invalid records.
    EXPECT_FALSE(wizard->button(QWizard::CommitButton)->isEnabled());
    wizard->next();
    EXPECT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
    wizard->reject();
    EXPECT_EQ(repository().count().value(), 6);
    EXPECT_EQ(m_window->tableModel()->rowCount(), 6);
}

TEST_F(ImportWizardTest, SkippingInvalidRowsImportsTheValidOnes)
{
    ImportWizard *wizard = openWizard(kBadFile);
    ASSERT_TRUE(checkFile(wizard));
    auto *skip = wizard->findChild<QCheckBox *>(QStringLiteral("skipInvalid"));
    ASSERT_NE(skip, nullptr);
    EXPECT_TRUE(skip->isVisible());
    skip->click();
    EXPECT_TRUE(wizard->button(QWizard::CommitButton)->isEnabled());
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
    ASSERT_TRUE(waitFor([wizard] { return wizard->runPage()->isComplete(); }));
    EXPECT_TRUE(wizard->runPage()->outcome().contains(QStringLiteral("Imported 1 households")))
        << qPrintable(wizard->runPage()->outcome());
    EXPECT_EQ(repository().count().value(), 7);
    EXPECT_EQ(m_window->tableModel()->rowCount(), 7);
}

TEST_F(ImportWizardTest, AGoodFileImportsAndTheTableReloads)
{
    ImportWizard *wizard = openWizard(kGoodFile);
    ASSERT_TRUE(checkFile(wizard));
    EXPECT_EQ(wizard->previewPage()->problemModel()->rowCount(), 0);
    EXPECT_TRUE(wizard->button(QWizard::CommitButton)->isEnabled());
    wizard->next();
    ASSERT_TRUE(waitFor([wizard] { return wizard->runPage()->isComplete(); }));
    EXPECT_TRUE(wizard->runPage()->outcome().contains(QStringLiteral("Imported 2 households")))
        << qPrintable(wizard->runPage()->outcome());
    EXPECT_EQ(repository().count().value(), 8);
    EXPECT_EQ(m_window->tableModel()->rowCount(), 8);
    EXPECT_TRUE(idOf(QStringLiteral("Flat 2, 3 Bell Street")) != QUuid());
    EXPECT_EQ(m_window->showingText(), QStringLiteral("showing 8 of 8"));
}

TEST_F(ImportWizardTest, AFileWithoutRequiredColumnsCannotBeImported)
{
    ImportWizard *wizard = openWizard("street,postcode\n1 High Street,LE13 1AB\n");
    ASSERT_TRUE(checkFile(wizard));
    EXPECT_TRUE(wizard->previewPage()->summary().contains(QStringLiteral("address_line1")))
        << qPrintable(wizard->previewPage()->summary());
    EXPECT_FALSE(wizard->button(QWizard::CommitButton)->isEnabled());
    wizard->reject();
    EXPECT_EQ(repository().count().value(), 6);
}

} // namespace saferhomes::test
