#pragma once
// Zoom and pan as plain arithmetic, so the view's behaviour is testable without OpenGL or events.

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>

/**
 * Maps image coordinates to widget coordinates: widget = image × scale + offset. Image pixel (x, y)
 * covers [x, x + 1) × [y, y + 1), row 0 at the top. Scale is in widget pixels per image pixel and is
 * kept within [minimumScale(), kMaximumScale]; panning keeps part of the image in view.
 * Used by MicrographView; owns nothing.
 */
class ViewTransform {
public:
    static constexpr double kMaximumScale = 64.0;

    void setImageSize(const QSize& size);
    /// A new view size refits a fitted image and otherwise keeps the image point at the centre.
    void setViewSize(const QSizeF& size);
    QSize imageSize() const { return m_image; }
    QSizeF viewSize() const { return m_view; }

    double scale() const { return m_scale; }
    QPointF offset() const { return m_offset; }

    /// The whole image centred in the view, enlarged when smaller than it. It stays fitted when the view
    /// is resized until it is zoomed or panned.
    void fit();
    bool isFitted() const { return m_fitted; }
    /// One image pixel per widget pixel, keeping the image point at the view's centre.
    void oneToOne();
    /// Multiplies the scale by `factor` keeping the image point under `anchor` (widget coordinates) fixed.
    void zoomAt(const QPointF& anchor, double factor);
    /// Moves the image by `delta` widget pixels.
    void pan(const QPointF& delta);
    /// Sets scale and the image point shown at the view's centre.
    void setScaleAndCentre(double scale, const QPointF& imageCentre);

    QPointF toImage(const QPointF& widget) const;
    QPointF toWidget(const QPointF& image) const;
    /// The image point at the middle of the view (may lie outside the image when zoomed out).
    QPointF centre() const { return toImage(QPointF(m_view.width() / 2, m_view.height() / 2)); }
    /// The pixel under a widget position, or (-1, -1) outside the image.
    QPoint pixelAt(const QPointF& widget) const;
    /// The part of the image inside the view, in image coordinates (empty when nothing is visible).
    QRectF visibleImageRect() const;
    /// The smallest scale allowed: a quarter of the fitted scale, and at most 1.
    double minimumScale() const;

private:
    /// Keeps at least a quarter of the view (or the whole image when smaller) covered.
    void constrain();

    QSize m_image;
    QSizeF m_view;
    double m_scale = 1.0;
    QPointF m_offset;
    bool m_fitted = false;
};
