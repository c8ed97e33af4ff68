#include "imageview.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

ImageView::ImageView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAutoFillBackground(false);
    setMinimumSize(200, 200);
}

void ImageView::setImage(const FloatImage& image)
{
    m_image = image;
    m_contrast = percentileLimits(image);
    render();
}

void ImageView::setContrast(const ContrastLimits& limits)
{
    m_contrast = limits;
    render();
}

void ImageView::render()
{
    if (m_image.isNull()) {
        m_rendered = QImage();
        update();
        return;
    }
    const int w = m_image.size.width(), h = m_image.size.height();
    m_rendered = QImage(w, h, QImage::Format_Grayscale8);
    const float scale = 255.0f / (m_contrast.high - m_contrast.low);
    for (int y = 0; y < h; ++y) {
        uchar* line = m_rendered.scanLine(y);
        const float* row = m_image.samples.constData() + qsizetype(y) * w;
        for (int x = 0; x < w; ++x) {
            const float v = (row[x] - m_contrast.low) * scale;
            line[x] = std::isfinite(v) ? static_cast<uchar>(std::clamp(v, 0.0f, 255.0f)) : 0;
        }
    }
    update();
}

QRectF ImageView::targetRect() const
{
    if (m_image.isNull())
        return {};
    QSizeF fitted = QSizeF(m_image.size).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QPoint ImageView::imagePixelAt(const QPointF& pos) const
{
    const QRectF target = targetRect();
    if (target.isEmpty() || !target.contains(pos))
        return {-1, -1};
    const int x = static_cast<int>((pos.x() - target.left()) / target.width() * m_image.size.width());
    const int y = static_cast<int>((pos.y() - target.top()) / target.height() * m_image.size.height());
    return {std::min(x, m_image.size.width() - 1), std::min(y, m_image.size.height() - 1)};
}

void ImageView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(32, 32, 32));
    if (m_rendered.isNull())
        return;
    // Smooth scaling when shrinking avoids the aliasing of nearest-neighbour decimation.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, targetRect().width() < m_image.size.width());
    painter.drawImage(targetRect(), m_rendered);
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pixel = imagePixelAt(event->position());
    if (pixel.x() < 0)
        Q_EMIT hoverLeft();
    else
        Q_EMIT pixelHovered(pixel, m_image.at(pixel.x(), pixel.y()));
}

void ImageView::leaveEvent(QEvent*)
{
    Q_EMIT hoverLeft();
}
