#include "histogramwidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace {
constexpr double kGripDistance = 6.0; // pixels within which a press takes a limit line
}

HistogramWidget::HistogramWidget(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(160, 80);
    setMouseTracking(true);
    setToolTip(tr("Drag a line to move that limit, or between them to move the window"));
}

void HistogramWidget::setHistogram(const Histogram& histogram)
{
    m_histogram = histogram;
    update();
}

void HistogramWidget::setLimits(const ContrastLimits& limits)
{
    m_limits = limits;
    update();
}

double HistogramWidget::xOf(float value) const
{
    const double span = double(m_histogram.high) - m_histogram.low;
    return span > 0 ? (value - double(m_histogram.low)) / span * width() : 0.0;
}

float HistogramWidget::valueAt(double x) const
{
    return float(m_histogram.low + x / std::max(1, width()) * (double(m_histogram.high) - m_histogram.low));
}

void HistogramWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const auto& counts = m_histogram.counts;
    if (!counts.empty()) {
        const double top = std::log1p(*std::max_element(counts.begin(), counts.end()));
        const double barWidth = double(width()) / counts.size();
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().text().color());
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const double h = top > 0 ? std::log1p(counts[i]) / top * (height() - 2) : 0;
            painter.drawRect(QRectF(i * barWidth, height() - h, barWidth, h));
        }
    }
    const double low = xOf(m_limits.low), high = xOf(m_limits.high);
    painter.fillRect(QRectF(low, 0, high - low, height()), QColor(60, 140, 255, 50));
    painter.setPen(QPen(QColor(40, 110, 230), 2));
    painter.drawLine(QPointF(low, 0), QPointF(low, height()));
    painter.setPen(QPen(QColor(230, 80, 40), 2));
    painter.drawLine(QPointF(high, 0), QPointF(high, height()));
}

HistogramWidget::Grip HistogramWidget::gripAt(double x) const
{
    const double low = xOf(m_limits.low), high = xOf(m_limits.high);
    const double toLow = std::abs(x - low), toHigh = std::abs(x - high);
    if (std::min(toLow, toHigh) <= kGripDistance)
        return toLow <= toHigh ? Grip::Low : Grip::High;
    return x > low && x < high ? Grip::Window : Grip::None;
}

void HistogramWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_grip = gripAt(event->position().x());
    m_lastX = event->position().x();
}

void HistogramWidget::mouseMoveEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    if (m_grip == Grip::None) {
        const Grip hover = gripAt(x);
        setCursor(hover == Grip::Low || hover == Grip::High ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    ContrastLimits limits = m_limits;
    const float minimumWidth = 1e-6f * std::max(1.0f, std::abs(m_histogram.high - m_histogram.low));
    if (m_grip == Grip::Low)
        limits.low = std::min(valueAt(x), limits.high - minimumWidth);
    else if (m_grip == Grip::High)
        limits.high = std::max(valueAt(x), limits.low + minimumWidth);
    else {
        const float shift = valueAt(x) - valueAt(m_lastX);
        limits.low += shift;
        limits.high += shift;
    }
    m_lastX = x;
    m_limits = limits;
    update();
    Q_EMIT limitsEdited(limits);
}

void HistogramWidget::mouseReleaseEvent(QMouseEvent*)
{
    m_grip = Grip::None;
}
