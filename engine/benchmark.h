#pragma once
// Timing of one denoising step (a network evaluation on [B, 2, S, S]) for `cryosr-cli bench`. Plain
// C++ types; LibTorch stays in benchmark.cpp.

#include "computedevice.h"
#include "model/unetconfig.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cryosr {

struct BenchmarkSettings {
    UNetConfig architecture;
    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Float32;
    int batch = 1;
    int size = 256; ///< S: output-resolution side length the network runs at
    int warmup = 2; ///< untimed steps first (allocator, cuDNN, caches)
    int repeats = 10; ///< timed steps
    // Speed techniques, each switchable so that its effect can be measured (docs/performance.md).
    bool fusedKernels = true; ///< the fused GroupNorm + SiLU: CUDA kernel where built, CPU passes (model/fusednorm.h)
    bool channelsLast = false; ///< weights and activations in NHWC memory order
    bool cudnnBenchmark = false; ///< cuDNN autotuning (gives up bit-for-bit repeatable convolutions); CUDA only
    bool cudaGraph = false; ///< the step captured once in a CUDA graph and replayed; CUDA, inference only
};

struct BenchmarkResult {
    std::string device; ///< as ComputeTarget describes it
    std::int64_t parameters = 0;
    double gflopPerStep = 0; ///< from the architecture (UNetImpl::flopsPerForward)
    std::vector<double> milliseconds; ///< each timed step
    double medianMilliseconds = 0;
    double tflops = 0; ///< gflopPerStep / median
    std::string techniques; ///< those in effect, e.g. "fused, channels-last", or "none"
};

/// Throws ArgumentError for a bad architecture, size or device choice, or a CUDA-only technique elsewhere.
BenchmarkResult benchmarkDenoiser(const BenchmarkSettings& settings);

/// A training step's network work: forward and backward on [B, 2, S, S] (S = the patch) in fp32
/// (what the trainer runs on the CPU); the wizard shows each model size's speed from it.
BenchmarkResult benchmarkTrainingStep(const BenchmarkSettings& settings);

} // namespace cryosr
