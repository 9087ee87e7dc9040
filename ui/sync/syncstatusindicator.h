#pragma once

#include <QToolButton>

namespace saferhomes {

class SyncController;

/// The status bar's sync state: online or offline (the last attempt), changes waiting to be
/// sent, the last sync, open conflicts and refused changes. Clicking it opens the conflict
/// view.
class SyncStatusIndicator : public QToolButton {
    Q_OBJECT

public:
    explicit SyncStatusIndicator(const SyncController &controller, QWidget *parent = nullptr);

    /// Reads the controller's state again (it calls this on statusChanged()).
    void refresh();

private:
    QString stateText() const;

    const SyncController &m_controller;
};

} // namespace saferhomes
