// libFuzzer harness: any bytes as a training configuration (`cryosr-cli train --config`, the wizard's
// Load Configuration). Read, or refused with cryosr::Error naming the key; never a crash. A configuration
// that is accepted is written back and must read again to the same text.

#include "io/errors.h"
#include "training/trainingconfig.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const cryosr::TrainingConfig config = cryosr::configFromJson(std::string(reinterpret_cast<const char*>(data), size));
        const std::string written = cryosr::configToJson(config);
        if (cryosr::configToJson(cryosr::configFromJson(written)) != written)
            __builtin_trap();
    } catch (const cryosr::Error&) {
    }
    return 0;
}
