#pragma once
// MRC 2014 writer (modes 0, 1, 2, 6, 12), little-endian, statistics computed from the data.

#include "io/imagewriter.h"

namespace cryosr {

/// Streams sections after room left for the header; commit() writes the final header (NZ, DMIN/DMAX/
/// DMEAN/RMS of the stored values, "MAP ", machine stamp 0x44 0x44) and renames the file into place.
/// Files it writes pass mrcfile.validate.
class MrcWriter : public ImageWriter {
public:
    MrcWriter(const std::filesystem::path& target, const WriteSpec& spec);
    void commit() override;

protected:
    int rowsPerChunk() const override;
    bool needsStatistics() const override { return true; }
    void appendRows(const unsigned char* encoded, std::size_t bytes, int firstRow, int rows) override;

private:
    std::uint64_t m_offset;
};

} // namespace cryosr
