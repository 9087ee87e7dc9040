#include "common/settings.h"

namespace saferhomes {

namespace {

const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kSplitter = QStringLiteral("register/splitter");
const QString kHeader = QStringLiteral("register/header");
const QString kImportDir = QStringLiteral("files/lastImportDirectory");
const QString kExportDir = QStringLiteral("files/lastExportDirectory");
const QString kRoundArea = QStringLiteral("doorstep/roundArea");
const QString kSchemeEnd = QStringLiteral("dashboard/schemeEnd");

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>())
{ }

Settings::Settings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

QByteArray Settings::mainWindowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray Settings::mainWindowState() const
{
    return m_settings->value(kState).toByteArray();
}

void Settings::setMainWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

QByteArray Settings::registerSplitterState() const
{
    return m_settings->value(kSplitter).toByteArray();
}

void Settings::setRegisterSplitterState(const QByteArray &state)
{
    m_settings->setValue(kSplitter, state);
}

QByteArray Settings::registerHeaderState() const
{
    return m_settings->value(kHeader).toByteArray();
}

void Settings::setRegisterHeaderState(const QByteArray &state)
{
    m_settings->setValue(kHeader, state);
}

QString Settings::lastImportDirectory() const
{
    return m_settings->value(kImportDir).toString();
}

void Settings::setLastImportDirectory(const QString &directory)
{
    m_settings->setValue(kImportDir, directory);
}

QString Settings::lastExportDirectory() const
{
    return m_settings->value(kExportDir).toString();
}

void Settings::setLastExportDirectory(const QString &directory)
{
    m_settings->setValue(kExportDir, directory);
}

QString Settings::doorstepRoundArea() const
{
    return m_settings->value(kRoundArea).toString();
}

void Settings::setDoorstepRoundArea(const QString &area)
{
    m_settings->setValue(kRoundArea, area);
}

QDate Settings::schemeEndDate() const
{
    return QDate::fromString(m_settings->value(kSchemeEnd).toString(), Qt::ISODate);
}

void Settings::setSchemeEndDate(const QDate &day)
{
    m_settings->setValue(kSchemeEnd, day.toString(Qt::ISODate));
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace saferhomes
