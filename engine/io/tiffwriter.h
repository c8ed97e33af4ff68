#pragma once
// TIFF writer: one page per section, 8/16/32-bit integers or float32, resolution in pixels per cm.

#include "io/imagewriter.h"

namespace cryosr {

/// Writes uncompressed strips (BigTIFF when the data would pass 4 GB), ResolutionUnit = centimetre
/// with X/YResolution from the pixel size, and a Software tag. Throws UnsupportedError without libtiff.
std::unique_ptr<ImageWriter> createTiffWriter(const std::filesystem::path& target, const WriteSpec& spec);

} // namespace cryosr
