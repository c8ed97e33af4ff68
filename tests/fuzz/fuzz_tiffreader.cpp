// libFuzzer harness: any bytes as a TIFF file, through the project's reader (libtiff underneath). It
// must accept them or throw cryosr::Error; libtiff's errors and warnings go to the reader's handlers.

#include "fuzzinput.h"
#include "io/errors.h"
#include "io/imagereader.h"
#include "io/tiffreader.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto reader = cryosr::openTiffFile(fuzzing::asFile(data, size));
        const cryosr::FileInfo& info = reader->info();
        for (int section = 0; section < std::min(info.sections, 3); ++section)
            reader->readSection(section);
        if (info.sections > 0 && info.width > 1 && info.height > 1)
            reader->readRegion(info.sections - 1, {info.width / 2, info.height / 2, info.width - info.width / 2, 1});
    } catch (const cryosr::Error&) {
    }
    return 0;
}
