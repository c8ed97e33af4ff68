#include "profileplot.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace {

/// Tick positions at 1, 2 or 5 × 10^n spacing, about `count` of them over [low, high].
std::vector<double> niceTicks(double low, double high, int count)
{
    std::vector<double> ticks;
    if (!(high > low))
        return ticks;
    const double raw = (high - low) / count, decade = std::pow(10.0, std::floor(std::log10(raw)));
    double step = decade;
    for (double m : {2.0, 5.0, 10.0})
        if (step < raw)
            step = m * decade;
    for (double t = std::ceil(low / step) * step; t <= high + 1e-9 * step; t += step)
        ticks.push_back(std::abs(t) < 1e-12 * step ? 0.0 : t);
    return ticks;
}

} // namespace

ProfilePlot::ProfilePlot(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumHeight(120);
}

void ProfilePlot::setProfile(std::vector<double> x, std::vector<double> y, const QString& unit)
{
    m_x = std::move(x);
    m_y = std::move(y);
    m_unit = unit;
    update();
}

QFont fittedFont(const QFont& font, const QString& text, double width)
{
    QFont fitted = font;
    // Text does not shrink exactly in proportion (hinting): step down until it fits.
    while (fitted.pointSizeF() > 6.0 && QFontMetricsF(fitted).horizontalAdvance(text) > width)
        fitted.setPointSizeF(std::max(6.0, fitted.pointSizeF() - 0.5));
    return fitted;
}

QRectF ProfilePlot::plotArea() const
{
    return QRectF(56, 10, std::max(10, width() - 70), std::max(10, height() - 46));
}

void ProfilePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QRectF area = plotArea();
    painter.setPen(palette().text().color());
    painter.drawRect(area);

    std::vector<QPointF> points; // (x, log10 y)
    for (std::size_t i = 0; i < std::min(m_x.size(), m_y.size()); ++i)
        if (m_y[i] > 0 && std::isfinite(m_y[i]))
            points.emplace_back(m_x[i], std::log10(m_y[i]));
    if (points.size() < 2)
        return;
    auto [yMin, yMax] = std::minmax_element(points.begin(), points.end(), [](auto& a, auto& b) { return a.y() < b.y(); });
    const double x0 = 0.0, x1 = points.back().x(), y0 = yMin->y(), y1 = std::max(yMax->y(), y0 + 1e-6);
    auto map = [&](QPointF p) {
        return QPointF(area.left() + (p.x() - x0) / (x1 - x0) * area.width(),
                       area.bottom() - (p.y() - y0) / (y1 - y0) * area.height());
    };

    const QFontMetrics metrics(font());
    for (double t : niceTicks(x0, x1, 6)) {
        const double px = map(QPointF(t, y0)).x();
        painter.drawLine(QPointF(px, area.bottom()), QPointF(px, area.bottom() + 4));
        const QString label = QString::number(t, 'g', 3);
        painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2.0, area.bottom() + 4 + metrics.ascent()), label);
    }
    for (double t : niceTicks(y0, y1, 4)) {
        const double py = map(QPointF(x0, t)).y();
        painter.drawLine(QPointF(area.left() - 4, py), QPointF(area.left(), py));
        const QString label = QString::number(t, 'g', 3);
        painter.drawText(QPointF(area.left() - 6 - metrics.horizontalAdvance(label), py + metrics.ascent() / 2.0), label);
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 4 + metrics.height(), area.width(), metrics.height()), Qt::AlignHCenter,
                     tr("spatial frequency (%1)").arg(m_unit));
    painter.save();
    painter.translate(12, area.center().y());
    painter.rotate(-90);
    const QString yLabel = tr("log₁₀ power");
    painter.setFont(fittedFont(font(), yLabel, area.height() + 16));
    painter.drawText(QRectF(-area.height() / 2 - 8, -metrics.ascent(), area.height() + 16, metrics.height()), Qt::AlignHCenter,
                     yLabel);
    painter.restore();

    QPainterPath curve(map(points.front()));
    for (const QPointF& p : points)
        curve.lineTo(map(p));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(40, 110, 230), 1.5));
    painter.drawPath(curve);

    if (m_hoverX >= area.left() && m_hoverX <= area.right()) {
        const double f = x0 + (m_hoverX - area.left()) / area.width() * (x1 - x0);
        painter.setPen(QPen(palette().text().color(), 1, Qt::DashLine));
        painter.drawLine(QPointF(m_hoverX, area.top()), QPointF(m_hoverX, area.bottom()));
        const QString unitOfLength = m_unit.mid(2); // "1/Å" → "Å"
        const QString text = f > 0 ? tr("%1 %2  (%3 %4)").arg(f, 0, 'g', 3).arg(m_unit).arg(1.0 / f, 0, 'f', 1).arg(unitOfLength)
                                   : tr("0 %1").arg(m_unit);
        painter.drawText(QPointF(area.right() - metrics.horizontalAdvance(text) - 6, area.top() + metrics.ascent() + 4), text);
    }
}

void ProfilePlot::mouseMoveEvent(QMouseEvent* event)
{
    m_hoverX = event->position().x();
    update();
}

void ProfilePlot::leaveEvent(QEvent*)
{
    m_hoverX = -1.0;
    update();
}
