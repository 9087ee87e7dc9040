#include "doorstep/doorsteptest.h"

#include "common/touchbutton.h"
#include "domain/consentwording.h"
#include "service/consentservice.h"
#include "store/consentrepository.h"
#include "store/demorepository.h"
#include "survey/recommendationengine.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QTest>

namespace saferhomes::test {

void DoorstepTest::SetUp()
{
    UiTest::SetUp();
    insertSampleHouseholds();
    addCatalogue();
}

void DoorstepTest::addCatalogue()
{
    DemoRepository demo(m_database, QStringLiteral("tester"));
    const Status begun = demo.begin();
    ASSERT_TRUE(begun) << qPrintable(begun.errorString());
    QStringList codes;
    for (const RecommendationRule &rule : RecommendationEngine::builtIn().rules()) {
        if (codes.contains(rule.code))
            continue;
        codes.append(rule.code);
        const Status added
            = demo.addEquipment({rule.code, rule.code, {}, 1500, 30, QStringLiteral("locks")});
        ASSERT_TRUE(added) << qPrintable(added.errorString());
    }
    const Status committed = demo.commit();
    ASSERT_TRUE(committed) << qPrintable(committed.errorString());
}

QString DoorstepTest::writePng(const QString &name) const
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0x33, 0x66, 0x99));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return writeFile(name, bytes);
}

void DoorstepTest::giveConsent(const QUuid &household, const QList<ConsentPurpose> &purposes)
{
    HouseholdRepository households = repository();
    ConsentRepository store(m_database, QStringLiteral("tester"));
    ConsentService consents(households, store);
    QImage signature(40, 20, QImage::Format_RGB32);
    signature.fill(Qt::white);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    signature.save(&buffer, "PNG");
    const ConsentService::Result result = consents.record(
        household, {purposes, ConsentWording::version(), ConsentMethod::Signature, {}, {}, png});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
}

std::unique_ptr<MainWindow> DoorstepTest::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_database, settings());
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get(), kPatienceMs));
    return window;
}

std::unique_ptr<MainWindow> DoorstepTest::openDoorstep(const QUuid &id)
{
    std::unique_ptr<MainWindow> window = openWindow();
    window->showDoorstep();
    window->doorstepPage()->openHousehold(id);
    return window;
}

QWidget *focused()
{
    return QApplication::focusWidget();
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *widget = focused();
    EXPECT_NE(widget, nullptr) << "nothing has the keyboard focus";
    if (widget)
        QTest::keyClick(widget, key, modifiers);
}

void type(const QString &text)
{
    QWidget *widget = focused();
    EXPECT_NE(widget, nullptr) << "nothing has the keyboard focus";
    if (widget)
        QTest::keyClicks(widget, text);
}

bool tabTo(const QWidget *target, int limit)
{
    for (int i = 0; i < limit && focused() != target; ++i)
        press(Qt::Key_Tab);
    return focused() == target;
}

void startSurvey(DoorstepPage &page)
{
    page.stepButton(DoorstepPage::Step::Survey)->click();
    if (auto *start = page.findChild<TouchButton *>(QStringLiteral("noticeAction_survey"));
        start && start->isVisible()) {
        start->click();
    }
}

} // namespace saferhomes::test
