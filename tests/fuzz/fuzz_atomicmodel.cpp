// libFuzzer harness: any bytes as an atomic model (`cryosr-cli simulate --structure`), read as PDB and
// as mmCIF. Parsed or refused with cryosr::Error; never a crash or a hang.

#include "io/atomicmodel.h"
#include "io/errors.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        cryosr::parsePdb(text, "fuzz.pdb");
    } catch (const cryosr::Error&) {
    }
    try {
        cryosr::parseMmcif(text, "fuzz.cif");
    } catch (const cryosr::Error&) {
    }
    return 0;
}
