#include "deviceinfo.h"

#include "computetarget.h"

#include <torch/torch.h>

#ifdef CRYOSR_HAVE_CUDA_RUNTIME
#include <cuda_runtime_api.h>
#endif

namespace cryosr {

DeviceInfo queryDevices()
{
    DeviceInfo info;
    info.libtorchVersion = std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "."
        + std::to_string(TORCH_VERSION_PATCH);
    info.cudaBuilt = torch::cuda::is_available() || torch::hasCUDA();
    const int count = static_cast<int>(torch::cuda::device_count());
    for (int i = 0; i < count; ++i) {
#ifdef CRYOSR_HAVE_CUDA_RUNTIME
        cudaDeviceProp properties{};
        if (cudaGetDeviceProperties(&properties, i) == cudaSuccess) {
            info.cudaDevices.emplace_back(properties.name);
            continue;
        }
#endif
        info.cudaDevices.push_back("CUDA device " + std::to_string(i));
    }
    useAvailableCpus();
    info.cpuThreads = torch::get_num_threads();
    info.cpuBFloat16 = cpuHasBFloat16DotProducts();
    return info;
}

} // namespace cryosr
