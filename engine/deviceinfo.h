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
    bool cpuBFloat16 = false; ///< the CPU multiplies bf16 natively (AVX512-BF16), so bf16 upscaling runs there
};

/// Queries LibTorch once; cheap enough for `--version`.
DeviceInfo queryDevices();

/// Gives the freed heap the engine keeps for its next step (see keepFreedMemoryForReuse) back to the
/// system: for a long-lived process between jobs, such as the GUI after a run, so that memory a run
/// no longer uses does not sit beside the micrographs being viewed. (Declared here, in the header
/// without LibTorch, for the app; defined beside keepFreedMemoryForReuse in computetarget.cpp.)
void releaseFreedMemory();

/// Makes every thread allocate from the process's main heap. glibc gives each new thread a heap
/// of its own, grown in pieces of at most 64 MiB, so tensors larger than that (a 4-sample step at
/// 256², 67 MB each) were mapped and faulted in anew at every operation of an engine thread, never
/// kept for reuse as on the main thread (keepFreedMemoryForReuse): the GUI's 4-sample steps took
/// 0.6-1.4 s instead of the CLI's 0.55. Only effective before a second thread has allocated, so the
/// first thing the GUI's main() does; MALLOC_ARENA_MAX in the environment wins.
void shareOneHeapBetweenThreads();

} // namespace cryosr
