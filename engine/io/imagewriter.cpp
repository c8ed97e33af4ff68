#include "io/imagewriter.h"

#include "io/atomicfile.h"
#include "io/errors.h"
#include "io/mrcwriter.h"
#include "io/samplecodec.h"
#include "io/tiffreader.h"
#include "io/tiffwriter.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace cryosr {

ImageWriter::ImageWriter(const std::filesystem::path& target, const WriteSpec& spec)
    : m_spec(spec)
{
    if (spec.width <= 0 || spec.height <= 0)
        throw ArgumentError(target.string() + ": cannot write an image of " + std::to_string(spec.width) + " x "
                            + std::to_string(spec.height) + " pixels");
    m_file = std::make_unique<AtomicFile>(target);
}

ImageWriter::~ImageWriter() = default;

void ImageWriter::writeSection(const Image& image)
{
    if (image.width() != m_spec.width || image.height() != m_spec.height)
        throw ArgumentError(m_file->target().string() + ": section of " + std::to_string(image.width()) + " x "
                            + std::to_string(image.height()) + " does not match the file's " + std::to_string(m_spec.width)
                            + " x " + std::to_string(m_spec.height));
    const std::size_t width = static_cast<std::size_t>(m_spec.width);
    const int chunkRows = std::max(1, rowsPerChunk());
    const std::size_t sampleBytes = static_cast<std::size_t>(sampleTypeBytes(m_spec.type));
    std::vector<unsigned char> encoded(static_cast<std::size_t>(chunkRows) * width * sampleBytes);
    // Statistics describe what the file stores, so integer and float16 chunks are decoded back.
    const bool decodeBack = needsStatistics() && m_spec.type != SampleType::Float32;
    std::vector<float> stored(decodeBack ? static_cast<std::size_t>(chunkRows) * width : 0);

    beginSection();
    for (int y = 0; y < m_spec.height; y += chunkRows) {
        const int rows = std::min(chunkRows, m_spec.height - y);
        const std::size_t count = static_cast<std::size_t>(rows) * width;
        m_clipped += encodeSamples(image.row(y), count, m_spec.type, encoded.data());
        if (decodeBack) {
            decodeSamples(encoded.data(), m_spec.type, false, count, stored.data());
            m_statistics.add(stored.data(), count);
        } else if (needsStatistics()) {
            m_statistics.add(image.row(y), count);
        }
        appendRows(encoded.data(), count * sampleBytes, y, rows);
    }
    endSection();
    ++m_sections;
}

bool canStore(FileFormat format, SampleType type)
{
    if (format == FileFormat::Mrc)
        return type == SampleType::Int8 || type == SampleType::Int16 || type == SampleType::UInt16 || type == SampleType::Float16
            || type == SampleType::Float32;
    return type != SampleType::Float16;
}

SampleType losslessStorageType(FileFormat format, SampleType type)
{
    if (canStore(format, type))
        return type;
    switch (type) {
    case SampleType::UInt8:
        return SampleType::UInt16; // MRC has no unsigned byte mode
    case SampleType::Float16:
        return SampleType::Float32;
    default:
        return SampleType::Float32; // 32-bit integers: already float32 in memory
    }
}

std::optional<FileFormat> formatFromExtension(const std::filesystem::path& file)
{
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".mrc" || ext == ".mrcs" || ext == ".map" || ext == ".st" || ext == ".ali" || ext == ".rec")
        return FileFormat::Mrc;
    if (ext == ".tif" || ext == ".tiff")
        return FileFormat::Tiff;
    return std::nullopt;
}

std::unique_ptr<ImageWriter> createImageWriter(const std::filesystem::path& target, FileFormat format, const WriteSpec& spec)
{
    if (!canStore(format, spec.type))
        throw ArgumentError(target.string() + ": " + std::string(fileFormatName(format)) + " cannot store "
                            + std::string(sampleTypeName(spec.type)) + " samples");
    if (format == FileFormat::Mrc)
        return std::make_unique<MrcWriter>(target, spec);
    if (!tiffSupported())
        throw UnsupportedError(target, "this build of CryoSR has no TIFF support (libtiff was not found)");
    return createTiffWriter(target, spec);
}

} // namespace cryosr
