#pragma once

#include <QMainWindow>

namespace saferhomes {

class MessageBanner;

/// What the app shows in place of the main window when its database cannot be opened (damaged,
/// not a database, in use by another program, from a newer version): the message in the
/// banner, the file it is about, and a way to try again or quit. Never an empty register that
/// would pass for a real one.
class DatabaseProblemWindow : public QMainWindow {
    Q_OBJECT

public:
    DatabaseProblemWindow(const QString &databasePath, const QString &message,
                          QWidget *parent = nullptr);

    /// Shows \a message in the banner (after another failed try).
    void showError(const QString &message);
    QString bannerText() const;

signals:
    /// The user asked to open the database again (e.g. once another program let it go).
    void tryAgainRequested();

private:
    MessageBanner *m_banner;
};

} // namespace saferhomes
