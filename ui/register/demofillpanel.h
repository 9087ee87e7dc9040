#pragma once

#include "domain/result.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace saferhomes {

class Database;

/// The empty register's offer of demo data: "Load demo data", and while the demo is written
/// off the GUI thread (DemoData::fill on a connection of its own), a progress bar and "Start
/// with an empty register", which stops the fill (nothing of it is kept) and records the
/// choice so that the demo is not offered again at start-up.
class DemoFillPanel : public QWidget {
    Q_OBJECT

public:
    DemoFillPanel(const Database &database, QWidget *parent = nullptr);
    ~DemoFillPanel() override;

    /// Starts filling the database with the demo (300 households); does nothing while a fill
    /// runs.
    void start();
    bool isFilling() const;

signals:
    /// The demo is in the database.
    void filled();
    /// The user chose an empty register; nothing of the demo was kept.
    void declined();
    /// The fill failed; the database is as it was.
    void failed(const QString &message);

private:
    void finish();
    void showFilling(bool filling);

    const Database &m_database;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_empty = nullptr;
    QFutureWatcher<Status> m_watcher;
};

} // namespace saferhomes
