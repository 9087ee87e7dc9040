#include "sync/connectiondialog.h"

#include "sync/centralconnection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(const SyncSettings::Connection &connection, bool autoSync,
                                   int intervalMinutes, QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(connection.host, this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(connection.database, this))
    , m_user(new QLineEdit(connection.user, this))
    , m_password(new QLineEdit(this))
    , m_tlsMode(new QComboBox(this))
    , m_caFile(new QLineEdit(connection.caFile, this))
    , m_browse(new QToolButton(this))
    , m_warning(wrappedLabel(this))
    , m_autoSync(new QCheckBox(tr("Sync &automatically every"), this))
    , m_interval(new QSpinBox(this))
    , m_testButton(new QPushButton(tr("&Test connection"), this))
    , m_resultIcon(new QLabel(this))
    , m_result(wrappedLabel(this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Central database connection"));

    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("e.g. db.saferhomes.example.org"));
    m_host->setAccessibleName(tr("Host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(connection.port);
    m_port->setAccessibleName(tr("Port"));
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setAccessibleName(tr("Database"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setAccessibleName(tr("User"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Leave empty to keep the saved one"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setToolTip(tr("Kept in the system keychain; where there is none, only until "
                              "SaferHomes closes. Never written to the settings."));

    m_tlsMode->setObjectName(QStringLiteral("tlsMode"));
    m_tlsMode->setAccessibleName(tr("TLS mode"));
    m_tlsMode->addItem(tr("Verify certificate and host name (verify-full)"),
                       QStringLiteral("verify-full"));
    m_tlsMode->addItem(tr("Verify certificate only (verify-ca)"), QStringLiteral("verify-ca"));
    m_tlsMode->addItem(tr("Encrypt, do not verify (require)"), QStringLiteral("require"));
    m_tlsMode->addItem(tr("No encryption (disable)"), QStringLiteral("disable"));
    m_tlsMode->setCurrentIndex(std::max(0, m_tlsMode->findData(connection.sslMode)));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("Default: ~/.postgresql/root.crt"));
    m_browse->setText(tr("Browse\u2026"));
    m_browse->setAccessibleName(tr("Choose the CA certificate file"));
    m_warning->setObjectName(QStringLiteral("securityWarning"));

    m_autoSync->setObjectName(QStringLiteral("autoSync"));
    m_autoSync->setChecked(autoSync);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(1, 1440);
    m_interval->setValue(intervalMinutes);
    m_interval->setSuffix(tr(" min"));
    m_interval->setAccessibleName(tr("Minutes between automatic syncs"));

    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_result->setObjectName(QStringLiteral("testResult"));

    auto *server = new QGroupBox(tr("Central database"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("&Host:"), m_host);
    serverForm->addRow(tr("&Port:"), m_port);
    serverForm->addRow(tr("&Database:"), m_database);
    serverForm->addRow(tr("&User:"), m_user);
    serverForm->addRow(tr("Pass&word:"), m_password);

    auto *security = new QGroupBox(tr("Security"), this);
    auto *securityForm = new QFormLayout(security);
    securityForm->addRow(tr("T&LS:"), m_tlsMode);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    securityForm->addRow(caLabel, caRow);
    securityForm->addRow(m_warning);

    auto *schedule = new QGroupBox(tr("Sync"), this);
    auto *scheduleRow = new QHBoxLayout(schedule);
    scheduleRow->addWidget(m_autoSync);
    scheduleRow->addWidget(m_interval);
    scheduleRow->addStretch();

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_resultIcon, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addWidget(security);
    layout->addWidget(schedule);
    layout->addLayout(testRow);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QToolButton::clicked, this, &ConnectionDialog::chooseCaFile);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(&m_test, &QFutureWatcher<SyncConnectionTest::Result>::finished, this,
            &ConnectionDialog::showResult);
    for (QLineEdit *edit : {m_host, m_database, m_user, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::updateState);
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateState);
    connect(m_autoSync, &QCheckBox::toggled, this, &ConnectionDialog::updateState);
    updateState();
}

SyncSettings::Connection ConnectionDialog::connection() const
{
    SyncSettings::Connection connection;
    connection.host = m_host->text().trimmed();
    connection.port = m_port->value();
    connection.database = m_database->text().trimmed();
    connection.user = m_user->text().trimmed();
    connection.sslMode = m_tlsMode->currentData().toString();
    connection.caFile = m_caFile->text().trimmed();
    return connection;
}

QString ConnectionDialog::password() const
{
    return m_password->text();
}

bool ConnectionDialog::autoSync() const
{
    return m_autoSync->isChecked();
}

int ConnectionDialog::intervalMinutes() const
{
    return m_interval->value();
}

QString ConnectionDialog::resultText() const
{
    return m_result->text();
}

QString ConnectionDialog::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

void ConnectionDialog::chooseCaFile()
{
    const QString start = m_caFile->text().isEmpty() ? QDir::homePath() : m_caFile->text();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("CA certificate file"), start, tr("Certificates (*.crt *.pem);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(path));
}

void ConnectionDialog::updateState()
{
    const SyncSettings::Connection current = connection();
    const bool verifies = current.sslMode.startsWith(u"verify");
    m_caFile->setEnabled(verifies);
    m_browse->setEnabled(verifies);
    m_interval->setEnabled(m_autoSync->isChecked());
    m_ok->setEnabled(current.isConfigured());
    m_testButton->setEnabled(current.isConfigured() && !m_testing);

    QString warning;
    if (current.isConfigured()) {
        QString error;
        const std::optional<CentralConnection::Address> address
            = CentralConnection::parseUri(current.uri(), &error);
        // The model's rule for when a connection is not safe enough, in this dialog's words.
        if (!address)
            warning = error;
        else if (!address->securityWarning().isEmpty())
            warning = tr("\u26a0 The server's certificate and host name are not both checked, "
                         "so another machine could pose as it. Choose \u201cVerify certificate "
                         "and host name\u201d unless this is a test server.");
    }
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    growToFit();
}

void ConnectionDialog::growToFit()
{
    // Word-wrapped messages need height for the dialog's width, which a layout's minimum size
    // does not include: without this a long message squeezes the form.
    if (!layout() || !layout()->hasHeightForWidth())
        return;
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ConnectionDialog::testConnection()
{
    const SyncSettings::Connection current = connection();
    if (!current.isConfigured() || m_testing)
        return;
    const QString password = m_password->text().isEmpty() ? m_knownPassword : m_password->text();
    m_resultIcon->clear();
    m_result->setText(tr("Connecting to %1\u2026").arg(current.host));
    m_testing = true;
    m_test.setFuture(SyncConnectionTest::run(current.uri(), password));
    updateState();
}

void ConnectionDialog::showResult()
{
    m_lastResult = m_test.result();
    m_testing = false;
    const QStyle::StandardPixmap icon
        = m_lastResult.ok() ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical;
    m_resultIcon->setPixmap(style()->standardIcon(icon).pixmap(QSize(16, 16)));
    QString text = QStringLiteral("<b>%1</b>").arg(m_lastResult.headline.toHtmlEscaped());
    if (!m_lastResult.detail.isEmpty())
        text += QStringLiteral("<br>") + m_lastResult.detail.toHtmlEscaped();
    m_result->setText(text);
    m_result->setAccessibleName(m_lastResult.headline);
    updateState();
    growToFit();
    emit connectionTested(m_lastResult);
}

} // namespace saferhomes
