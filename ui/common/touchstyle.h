#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

namespace saferhomes {

/// The look of doorstep mode: big targets, larger text, visible focus and checked states,
/// and the message labels shown at fields. Colours come from the palette (light or dark).
class TouchStyle {
public:
    /// How a piece of text reads, relative to the (larger) doorstep body text.
    enum class Text { Body, Strong, Subheading, Heading, Notice };

    /// The style sheet for a doorstep screen and its children, sized from the application
    /// font. (Fonts are set here rather than with setFont: a style sheet on a parent stops
    /// setFont reaching its children.)
    static QString styleSheet();
    /// Gives \a widget's text the look of \a role (before it is shown).
    static void setText(QWidget *widget, Text role);
    /// A word-wrapped label for a field's message, hidden while it has none.
    static QLabel *errorLabel(QWidget *parent, const QString &objectName);
    /// Makes \a label (from a Designer form) a field's message label, as errorLabel() does.
    static void setUpErrorLabel(QLabel *label);
    /// Shows \a message in \a label (hides it when empty) and tells assistive technology.
    static void setError(QLabel *label, const QString &message);
    /// A readable message colour on the palette's background.
    static QColor errorColor(const QPalette &palette);
    /// A wrapped label for help and explanations (always visible, never a tooltip).
    static QLabel *helpLabel(const QString &text, QWidget *parent);
};

} // namespace saferhomes
