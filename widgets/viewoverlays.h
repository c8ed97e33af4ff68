#pragma once
// What the micrograph view draws over the image with QPainter: the scale bar, the selection with its
// size, the split comparison's line and labels, and a tiled run's progress. Plain functions of a
// painter and the view's transform, so each can be drawn, and tested, on a QImage.

#include "viewtransform.h"

#include <QColor>
#include <QList>
#include <QPainter>
#include <QPolygonF>
#include <QLineF>
#include <QRect>
#include <QString>

/// Bold text with a dark outline, readable over any part of a micrograph.
void drawOutlinedText(QPainter& painter, const QPointF& baseline, const QString& text, const QColor& colour);

/// The scale bar's length in Å: the longest 1, 2 or 5 × 10ⁿ Å that fits in a sixth of a view
/// `viewWidth` logical pixels wide at `angstromPerViewPixel`.
double scaleBarLength(double angstromPerViewPixel, double viewWidth);

/// The scale bar of `angstrom` at the bottom left of a view of `viewSize`, labelled in Å or nm.
void drawScaleBar(QPainter& painter, const QSizeF& viewSize, double angstrom, double angstromPerViewPixel);

/// The selection's dashed outline and its size in pixels (and in Å when the pixel size is known).
void drawSelection(QPainter& painter, const ViewTransform& transform, const QRect& selection, double pixelSize);

/// Where the split line's labels go (their baselines): the left label ending `gap` before the line
/// at `x`, the right one starting `gap` after it, both kept inside a view `viewWidth` wide; the right
/// one moves a line down when keeping them inside would make them meet.
struct SplitLabelPlaces {
    QPointF left;
    QPointF right;
};
SplitLabelPlaces splitLabelPlaces(double x, double viewWidth, double leftWidth, double rightWidth, double lineHeight);

/// The split comparison's line at view x `x`, with the left and right images' labels beside it.
void drawSplitLine(QPainter& painter, double x, const QSizeF& viewSize, const QString& leftLabel, const QString& rightLabel);

/// A measured distance from `line.p1()` to `line.p2()` (view coordinates), haloed like the selection,
/// with end ticks and `label` at its middle.
void drawRuler(QPainter& painter, const QLineF& line, const QString& label);

/// A circle of `radius` view pixels around `centre`, haloed, with `label` above it.
void drawParticleCircle(QPainter& painter, const QPointF& centre, double radius, const QString& label);

/// Curves in image coordinates (e.g. a CTF fit's zero rings on a power spectrum), thin and haloed so
/// the rings under them stay visible.
void drawImageCurves(QPainter& painter, const ViewTransform& transform, const QList<QPolygonF>& curves, const QColor& colour);

/// A tiled run's tiles (image pixels): the first `done` washed as finished, the latest outlined thicker.
void drawTileProgress(QPainter& painter, const ViewTransform& transform, const QList<QRectF>& tiles, int done,
                      const QString& caption);
