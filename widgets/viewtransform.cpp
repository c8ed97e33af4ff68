#include "viewtransform.h"

#include <algorithm>
#include <cmath>

void ViewTransform::setImageSize(const QSize& size)
{
    m_image = size;
    fit();
}

void ViewTransform::setViewSize(const QSizeF& size)
{
    // A fitted image stays fitted (the first size a hidden view gets is often not its final one); a zoomed or
    // panned one keeps the image point at the centre where it was, so resizing the window does not jump.
    const QPointF centre = m_view.isEmpty() ? QPointF() : toImage(QPointF(m_view.width() / 2, m_view.height() / 2));
    const bool refit = m_view.isEmpty() || m_fitted;
    m_view = size;
    if (refit)
        fit();
    else
        setScaleAndCentre(m_scale, centre);
}

double ViewTransform::minimumScale() const
{
    if (m_image.isEmpty() || m_view.isEmpty())
        return 1.0 / 1024;
    const double fitted = std::min(m_view.width() / m_image.width(), m_view.height() / m_image.height());
    return std::min(1.0, fitted / 4);
}

void ViewTransform::fit()
{
    if (m_image.isEmpty() || m_view.isEmpty())
        return;
    const double fitted = std::min(m_view.width() / m_image.width(), m_view.height() / m_image.height());
    m_scale = std::clamp(fitted, 1.0 / 1024, kMaximumScale);
    m_offset = QPointF((m_view.width() - m_image.width() * m_scale) / 2, (m_view.height() - m_image.height() * m_scale) / 2);
    m_fitted = true;
}

void ViewTransform::oneToOne()
{
    setScaleAndCentre(1.0, toImage(QPointF(m_view.width() / 2, m_view.height() / 2)));
}

void ViewTransform::setScaleAndCentre(double scale, const QPointF& imageCentre)
{
    m_scale = std::clamp(scale, minimumScale(), kMaximumScale);
    m_offset = QPointF(m_view.width() / 2, m_view.height() / 2) - imageCentre * m_scale;
    m_fitted = false;
    constrain();
}

void ViewTransform::zoomAt(const QPointF& anchor, double factor)
{
    if (!(factor > 0))
        return;
    const QPointF fixed = toImage(anchor);
    m_scale = std::clamp(m_scale * factor, minimumScale(), kMaximumScale);
    m_offset = anchor - fixed * m_scale;
    m_fitted = false;
    constrain();
}

void ViewTransform::pan(const QPointF& delta)
{
    m_offset += delta;
    m_fitted = false;
    constrain();
}

void ViewTransform::constrain()
{
    // The image may move until only a quarter of the view (per axis) still shows it.
    auto limit = [](double offset, double extent, double view) {
        const double keep = std::min(extent, view / 4);
        return std::clamp(offset, keep - extent, view - keep);
    };
    m_offset.setX(limit(m_offset.x(), m_image.width() * m_scale, m_view.width()));
    m_offset.setY(limit(m_offset.y(), m_image.height() * m_scale, m_view.height()));
}

QPointF ViewTransform::toImage(const QPointF& widget) const
{
    return (widget - m_offset) / m_scale;
}

QPointF ViewTransform::toWidget(const QPointF& image) const
{
    return image * m_scale + m_offset;
}

QPoint ViewTransform::pixelAt(const QPointF& widget) const
{
    const QPointF p = toImage(widget);
    const int x = static_cast<int>(std::floor(p.x())), y = static_cast<int>(std::floor(p.y()));
    if (x < 0 || y < 0 || x >= m_image.width() || y >= m_image.height())
        return {-1, -1};
    return {x, y};
}

QRectF ViewTransform::visibleImageRect() const
{
    if (m_image.isEmpty()) // no image yet: QSize() is -1 × -1, which would intersect as a pixel
        return {};
    const QRectF view(toImage(QPointF(0, 0)), toImage(QPointF(m_view.width(), m_view.height())));
    return view.intersected(QRectF(QPointF(0, 0), QSizeF(m_image)));
}
