#pragma once

#include "domain/householdstatus.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QCheckBox;

namespace saferhomes {

/// The map's legend: each status's mark and label with how many homes the map has in it; a
/// check box per status that shows or hides those homes (the legend is the status filter).
class MapLegend : public QWidget {
    Q_OBJECT

public:
    explicit MapLegend(QWidget *parent = nullptr);

    void setCounts(const QHash<HouseholdStatus, int> &counts);
    QSet<HouseholdStatus> hiddenStatuses() const;
    QCheckBox *checkBox(HouseholdStatus status) const { return m_boxes.value(status); }

signals:
    void hiddenStatusesChanged(const QSet<HouseholdStatus> &hidden);

private:
    QHash<HouseholdStatus, QCheckBox *> m_boxes;
};

} // namespace saferhomes
