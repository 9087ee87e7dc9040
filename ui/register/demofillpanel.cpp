#include "register/demofillpanel.h"

#include "demo/demodata.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/demotransfer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace saferhomes {

namespace {

constexpr int kDemoHouseholds = 300;

QFuture<Status> fillInBackground(const QString &databasePath)
{
    return QtConcurrent::run([databasePath](QPromise<Status> &promise) {
        promise.setProgressRange(0, kDemoHouseholds);
        Database database(ConnectionName::unique(u"demo-fill-worker"));
        if (Status opened = database.open(databasePath); !opened) {
            promise.addResult(std::move(opened));
            return;
        }
        std::atomic_bool cancel = false;
        DemoData::Options options(kDemoHouseholds, 1);
        options.cancel = &cancel;
        options.progress = [&promise, &cancel](int done, int) {
            promise.setProgressValue(done);
            if (promise.isCanceled())
                cancel = true;
        };
        promise.addResult(DemoData::fill(database, options));
    });
}

} // namespace

DemoFillPanel::DemoFillPanel(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("demoFillPanel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("demoFillStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("demoFillProgress"));
    m_progress->setRange(0, kDemoHouseholds);
    m_progress->setMaximumWidth(480);
    m_load = new QPushButton(tr("Load &demo data"), this);
    m_load->setObjectName(QStringLiteral("loadDemoData"));
    m_empty = new QPushButton(tr("&Start with an empty register"), this);
    m_empty->setObjectName(QStringLiteral("startEmptyRegister"));
    m_empty->setToolTip(tr("Stop loading the demo: nothing of it is kept, and it is not offered "
                           "again when SaferHomes starts"));

    auto *bar = new QHBoxLayout;
    bar->addStretch();
    bar->addWidget(m_progress, 1);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addLayout(bar);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_load);
    buttons->addWidget(m_empty);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_load, &QPushButton::clicked, this, &DemoFillPanel::start);
    connect(m_empty, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Stopping\u2026"));
        m_empty->setEnabled(false);
        m_watcher.cancel();
    });
    connect(&m_watcher, &QFutureWatcher<Status>::progressValueChanged, this, [this](int done) {
        m_progress->setValue(done);
        m_status->setText(
            tr("Preparing demo data: %1 of %Ln households\u2026", nullptr, kDemoHouseholds)
                .arg(QLocale().toString(done)));
    });
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, &DemoFillPanel::finish);
    showFilling(false);
}

DemoFillPanel::~DemoFillPanel()
{
    // A window closed while the demo is written: stop it (nothing is kept) and wait, so the
    // worker never outlives the database it writes.
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

bool DemoFillPanel::isFilling() const
{
    return m_watcher.isRunning();
}

void DemoFillPanel::start()
{
    if (m_watcher.isRunning())
        return;
    m_progress->setValue(0);
    m_status->setText(tr("Preparing demo data\u2026"));
    showFilling(true);
    m_watcher.setFuture(fillInBackground(m_database.path()));
}

void DemoFillPanel::finish()
{
    showFilling(false);
    // A cancelled future may hold no result if it was cancelled before the task began.
    const Status status = m_watcher.future().resultCount() > 0
        ? m_watcher.result()
        : Status(Error::cancelled(QString()));
    if (status.ok()) {
        emit filled();
        return;
    }
    if (status.error().kind == Error::Kind::Cancelled) {
        if (const Status recorded = DemoTransfer::declineDemo(m_database); !recorded) {
            emit failed(recorded.errorString());
            return;
        }
        emit declined();
        return;
    }
    emit failed(tr("The demo data could not be loaded: %1").arg(status.errorString()));
}

void DemoFillPanel::showFilling(bool filling)
{
    m_status->setVisible(filling);
    m_progress->setVisible(filling);
    m_empty->setVisible(filling);
    m_empty->setEnabled(filling);
    m_load->setVisible(!filling);
}

} // namespace saferhomes
