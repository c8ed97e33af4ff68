#include "upscaler.h"

#include "computetarget.h"
#include "diffusion/normalization.h"
#include "diffusion/sampler.h"
#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"
#include "model/modelfile.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cryosr {

namespace {

/// A [H, W] float tensor on any device as an Image in the input's units (x · scale + shift).
Image inInputUnits(const torch::Tensor& plane, const Normalization& n, double shift)
{
    return toImage(plane.to(torch::kFloat64) * n.scale + shift);
}

void checkSettings(const UpscaleSettings& s)
{
    if (s.samples < 1 || s.samples > 256)
        throw ArgumentError("the number of samples must be 1 to 256, not " + std::to_string(s.samples));
    if (!(s.sampler.eta >= 0.0 && s.sampler.eta <= 1.0))
        throw ArgumentError("eta must be in [0, 1] (0 = deterministic DDIM, 1 = DDPM-like noise)");
}

} // namespace

struct Upscaler::Impl {
    ComputeTarget target;
    LoadedModel model;
    NoiseSchedule schedule;
};

Upscaler::Upscaler(const std::filesystem::path& modelFile, DeviceChoice device, Precision precision)
    : d(std::make_unique<Impl>())
{
    d->target = resolveComputeTarget(device, precision);
    d->model = loadModel(modelFile);
    d->schedule = NoiseSchedule(d->model.info.schedule);
    d->model.network->to(d->target.device, d->target.networkType);
    d->model.network->eval();
}

Upscaler::~Upscaler() = default;

const ModelInfo& Upscaler::model() const
{
    return d->model.info;
}

std::string Upscaler::deviceDescription() const
{
    return d->target.description;
}

bool Upscaler::onGpu() const
{
    return d->target.device.is_cuda();
}

double Upscaler::flopsPerStep(int width, int height, int samples) const
{
    const int s = d->model.info.scale;
    return d->model.network->flopsPerForward(samples, std::int64_t(s) * height, std::int64_t(s) * width);
}

UpscaleResult Upscaler::upscale(const Image& input, const UpscaleSettings& settings, std::stop_token stop,
                                const FrameSink& frames) const
{
    checkSettings(settings);
    if (input.isEmpty())
        throw ArgumentError("nothing to upscale: the region is empty");
    const std::int64_t h = input.height(), w = input.width();
    const int s = d->model.info.scale;
    const std::int64_t k = settings.samples;

    // Normalise robustly; pixels that are not finite take the median so they cannot poison the FFTs.
    std::vector<float> values(input.data(), input.data() + input.pixelCount());
    const bool anyFinite = std::any_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
    if (!anyFinite)
        throw ArgumentError("the region has no finite pixels");
    const Normalization n = robustNormalization(values.data(), values.size());
    fillNonFinite(values.data(), values.size(), n.centre);
    normalize(values.data(), values.size(), n);

    const torch::TensorOptions options = torch::TensorOptions().dtype(torch::kFloat32).device(d->target.device);
    torch::NoGradGuard noGrad;
    const torch::Tensor measured = torch::from_blob(values.data(), {1, 1, h, w}, torch::kFloat32).to(options); // [1, 1, H, W]
    const torch::Tensor upsampled = d->model.info.condition == ConditionUpsampling::Fourier
        ? fourierResize(measured, s * h, s * w)
        : bicubicUpsample(measured, s);                                                   // [1, 1, sH, sW]
    const torch::Tensor condition = upsampled.expand({k, 1, s * h, s * w}).contiguous(); // [K, 1, sH, sW]

    UNet network = d->model.network;
    const torch::ScalarType type = d->target.networkType;
    const NoisePredictor predictNoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
        return network->forward(torch::cat({x, condition}, 1).to(type), t).to(torch::kFloat32); // [K, 1, sH, sW]
    };
    PredictionHook consistency;
    if (settings.consistency)
        consistency = [&](const torch::Tensor& x0) { return enforceConsistency(x0, measured); };
    StepSink sink;
    if (frames)
        sink = [&](const StepFrame& f) {
            const bool wantPredicted = settings.frames == FrameContent::PredictedX0 || settings.frames == FrameContent::Both;
            const bool wantState = settings.frames == FrameContent::State || settings.frames == FrameContent::Both;
            Image predicted, state;
            if (wantPredicted)
                predicted = inInputUnits(f.x0[0][0], n, n.centre);
            if (wantState)
                state = inInputUnits(f.xt[0][0], n, n.centre);
            frames(UpscaleFrame{f.step, f.total, f.timestep, wantPredicted ? &predicted : nullptr,
                                wantState ? &state : nullptr});
        };

    const SampleResult sampled =
        sample(d->schedule, predictNoise, {k, 1, s * h, s * w}, settings.sampler, options, stop, sink, consistency);
    UpscaleResult result;
    result.cancelled = sampled.cancelled;
    result.stepsDone = sampled.stepsDone;
    if (sampled.cancelled)
        return result;

    result.mean = inInputUnits(sampled.x0.mean(0)[0], n, n.centre);
    if (k > 1)
        result.standardDeviation = inInputUnits(sampled.x0.std(0, /*unbiased=*/true)[0], n, 0.0);
    for (Image* image : {&result.mean, &result.standardDeviation}) {
        image->pixelSize = input.pixelSize.upscaled(s);
        image->provenance = input.provenance;
    }
    return result;
}

} // namespace cryosr
