#include "common/touchstyle.h"

#include "common/touchbutton.h"

#include <QApplication>
#include <QFontInfo>
#include <QLabel>
#include <QPalette>
#include <QWidget>

namespace saferhomes {

QString TouchStyle::styleSheet()
{
    const double base = QFontInfo(QApplication::font()).pointSizeF();
    const auto size = [base](double factor) {
        return QString::number(base * factor, 'f', 1);
    };
    // Borders keep one outer size in every state (margin + border), so that a focused or
    // checked button does not shift its neighbours.
    return QStringLiteral(R"(
QWidget { font-size: %2pt; }
*[touchText="strong"] { font-weight: bold; }
*[touchText="subheading"] { font-size: %3pt; font-weight: bold; }
*[touchText="heading"] { font-size: %4pt; font-weight: bold; }
*[touchText="notice"] { font-size: %5pt; }
QPushButton[touchKind] {
    min-height: %1px; min-width: %1px; padding: 4px 16px; margin: 2px;
    border: 1px solid palette(mid); border-radius: 6px; background: palette(button);
    color: palette(button-text);
}
QPushButton[touchKind="choice"] { text-align: left; }
QPushButton[touchKind="primary"] {
    background: palette(highlight); color: palette(highlighted-text); font-weight: bold;
}
QPushButton[touchKind]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border: 3px solid palette(highlight); margin: 0px;
}
QPushButton[touchKind]:pressed { background: palette(dark); }
QPushButton[touchKind]:focus { border: 3px solid palette(text); margin: 0px; }
QPushButton[touchKind]:disabled {
    background: palette(window); color: palette(mid); border: 1px dashed palette(mid);
}
QCheckBox { min-height: %1px; spacing: 12px; padding: 0px 6px; border: 2px solid transparent; }
QCheckBox:focus { border: 2px solid palette(text); border-radius: 6px; }
QCheckBox::indicator { width: 28px; height: 28px; }
QLineEdit, QComboBox, QAbstractSpinBox { min-height: 46px; padding: 0px 6px; }
QListView::item { min-height: 56px; padding: 4px 8px; }
)")
        .arg(TouchButton::kMinimumSize - 4)
        .arg(size(1.15), size(1.3), size(1.55), size(1.4));
}

void TouchStyle::setText(QWidget *widget, Text role)
{
    const char *name = role == Text::Strong ? "strong"
        : role == Text::Subheading          ? "subheading"
        : role == Text::Heading             ? "heading"
        : role == Text::Notice              ? "notice"
                                            : "body";
    widget->setProperty("touchText", QString::fromLatin1(name));
}

QLabel *TouchStyle::errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    setUpErrorLabel(label);
    return label;
}

void TouchStyle::setUpErrorLabel(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
    setText(label, Text::Strong);
    label->hide();
}

void TouchStyle::setError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setAccessibleName(message);
    label->setVisible(!message.isEmpty());
}

QColor TouchStyle::errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() > 128 ? QColor(0xa3, 0x3e, 0x00)
                                                             : QColor(0xff, 0x9a, 0x55);
}

QLabel *TouchStyle::helpLabel(const QString &text, QWidget *parent)
{
    // In the text colour, not a paler one: it is read in daylight on a doorstep.
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace saferhomes
