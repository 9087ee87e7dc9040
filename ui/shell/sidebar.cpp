#include "shell/sidebar.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"

#include <QVBoxLayout>

namespace saferhomes {

Sidebar::Sidebar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("sidebar"));
    setStyleSheet(TouchStyle::styleSheet());
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_layout->setContentsMargins(6, 6, 6, 6);
    m_layout->addStretch();
}

int Sidebar::addEntry(const QString &text, const QString &objectName)
{
    const int index = int(m_buttons.size());
    auto *button = new TouchButton(text, this, TouchButton::Kind::Choice);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    // Switching mode is done with the shortcuts; the sidebar stays out of the tab order.
    button->setFocusPolicy(Qt::NoFocus);
    m_layout->insertWidget(index, button);
    m_buttons.append(button);
    connect(button, &QPushButton::clicked, this, [this, index] {
        setCurrentIndex(index);
        emit currentChanged(index);
    });
    if (m_current < 0)
        setCurrentIndex(index);
    return index;
}

void Sidebar::setCurrentIndex(int index)
{
    m_current = index;
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttons.at(i)->setChecked(i == index);
}

void Sidebar::setEntryVisible(int index, bool visible)
{
    if (TouchButton *entry = m_buttons.value(index))
        entry->setVisible(visible);
}

bool Sidebar::isEntryVisible(int index) const
{
    const TouchButton *entry = m_buttons.value(index);
    return entry && !entry->isHidden();
}

} // namespace saferhomes
