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

} // namespace cryosr
