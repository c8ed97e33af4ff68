#pragma once
// Reading micrographs, stacks and volumes section by section, whatever the file format.

#include "io/fileinfo.h"
#include "io/image.h"

#include <filesystem>
#include <memory>

namespace cryosr {

/**
 * An open image file. The header is read and checked against the file's size when the reader is
 * made, so a reader that exists can deliver every section; samples are read only when asked for.
 * Not thread-safe: use one reader per thread.
 */
class ImageReader {
public:
    virtual ~ImageReader() = default;

    const FileInfo& info() const { return m_info; }

    /// The whole section `section` (0-based, stored order). Throws ArgumentError when out of range.
    Image readSection(int section);
    /// Only `region` of the section, without reading the rest of the file.
    Image readRegion(int section, const Region& region);

protected:
    /// Decodes `region` of `section` into `out` (region.width × region.height floats, row-major).
    /// Arguments are already checked.
    virtual void readInto(int section, const Region& region, float* out) = 0;

    FileInfo m_info;
};

/// Opens an MRC or TIFF file, recognised by its content (not its name). Throws FileError when the file
/// cannot be opened, FormatError when it is neither format or is damaged, UnsupportedError otherwise.
std::unique_ptr<ImageReader> openImageFile(const std::filesystem::path& file);

} // namespace cryosr
