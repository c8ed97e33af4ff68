#pragma once
// Regions snapped to the sizes a model needs (plain geometry, no widgets).

#include <QRect>
#include <QSize>

/// The smallest input side step whose upscaled side is a multiple of the network's `outputMultiple`
/// (e.g. a 4-level UNet needs multiples of 8 at the output: 4-pixel steps for a 2× model).
int inputMultiple(int outputMultiple, int scale);

/**
 * `region` with its sides rounded to the nearest multiple of `multiple` (at least one), kept inside an
 * image of `bounds`: the top-left corner stays unless the region would leave the image, then it moves
 * in. Sides never exceed the largest multiple that fits. Empty when the image is smaller than one
 * multiple or `region` is empty.
 */
QRect snapRegion(const QRect& region, int multiple, const QSize& bounds);
