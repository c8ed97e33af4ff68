#include "computetarget.h"

#include "deviceinfo.h"
#include "hugepagetensors.h"
#include "io/errors.h"

#include <dlfcn.h>
#include <malloc.h>
#include <sched.h>

#ifdef CRYOSR_HAVE_CUDA_RUNTIME
#include <cuda_runtime_api.h>
#endif

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace cryosr {

void keepFreedMemoryForReuse()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // LibTorch allocates and frees tensors of megabytes at every step. glibc serves those with
        // mmap and hands them back with munmap (or trims the heap), so each step faults every page in
        // anew: on the CPU that was 3/4 of a tiled upscale's time, in the kernel. Heap allocations up
        // to 256 MiB that stay with the process (up to 1 GiB of free heap) make it 4x faster
        // (docs/performance.md). 256, not glibc's 32 MiB ceiling for its own adaptive threshold: a
        // 512² statistics window's up-path concatenations (32-48 MiB) and, on the main thread (the
        // CLI), its attention weights (4,096² floats, 64 MiB; another thread's arena grows in 64 MiB
        // heaps and maps such blocks anyway) were mapped anew every step, 2.2x its time. Larger
        // blocks (a whole micrograph's tensors) still go back, but come on 2 MB pages, cheap to fault
        // in (useHugePagesForLargeTensors). A user's MALLOC_*_ settings win. Older glibc refuses
        // thresholds above 32 MiB: then 32, as before.
        useHugePagesForLargeTensors();
        if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_"))
            return;
        if (mallopt(M_MMAP_THRESHOLD, 256 << 20) != 1)
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
}

void shareOneHeapBetweenThreads()
{
    if (!std::getenv("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 1);
}

void releaseFreedMemory()
{
    malloc_trim(0);
}

/// Debian's LibTorch multiplies matrices with OpenBLAS, whose pthread build keeps its own pool of one
/// thread per core beside LibTorch's OpenMP threads. LibTorch already splits a convolution over its
/// threads, so each of them handing its product to OpenBLAS's pool put twice as many threads as cores
/// to work, spinning and yielding to each other (a third of the CPU time, in `perf`). One OpenBLAS
/// thread per caller made upscales 11-20 % faster (docs/performance.md). Looked up at run time: a
/// LibTorch built on MKL (PyTorch's own) has no OpenBLAS, and OPENBLAS_NUM_THREADS, when set, wins.
static void keepBlasSingleThreaded()
{
    if (torch::get_num_threads() < 2 || std::getenv("OPENBLAS_NUM_THREADS"))
        return;
    using SetThreads = void (*)(int);
    if (auto setThreads = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        setThreads(1);
}

void useAvailableCpus()
{
    keepFreedMemoryForReuse();
    static std::once_flag once;
    std::call_once(once, [] {
        cpu_set_t allowed;
        if (!std::getenv("OMP_NUM_THREADS") && sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
            torch::set_num_threads(CPU_COUNT(&allowed));
        keepBlasSingleThreaded();
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
    case DeviceChoice::Auto:
        return "auto";
    case DeviceChoice::Cpu:
        return "cpu";
    case DeviceChoice::Cuda:
        return "cuda";
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
    case Precision::Float32:
        return "fp32";
    case Precision::BFloat16:
        return "bf16";
    case Precision::Float16:
        return "fp16";
    }
    return "fp32";
}

bool cpuHasBFloat16DotProducts()
{
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx512bf16");
#else
    return false;
#endif
}

Precision automaticPrecision(DeviceChoice device)
{
    const bool cpu = device == DeviceChoice::Cpu || (device == DeviceChoice::Auto && !torch::cuda::is_available());
    return cpu && cpuHasBFloat16DotProducts() ? Precision::BFloat16 : Precision::Float32;
}

ComputeTarget resolveComputeTarget(DeviceChoice choice, Precision precision, int cudaIndex)
{
    useAvailableCpus();
    const bool gpu = torch::cuda::is_available();
    if (choice == DeviceChoice::Cuda && !gpu)
        throw ArgumentError(torch::hasCUDA() ? "CUDA was asked for, but no GPU is visible"
                                             : "CUDA was asked for, but this build of LibTorch has no CUDA");
    ComputeTarget target;
    if (choice == DeviceChoice::Cuda || (choice == DeviceChoice::Auto && gpu)) {
        const DeviceInfo devices = queryDevices();
        if (cudaIndex < 0 || cudaIndex >= static_cast<int>(devices.cudaDevices.size()))
            throw ArgumentError("there is no GPU " + std::to_string(cudaIndex) + " (" + std::to_string(devices.cudaDevices.size())
                                + " visible)");
        target.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaIndex));
        at::globalContext().setDeterministicCuDNN(true);
        at::globalContext().setBenchmarkCuDNN(false);
        target.description = "cuda:" + std::to_string(cudaIndex) + " " + devices.cudaDevices[static_cast<std::size_t>(cudaIndex)];
    } else {
        if (precision == Precision::Float16)
            throw ArgumentError("fp16 runs on CUDA only; use fp32 (or bf16 where the CPU has it) on the CPU");
        if (precision == Precision::BFloat16 && !cpuHasBFloat16DotProducts())
            throw ArgumentError("bf16 on the CPU needs bf16 arithmetic (AVX512-BF16), which this CPU lacks; use fp32");
        // oneDNN's convolutions on the CPU work in NHWC: NCHW tensors are reordered at every
        // convolution (bf16 was then slower than fp32; fp32 13 % slower, docs/performance.md).
        target.networkLayout = torch::MemoryFormat::ChannelsLast;
        target.description = "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
    }
    target.networkType = precision == Precision::BFloat16 ? torch::kBFloat16
        : precision == Precision::Float16                 ? torch::kFloat16
                                                          : torch::kFloat32;
    target.description += ", " + precisionName(precision);
    return target;
}

std::int64_t availableMemory(const torch::Device& device)
{
    if (device.is_cuda()) {
#ifdef CRYOSR_HAVE_CUDA_RUNTIME
        int previous = 0;
        std::size_t free = 0, total = 0;
        if (cudaGetDevice(&previous) == cudaSuccess && cudaSetDevice(device.index()) == cudaSuccess) {
            const bool known = cudaMemGetInfo(&free, &total) == cudaSuccess;
            cudaSetDevice(previous);
            if (known)
                return static_cast<std::int64_t>(free);
        }
#endif
        return std::int64_t(8) << 30;
    }
    std::ifstream meminfo("/proc/meminfo");
    for (std::string line; std::getline(meminfo, line);)
        if (line.rfind("MemAvailable:", 0) == 0) {
            std::istringstream fields(line.substr(13));
            std::int64_t kib = 0;
            if (fields >> kib)
                return kib * 1024;
        }
    return std::int64_t(2) << 30;
}

void synchronize(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

} // namespace cryosr
