#pragma once
// Long-run stability of the sampler: many upscales started and cancelled after their first step on one
// long-lived worker thread, as the GUI runs them, with the process's resident memory and thread count
// measured before and after (`cryosr-cli bench --start-cancel N`, docs/reliability.md). Plain C++.

#include <cstdint>
#include <string>

namespace cryosr {

class Upscaler;

struct StartCancelResult {
    int cycles = 0;
    double seconds = 0;
    std::int64_t residentBytesBefore = 0; ///< after the warm-up cycles (allocator caches, thread pools)
    std::int64_t residentBytesAfter = 0;
    int threadsBefore = 0; ///< likewise, with no run under way
    int threadsAfter = 0;
    double residentGrowth() const { return double(residentBytesAfter - residentBytesBefore) / double(residentBytesBefore); }
};

/// Runs `warmup` uncounted cycles, then `cycles` counted ones, on a `side` × `side` input. Each cycle
/// hands an upscale (DDIM, 50 steps) to the worker thread, asks it to stop once its first step is done
/// and waits until it has. Throws what the upscaler throws, and ArgumentError when a run is not cancelled.
StartCancelResult measureStartCancel(const Upscaler& upscaler, int cycles, int warmup = 20, int side = 32);

/// This process's resident memory (/proc/self/statm) and its number of threads (/proc/self/task).
std::int64_t residentBytes();
int threadCount();

} // namespace cryosr
