// libFuzzer harness: any bytes as a RELION STAR file listing micrographs (the training wizard's and
// `cryosr-cli upscale`'s input lists). Parsed or refused with cryosr::Error; never a crash or a hang.

#include "fuzzinput.h"
#include "io/errors.h"
#include "io/starfile.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cryosr::readMicrographStar(fuzzing::asFile(data, size));
    } catch (const cryosr::Error&) {
    }
    try {
        cryosr::starColumn(std::string(reinterpret_cast<const char*>(data), size), "_rlnImageName");
    } catch (const cryosr::Error&) {
    }
    return 0;
}
