#include "computetarget.h"

#include "deviceinfo.h"
#include "io/errors.h"

#include <sched.h>

#include <cstdlib>
#include <mutex>

namespace cryosr {

void useAvailableCpus()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (std::getenv("OMP_NUM_THREADS"))
            return;
        cpu_set_t allowed;
        if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
            torch::set_num_threads(CPU_COUNT(&allowed));
    });
}

std::optional<DeviceChoice> deviceChoiceFromName(const std::string& name)
{
    for (DeviceChoice d : {DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda})
        if (deviceChoiceName(d) == name)
            return d;
    return std::nullopt;
}

std::string deviceChoiceName(DeviceChoice device)
{
    switch (device) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Cuda: return "cuda";
    }
    return "auto";
}

std::optional<Precision> precisionFromName(const std::string& name)
{
    for (Precision p : {Precision::Float32, Precision::BFloat16, Precision::Float16})
        if (precisionName(p) == name)
            return p;
    return std::nullopt;
}

std::string precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Float32: return "fp32";
    case Precision::BFloat16: return "bf16";
    case Precision::Float16: return "fp16";
    }
    return "fp32";
}

ComputeTarget resolveComputeTarget(DeviceChoice choice, Precision precision)
{
    useAvailableCpus();
    const bool gpu = torch::cuda::is_available();
    if (choice == DeviceChoice::Cuda && !gpu)
        throw ArgumentError(torch::hasCUDA() ? "CUDA was asked for, but no GPU is visible"
                                             : "CUDA was asked for, but this build of LibTorch has no CUDA");
    ComputeTarget target;
    if (choice == DeviceChoice::Cuda || (choice == DeviceChoice::Auto && gpu)) {
        target.device = torch::Device(torch::kCUDA, 0);
        at::globalContext().setDeterministicCuDNN(true);
        at::globalContext().setBenchmarkCuDNN(false);
        const DeviceInfo devices = queryDevices();
        target.description = "cuda:0 " + (devices.cudaDevices.empty() ? std::string() : devices.cudaDevices.front());
    } else {
        if (precision != Precision::Float32)
            throw ArgumentError(precisionName(precision) + " runs on CUDA only; use fp32 on the CPU");
        target.description = "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
    }
    target.networkType = precision == Precision::BFloat16 ? torch::kBFloat16
        : precision == Precision::Float16                 ? torch::kFloat16
                                                          : torch::kFloat32;
    target.description += ", " + precisionName(precision);
    return target;
}

void synchronize(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

} // namespace cryosr
