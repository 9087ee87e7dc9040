#pragma once

#include <QDockWidget>

class QTimer;

namespace saferhomes {

class HouseholdRepository;
class ProgressPanel;

/// The dock that shows the scheme's progress beside the register, read again shortly after
/// households change.
class ProgressDock : public QDockWidget {
    Q_OBJECT

public:
    /// \a repository must outlive the dock.
    explicit ProgressDock(const HouseholdRepository &repository, QWidget *parent = nullptr);

    ProgressPanel *panel() const { return m_panel; }
    /// Reads the figures again now.
    void refresh();
    /// Reads them again in a moment: several edits in a row (or an undo and a redo) make one
    /// refresh.
    void refreshSoon();

private:
    const HouseholdRepository &m_repository;
    ProgressPanel *m_panel;
    QTimer *m_timer;
};

} // namespace saferhomes
