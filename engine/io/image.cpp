#include "io/image.h"

#include "io/errors.h"

#include <algorithm>

namespace cryosr {

Image::Image(int width, int height, Uninitialized)
    : m_width(width)
    , m_height(height)
{
    if (width <= 0 || height <= 0)
        throw ArgumentError("image size must be positive, got " + std::to_string(width) + " x "
                            + std::to_string(height));
    m_data = std::make_unique_for_overwrite<float[]>(pixelCount());
}

Image::Image(int width, int height)
    : Image(width, height, Uninitialized{})
{
    std::fill_n(m_data.get(), pixelCount(), 0.0f);
}

Image Image::uninitialized(int width, int height)
{
    return Image(width, height, Uninitialized{});
}

Image::Image(const Image& other)
    : pixelSize(other.pixelSize)
    , provenance(other.provenance)
    , m_width(other.m_width)
    , m_height(other.m_height)
{
    if (other.m_data) {
        m_data = std::make_unique_for_overwrite<float[]>(pixelCount());
        std::copy_n(other.m_data.get(), pixelCount(), m_data.get());
    }
}

Image& Image::operator=(const Image& other)
{
    if (this != &other)
        *this = Image(other);
    return *this;
}

} // namespace cryosr
