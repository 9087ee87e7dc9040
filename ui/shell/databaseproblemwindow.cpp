#include "shell/databaseproblemwindow.h"

#include "common/messagebanner.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace saferhomes {

DatabaseProblemWindow::DatabaseProblemWindow(const QString &databasePath, const QString &message,
                                             QWidget *parent)
    : QMainWindow(parent)
    , m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("databaseProblemWindow"));
    setWindowTitle(tr("SaferHomes \u2014 the database cannot be opened"));

    auto *explanation = new QLabel(
        tr("<p><b>SaferHomes cannot open its database.</b></p>"
           "<p>The register is not shown: nothing in it has been read, and nothing has been "
           "changed. The message above says what is wrong with the file.</p>"
           "<p>If another program is using the database, close it and choose "
           "<b>Try again</b>. If the file is damaged, restore it from a backup, or start "
           "SaferHomes with <tt>--db</tt> and another file.</p>"),
        this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    explanation->setObjectName(QStringLiteral("databaseProblemText"));

    auto *tryAgain = new QPushButton(tr("&Try again"), this);
    tryAgain->setObjectName(QStringLiteral("tryAgainButton"));
    tryAgain->setDefault(true);
    connect(tryAgain, &QPushButton::clicked, this, &DatabaseProblemWindow::tryAgainRequested);
    auto *quit = new QPushButton(tr("&Quit"), this);
    connect(quit, &QPushButton::clicked, this, &QWidget::close);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(quit);
    buttons->addWidget(tryAgain);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(24, 24, 24, 24);
    body->addWidget(explanation);
    body->addLayout(buttons);
    body->addStretch(1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    auto *path = new QLabel(QDir::toNativeSeparators(databasePath), this);
    path->setObjectName(QStringLiteral("databasePath"));
    path->setToolTip(tr("The local database"));
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(path);

    resize(900, 420);
    showError(message);
}

void DatabaseProblemWindow::showError(const QString &message)
{
    m_banner->showMessage(message);
}

QString DatabaseProblemWindow::bannerText() const
{
    return m_banner->message();
}

} // namespace saferhomes
