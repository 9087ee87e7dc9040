#pragma once

#include <QByteArray>
#include <QPainterPath>
#include <QWidget>

namespace saferhomes {

/// Takes a signature with a pen, a finger or the mouse, and renders it to PNG bytes for the
/// model to store (the model never renders).
class SignaturePad : public QWidget {
    Q_OBJECT

public:
    explicit SignaturePad(QWidget *parent = nullptr);

    bool isEmpty() const { return m_strokes == 0; }
    int strokeCount() const { return m_strokes; }
    QPainterPath path() const { return m_path; }
    /// The signature drawn black on white at the pad's size, as PNG bytes; empty when
    /// nothing has been drawn.
    QByteArray toPng() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void clear();

signals:
    /// A stroke was finished or the pad was cleared.
    void changed();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;

private:
    void beginStroke(const QPointF &at);
    void continueStroke(const QPointF &at);
    void endStroke();
    void drawSignature(QPainter &painter, const QColor &ink) const;

    QPainterPath m_path;
    int m_strokes = 0;
    bool m_drawing = false;
};

} // namespace saferhomes
