#include "viewoverlays.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <utility>

void drawOutlinedText(QPainter& painter, const QPointF& baseline, const QString& text, const QColor& colour)
{
    QFont font = painter.font();
    font.setBold(true);
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.strokePath(path, QPen(Qt::black, 3));
    painter.fillPath(path, colour);
}

double scaleBarLength(double angstromPerViewPixel, double viewWidth)
{
    const double target = viewWidth / 6.0 * angstromPerViewPixel;
    const double decade = std::pow(10.0, std::floor(std::log10(target)));
    double length = decade;
    for (double step : {2.0, 5.0})
        if (step * decade <= target)
            length = step * decade;
    return length;
}

void drawScaleBar(QPainter& painter, const QSizeF& viewSize, double angstrom, double angstromPerViewPixel)
{
    const QString label = angstrom >= 100 ? QStringLiteral("%1 nm").arg(angstrom / 10) : QStringLiteral("%1 Å").arg(angstrom);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(16, viewSize.height() - 24, angstrom / angstromPerViewPixel, 6);
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(Qt::white);
    painter.drawRect(bar);
    drawOutlinedText(painter, QPointF(bar.left(), bar.top() - 6), label, Qt::white);
}

void drawSelection(QPainter& painter, const ViewTransform& transform, const QRect& selection, double pixelSize)
{
    const QRectF frame(transform.toWidget(QPointF(selection.topLeft())),
                       transform.toWidget(QPointF(selection.left() + selection.width(), selection.top() + selection.height())));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 170), 3.5)); // a dark halo: the dashes show on light stain as on dark ice
    painter.drawRect(frame);
    painter.setPen(QPen(QColor(255, 210, 0), 1.5, Qt::DashLine));
    painter.drawRect(frame);
    QString label = QStringLiteral("%1 × %2 px").arg(selection.width()).arg(selection.height());
    if (pixelSize > 0)
        label += QStringLiteral("  %1 × %2 Å")
                     .arg(selection.width() * pixelSize, 0, 'f', 0)
                     .arg(selection.height() * pixelSize, 0, 'f', 0);
    drawOutlinedText(painter, frame.topLeft() + QPointF(2, -5), label, QColor(255, 210, 0));
}

SplitLabelPlaces splitLabelPlaces(double x, double viewWidth, double leftWidth, double rightWidth, double lineHeight)
{
    constexpr double gap = 6.0, margin = 4.0, top = 18.0;
    const double leftStart = std::max(margin, x - gap - leftWidth);
    const double rightStart = std::min(x + gap, viewWidth - margin - rightWidth);
    const bool meet = rightStart < leftStart + leftWidth + gap;
    return {QPointF(leftStart, top), QPointF(std::max(margin, rightStart), meet ? top + lineHeight : top)};
}

void drawSplitLine(QPainter& painter, double x, const QSizeF& viewSize, const QString& leftLabel, const QString& rightLabel)
{
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1.5));
    painter.drawLine(QPointF(x, 0), QPointF(x, viewSize.height()));
    QFont bold = painter.font(); // as drawOutlinedText draws
    bold.setBold(true);
    const QFontMetricsF metrics(bold);
    const SplitLabelPlaces places = splitLabelPlaces(x, viewSize.width(), metrics.horizontalAdvance(leftLabel),
                                                     metrics.horizontalAdvance(rightLabel), metrics.lineSpacing());
    drawOutlinedText(painter, places.left, leftLabel, Qt::white);
    drawOutlinedText(painter, places.right, rightLabel, Qt::white);
}

void drawRuler(QPainter& painter, const QLineF& line, const QString& label)
{
    const QColor colour(80, 255, 120);
    const QLineF normal = line.length() > 0 ? line.normalVector().unitVector() : QLineF(line.p1(), line.p1() + QPointF(0, 1));
    const QPointF tick = (normal.p2() - normal.p1()) * 6;
    painter.setRenderHint(QPainter::Antialiasing);
    for (const auto& [pen, width] : {std::pair{QColor(0, 0, 0, 170), 4.0}, std::pair{colour, 1.5}}) {
        painter.setPen(QPen(pen, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(line);
        for (const QPointF& end : {line.p1(), line.p2()})
            painter.drawLine(end - tick, end + tick);
    }
    drawOutlinedText(painter, line.center() + QPointF(8, -8), label, colour);
}

void drawParticleCircle(QPainter& painter, const QPointF& centre, double radius, const QString& label)
{
    const QColor colour(255, 120, 255);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    for (const auto& [pen, width] : {std::pair{QColor(0, 0, 0, 170), 3.5}, std::pair{colour, 1.5}}) {
        painter.setPen(QPen(pen, width));
        painter.drawEllipse(centre, radius, radius);
    }
    drawOutlinedText(painter, centre + QPointF(-radius, -radius - 6), label, colour);
}

void drawImageCurves(QPainter& painter, const ViewTransform& transform, const QList<QPolygonF>& curves, const QColor& colour)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    for (const QPolygonF& curve : curves) {
        QPolygonF shown;
        shown.reserve(curve.size());
        for (const QPointF& p : curve)
            shown << transform.toWidget(p);
        for (const auto& [pen, width] : {std::pair{QColor(0, 0, 0, 140), 2.5}, std::pair{colour, 1.0}}) {
            painter.setPen(QPen(pen, width));
            painter.drawPolyline(shown);
        }
    }
}

void drawTileProgress(QPainter& painter, const ViewTransform& transform, const QList<QRectF>& tiles, int done,
                      const QString& caption)
{
    const QColor finished(60, 200, 255);
    for (int i = 0; i < tiles.size(); ++i) {
        const QRectF frame(transform.toWidget(tiles[i].topLeft()), transform.toWidget(tiles[i].bottomRight()));
        // Overlapping tiles: a light wash for the finished ones, so overlaps read darker, not opaque.
        painter.fillRect(frame, i < done ? QColor(60, 200, 255, 45) : QColor(0, 0, 0, 0));
        painter.setPen(QPen(i < done ? finished : QColor(255, 255, 255, 110), i == done - 1 ? 2.5 : 1.0));
        painter.drawRect(frame);
    }
    if (!caption.isEmpty())
        drawOutlinedText(painter, QPointF(12, 22), caption, finished);
}
