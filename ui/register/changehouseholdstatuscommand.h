#pragma once

#include "domain/householdstatus.h"

#include <QUndoCommand>
#include <QUuid>

namespace saferhomes {

class HouseholdEditor;

/// Undoes and redoes moving a household along the funnel, already saved when pushed.
class ChangeHouseholdStatusCommand : public QUndoCommand {
public:
    ChangeHouseholdStatusCommand(HouseholdEditor *editor, const QUuid &id, HouseholdStatus from,
                                 HouseholdStatus to);

    void undo() override;
    void redo() override;

private:
    bool set(HouseholdStatus status, bool correction);

    HouseholdEditor *m_editor;
    QUuid m_id;
    HouseholdStatus m_from;
    HouseholdStatus m_to;
    bool m_saved = true; ///< the change was saved before the command was pushed
};

} // namespace saferhomes
