#include "io/image.h"

#include "io/errors.h"

namespace cryosr {

Image::Image(int width, int height)
    : m_width(width)
    , m_height(height)
{
    if (width <= 0 || height <= 0)
        throw ArgumentError("image size must be positive, got " + std::to_string(width) + " x "
                            + std::to_string(height));
    m_data.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0.0f);
}

} // namespace cryosr
