#pragma once
// The 1024-byte MRC 2014 main header (https://www.ccpem.ac.uk/mrc_format/mrc2014.php) as plain
// fields, with byte-order detection that survives the odd machine stamps real files carry.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

inline constexpr int kMrcHeaderBytes = 1024;
inline constexpr int kMrcMaxLabels = 10;
inline constexpr int kMrcLabelBytes = 80;

struct MrcHeader {
    std::array<std::int32_t, 3> size{0, 0, 0}; ///< NX, NY, NZ
    std::int32_t mode = 2;
    std::array<std::int32_t, 3> start{0, 0, 0}; ///< NXSTART, NYSTART, NZSTART
    std::array<std::int32_t, 3> sampling{0, 0, 0}; ///< MX, MY, MZ
    std::array<float, 3> cellLengths{0, 0, 0};
    std::array<float, 3> cellAngles{90, 90, 90};
    std::array<std::int32_t, 3> axisOrder{1, 2, 3}; ///< MAPC, MAPR, MAPS
    float dmin = 0, dmax = -1, dmean = -2; ///< "undetermined" per MRC 2014: dmax < dmin, dmean < both
    std::int32_t spaceGroup = 0;
    std::int32_t extendedHeaderBytes = 0; ///< NSYMBT
    std::array<char, 4> extendedHeaderType{0, 0, 0, 0}; ///< EXTTYP (bytes 104-107)
    std::int32_t version = 20141; ///< NVERSION (bytes 108-111)
    std::uint32_t imodStamp = 0; ///< bytes 152-155; 1146047817 ("IMOD") when IMOD wrote it
    std::uint32_t imodFlags = 0; ///< bytes 156-159; bit 0 set = mode-0 bytes are signed
    std::array<float, 3> origin{0, 0, 0};
    std::array<char, 4> mapId{'M', 'A', 'P', ' '};
    std::array<std::uint8_t, 4> machineStamp{0x44, 0x44, 0x00, 0x00};
    float rms = -1;
    std::vector<std::string> labels; ///< at most 10, each at most 80 characters

    bool bigEndian = false; ///< byte order the header was read in (writing is always little-endian)

    bool hasMapId() const { return mapId == std::array<char, 4>{'M', 'A', 'P', ' '}; }
    std::string extendedHeaderTypeString() const;
};

/// Decodes a header, choosing the byte order by what makes the header plausible (valid mode, sane
/// dimensions) and falling back on the machine stamp. Throws FormatError when it is not MRC at all.
MrcHeader parseMrcHeader(const std::array<unsigned char, kMrcHeaderBytes>& bytes, const std::filesystem::path& file);

/// Encodes a header little-endian with a little-endian machine stamp (0x44 0x44 0x00 0x00).
std::array<unsigned char, kMrcHeaderBytes> serializeMrcHeader(const MrcHeader& header);

inline constexpr std::uint32_t kImodStamp = 1146047817u;

} // namespace cryosr
