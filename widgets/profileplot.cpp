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

void ProfilePlot::setProfile(std::vector<double> x, std::vector<double> y, const QString& unit, Scale scale,
                             const QString& yLabel)
{
    m_x = std::move(x);
    m_y = std::move(y);
    m_unit = unit;
    m_scale = scale;
    m_yLabel = yLabel;
    m_fit.clear();
    m_fitLimit = 0.0;
    update();
}

void ProfilePlot::setFit(std::vector<double> fit, double limit)
{
    m_fit = std::move(fit);
    m_fitLimit = limit;
    update();
}

QString ProfilePlot::yLabel() const
{
    return m_yLabel.isEmpty() ? tr("log₁₀ power") : m_yLabel;
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

    std::vector<QPointF> points; // (x, log10 y) or (x, y)
    for (std::size_t i = 0; i < std::min(m_x.size(), m_y.size()); ++i) {
        if (m_scale == Scale::Linear && std::isfinite(m_y[i]))
            points.emplace_back(m_x[i], m_y[i]);
        else if (m_y[i] > 0 && std::isfinite(m_y[i]))
            points.emplace_back(m_x[i], std::log10(m_y[i]));
    }
    if (points.size() < 2)
        return;
    // The range: all points on a log scale; on a linear one (rings less a background) the 1st to 99th
    // percentile, as the lowest frequencies, where the background cannot follow the steep fall, would
    // flatten the rings (the curve is clipped there).
    std::vector<double> ys;
    for (const QPointF& p : points)
        ys.push_back(p.y());
    std::sort(ys.begin(), ys.end());
    const std::size_t cut = m_scale == Scale::Linear ? ys.size() / 100 : 0;
    const double x0 = 0.0, x1 = points.back().x(), y0 = ys[cut], y1 = std::max(ys[ys.size() - 1 - cut], y0 + 1e-6);
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
    const QString yLabel = this->yLabel();
    painter.setFont(fittedFont(font(), yLabel, area.height() + 16));
    painter.drawText(QRectF(-area.height() / 2 - 8, -metrics.ascent(), area.height() + 16, metrics.height()), Qt::AlignHCenter,
                     yLabel);
    painter.restore();

    QPainterPath curve(map(points.front()));
    for (const QPointF& p : points)
        curve.lineTo(map(p));
    painter.save();
    painter.setClipRect(area);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(40, 110, 230), 1.5));
    painter.drawPath(curve);
    drawFit(painter, area, map, y0, y1);
    painter.restore();

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

void ProfilePlot::drawFit(QPainter& painter, const QRectF& area, const std::function<QPointF(QPointF)>& map, double y0,
                          double y1) const
{
    if (m_fit.empty() || m_fitLimit <= 0)
        return;
    const QColor colour(230, 120, 20);
    QPainterPath fit;
    for (std::size_t i = 0; i < std::min(m_fit.size(), m_x.size()) && m_x[i] <= m_fitLimit; ++i) {
        const QPointF p = map(QPointF(m_x[i], y0 + (0.15 + 0.7 * m_fit[i]) * (y1 - y0)));
        if (i == 0)
            fit.moveTo(p);
        else
            fit.lineTo(p);
    }
    painter.setPen(QPen(colour, 1.2));
    painter.drawPath(fit);
    const double x = map(QPointF(m_fitLimit, y0)).x();
    painter.setPen(QPen(colour, 1, Qt::DashLine));
    painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    const QString label = tr("fit to %1 %2").arg(1.0 / m_fitLimit, 0, 'f', 1).arg(m_unit.mid(2));
    const QFontMetricsF metrics(font());
    // Left of the line when it is near the right edge, so the label stays inside.
    const double left = x + 4 + metrics.horizontalAdvance(label) <= area.right() ? x + 4
                                                                                 : x - 4 - metrics.horizontalAdvance(label);
    painter.setPen(colour);
    painter.drawText(QPointF(left, area.bottom() - 6), label);
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
