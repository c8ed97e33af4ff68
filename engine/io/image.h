#pragma once
// The image type the whole program passes around: one 2D section as float32 samples plus where it
// came from. Stacks and volumes are read one section (or one region of one) at a time.

#include "io/sampletype.h"

#include <cstddef>
#include <optional>
#include <string>
#include <memory>

namespace cryosr {

/// Pixel spacing in Ångström per axis; an axis is empty when the file records no physical size.
struct PixelSize {
    std::optional<double> x;
    std::optional<double> y;
    std::optional<double> z;

    bool operator==(const PixelSize&) const = default;
    /// The in-plane pixel size after upscaling by `scale` (x and y divided, z kept).
    PixelSize upscaled(int scale) const
    {
        return {x ? std::optional<double>(*x / scale) : std::nullopt, y ? std::optional<double>(*y / scale) : std::nullopt, z};
    }
    /// After binning by `scale` (x and y multiplied, z kept).
    PixelSize binned(int scale) const
    {
        return {x ? std::optional<double>(*x * scale) : std::nullopt, y ? std::optional<double>(*y * scale) : std::nullopt, z};
    }
    /// Headers often hold 1 Å (the MRC writers' default) or 0 when nobody set the pixel size: such a
    /// value, like a missing one, says nothing about the specimen.
    bool isPlaceholder() const { return !x || *x <= 0 || (*x == 1.0 && y.value_or(1.0) == 1.0); }
};

/// A rectangle in the file's own pixel indices: x = column, y = stored row.
struct Region {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool operator==(const Region&) const = default;
};

/// Where an image's pixels came from, so results can say what they were made of.
struct Provenance {
    std::string file; ///< path as given by the user
    int section = 0; ///< section index in the file, 0-based, stored order
    Region region; ///< the part of the section that was read
    SampleType storedType = SampleType::Float32; ///< the file's own sample type
};

/**
 * A single-channel float32 image, row-major: pixel (x, y) is at data[y * width + x].
 * It owns its samples; copying copies them. The pixel size is the file's, per axis.
 */
class Image {
public:
    Image() = default;
    /// Allocates width × height zero samples; throws ArgumentError for non-positive sizes.
    Image(int width, int height);
    /// Allocates without zeroing, for readers that fill every sample at once (zeroing a 377 MB frame
    /// first would cost a third of the read).
    static Image uninitialized(int width, int height);

    Image(const Image& other);
    Image& operator=(const Image& other);
    Image(Image&&) noexcept = default;
    Image& operator=(Image&&) noexcept = default;

    int width() const { return m_width; }
    int height() const { return m_height; }
    std::size_t pixelCount() const { return static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height); }
    bool isEmpty() const { return !m_data; }

    float* data() { return m_data.get(); }
    const float* data() const { return m_data.get(); }
    float* row(int y) { return m_data.get() + static_cast<std::size_t>(y) * m_width; }
    const float* row(int y) const { return m_data.get() + static_cast<std::size_t>(y) * m_width; }
    float at(int x, int y) const { return row(y)[x]; }
    float& at(int x, int y) { return row(y)[x]; }

    PixelSize pixelSize;
    Provenance provenance;

private:
    struct Uninitialized {};
    Image(int width, int height, Uninitialized);

    int m_width = 0;
    int m_height = 0;
    std::unique_ptr<float[]> m_data;
};

} // namespace cryosr
