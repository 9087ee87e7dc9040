// The English translation (resources/translations/saferhomes_en_GB.ts, compiled into the GUI):
// every %n message has its singular and plural form, and the compiled file gives them.

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QStringList>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct NumerusMessage {
    QString context;
    QString source;
    QStringList forms;
    bool finished = true;
};

QList<NumerusMessage> numerusMessages(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<NumerusMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message"
                   && xml.attributes().value(QStringLiteral("numerus")) == u"yes") {
            NumerusMessage message {context, {}, {}, true};
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    message.finished = xml.attributes().value(QStringLiteral("type")).isEmpty();
                    while (xml.readNextStartElement())
                        message.forms.append(xml.readElementText());
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.append(message);
        }
    }
    EXPECT_FALSE(xml.hasError()) << qPrintable(xml.errorString());
    return messages;
}

} // namespace

TEST(Translations, EveryNumerusMessageHasItsEnglishSingularAndPlural)
{
    const QList<NumerusMessage> messages = numerusMessages(QStringLiteral(SAFERHOMES_EN_GB_TS));
    // 38 when this test was written; more come with new messages.
    EXPECT_GE(messages.size(), 38);
    for (const NumerusMessage &message : messages) {
        const QString where = message.context + QStringLiteral(": ") + message.source;
        EXPECT_TRUE(message.finished) << qPrintable(where);
        ASSERT_EQ(message.forms.size(), 2) << qPrintable(where);
        const QString count = message.source.contains(QStringLiteral("%Ln")) ? QStringLiteral("%Ln")
                                                                             : QStringLiteral("%n");
        for (const QString &form : message.forms)
            EXPECT_TRUE(form.contains(count)) << qPrintable(where + QStringLiteral(" -> ") + form);
    }
}

TEST(Translations, CompiledEnglishSaysOneHouseholdAndTwoHouseholds)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(SAFERHOMES_EN_GB_QM)));
    const char *context = "saferhomes::RegisterPage";
    EXPECT_EQ(translator.translate(context, "%Ln households", nullptr, 1),
              QStringLiteral("%Ln household"));
    EXPECT_EQ(translator.translate(context, "%Ln households", nullptr, 2),
              QStringLiteral("%Ln households"));
    EXPECT_EQ(translator.translate("saferhomes::SyncStatusIndicator", "%Ln conflicts", nullptr, 1),
              QStringLiteral("%Ln conflict"));
    // A model string, under its own class's context.
    EXPECT_EQ(translator.translate("DemoTransfer",
                                   "the database already has %n household(s); demo data is "
                                   "only written to an empty database",
                                   nullptr, 1),
              QStringLiteral("the database already has %n household; demo data is only "
                             "written to an empty database"));
}

TEST(Translations, InstalledEnglishFillsInTheCountWithTheLocalesDigits)
{
    int argc = 1;
    char name[] = "saferhomes_i18n_tests";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(SAFERHOMES_EN_GB_QM)));
    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    const char *context = "saferhomes::ImportRunPage";
    EXPECT_EQ(QCoreApplication::translate(context, "Imported %Ln households.", nullptr, 1),
              QStringLiteral("Imported 1 household."));
    EXPECT_EQ(QCoreApplication::translate(context, "Imported %Ln households.", nullptr, 1234),
              QStringLiteral("Imported 1,234 households."));
    QCoreApplication::removeTranslator(&translator);
    // Without a translation the source text stays, as the widget tests see it.
    EXPECT_EQ(QCoreApplication::translate(context, "Imported %Ln households.", nullptr, 2),
              QStringLiteral("Imported 2 households."));
    QLocale::setDefault(QLocale::c());
}
