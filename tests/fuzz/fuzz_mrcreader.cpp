// libFuzzer harness: any bytes as an MRC file. The reader must accept them or throw cryosr::Error (a
// clear message); it must never crash, read out of bounds, or allocate more than the file can hold.

#include "fuzzinput.h"
#include "io/binaryfile.h"
#include "io/errors.h"
#include "io/mrcreader.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cryosr::MrcReader reader(std::make_unique<cryosr::BinaryFile>(fuzzing::asFile(data, size)));
        const cryosr::FileInfo& info = reader.info();
        // Every section the header promises can be read (a few, to keep runs fast), and a region of the last.
        for (int section = 0; section < std::min(info.sections, 3); ++section)
            reader.readSection(section);
        if (info.sections > 0 && info.width > 1 && info.height > 1)
            reader.readRegion(info.sections - 1, {info.width / 2, info.height / 2, info.width - info.width / 2, 1});
    } catch (const cryosr::Error&) {
    }
    return 0;
}
