#include "admin/cataloguechange.h"

#include <QCoreApplication>

namespace saferhomes {

namespace {

QString describe(const std::optional<EquipmentType> &before,
                 const std::optional<EquipmentType> &after)
{
    if (!before)
        return QCoreApplication::translate("CatalogueChange", "Add %1").arg(after->name);
    if (!after)
        return QCoreApplication::translate("CatalogueChange", "Delete %1").arg(before->name);
    return QCoreApplication::translate("CatalogueChange", "Change %1").arg(after->name);
}

} // namespace

CatalogueChange::CatalogueChange(EquipmentRepository &catalogue,
                                 std::optional<EquipmentType> before,
                                 std::optional<EquipmentType> after, Report report)
    : m_catalogue(catalogue)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_report(std::move(report))
{
    setText(describe(m_before, m_after));
}

void CatalogueChange::undo()
{
    apply(m_after, m_before);
}

void CatalogueChange::redo()
{
    if (m_stored) {
        m_stored = false;
        return;
    }
    apply(m_before, m_after);
}

void CatalogueChange::apply(const std::optional<EquipmentType> &from,
                            const std::optional<EquipmentType> &to)
{
    QString error;
    if (!to) {
        const Status removed = m_catalogue.remove(from->code);
        error = removed.errorString();
    } else if (!from) {
        error = m_catalogue.add(*to).errorString();
    } else {
        error = m_catalogue.update(*to).errorString();
    }
    m_report(error);
}

} // namespace saferhomes
