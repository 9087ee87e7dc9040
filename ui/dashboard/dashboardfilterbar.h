#pragma once

#include "reporting/dashboardfilter.h"

#include <QWidget>

#include <utility>

class QComboBox;
class QDateEdit;

namespace saferhomes {

/// The dashboard's one filter state, chosen: area, period (with its own dates when custom),
/// status and fitter. Every change emits filterChanged() with the whole filter.
class DashboardFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit DashboardFilterBar(QWidget *parent = nullptr);

    /// The choices, as (id, name) pairs; the current choice is kept when it is still there.
    void setAreas(const QList<std::pair<QString, QString>> &areas);
    void setFitters(const QList<std::pair<QString, QString>> &fitters);
    /// The day the periods are counted from (today unless a test says otherwise).
    void setToday(const QDate &today);
    void setSchemeEnd(const QDate &end);
    DashboardFilter filter() const;

    QComboBox *areaBox() const { return m_area; }
    QComboBox *periodBox() const { return m_period; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *fitterBox() const { return m_fitter; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

signals:
    void filterChanged(const saferhomes::DashboardFilter &filter);

private:
    void periodChosen();
    void changed();

    QComboBox *m_area;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_status;
    QComboBox *m_fitter;
    QDate m_today;
    QDate m_schemeEnd;
    bool m_updating = false;
};

} // namespace saferhomes
