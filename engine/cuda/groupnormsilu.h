#pragma once
// The fused GroupNorm + SiLU (+ time-embedding add) CUDA kernel's launcher. Plain C++ (no CUDA or
// LibTorch headers), so that the kernel compiles with nvcc alone and the engine calls it from LibTorch
// code (engine/model/fusednorm.cpp) in a CUDA build.

#include <cstdint>

namespace cryosr::cuda {

enum class ElementType { Float32, BFloat16, Float16 };

/// x and y are [N, C, H, W] with HW = pixels, either contiguous (NCHW) or channels-last (NHWC) in memory.
struct GroupNormShape {
    int batch = 0; ///< N
    int channels = 0; ///< C, a multiple of groups
    std::int64_t pixels = 0; ///< H × W
    int groups = 0;
    bool channelsLast = false;
};

/**
 * y = silu(groupnorm(x + addend) × gamma + beta), statistics per (sample, group) in fp32 whatever the
 * element type. `addend` is [N, C] (added to every pixel of its channel; the ResBlock's time embedding)
 * or null; gamma and beta are [C]; all in `type`. Runs on `stream` (a cudaStream_t). Returns 0 when
 * launched, else a CUDA error code for errorString.
 */
int launchGroupNormSilu(ElementType type, const void* x, const void* addend, const void* gamma, const void* beta, void* y,
                        const GroupNormShape& shape, float epsilon, void* stream);

const char* errorString(int code);

} // namespace cryosr::cuda
