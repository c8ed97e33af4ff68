#include "io/imagereader.h"

#include "io/binaryfile.h"
#include "io/errors.h"
#include "io/mrcreader.h"
#include "io/tiffreader.h"

#include <array>
#include <cstring>

namespace cryosr {

Image ImageReader::readSection(int section)
{
    return readRegion(section, Region{0, 0, m_info.width, m_info.height});
}

Image ImageReader::readRegion(int section, const Region& region)
{
    if (section < 0 || section >= m_info.sections)
        throw ArgumentError(m_info.file + ": section " + std::to_string(section) + " does not exist (the file has "
                            + std::to_string(m_info.sections)
                            + (m_info.sections == 1 ? " section, numbered from 0)" : " sections, numbered from 0)"));
    const bool inside = region.width > 0 && region.height > 0 && region.x >= 0 && region.y >= 0
        && region.x <= m_info.width - region.width && region.y <= m_info.height - region.height;
    if (!inside)
        throw ArgumentError(m_info.file + ": region " + std::to_string(region.x) + "," + std::to_string(region.y) + ","
                            + std::to_string(region.width) + "," + std::to_string(region.height) + " (x,y,w,h) is not inside the "
                            + std::to_string(m_info.width) + " x " + std::to_string(m_info.height) + " image");
    Image image = Image::uninitialized(region.width, region.height);
    readInto(section, region, image.data());
    image.pixelSize = m_info.pixelSize;
    image.provenance = Provenance{m_info.file, section, region, m_info.sampleType};
    return image;
}

namespace {
bool hasTiffMagic(const unsigned char* b)
{
    return (b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
        || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43));
}
} // namespace

std::unique_ptr<ImageReader> openImageFile(const std::filesystem::path& file)
{
    auto binary = std::make_unique<BinaryFile>(file);
    if (binary->size() >= 4) {
        std::array<unsigned char, 4> magic{};
        binary->readAt(0, magic.data(), magic.size(), "the file signature");
        if (hasTiffMagic(magic.data())) {
            binary.reset();
            return openTiffFile(file);
        }
    }
    return std::make_unique<MrcReader>(std::move(binary));
}

} // namespace cryosr
