#pragma once

#include <QList>
#include <QWidget>

class QVBoxLayout;

namespace saferhomes {

class TouchButton;

/// The main window's column of big buttons that switches between its modes (Households,
/// Doorstep, …); one is current.
class Sidebar : public QWidget {
    Q_OBJECT

public:
    explicit Sidebar(QWidget *parent = nullptr);

    /// Adds an entry and returns its index.
    int addEntry(const QString &text, const QString &objectName);
    void setCurrentIndex(int index);
    /// Shows or hides an entry (a mode the signed-in role does not use is hidden).
    void setEntryVisible(int index, bool visible);
    bool isEntryVisible(int index) const;
    int currentIndex() const { return m_current; }
    TouchButton *button(int index) const { return m_buttons.value(index); }

signals:
    void currentChanged(int index);

private:
    QVBoxLayout *m_layout;
    QList<TouchButton *> m_buttons;
    int m_current = -1;
};

} // namespace saferhomes
