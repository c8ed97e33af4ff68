#pragma once
// Writing images section by section in MRC 2014 or TIFF, crash-safely.

#include "io/fileinfo.h"
#include "io/image.h"
#include "io/statistics.h"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cryosr {

class AtomicFile;

/// What a new file will hold. Sections are added one by one and must all be width × height.
struct WriteSpec {
    int width = 0;
    int height = 0;
    SampleType type = SampleType::Float32;
    PixelSize pixelSize;
    bool volume = false; ///< MRC: a 3D map (ISPG 1, MZ = NZ) instead of an image stack
    std::array<int, 3> start{0, 0, 0}; ///< MRC NXSTART/NYSTART/NZSTART, e.g. a region's corner
    std::array<float, 3> origin{0, 0, 0}; ///< MRC ORIGIN in Å
    std::vector<std::string> labels; ///< MRC labels (the last 10 are kept)
};

/**
 * Streams sections into a new file. Nothing appears under the target name until commit() succeeds;
 * a writer destroyed without commit() leaves no file behind (and an existing target untouched).
 * Samples outside an integer type's range are saturated and counted in clippedSamples().
 */
class ImageWriter {
public:
    virtual ~ImageWriter();

    /// Appends one section; throws ArgumentError when its size differs from the spec.
    void writeSection(const Image& image);
    /// Adds an MRC label before commit(), for what is known only once the sections are written (such
    /// as a run's settings, resolved while its frames were streamed out). TIFF stores no labels.
    void addLabel(const std::string& label) { m_spec.labels.push_back(label); }
    /// Finishes the file and renames it into place.
    virtual void commit() = 0;

    const WriteSpec& spec() const { return m_spec; }
    std::uint64_t clippedSamples() const { return m_clipped; }

protected:
    ImageWriter(const std::filesystem::path& target, const WriteSpec& spec);

    /// Rows encoded and handed to appendRows() at a time (a TIFF strip; a few MB for MRC), so a
    /// 377 MB frame is written without a second full-size copy.
    virtual int rowsPerChunk() const = 0;
    /// Whether statistics of the stored values are needed (MRC's header); kept in m_statistics.
    virtual bool needsStatistics() const { return false; }
    virtual void beginSection() {}
    /// Stores `rows` encoded rows (host byte order) starting at row `firstRow` of the current section.
    virtual void appendRows(const unsigned char* encoded, std::size_t bytes, int firstRow, int rows) = 0;
    virtual void endSection() {}

    std::unique_ptr<AtomicFile> m_file;
    WriteSpec m_spec;
    int m_sections = 0;
    std::uint64_t m_clipped = 0;
    RunningStatistics m_statistics;
};

/// Which sample types a format can store: MRC modes 0, 1, 2, 6, 12; TIFF 8/16/32-bit integers and float32.
bool canStore(FileFormat format, SampleType type);
/// The type to store `type` as in `format` without losing values (itself when possible).
SampleType losslessStorageType(FileFormat format, SampleType type);
/// Format chosen by the name's extension: .mrc/.mrcs/.map/.st/.ali/.rec -> MRC, .tif/.tiff -> TIFF.
std::optional<FileFormat> formatFromExtension(const std::filesystem::path& file);

/// Creates a writer; throws ArgumentError for a type the format cannot store or a bad size, FileError
/// when the target's folder is not writable.
std::unique_ptr<ImageWriter> createImageWriter(const std::filesystem::path& target, FileFormat format, const WriteSpec& spec);

} // namespace cryosr
