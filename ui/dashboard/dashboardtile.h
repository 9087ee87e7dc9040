#pragma once

#include "reporting/dashboardfilter.h"

#include <QPushButton>

class QLabel;

namespace saferhomes {

/// A headline number of the dashboard (homes secured against target, take-up...): a button
/// that opens the households behind it by mouse, Space or Enter.
class DashboardTile : public QPushButton {
    Q_OBJECT

public:
    DashboardTile(const QString &objectName, const QString &title, QWidget *parent = nullptr);

    /// Shows \a value with \a detail under it ("of 320 target"); \a ref is what it opens.
    void setFigure(const QString &value, const QString &detail, const FigureRef &ref);
    /// Shows that the figure could not be computed: a dash, never a zero.
    void setUnavailable();
    QString valueText() const;
    QString detailText() const;
    FigureRef figure() const { return m_ref; }

signals:
    void figureActivated(const saferhomes::FigureRef &ref);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    FigureRef m_ref;
};

} // namespace saferhomes
