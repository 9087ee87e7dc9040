#pragma once

#include <QByteArray>
#include <QDate>
#include <QSettings>
#include <QString>

#include <memory>

namespace saferhomes {

/// Typed access to what the user interface remembers between runs.
class Settings {
public:
    /// The application's settings (organisation and application name decide where).
    Settings();
    /// Settings kept in the INI file \a path (tests, portable installs).
    explicit Settings(const QString &path);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    QByteArray registerSplitterState() const;
    void setRegisterSplitterState(const QByteArray &state);
    QByteArray registerHeaderState() const;
    void setRegisterHeaderState(const QByteArray &state);

    QString lastImportDirectory() const;
    void setLastImportDirectory(const QString &directory);
    QString lastExportDirectory() const;
    void setLastExportDirectory(const QString &directory);
    /// The area whose round doorstep mode shows (an area id; "none" for households with no
    /// area; empty when never chosen).
    QString doorstepRoundArea() const;
    void setDoorstepRoundArea(const QString &area);
    /// The day the scheme is to reach its target (the dashboard's straight-line path);
    /// invalid when never set.
    QDate schemeEndDate() const;
    void setSchemeEndDate(const QDate &day);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace saferhomes
