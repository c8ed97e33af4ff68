#include "io/tiffreader.h"

#include "io/errors.h"

#ifdef CRYOSR_HAVE_TIFF
#include "io/binaryfile.h"
#include "io/samplecodec.h"
#include "io/tiffhandle.h"
#include "io/tiffunits.h"

#include <algorithm>
#include <memory>
#include <tiffio.h>
#include <vector>
#endif

namespace cryosr {

#ifndef CRYOSR_HAVE_TIFF

bool tiffSupported()
{
    return false;
}

std::unique_ptr<ImageReader> openTiffFile(const std::filesystem::path& file)
{
    throw UnsupportedError(file, "this build of CryoSR has no TIFF support (libtiff was not found)");
}

#else

bool tiffSupported()
{
    return true;
}

namespace {

// Decoded pages larger than this must be backed by at least 1/4096 of their size in compressed
// bytes: real micrographs compress far less, and a forged header cannot make us allocate terabytes.
constexpr std::uint64_t kAlwaysAllowedBytes = 512ull << 20;
constexpr std::uint64_t kMaxCompressionRatio = 4096;
constexpr int kMaxPages = 1 << 20;

/// The layout of one page (image file directory).
struct PageLayout {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint16_t bits = 0;
    std::uint16_t format = SAMPLEFORMAT_UINT;
    SampleType type = SampleType::UInt8;
    bool operator==(const PageLayout& o) const
    {
        return width == o.width && height == o.height && bits == o.bits && format == o.format;
    }
};

std::string describe(const PageLayout& layout)
{
    return std::to_string(layout.width) + " x " + std::to_string(layout.height) + " " + std::to_string(layout.bits) + "-bit";
}

/// Unpacks MSB-first packed samples of `bits` bits (1-16, not 8 or 16) from a byte-aligned row.
void decodePackedBits(const unsigned char* row, int bits, int firstPixel, int count, float* dst)
{
    for (int i = 0; i < count; ++i) {
        std::uint64_t bit = static_cast<std::uint64_t>(firstPixel + i) * bits;
        std::uint32_t value = 0;
        for (int b = 0; b < bits; ++b, ++bit)
            value = (value << 1) | ((row[bit / 8] >> (7 - bit % 8)) & 1u);
        dst[i] = static_cast<float>(value);
    }
}

class TiffReader : public ImageReader {
public:
    explicit TiffReader(const std::filesystem::path& file)
        : m_path(file)
        , m_file(file)
        , m_fileSize(m_file.size())
        , m_tiff(file, "r")
    {
        scanPages();
    }

protected:
    void readInto(int section, const Region& region, float* out) override
    {
        TIFF* tif = m_tiff.get();
        m_tiff.clearError();
        if (!TIFFSetDirectory(tif, m_directories[section]))
            throw FormatError(m_path, "cannot read page " + std::to_string(section) + ": " + m_tiff.lastError("bad directory"));
        if (TIFFIsTiled(tif))
            readTiles(section, region, out);
        else
            readStrips(section, region, out);
    }

private:
    PageLayout layoutOfCurrentPage(int page) const
    {
        TIFF* tif = m_tiff.get();
        PageLayout layout;
        std::uint16_t samplesPerPixel = 1, planar = PLANARCONFIG_CONTIG;
        TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &layout.width);
        TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &layout.height);
        TIFFGetFieldDefaulted(tif, TIFFTAG_BITSPERSAMPLE, &layout.bits);
        TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLEFORMAT, &layout.format);
        TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &samplesPerPixel);
        TIFFGetFieldDefaulted(tif, TIFFTAG_PLANARCONFIG, &planar);
        const std::string where = "page " + std::to_string(page) + " ";

        if (layout.width == 0 || layout.height == 0 || layout.width > INT32_MAX || layout.height > INT32_MAX)
            throw FormatError(
                m_path, where + "has invalid dimensions " + std::to_string(layout.width) + " x " + std::to_string(layout.height));
        if (samplesPerPixel != 1)
            throw UnsupportedError(m_path,
                                   where + "has " + std::to_string(samplesPerPixel)
                                       + " samples per pixel (colour); CryoSR reads single-channel images");
        const bool isFloat = layout.format == SAMPLEFORMAT_IEEEFP;
        const bool isSigned = layout.format == SAMPLEFORMAT_INT;
        if (!isFloat && !isSigned && layout.format != SAMPLEFORMAT_UINT && layout.format != SAMPLEFORMAT_VOID)
            throw UnsupportedError(m_path, where + "has complex or unknown sample format " + std::to_string(layout.format));
        if (isFloat && layout.bits == 32)
            layout.type = SampleType::Float32;
        else if (isFloat && layout.bits == 16)
            layout.type = SampleType::Float16;
        else if (isFloat)
            throw UnsupportedError(m_path,
                                   where + "holds " + std::to_string(layout.bits)
                                       + "-bit floating-point samples; CryoSR reads 16- and 32-bit floats");
        else if (layout.bits == 32)
            layout.type = isSigned ? SampleType::Int32 : SampleType::UInt32;
        else if (layout.bits == 16)
            layout.type = isSigned ? SampleType::Int16 : SampleType::UInt16;
        else if (layout.bits == 8)
            layout.type = isSigned ? SampleType::Int8 : SampleType::UInt8;
        else if (layout.bits >= 1 && layout.bits < 16 && !isSigned)
            layout.type = layout.bits < 8 ? SampleType::UInt8 : SampleType::UInt16; // packed, e.g. 12-bit
        else
            throw UnsupportedError(m_path,
                                   where + "holds " + std::to_string(layout.bits) + "-bit " + (isSigned ? "signed " : "")
                                       + "integer samples");
        return layout;
    }

    /// Checks that every strip or tile of the current page lies inside the file and that the page is
    /// not larger than its compressed data can plausibly hold.
    void checkPageData(int page, const PageLayout& layout) const
    {
        TIFF* tif = m_tiff.get();
        const bool tiled = TIFFIsTiled(tif);
        const std::uint32_t chunks = tiled ? TIFFNumberOfTiles(tif) : TIFFNumberOfStrips(tif);
        std::uint64_t* offsets = nullptr;
        std::uint64_t* counts = nullptr;
        TIFFGetField(tif, tiled ? TIFFTAG_TILEOFFSETS : TIFFTAG_STRIPOFFSETS, &offsets);
        TIFFGetField(tif, tiled ? TIFFTAG_TILEBYTECOUNTS : TIFFTAG_STRIPBYTECOUNTS, &counts);
        const std::string where = "page " + std::to_string(page);
        if (chunks == 0 || !offsets || !counts)
            throw FormatError(m_path, where + " has no image data (missing strip or tile offsets)");
        if (tiled)
            checkTileSize(where, layout);
        std::uint64_t stored = 0;
        for (std::uint32_t i = 0; i < chunks; ++i) {
            if (offsets[i] > m_fileSize || counts[i] > m_fileSize - offsets[i])
                throw FormatError(m_path,
                                  "file ends inside " + std::string(tiled ? "tile " : "strip ") + std::to_string(i) + " of "
                                      + where + " (it needs bytes up to " + withThousands(offsets[i] + counts[i])
                                      + ", the file has " + withThousands(m_fileSize) + ")");
            stored += counts[i];
        }
        const std::uint64_t decoded = static_cast<std::uint64_t>(layout.width) * layout.height
            * std::max<std::uint64_t>(1, layout.bits / 8);
        // Strips may share bytes (a forged file repeats one offset; libtiff also fills short offset
        // lists): no page holds more than the whole file. Uncompressed samples are each in the file.
        stored = std::min(stored, m_fileSize);
        std::uint16_t compression = COMPRESSION_NONE;
        TIFFGetFieldDefaulted(tif, TIFFTAG_COMPRESSION, &compression);
        if (compression == COMPRESSION_NONE && decoded > stored)
            throw FormatError(m_path,
                              where + " claims " + std::to_string(layout.width) + " x " + std::to_string(layout.height)
                                  + " uncompressed samples (" + withThousands(decoded) + " bytes), more than its "
                                  + withThousands(stored) + " stored bytes");
        if (decoded > kAlwaysAllowedBytes && decoded / kMaxCompressionRatio > stored)
            throw FormatError(m_path,
                              where + " claims " + std::to_string(layout.width) + " x " + std::to_string(layout.height)
                                  + " samples, more than its " + withThousands(stored) + " stored bytes can hold");
    }

    /// The tile buffer is sized from the tags before anything is read, so a forged tile size would make
    /// the reader reserve gigabytes for a tiny image (found by fuzz_tiffreader: 7.5 GB for 6 x 1 pixels).
    /// A tile needs no more pixels than its page rounded up to the 16-pixel steps the specification
    /// asks of tile sides; writers with one fixed tile size for every image may use up to a megapixel.
    void checkTileSize(const std::string& where, const PageLayout& layout) const
    {
        std::uint32_t tileWidth = 0, tileHeight = 0;
        TIFFGetField(m_tiff.get(), TIFFTAG_TILEWIDTH, &tileWidth);
        TIFFGetField(m_tiff.get(), TIFFTAG_TILELENGTH, &tileHeight);
        if (tileWidth == 0 || tileHeight == 0)
            throw FormatError(m_path, where + " has zero-sized tiles");
        const auto roundedUp = [](std::uint64_t side) { return (side + 15) / 16 * 16; };
        const std::uint64_t allowed = std::max<std::uint64_t>(roundedUp(layout.width) * roundedUp(layout.height), 1 << 20);
        if (static_cast<std::uint64_t>(tileWidth) * tileHeight > allowed)
            throw FormatError(m_path,
                              where + " has tiles of " + std::to_string(tileWidth) + " x " + std::to_string(tileHeight)
                                  + " pixels, far larger than the " + std::to_string(layout.width) + " x "
                                  + std::to_string(layout.height) + " image they tile");
    }

    /// libtiff quietly treats a directory cut short as the last one and drops tags whose values lie
    /// past the end; either would silently lose pages or the pixel size of a truncated file.
    void checkDirectoryInsideFile(int page) const
    {
        TIFF* tif = m_tiff.get();
        const bool big = TIFFIsBigTIFF(tif);
        const bool swap = TIFFIsByteSwapped(tif);
        const std::uint64_t offset = TIFFCurrentDirOffset(tif);
        auto readUnsigned = [&](std::uint64_t at, int bytes) {
            unsigned char b[8] = {};
            if (at + bytes > m_fileSize)
                throw FormatError(m_path, "file ends inside the directory of page " + std::to_string(page));
            m_file.readAt(at, b, static_cast<std::size_t>(bytes), "a TIFF directory");
            std::uint64_t v = 0;
            for (int i = 0; i < bytes; ++i)
                v |= static_cast<std::uint64_t>(b[swap ? bytes - 1 - i : i]) << (8 * i);
            return v;
        };
        const int countBytes = big ? 8 : 2, entryBytes = big ? 20 : 12, fieldBytes = big ? 8 : 4;
        const std::uint64_t entries = readUnsigned(offset, countBytes);
        readUnsigned(offset + countBytes + entries * entryBytes, fieldBytes); // the next-directory link
        for (std::uint64_t e = 0; e < entries; ++e) {
            const std::uint64_t entry = offset + countBytes + e * entryBytes;
            const auto type = readUnsigned(entry + 2, 2);
            const auto count = readUnsigned(entry + 4, fieldBytes);
            static constexpr int kTypeBytes[19] = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};
            std::uint64_t size = 0;
            if (type < 19 && __builtin_mul_overflow(count, static_cast<std::uint64_t>(kTypeBytes[type]), &size))
                size = UINT64_MAX; // an absurd count cannot fit the file either
            if (size > static_cast<std::uint64_t>(fieldBytes)) {
                const std::uint64_t at = readUnsigned(entry + 4 + fieldBytes, fieldBytes);
                if (at > m_fileSize || size > m_fileSize - at)
                    throw FormatError(m_path,
                                      "file ends inside the values of tag " + std::to_string(readUnsigned(entry, 2)) + " of page "
                                          + std::to_string(page));
            }
        }
    }

    void scanPages()
    {
        TIFF* tif = m_tiff.get();
        PageLayout first;
        for (int page = 0; page < kMaxPages; ++page) {
            checkDirectoryInsideFile(page);
            std::uint32_t subfileType = 0;
            TIFFGetFieldDefaulted(tif, TIFFTAG_SUBFILETYPE, &subfileType);
            const bool auxiliary = (subfileType & (FILETYPE_REDUCEDIMAGE | FILETYPE_MASK)) != 0;
            // Reduced-resolution previews and masks are not sections; every other page must match the first.
            if (!auxiliary || m_directories.empty()) {
                const PageLayout layout = layoutOfCurrentPage(page);
                if (!m_directories.empty() && !(layout == first))
                    throw UnsupportedError(m_path,
                                           "page " + std::to_string(page) + " is " + describe(layout) + ", unlike page 0 ("
                                               + describe(first) + "); CryoSR reads stacks whose pages share one size and type");
                checkPageData(page, layout);
                if (m_directories.empty())
                    first = layout;
                m_directories.push_back(TIFFCurrentDirectory(tif));
            }
            if (TIFFLastDirectory(tif))
                break;
            // The chain says another page follows: failing to read it means the file is damaged or
            // cut short, and showing fewer pages would be a silent wrong answer.
            m_tiff.clearError();
            if (!TIFFReadDirectory(tif))
                throw FormatError(m_path,
                                  "cannot read page " + std::to_string(page + 1) + ": "
                                      + m_tiff.lastError("its directory is damaged or missing"));
        }

        m_layout = first;
        m_info.file = m_path.string();
        m_info.format = FileFormat::Tiff;
        m_info.width = static_cast<int>(first.width);
        m_info.height = static_cast<int>(first.height);
        m_info.sections = static_cast<int>(m_directories.size());
        m_info.sampleType = first.type;
        TIFFSetDirectory(tif, m_directories.front());
        m_info.pixelSize = tiffPixelSize(tif);
    }

    /// Decodes `count` samples starting at pixel `firstPixel` of one decoded row.
    void decodeRow(const unsigned char* row, int firstPixel, int count, float* dst) const
    {
        const int bits = m_layout.bits;
        if (bits == 8 || bits == 16 || bits == 32)
            decodeSamples(row + static_cast<std::size_t>(firstPixel) * (bits / 8), m_layout.type, false,
                          static_cast<std::size_t>(count), dst); // libtiff already swapped to host order
        else
            decodePackedBits(row, bits, firstPixel, count, dst);
    }

    void readStrips(int section, const Region& region, float* out)
    {
        TIFF* tif = m_tiff.get();
        std::uint32_t rowsPerStrip = m_layout.height;
        TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rowsPerStrip);
        rowsPerStrip = std::clamp<std::uint32_t>(rowsPerStrip, 1, m_layout.height);
        const tmsize_t rowBytes = TIFFScanlineSize(tif);
        // Not zero-filled: libtiff overwrites what it decodes, and a damaged strip fails before we read it.
        // (A forged header can declare a strip of hundreds of MB; clearing it cost more than the read.)
        const auto strip = std::make_unique_for_overwrite<unsigned char[]>(static_cast<std::size_t>(rowBytes) * rowsPerStrip);

        const std::uint32_t firstStrip = static_cast<std::uint32_t>(region.y) / rowsPerStrip;
        const std::uint32_t lastStrip = static_cast<std::uint32_t>(region.y + region.height - 1) / rowsPerStrip;
        for (std::uint32_t s = firstStrip; s <= lastStrip; ++s) {
            const std::uint32_t stripY = s * rowsPerStrip;
            const std::uint32_t stripRows = std::min(rowsPerStrip, m_layout.height - stripY);
            const tmsize_t expected = rowBytes * static_cast<tmsize_t>(stripRows);
            const tmsize_t got = TIFFReadEncodedStrip(tif, s, strip.get(), expected);
            if (got < expected)
                throw FormatError(m_path,
                                  "damaged data in strip " + std::to_string(s) + " of page " + std::to_string(section) + ": "
                                      + m_tiff.lastError("it decodes to fewer bytes than the image needs"));
            const int y0 = std::max<int>(region.y, static_cast<int>(stripY));
            const int y1 = std::min<int>(region.y + region.height, static_cast<int>(stripY + stripRows));
            for (int y = y0; y < y1; ++y)
                decodeRow(strip.get() + static_cast<std::size_t>(y - stripY) * rowBytes, region.x, region.width,
                          out + static_cast<std::size_t>(y - region.y) * region.width);
        }
    }

    void readTiles(int section, const Region& region, float* out)
    {
        TIFF* tif = m_tiff.get();
        std::uint32_t tileWidth = 0, tileHeight = 0;
        TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileWidth);
        TIFFGetField(tif, TIFFTAG_TILELENGTH, &tileHeight);
        const tmsize_t tileBytes = TIFFTileSize(tif);
        const tmsize_t tileRowBytes = TIFFTileRowSize(tif);
        const auto tile =
            std::make_unique_for_overwrite<unsigned char[]>(static_cast<std::size_t>(tileBytes)); // as in readStrips

        for (std::uint32_t ty = region.y / tileHeight * tileHeight; ty < static_cast<std::uint32_t>(region.y + region.height);
             ty += tileHeight) {
            for (std::uint32_t tx = region.x / tileWidth * tileWidth; tx < static_cast<std::uint32_t>(region.x + region.width);
                 tx += tileWidth) {
                const ttile_t index = TIFFComputeTile(tif, tx, ty, 0, 0);
                if (TIFFReadEncodedTile(tif, index, tile.get(), tileBytes) < tileBytes)
                    throw FormatError(m_path,
                                      "damaged data in tile " + std::to_string(index) + " of page " + std::to_string(section)
                                          + ": " + m_tiff.lastError("it decodes to fewer bytes than a tile needs"));
                const int x0 = std::max<int>(region.x, static_cast<int>(tx));
                const int x1 = std::min<int>(region.x + region.width, static_cast<int>(tx + tileWidth));
                const int y0 = std::max<int>(region.y, static_cast<int>(ty));
                const int y1 = std::min<int>(region.y + region.height, static_cast<int>(ty + tileHeight));
                for (int y = y0; y < y1; ++y)
                    decodeRow(tile.get() + static_cast<std::size_t>(y - ty) * tileRowBytes, x0 - static_cast<int>(tx), x1 - x0,
                              out + static_cast<std::size_t>(y - region.y) * region.width + (x0 - region.x));
            }
        }
    }

    std::filesystem::path m_path;
    BinaryFile m_file; // one descriptor for the size and the directory checks, not one per page
    std::uint64_t m_fileSize = 0;
    TiffHandle m_tiff;
    std::vector<tdir_t> m_directories;
    PageLayout m_layout;
};

} // namespace

std::unique_ptr<ImageReader> openTiffFile(const std::filesystem::path& file)
{
    return std::make_unique<TiffReader>(file);
}

#endif

} // namespace cryosr
