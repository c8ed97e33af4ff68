#pragma once
// MRC 2014 reader: modes 0, 1, 2, 6, 12 and 101, either byte order, extended headers skipped.

#include "io/imagereader.h"
#include "io/mrcheader.h"

#include <memory>

namespace cryosr {

class BinaryFile;

/**
 * Reads MRC/MRCS/MAP files. Sections are the file's z slices (stack images or volume planes) in
 * stored order; MAPC/MAPR/MAPS are recorded in FileInfo::mrc but never applied. The pixel size per
 * axis is |cell| / sampling, unknown when either is 0. The constructor checks the header against the
 * file's size, so truncated files fail here and not halfway through a read.
 */
class MrcReader : public ImageReader {
public:
    explicit MrcReader(std::unique_ptr<BinaryFile> file);
    ~MrcReader() override;

    const MrcHeader& header() const { return m_header; }

protected:
    void readInto(int section, const Region& region, float* out) override;

private:
    std::uint64_t rowOffset(int section, int y) const;

    std::unique_ptr<BinaryFile> m_file;
    MrcHeader m_header;
    std::uint64_t m_dataOffset = 0;
    std::uint64_t m_rowBytes = 0;
    std::uint64_t m_sectionBytes = 0;
    bool m_swap = false;
};

} // namespace cryosr
