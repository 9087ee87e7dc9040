#include "common/touchbutton.h"

namespace saferhomes {

TouchButton::TouchButton(const QString &text, QWidget *parent, Kind kind)
    : TouchButton(parent)
{
    setText(text);
    setKind(kind);
}

TouchButton::TouchButton(QWidget *parent)
    : QPushButton(parent)
{
    setKind(Kind::Action);
    // Enter presses a focused button only when it is "auto default"; outside dialogs that
    // is off unless asked for.
    setAutoDefault(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void TouchButton::setKind(Kind kind)
{
    m_kind = kind;
    // The doorstep style sheet (TouchStyle) picks the look from this property.
    const char *name = kind == Kind::Primary ? "primary"
        : kind == Kind::Choice               ? "choice"
                                             : "action";
    setProperty("touchKind", QString::fromLatin1(name));
    setCheckable(kind == Kind::Choice);
}

QSize TouchButton::sizeHint() const
{
    return QPushButton::sizeHint().expandedTo(QSize(kMinimumSize, kMinimumSize));
}

QSize TouchButton::minimumSizeHint() const
{
    return QPushButton::minimumSizeHint().expandedTo(QSize(kMinimumSize, kMinimumSize));
}

} // namespace saferhomes
