#pragma once

#include "store/equipmentrepository.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace saferhomes {

/// One undoable change of the equipment catalogue: an item added (no before), changed, or
/// deleted (no after). It is pushed once the change is stored, so its first redo does nothing;
/// undo and redo store the other side again and report a refusal through \a report.
class CatalogueChange : public QUndoCommand {
public:
    using Report = std::function<void(const QString &error)>;

    CatalogueChange(EquipmentRepository &catalogue, std::optional<EquipmentType> before,
                    std::optional<EquipmentType> after, Report report);

    void undo() override;
    void redo() override;

private:
    void apply(const std::optional<EquipmentType> &from, const std::optional<EquipmentType> &to);

    EquipmentRepository &m_catalogue;
    std::optional<EquipmentType> m_before;
    std::optional<EquipmentType> m_after;
    Report m_report;
    bool m_stored = true; ///< the change is in the database already: the first redo skips
};

} // namespace saferhomes
