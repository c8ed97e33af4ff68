#pragma once
// Which compute devices this build of the engine can use (LibTorch stays inside the .cpp).

#include <string>
#include <vector>

namespace cryosr {

struct DeviceInfo {
    std::string libtorchVersion; ///< e.g. "1.13.1"
    bool cudaBuilt = false; ///< LibTorch was built with CUDA
    std::vector<std::string> cudaDevices; ///< names of visible GPUs, empty when none
    int cpuThreads = 0; ///< intra-op threads LibTorch will use
};

/// Queries LibTorch once; cheap enough for `--version`.
DeviceInfo queryDevices();

/// Gives the freed heap the engine keeps for its next step (see keepFreedMemoryForReuse) back to the
/// system: for a long-lived process between jobs, such as the GUI after a run, so that memory a run
/// no longer uses does not sit beside the micrographs being viewed. (Declared here, in the header
/// without LibTorch, for the app; defined beside keepFreedMemoryForReuse in computetarget.cpp.)
void releaseFreedMemory();

} // namespace cryosr
