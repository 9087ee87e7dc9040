#include "common/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace saferhomes {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    const bool light = palette.color(QPalette::Window).lightness() > 128;
    palette.setColor(QPalette::Window, light ? QColor(0xfd, 0xe8, 0xd9) : QColor(0x5a, 0x2a, 0x0a));
    palette.setColor(QPalette::WindowText,
                     light ? QColor(0x5a, 0x22, 0x00) : QColor(0xff, 0xe0, 0xc8));
    setPalette(palette);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(16, 16)));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss message"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(close);
    hide();
}

void MessageBanner::showMessage(const QString &message)
{
    m_text->setText(message);
    setAccessibleName(message);
    show();
}

QString MessageBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace saferhomes
