#pragma once
// TIFF reading through libtiff: every compression and predictor libtiff decodes, strips and tiles,
// BigTIFF, multi-page files (pages are sections), 1-32-bit integer and 16/32-bit float samples.

#include "io/imagereader.h"

#include <filesystem>
#include <memory>

namespace cryosr {

/// Opens a TIFF file; throws FileError/FormatError/UnsupportedError with a message naming the file.
/// In a build without libtiff it throws UnsupportedError saying so.
std::unique_ptr<ImageReader> openTiffFile(const std::filesystem::path& file);

/// Whether this build reads and writes TIFF (libtiff was found at configure time).
bool tiffSupported();

} // namespace cryosr
