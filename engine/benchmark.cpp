#include "benchmark.h"

#include "computetarget.h"
#include "io/errors.h"
#include "model/unet.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace cryosr {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
}

/// Forward passes (no gradients), or forward and backward passes (training: about three forwards' work).
BenchmarkResult timeSteps(const BenchmarkSettings& settings, bool training)
{
    if (settings.batch < 1 || settings.size < 8 || settings.repeats < 1 || settings.warmup < 0)
        throw ArgumentError("benchmark needs batch ≥ 1, size ≥ 8 and at least one timed step");
    const ComputeTarget target = resolveComputeTarget(settings.device, training ? Precision::Float32 : settings.precision);
    UNet network(settings.architecture);
    network->to(target.device, target.networkType);
    network->train(training);

    std::optional<torch::NoGradGuard> noGrad;
    if (!training)
        noGrad.emplace();
    const auto options = torch::TensorOptions().device(target.device).dtype(target.networkType);
    const torch::Tensor input = torch::randn({settings.batch, settings.architecture.inputChannels, settings.size,
                                              settings.size}, options); // [B, 2, S, S]
    const torch::Tensor timesteps = torch::full({settings.batch}, 500.0f, options.dtype(torch::kFloat32));

    BenchmarkResult result;
    result.device = target.description;
    result.parameters = network->parameterCount();
    result.gflopPerStep = network->flopsPerForward(settings.batch, settings.size, settings.size) / 1e9 * (training ? 3 : 1);
    for (int i = 0; i < settings.warmup + settings.repeats; ++i) {
        synchronize(target.device);
        const auto start = std::chrono::steady_clock::now();
        const torch::Tensor output = network->forward(input, timesteps); // [B, 1, S, S]
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

std::int64_t parameterCount(const UNetConfig& architecture)
{
    architecture.validate();
    return UNet(architecture)->parameterCount();
}

BenchmarkResult benchmarkDenoiser(const BenchmarkSettings& settings)
{
    return timeSteps(settings, false);
}

BenchmarkResult benchmarkTrainingStep(const BenchmarkSettings& settings)
{
    return timeSteps(settings, true);
}

} // namespace cryosr
