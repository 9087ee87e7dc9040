#include "map/maplegend.h"

#include "common/statuspalette.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace saferhomes {

MapLegend::MapLegend(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *title = new QLabel(tr("<b>Statuses shown</b>"), this);
    layout->addWidget(title);
    for (HouseholdStatus status : HouseholdStatusRules::all()) {
        auto *box = new QCheckBox(HouseholdStatusRules::label(status), this);
        box->setIcon(StatusPalette::chip(status));
        box->setChecked(true);
        box->setObjectName(QStringLiteral("legend_") + HouseholdStatusRules::name(status));
        box->setToolTip(tr("Show or hide the homes whose status is %1")
                            .arg(HouseholdStatusRules::label(status)));
        connect(box, &QCheckBox::toggled, this,
                [this] { emit hiddenStatusesChanged(hiddenStatuses()); });
        m_boxes.insert(status, box);
        layout->addWidget(box);
    }
    layout->addStretch();
}

void MapLegend::setCounts(const QHash<HouseholdStatus, int> &counts)
{
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        it.value()->setText(
            tr("%1 (%2)").arg(HouseholdStatusRules::label(it.key())).arg(counts.value(it.key())));
    }
}

QSet<HouseholdStatus> MapLegend::hiddenStatuses() const
{
    QSet<HouseholdStatus> hidden;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        if (!it.value()->isChecked())
            hidden.insert(it.key());
    }
    return hidden;
}

} // namespace saferhomes
