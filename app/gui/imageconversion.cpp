#include "imageconversion.h"

#include <cstring>

FloatImage sharedView(const std::shared_ptr<const cryosr::Image>& image)
{
    if (!image)
        return {};
    return {QSize(image->width(), image->height()), std::shared_ptr<const float>(image, image->data())};
}

cryosr::Image crop(const cryosr::Image& image, const cryosr::Region& region)
{
    cryosr::Image out(region.width, region.height);
    for (int y = 0; y < region.height; ++y)
        std::memcpy(out.row(y), image.row(region.y + y) + region.x, sizeof(float) * std::size_t(region.width));
    out.pixelSize = image.pixelSize;
    out.provenance = image.provenance;
    out.provenance.region = {image.provenance.region.x + region.x, image.provenance.region.y + region.y, region.width,
                             region.height};
    return out;
}
