#include "uitest.h"

#include "store/auditlog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTest>
#include <QTextDocumentFragment>

namespace saferhomes::test {

namespace {

QStringList g_modelFailures;
QtMessageHandler g_previousHandler = nullptr;

void recordModelFailure(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (context.category && QByteArray(context.category) == "qt.modeltest"
        && type >= QtWarningMsg) {
        g_modelFailures.append(text);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, text);
}

HouseholdRecord sample(const QString &line1, const QString &postcode, const QString &town,
                       const QString &area, const QString &resident, HouseholdStatus status)
{
    HouseholdRecord record;
    record.household.addressLine1 = line1;
    record.household.postcode = postcode;
    record.household.town = town;
    record.household.areaName = area;
    record.household.status = status;
    record.resident.name = resident;
    return record;
}

} // namespace

void UiTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("saferhomes.sqlite"));
    const auto opened = m_database.open(m_path);
    ASSERT_TRUE(opened) << qPrintable(opened.errorString());
}

HouseholdRepository UiTest::repository() const
{
    return HouseholdRepository(m_database, QStringLiteral("tester"));
}

void UiTest::insertSampleHouseholds()
{
    const QString melton = QStringLiteral("Melton Town Centre");
    const QString oadby = QStringLiteral("Oadby and Wigston");
    const QList<HouseholdRecord> records {
        sample(QStringLiteral("12 Thorpe Road"), QStringLiteral("LE13 1AB"),
               QStringLiteral("Melton Mowbray"), melton, QStringLiteral("Margaret Atkinson"),
               HouseholdStatus::Identified),
        sample(QStringLiteral("2 Thorpe Road"), QStringLiteral("LE13 1AB"),
               QStringLiteral("Melton Mowbray"), melton, QStringLiteral("John O'Brien"),
               HouseholdStatus::Contacted),
        sample(QStringLiteral("45 Burton Street"), QStringLiteral("LE13 1AE"),
               QStringLiteral("Melton Mowbray"), melton,
               QStringLiteral("Zo\u00eb \u00d3 S\u00failleabh\u00e1in"), HouseholdStatus::Accepted),
        sample(QStringLiteral("7 Leicester Road"), QStringLiteral("LE2 4AA"),
               QStringLiteral("Oadby"), oadby, QStringLiteral("Priya Patel"),
               HouseholdStatus::Installed),
        sample(QStringLiteral("19 Bushloe End"), QStringLiteral("LE18 2BA"),
               QStringLiteral("Wigston"), oadby, QStringLiteral("David Smith"),
               HouseholdStatus::Declined),
        sample(QStringLiteral("3 Sandy Lane"), QStringLiteral("LE13 0AA"),
               QStringLiteral("Melton Mowbray"), QString(), QString(), HouseholdStatus::Identified),
    };
    HouseholdRepository repo = repository();
    const Status inserted = repo.insert(records);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    ASSERT_TRUE(repo.saveArea({{}, melton, 4, 0}));
    ASSERT_TRUE(repo.saveArea({{}, oadby, 2, 0}));
}

std::unique_ptr<Settings> UiTest::settings() const
{
    return std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
}

QString UiTest::writeFile(const QString &name, const QByteArray &contents) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(contents);
    return path;
}

QUuid UiTest::idOf(const QString &addressLine1) const
{
    for (const HouseholdSummary &row : repository().summaries().valueOr({})) {
        if (row.addressLine1 == addressLine1)
            return row.id;
    }
    return {};
}

int UiTest::auditCount(const QUuid &id, const QString &field) const
{
    int count = 0;
    const QList<AuditEvent> events
        = AuditLog::history(m_database.connectionName(), QStringLiteral("household"),
                            id.toString(QUuid::WithoutBraces));
    for (const AuditEvent &event : events) {
        if (event.field == field)
            ++count;
    }
    return count;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

void settle()
{
    // Twice: delivering a posted event (a layout request, say) may post another.
    for (int round = 0; round < 2; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

namespace {

/// Whether \a widget is drawn inside \a window: visible, and not clipped away by a scroll
/// area or a parent it lies outside of.
bool onScreen(const QWidget *widget, const QWidget *window)
{
    return widget->isVisibleTo(window) && !widget->visibleRegion().isEmpty();
}

void addText(QStringList &texts, QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text = text.simplified();
    if (!text.isEmpty())
        texts.append(text);
}

void addViewTexts(QStringList &texts, const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const QRect shown = view->viewport()->rect();
    for (int row = 0; row < model->rowCount(view->rootIndex()); ++row) {
        for (int column = 0; column < model->columnCount(view->rootIndex()); ++column) {
            const QModelIndex index = model->index(row, column, view->rootIndex());
            if (view->visualRect(index).intersects(shown))
                addText(texts, index.data(Qt::DisplayRole).toString());
        }
    }
}

} // namespace

QStringList shownTexts(const QWidget *window)
{
    QStringList texts;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!onScreen(widget, window))
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            addText(texts,
                    label->text().contains(u'<')
                        ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                        : label->text());
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            addText(texts, button->text());
        else if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            addText(texts, group->title());
        else if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
            addText(texts, edit->text().isEmpty() ? edit->placeholderText() : edit->text());
        else if (const auto *box = qobject_cast<const QComboBox *>(widget))
            addText(texts, box->currentText());
        else if (const auto *bar = qobject_cast<const QProgressBar *>(widget))
            addText(texts, bar->isTextVisible() ? bar->text() : QString());
        else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                addText(texts, tabs->tabText(i));
        } else if (const auto *view = qobject_cast<const QAbstractItemView *>(widget))
            addViewTexts(texts, view);
    }
    return texts;
}

int distinctColours(const QImage &image, int enough)
{
    QSet<QRgb> colours;
    const QImage pixels = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < pixels.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(pixels.constScanLine(y));
        for (int x = 0; x < pixels.width(); x += 2) {
            colours.insert(line[x]);
            if (colours.size() >= enough)
                return enough;
        }
    }
    return int(colours.size());
}

ModelTesterLog::ModelTesterLog()
{
    g_modelFailures.clear();
    g_previousHandler = qInstallMessageHandler(recordModelFailure);
}

ModelTesterLog::~ModelTesterLog()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
}

QStringList ModelTesterLog::failures() const
{
    return g_modelFailures;
}

} // namespace saferhomes::test
