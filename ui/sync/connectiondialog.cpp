#include "sync/connectiondialog.h"

#include "sync/centralconnection.h"
#include "ui_connectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

namespace saferhomes {

ConnectionDialog::ConnectionDialog(const SyncSettings::Connection &connection, bool autoSync,
                                   int intervalMinutes, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
{
    m_ui->setupUi(this);
    // Item data and the OK button's text are what a Designer form cannot hold.
    m_ui->tlsMode->addItem(tr("Verify certificate and host name (verify-full)"),
                           QStringLiteral("verify-full"));
    m_ui->tlsMode->addItem(tr("Verify certificate only (verify-ca)"), QStringLiteral("verify-ca"));
    m_ui->tlsMode->addItem(tr("Encrypt, do not verify (require)"), QStringLiteral("require"));
    m_ui->tlsMode->addItem(tr("No encryption (disable)"), QStringLiteral("disable"));
    okButton()->setText(tr("&Save"));

    m_ui->host->setText(connection.host);
    m_ui->port->setValue(connection.port);
    m_ui->database->setText(connection.database);
    m_ui->user->setText(connection.user);
    m_ui->tlsMode->setCurrentIndex(std::max(0, m_ui->tlsMode->findData(connection.sslMode)));
    m_ui->caFile->setText(connection.caFile);
    m_ui->autoSync->setChecked(autoSync);
    m_ui->interval->setValue(intervalMinutes);

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->browse, &QToolButton::clicked, this, &ConnectionDialog::chooseCaFile);
    connect(m_ui->testConnection, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(&m_test, &QFutureWatcher<SyncConnectionTest::Result>::finished, this,
            &ConnectionDialog::showResult);
    for (QLineEdit *edit : {m_ui->host, m_ui->database, m_ui->user, m_ui->caFile})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    connect(m_ui->port, &QSpinBox::valueChanged, this, &ConnectionDialog::updateState);
    connect(m_ui->tlsMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateState);
    connect(m_ui->autoSync, &QCheckBox::toggled, this, &ConnectionDialog::updateState);
    updateState();
}

ConnectionDialog::~ConnectionDialog() = default;

QLineEdit *ConnectionDialog::hostEdit() const
{
    return m_ui->host;
}

QSpinBox *ConnectionDialog::portBox() const
{
    return m_ui->port;
}

QLineEdit *ConnectionDialog::databaseEdit() const
{
    return m_ui->database;
}

QLineEdit *ConnectionDialog::userEdit() const
{
    return m_ui->user;
}

QLineEdit *ConnectionDialog::passwordEdit() const
{
    return m_ui->password;
}

QComboBox *ConnectionDialog::tlsModeBox() const
{
    return m_ui->tlsMode;
}

QLineEdit *ConnectionDialog::caFileEdit() const
{
    return m_ui->caFile;
}

QCheckBox *ConnectionDialog::autoSyncBox() const
{
    return m_ui->autoSync;
}

QSpinBox *ConnectionDialog::intervalBox() const
{
    return m_ui->interval;
}

QPushButton *ConnectionDialog::testButton() const
{
    return m_ui->testConnection;
}

QPushButton *ConnectionDialog::okButton() const
{
    return m_ui->buttons->button(QDialogButtonBox::Ok);
}

SyncSettings::Connection ConnectionDialog::connection() const
{
    SyncSettings::Connection connection;
    connection.host = m_ui->host->text().trimmed();
    connection.port = m_ui->port->value();
    connection.database = m_ui->database->text().trimmed();
    connection.user = m_ui->user->text().trimmed();
    connection.sslMode = m_ui->tlsMode->currentData().toString();
    connection.caFile = m_ui->caFile->text().trimmed();
    return connection;
}

QString ConnectionDialog::password() const
{
    return m_ui->password->text();
}

bool ConnectionDialog::autoSync() const
{
    return m_ui->autoSync->isChecked();
}

int ConnectionDialog::intervalMinutes() const
{
    return m_ui->interval->value();
}

QString ConnectionDialog::resultText() const
{
    return m_ui->testResult->text();
}

QString ConnectionDialog::warningText() const
{
    return m_ui->securityWarning->isHidden() ? QString() : m_ui->securityWarning->text();
}

void ConnectionDialog::chooseCaFile()
{
    const QString start = m_ui->caFile->text().isEmpty() ? QDir::homePath() : m_ui->caFile->text();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("CA certificate file"), start, tr("Certificates (*.crt *.pem);;All files (*)"));
    if (!path.isEmpty())
        m_ui->caFile->setText(QDir::toNativeSeparators(path));
}

void ConnectionDialog::updateState()
{
    const SyncSettings::Connection current = connection();
    const bool verifies = current.sslMode.startsWith(u"verify");
    m_ui->caFile->setEnabled(verifies);
    m_ui->browse->setEnabled(verifies);
    m_ui->interval->setEnabled(m_ui->autoSync->isChecked());
    okButton()->setEnabled(current.isConfigured());
    m_ui->testConnection->setEnabled(current.isConfigured() && !m_testing);

    QString warning;
    if (current.isConfigured()) {
        const Result<CentralConnection::Address> address
            = CentralConnection::parseUri(current.uri());
        // The model's rule for when a connection is not safe enough, in this dialog's words.
        if (!address)
            warning = address.errorString();
        else if (!address->securityWarning().isEmpty())
            warning = tr("\u26a0 The server's certificate and host name are not both checked, "
                         "so another machine could pose as it. Choose \u201cVerify certificate "
                         "and host name\u201d unless this is a test server.");
    }
    m_ui->securityWarning->setText(warning);
    m_ui->securityWarning->setVisible(!warning.isEmpty());
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
    const QString password
        = m_ui->password->text().isEmpty() ? m_knownPassword : m_ui->password->text();
    m_ui->resultIcon->clear();
    m_ui->testResult->setText(tr("Connecting to %1\u2026").arg(current.host));
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
    m_ui->resultIcon->setPixmap(style()->standardIcon(icon).pixmap(QSize(16, 16)));
    QString text = QStringLiteral("<b>%1</b>").arg(m_lastResult.headline.toHtmlEscaped());
    if (!m_lastResult.detail.isEmpty())
        text += QStringLiteral("<br>") + m_lastResult.detail.toHtmlEscaped();
    m_ui->testResult->setText(text);
    m_ui->testResult->setAccessibleName(m_lastResult.headline);
    updateState();
    growToFit();
    emit connectionTested(m_lastResult);
}

} // namespace saferhomes
