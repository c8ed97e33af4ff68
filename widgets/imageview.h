#pragma once
// A plain view of a float image: scaled to fit, aspect kept, grey levels from a contrast window.
// (The OpenGL micrograph view with zoom, pan and tiles replaces it as the viewer grows.)

#include "contrast.h"
#include "floatimage.h"

#include <QImage>
#include <QWidget>

/**
 * Shows a FloatImage fitted into the widget. Contrast changes re-map the cached 8-bit rendering only
 * for display; the float samples are never modified. Emits the image pixel under the mouse.
 */
class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const FloatImage& image);
    const FloatImage& image() const { return m_image; }
    void setContrast(const ContrastLimits& limits);
    ContrastLimits contrast() const { return m_contrast; }

    /// The image pixel under widget position `pos`, or (-1, -1) outside the image.
    QPoint imagePixelAt(const QPointF& pos) const;
    QSize sizeHint() const override { return {800, 800}; }

Q_SIGNALS:
    void pixelHovered(const QPoint& pixel, float value);
    void hoverLeft();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF targetRect() const;
    void render();

    FloatImage m_image;
    ContrastLimits m_contrast;
    QImage m_rendered; // 8-bit grey, same size as the image
};
