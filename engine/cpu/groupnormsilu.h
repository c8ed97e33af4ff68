#pragma once
// GroupNorm + SiLU on the CPU, as two passes over the features instead of LibTorch's five to eight: the
// per-channel moments, then y = silu(x · scale + shift) with the normalisation, its affine weights and
// the time embedding folded into one scale and shift per channel (engine/model/sharednorm). The small
// network of the shipped models spends most of a CPU step in these memory-bound passes, not in its
// convolutions (docs/performance.md). Plain C++ (no LibTorch headers), so that it can be compiled with
// OpenMP, as LibTorch's own parallel loops are (ATen's at::parallel_for is an inline OpenMP loop, serial
// in a file compiled without it).

#include <cstdint>

namespace cryosr::cpu {

enum class ElementType { Float32, BFloat16 };

/// One sample's features: `pixels` pixels (H × W) of `channels` channels, channel-major in memory (NCHW's
/// [C, H·W]) or pixel-major (channels-last, NHWC's [H·W, C]).
struct FeatureLayout {
    std::int64_t channels = 0;
    std::int64_t pixels = 0;
    bool channelsLast = false;
};

/// Σx and Σx² per sample and channel of a batch of `batch` samples, one after another in memory, into
/// sum and sumOfSquares ([N, C] each, overwritten). Accumulates in float over short runs and in double
/// across them. Splits the work over `threads` OpenMP threads (LibTorch's, in a build with OpenMP).
void channelMoments(ElementType type, const void* x, std::int64_t batch, const FeatureLayout& layout, double* sum,
                    double* sumOfSquares, int threads);

/// y = silu(x · scale[n, c] + shift[n, c]) for a batch (x and y alike in layout); scale and shift are
/// [N, C]. bf16 is computed in float and rounded to nearest even. Splits the work as channelMoments does.
void scaleShiftSilu(ElementType type, const void* x, void* y, std::int64_t batch, const FeatureLayout& layout, const float* scale,
                    const float* shift, int threads);

/// silu(v) = v / (1 + e^−v) with the e^x the kernel uses (a polynomial, relative error ~1e-7), for tests.
float silu(float v);

} // namespace cryosr::cpu
