#pragma once
// What a reader learns from a file's header without reading its samples.

#include "io/image.h"
#include "io/sampletype.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cryosr {

enum class FileFormat { Mrc, Tiff };

/// "mrc" or "tiff".
std::string_view fileFormatName(FileFormat format);

/// MRC header fields kept as recorded (MAPC/MAPR/MAPS are recorded, never applied).
struct MrcDetails {
    int mode = 2;
    bool bigEndian = false;
    std::array<int, 3> start{0, 0, 0}; ///< NXSTART, NYSTART, NZSTART
    std::array<int, 3> sampling{0, 0, 0}; ///< MX, MY, MZ
    std::array<float, 3> cellLengths{0, 0, 0}; ///< CELLA in Å
    std::array<float, 3> cellAngles{90, 90, 90};
    std::array<int, 3> axisOrder{1, 2, 3}; ///< MAPC, MAPR, MAPS
    int spaceGroup = 0; ///< ISPG
    int extendedHeaderBytes = 0; ///< NSYMBT
    std::string extendedHeaderType; ///< EXTTYP, e.g. "FEI2"; empty when unset
    int version = 0; ///< NVERSION
    std::array<float, 3> origin{0, 0, 0}; ///< ORIGIN in Å
    std::vector<std::string> labels;
};

/// Header-level description of an image file: every section has the same size and type.
struct FileInfo {
    std::string file;
    FileFormat format = FileFormat::Mrc;
    int width = 0;
    int height = 0;
    int sections = 0;
    SampleType sampleType = SampleType::Float32;
    PixelSize pixelSize;
    std::optional<MrcDetails> mrc; ///< set for MRC files
};

} // namespace cryosr
