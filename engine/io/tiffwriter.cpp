#include "io/tiffwriter.h"

#include "io/errors.h"

#ifdef CRYOSR_HAVE_TIFF
#include "io/atomicfile.h"
#include "io/tiffhandle.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tiffio.h>
#endif

namespace cryosr {

#ifndef CRYOSR_HAVE_TIFF

std::unique_ptr<ImageWriter> createTiffWriter(const std::filesystem::path& target, const WriteSpec&)
{
    throw UnsupportedError(target, "this build of CryoSR has no TIFF support (libtiff was not found)");
}

#else

namespace {

constexpr std::uint64_t kClassicTiffLimit = 4000ull << 20; // leave room for directories below 4 GiB

class TiffWriter : public ImageWriter {
public:
    TiffWriter(const std::filesystem::path& target, const WriteSpec& spec)
        : ImageWriter(target, spec)
    {
        // libtiff writes through its own handle on the temporary file; ours stays open (an unnamed file
        // lives only as long as a descriptor does).
        const std::uint64_t pageBytes = static_cast<std::uint64_t>(spec.width) * spec.height * sampleTypeBytes(spec.type);
        m_bigTiff = pageBytes > kClassicTiffLimit;
        m_tiff = std::make_unique<TiffHandle>(m_file->reopenablePath(), m_bigTiff ? "w8" : "w");
    }

    void commit() override
    {
        if (m_sections == 0)
            throw ArgumentError(m_file->target().string() + ": no sections were written");
        if (!m_tiff->close())
            throw FileError(m_file->target(), "cannot finish the TIFF file: " + m_tiff->lastError("write error"));
        m_file->commit();
    }

protected:
    int rowsPerChunk() const override
    {
        const std::size_t rowBytes = static_cast<std::size_t>(m_spec.width) * sampleTypeBytes(m_spec.type);
        return static_cast<int>(std::clamp<std::size_t>((256u << 10) / rowBytes, 1, static_cast<std::size_t>(m_spec.height)));
    }

    void beginSection() override
    {
        const std::uint64_t pageBytes = static_cast<std::uint64_t>(m_spec.width) * m_spec.height * sampleTypeBytes(m_spec.type);
        if (!m_bigTiff && pageBytes * (m_sections + 1) > kClassicTiffLimit)
            throw UnsupportedError(m_file->target(), "stack would pass 4 GB; write it as MRC or fewer sections");
        TIFF* tif = m_tiff->get();
        const std::uint16_t format = m_spec.type == SampleType::Float32 ? SAMPLEFORMAT_IEEEFP
            : (m_spec.type == SampleType::Int8 || m_spec.type == SampleType::Int16 || m_spec.type == SampleType::Int32)
            ? SAMPLEFORMAT_INT
            : SAMPLEFORMAT_UINT;
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, static_cast<std::uint32_t>(m_spec.width));
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, static_cast<std::uint32_t>(m_spec.height));
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, static_cast<std::uint16_t>(8 * sampleTypeBytes(m_spec.type)));
        TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, format);
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, static_cast<std::uint16_t>(1));
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
        TIFFSetField(tif, TIFFTAG_SOFTWARE, "CryoSR " CRYOSR_VERSION);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, static_cast<std::uint32_t>(rowsPerChunk()));
        if (m_spec.pixelSize.x) {
            const double y = m_spec.pixelSize.y.value_or(*m_spec.pixelSize.x);
            TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_CENTIMETER);
            TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(1e8 / *m_spec.pixelSize.x));
            TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(1e8 / y));
        }
        m_tiff->clearError();
    }

    void appendRows(const unsigned char* encoded, std::size_t bytes, int firstRow, int) override
    {
        const auto strip = static_cast<std::uint32_t>(firstRow / rowsPerChunk());
        errno = 0;
        if (TIFFWriteEncodedStrip(m_tiff->get(), strip, const_cast<unsigned char*>(encoded), static_cast<tmsize_t>(bytes)) < 0)
            throw writeFailure();
    }

    void endSection() override
    {
        errno = 0;
        if (!TIFFWriteDirectory(m_tiff->get()))
            throw writeFailure();
    }

    /// libtiff says only "Write error at scanline 0"; the system's reason (a full disk, a quota) is in
    /// errno, left by the write that failed.
    FileError writeFailure() const
    {
        const int reason = errno;
        const std::string libtiff = m_tiff->lastError("write error");
        if (reason == ENOSPC || reason == EDQUOT || reason == EIO || reason == EFBIG)
            return FileError(m_file->target(), "cannot write: " + std::string(std::strerror(reason)) + " (" + libtiff + ")");
        return FileError(m_file->target(), "cannot write: " + libtiff);
    }

private:
    std::unique_ptr<TiffHandle> m_tiff;
    bool m_bigTiff = false;
};

} // namespace

std::unique_ptr<ImageWriter> createTiffWriter(const std::filesystem::path& target, const WriteSpec& spec)
{
    return std::make_unique<TiffWriter>(target, spec);
}

#endif

} // namespace cryosr
