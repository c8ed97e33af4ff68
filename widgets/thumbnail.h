#pragma once
// Small 8-bit renderings of float images, for lists of open micrographs.

#include "contrast.h"
#include "floatimage.h"

#include <QImage>

/// The image shrunk by box averaging to fit `side` × `side` (aspect kept, never enlarged), mapped
/// to grey through `limits`. Non-finite samples count as black.
QImage renderThumbnail(const FloatImage& image, const ContrastLimits& limits, int side);
