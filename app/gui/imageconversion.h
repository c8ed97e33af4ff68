#pragma once
// Engine images as the widgets see them, and the crops both controllers take.

#include "floatimage.h"
#include "io/image.h"

#include <memory>

/// The image's samples shared with the widgets without a copy (the image lives while they are shown).
FloatImage sharedView(const std::shared_ptr<const cryosr::Image>& image);

/// The pixels of `region` (inside `image`), with the pixel size and provenance (region in the file's coordinates).
cryosr::Image crop(const cryosr::Image& image, const cryosr::Region& region);
