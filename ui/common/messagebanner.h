#pragma once

#include <QFrame>

class QLabel;

namespace saferhomes {

/// A non-modal strip at the top of the window for errors that belong to no single field.
class MessageBanner : public QFrame {
    Q_OBJECT

public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    QString message() const;

private:
    QLabel *m_text;
};

} // namespace saferhomes
