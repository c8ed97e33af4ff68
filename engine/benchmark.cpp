#include "benchmark.h"

#include "computetarget.h"
#include "io/errors.h"
#include "model/fusednorm.h"
#include "model/unet.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>

#ifdef CRYOSR_HAVE_TORCH_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace cryosr {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
}

/// The techniques in effect; the fused kernels only count where they run (on the GPU in a CUDA build;
/// on the CPU for inference, the only place their conditions are not met being training).
std::string techniquesOf(const BenchmarkSettings& settings, const torch::Device& device, torch::MemoryFormat layout,
                         bool training)
{
    std::string names;
    auto add = [&](bool on, const char* name) {
        if (on)
            names += (names.empty() ? "" : ", ") + std::string(name);
    };
    add(settings.fusedKernels && (device.is_cuda() ? fusedKernelsBuilt() : !training), "fused");
    add(layout == torch::MemoryFormat::ChannelsLast, "channels-last");
    add(settings.cudnnBenchmark, "cudnn-benchmark");
    add(settings.cudaGraph, "cuda-graph");
    return names.empty() ? "none" : names;
}

/// Returns a function that runs one step: the network's forward pass, or (cudaGraph) the replay of its
/// capture on these very tensors, whose output tensor is then overwritten in place by every replay.
std::function<torch::Tensor()> stepFunction(UNet& network, const torch::Tensor& input, const torch::Tensor& timesteps,
                                            bool cudaGraph)
{
    if (!cudaGraph)
        return [&network, input, timesteps] { return network->forward(input, timesteps); };
#ifdef CRYOSR_HAVE_TORCH_CUDA
    // Capture runs on a side stream after a few eager passes there (cuDNN plans and the allocator's
    // blocks exist before capture, as capture requires).
    auto graph = std::make_shared<at::cuda::CUDAGraph>();
    torch::Tensor output;
    c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, input.device().index());
    {
        const c10::cuda::CUDAStreamGuard onSide(side);
        for (int i = 0; i < 3; ++i)
            network->forward(input, timesteps);
        side.synchronize();
        graph->capture_begin();
        output = network->forward(input, timesteps); // [B, 1, S, S], refilled by every replay
        graph->capture_end();
    }
    return [graph, output] {
        graph->replay();
        return output;
    };
#else
    throw ArgumentError("CUDA graphs need a build against a CUDA LibTorch");
#endif
}

/// Forward passes (no gradients), or forward and backward passes (training: about three forwards' work).
BenchmarkResult timeSteps(const BenchmarkSettings& settings, bool training)
{
    if (settings.batch < 1 || settings.size < 8 || settings.repeats < 1 || settings.warmup < 0)
        throw ArgumentError("benchmark needs batch ≥ 1, size ≥ 8 and at least one timed step");
    if (training && settings.cudaGraph)
        throw ArgumentError("a CUDA graph is for inference; --training cannot use one");
    const ComputeTarget target = resolveComputeTarget(settings.device, training ? Precision::Float32 : settings.precision);
    if ((settings.cudaGraph || settings.cudnnBenchmark) && !target.device.is_cuda())
        throw ArgumentError("--cuda-graph and --cudnn-benchmark need a CUDA device");
    UNet network(settings.architecture);
    network->to(target.device, target.networkType);
    network->train(training);
    // Inference in the layout upscaling uses (channels-last on the CPU), training in the trainer's (NCHW);
    // --channels-last asks for it anywhere.
    const auto memoryFormat = settings.channelsLast ? torch::MemoryFormat::ChannelsLast
        : training                                  ? torch::MemoryFormat::Contiguous
                                                    : target.networkLayout;
    network->setLayout(memoryFormat);
    // Process-wide switches, put back afterwards (the GUI's speed measurement runs in a long-lived process).
    const bool fusedBefore = fusedKernelsEnabled(), autotuneBefore = at::globalContext().benchmarkCuDNN();
    const bool deterministicBefore = at::globalContext().deterministicCuDNN();
    setFusedKernelsEnabled(settings.fusedKernels);
    if (settings.cudnnBenchmark) {
        at::globalContext().setBenchmarkCuDNN(true);
        at::globalContext().setDeterministicCuDNN(false);
    }
    struct Restore {
        std::function<void()> restore;
        ~Restore() { restore(); }
    } restore{[=] {
        setFusedKernelsEnabled(fusedBefore);
        at::globalContext().setBenchmarkCuDNN(autotuneBefore);
        at::globalContext().setDeterministicCuDNN(deterministicBefore);
    }};

    std::optional<torch::NoGradGuard> noGrad;
    if (!training)
        noGrad.emplace();
    const auto options = torch::TensorOptions().device(target.device).dtype(target.networkType);
    const torch::Tensor input =
        torch::randn({settings.batch, settings.architecture.inputChannels, settings.size, settings.size}, options)
            .contiguous(memoryFormat); // [B, 2, S, S]
    const torch::Tensor timesteps = torch::full({settings.batch}, 500.0f, options.dtype(torch::kFloat32));

    BenchmarkResult result;
    result.device = target.description;
    result.parameters = network->parameterCount();
    result.gflopPerStep = network->flopsPerForward(settings.batch, settings.size, settings.size) / 1e9 * (training ? 3 : 1);
    result.techniques = techniquesOf(settings, target.device, memoryFormat, training);
    const std::function<torch::Tensor()> step = stepFunction(network, input, timesteps, settings.cudaGraph);
    for (int i = 0; i < settings.warmup + settings.repeats; ++i) {
        synchronize(target.device);
        const auto start = std::chrono::steady_clock::now();
        const torch::Tensor output = step(); // [B, 1, S, S]
        if (training) {
            output.square().mean().backward();
            network->zero_grad();
        }
        synchronize(target.device);
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
        if (i >= settings.warmup)
            result.milliseconds.push_back(elapsed.count());
    }
    result.medianMilliseconds = median(result.milliseconds);
    result.tflops = result.gflopPerStep / result.medianMilliseconds; // GFLOP / ms = TFLOP/s
    return result;
}

} // namespace

BenchmarkResult benchmarkDenoiser(const BenchmarkSettings& settings)
{
    return timeSteps(settings, false);
}

BenchmarkResult benchmarkTrainingStep(const BenchmarkSettings& settings)
{
    return timeSteps(settings, true);
}

} // namespace cryosr
