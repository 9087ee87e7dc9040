#pragma once

#include <QPushButton>

namespace saferhomes {

/// A push button big enough for a finger (at least 48 × 48 px), styled by its kind.
class TouchButton : public QPushButton {
    Q_OBJECT

public:
    /// Action: an ordinary command. Primary: the screen's main command (Enter presses it when
    /// focused). Choice: one answer of several, checkable; the owner keeps it exclusive.
    enum class Kind { Action, Primary, Choice };

    static constexpr int kMinimumSize = 48;

    explicit TouchButton(const QString &text, QWidget *parent = nullptr, Kind kind = Kind::Action);
    /// An Action button without text, as a Designer form makes it (its `kind` property then
    /// calls setKind()).
    explicit TouchButton(QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    /// The look and behaviour of \a kind: a Choice is checkable, the others are not.
    void setKind(Kind kind);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    Kind m_kind = Kind::Action;
};

} // namespace saferhomes
