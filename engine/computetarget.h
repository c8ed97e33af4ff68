#pragma once
// The LibTorch device and network dtype for a user's choice. Engine-internal header.

#include "computedevice.h"

#include <torch/torch.h>

namespace cryosr {

struct ComputeTarget {
    torch::Device device{torch::kCPU};
    torch::ScalarType networkType = torch::kFloat32;
    /// The network's weights and activations in NHWC order: what oneDNN's bf16 convolutions on the CPU
    /// need (in NCHW each one reorders its input and output, and bf16 was slower than fp32).
    torch::MemoryFormat networkLayout = torch::MemoryFormat::Contiguous;
    std::string description; ///< "cpu (2 threads), fp32" or "cuda:0 NVIDIA H200, bf16"
};

/**
 * Resolves a choice: Auto picks CUDA when a GPU is visible (GPU `cudaIndex`, 0 unless asked). Throws ArgumentError when CUDA is forced
 * without a visible GPU, fp16 is asked for on the CPU, or bf16 on a CPU without bf16 arithmetic
 * (cpuHasBFloat16DotProducts). On CUDA it also makes cuDNN pick deterministic algorithms, so the same
 * seed gives the same result there too.
 */
ComputeTarget resolveComputeTarget(DeviceChoice choice, Precision precision, int cudaIndex = 0);

/// Whether this CPU has bf16 dot products (AVX512-BF16; CPUs with AMX have it too). Without them
/// oneDNN emulates bf16 in fp32 and gains nothing, so bf16 is refused there.
bool cpuHasBFloat16DotProducts();

/// Bytes the device can still give: MemAvailable for the CPU, the free memory of a GPU (8 GiB assumed
/// when the build has no CUDA runtime headers to ask; an out-of-memory error then corrects it).
std::int64_t availableMemory(const torch::Device& device);

/// Makes freed tensor memory stay with the process for the next step (glibc's mmap and trim
/// thresholds raised) instead of going back to the kernel and faulting in again; the largest, which
/// do go back, on 2 MB pages (useHugePagesForLargeTensors). Runs once, with useAvailableCpus;
/// MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ in the environment win over the thresholds.
void keepFreedMemoryForReuse();

/// LibTorch's CPU thread pool sized to the CPUs this process may run on (Debian's LibTorch starts
/// with one; a Slurm job's affinity is honoured), and OpenBLAS kept to one thread per caller (its own
/// pool oversubscribed the cores). OMP_NUM_THREADS and OPENBLAS_NUM_THREADS, when set, win. Runs once.
void useAvailableCpus();

/// Waits for the device's queued work (timing a GPU needs it; a no-op on the CPU).
void synchronize(const torch::Device& device);

} // namespace cryosr
