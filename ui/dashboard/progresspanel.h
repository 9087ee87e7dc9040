#pragma once

#include "reporting/progressreport.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;

namespace saferhomes {

/// The scheme's progress at a glance: households by status, take-up, and homes secured
/// against target in each area.
class ProgressPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void setReport(const ProgressReport &report);
    /// The bar for \a area, or nullptr (tests, accessibility checks).
    QProgressBar *areaBar(const QString &area) const;
    QString takeUpText() const;

private:
    QHash<HouseholdStatus, QLabel *> m_statusCounts;
    QLabel *m_takeUp;
    QLabel *m_secured;
    QGridLayout *m_areas;
    QList<QWidget *> m_areaWidgets;
    QHash<QString, QProgressBar *> m_areaBars;
};

} // namespace saferhomes
