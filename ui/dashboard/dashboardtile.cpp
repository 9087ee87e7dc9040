#include "dashboard/dashboardtile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace saferhomes {

DashboardTile::DashboardTile(const QString &objectName, const QString &title, QWidget *parent)
    : QPushButton(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(QStringLiteral("\u2026"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(objectName);
    setFocusPolicy(Qt::StrongFocus);
    setEnabled(false); // until there is a figure to open
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_value->setFont(big);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    for (QLabel *label : {m_title, m_value, m_detail}) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        layout->addWidget(label);
    }
    setToolTip(tr("Lists the households behind this number"));
    connect(this, &QPushButton::clicked, this, [this] { emit figureActivated(m_ref); });
}

void DashboardTile::setFigure(const QString &value, const QString &detail, const FigureRef &ref)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_ref = ref;
    setEnabled(true);
    setAccessibleName(tr("%1: %2 %3").arg(m_title->text(), value, detail).trimmed());
    setAccessibleDescription(tr("Press to list the households behind it"));
}

void DashboardTile::setUnavailable()
{
    m_value->setText(QStringLiteral("\u2014"));
    m_detail->setText(tr("Could not be computed"));
    setEnabled(false);
    setAccessibleName(tr("%1: could not be computed").arg(m_title->text()));
}

QString DashboardTile::valueText() const
{
    return m_value->text();
}

QString DashboardTile::detailText() const
{
    return m_detail->text();
}

void DashboardTile::keyPressEvent(QKeyEvent *event)
{
    // Enter opens it too, as it would in a list: a tile is read like a cell.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QPushButton::keyPressEvent(event);
}

QSize DashboardTile::sizeHint() const
{
    return layout()->sizeHint().expandedTo(QSize(180, 0));
}

} // namespace saferhomes
