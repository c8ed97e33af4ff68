#pragma once
// Small 8-bit renderings of float images, for lists of open micrographs.

#include "contrast.h"
#include "floatimage.h"

#include <QImage>

/// The image shrunk by box averaging to fit `side` × `side` (aspect kept, never enlarged), mapped
/// to grey through `limits`. Non-finite samples count as black. Boxes wider than 8 pixels average an
/// even 8 × 8 grid of their samples.
QImage renderThumbnail(const FloatImage& image, const ContrastLimits& limits, int side);
