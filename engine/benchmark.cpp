#include "benchmark.h"

#include "computetarget.h"
#include "io/errors.h"
#include "model/unet.h"

#include <algorithm>
#include <chrono>

namespace cryosr {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 ? values[m] : (values[m - 1] + values[m]) / 2;
}

} // namespace

BenchmarkResult benchmarkDenoiser(const BenchmarkSettings& settings)
{
    if (settings.batch < 1 || settings.size < 8 || settings.repeats < 1 || settings.warmup < 0)
        throw ArgumentError("benchmark needs batch ≥ 1, size ≥ 8 and at least one timed step");
    const ComputeTarget target = resolveComputeTarget(settings.device, settings.precision);
    UNet network(settings.architecture);
    network->to(target.device, target.networkType);
    network->eval();

    torch::NoGradGuard noGrad;
    const auto options = torch::TensorOptions().device(target.device).dtype(target.networkType);
    const torch::Tensor input = torch::randn({settings.batch, settings.architecture.inputChannels, settings.size,
                                              settings.size}, options); // [B, 2, S, S]
    const torch::Tensor timesteps = torch::full({settings.batch}, 500.0f, options.dtype(torch::kFloat32));

    BenchmarkResult result;
    result.device = target.description;
    result.parameters = network->parameterCount();
    result.gflopPerStep = network->flopsPerForward(settings.batch, settings.size, settings.size) / 1e9;
    for (int i = 0; i < settings.warmup + settings.repeats; ++i) {
        synchronize(target.device);
        const auto start = std::chrono::steady_clock::now();
        network->forward(input, timesteps);
        synchronize(target.device);
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
        if (i >= settings.warmup)
            result.milliseconds.push_back(elapsed.count());
    }
    result.medianMilliseconds = median(result.milliseconds);
    result.tflops = result.gflopPerStep / result.medianMilliseconds; // GFLOP / ms = TFLOP/s
    return result;
}

} // namespace cryosr
