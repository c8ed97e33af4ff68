#include "upscaler.h"

#include "computetarget.h"
#include "diffusion/condition.h"
#include "diffusion/consistency.h"
#include "diffusion/normalization.h"
#include "diffusion/prediction.h"
#include "diffusion/sampler.h"
#include "diffusion/tileddenoiser.h"
#include "errormessage.h"
#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"
#include "model/modelfile.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <vector>

namespace cryosr {

namespace {

/// A [H, W] float tensor on any device as an Image in the input's units (x · scale + shift).
Image inInputUnits(const torch::Tensor& plane, const Normalization& n, double shift)
{
    return toImage(plane.to(torch::kFloat64) * n.scale + shift);
}

/// Thrown out of the tiled network when a stop is asked for between batches of tiles.
struct StoppedWithinStep {};

/// Most tiles per network call: a CPU gains little from more, a GPU is kept busy.
constexpr int kMostTilesCpu = 4;
constexpr int kMostTilesGpu = 64;

void checkSettings(const UpscaleSettings& s)
{
    if (s.samples < 1 || s.samples > 256)
        throw ArgumentError("the number of samples must be 1 to 256, not " + std::to_string(s.samples));
    if (!(s.sampler.eta >= 0.0 && s.sampler.eta <= 1.0))
        throw ArgumentError("eta must be in [0, 1] (0 = deterministic DDIM, 1 = DDPM-like noise)");
}

} // namespace

struct Upscaler::Impl {
    std::string modelName; ///< the file's stem: "denoise" for the shipped denoise.cryosr
    Precision precision = Precision::Float32;
    ComputeTarget target;
    LoadedModel model;
    NoiseSchedule schedule;
};

Upscaler::Upscaler(const std::filesystem::path& modelFile, DeviceChoice device, Precision precision, int cudaIndex)
    : d(std::make_unique<Impl>())
{
    d->modelName = modelFile.stem().string();
    d->precision = precision;
    d->target = resolveComputeTarget(device, precision, cudaIndex);
    d->model = loadModel(modelFile);
    d->schedule = NoiseSchedule(d->model.info.schedule);
    d->model.network->to(d->target.device, d->target.networkType);
    d->model.network->setLayout(d->target.networkLayout);
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

std::string Upscaler::runLabel(const UpscaleSettings& settings, const UpscaleResult& result) const
{
    std::ostringstream text;
    text.imbue(std::locale::classic()); // "eta 0.5" in any locale the GUI sets
    const char* samples = settings.samples == 1 ? " sample"
        : settings.sampler.antitheticPairs      ? " paired samples"
                                                : " independent samples";
    text << "run: " << (onGpu() ? "cuda " : "cpu ") << precisionName(d->precision) << ", seed " << settings.sampler.seed << ", "
         << settings.samples << samples << ", eta " << settings.sampler.eta << ", " << consistencyName(result.consistency)
         << " consistency, model " << d->modelName;
    return text.str();
}

bool Upscaler::onGpu() const
{
    return d->target.device.is_cuda();
}

TileLayout Upscaler::tileLayout(int width, int height, const UpscaleSettings& settings) const
{
    return tileLayoutFor(d->model.info.scale * width, d->model.info.scale * height, settings);
}

TileLayout tileLayoutFor(int outputWidth, int outputHeight, const UpscaleSettings& settings)
{
    if (settings.tile == 0 && std::max(outputWidth, outputHeight) <= kLargestUntiledOutput)
        return TileLayout{outputWidth, outputHeight, 0, {TileRect{0, 0, outputWidth, outputHeight}}};
    return planTiles(outputWidth, outputHeight, settings.tile == 0 ? kAutomaticTile : settings.tile, settings.overlap);
}

double Upscaler::flopsPerStep(int width, int height, const UpscaleSettings& settings) const
{
    return stepFlops(networkCost(), tileLayout(width, height, settings), settings.samples);
}

NetworkCost Upscaler::networkCost() const
{
    return d->model.network->cost();
}

// A function try block: running out of memory anywhere in here leaves as OutOfMemoryError.
UpscaleResult Upscaler::upscale(const Image& input, const UpscaleSettings& settings, std::stop_token stop,
                                const FrameSink& frames, const TileSink& tiles) const
try {
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
    const ModelInfo& info = d->model.info;
    const torch::Tensor single = networkCondition(measured, s, info.condition, info.filteredCondition); // [1, C, sH, sW]
    const torch::Tensor condition = single.expand({k, single.size(1), s * h, s * w}).contiguous(); // [K, C, sH, sW]

    UNet network = d->model.network;
    const torch::ScalarType type = d->target.networkType;
    const Prediction prediction = d->model.info.prediction;
    const std::vector<double>& alphaBars = d->schedule.alphasCumprod();
    const auto alphaBarAt = [&](const torch::Tensor& t) { // all K timesteps are the same
        return torch::scalar_tensor(alphaBars.at(static_cast<std::size_t>(t[0].item<float>())), options);
    };
    NoisePredictor predictNoise = [&](const torch::Tensor& x, const torch::Tensor& t) {
        const torch::Tensor output = network->forward(torch::cat({x, condition}, 1).to(type), t).to(torch::kFloat32);
        return epsilonFrom(output, x, alphaBarAt(t), prediction); // [K, 1, sH, sW]
    };
    const TileLayout layout = tileLayout(static_cast<int>(w), static_cast<int>(h), settings);
    int step = 0; // the step under way, for tile progress
    std::shared_ptr<TiledDenoiser> tiled;
    if (!layout.isSingle()) {
        const TileRect& t = layout.tiles.front();
        const double perTile = network->activationBytes(1, t.height, t.width, static_cast<int>(torch::elementSize(type)));
        const double fit = 0.5 * double(availableMemory(d->target.device)) / perTile;
        const int most = d->target.device.is_cuda() ? kMostTilesGpu : kMostTilesCpu;
        const int batch = static_cast<int>(std::clamp(fit, 1.0, double(most)));
        const TileNetwork run = [&](const torch::Tensor& tileInput, const torch::Tensor& t) {
            const torch::Tensor output = network->forward(tileInput.to(type), t).to(torch::kFloat32);
            return epsilonFrom(output, tileInput.narrow(1, 0, 1), alphaBarAt(t), prediction); // [n, 1, h, w]
        };
        const TileProgressSink progress = [&](int done, int total) {
            if (tiles)
                tiles(TileProgress{step, settings.sampler.steps, done, total});
            if (done < total && stop.stop_requested())
                throw StoppedWithinStep{};
        };
        tiled = std::make_shared<TiledDenoiser>(layout, condition, d->schedule, s, run, batch, progress);
        predictNoise = [&, tiled](const torch::Tensor& x, const torch::Tensor& t) {
            ++step;
            return (*tiled)(x, t);
        };
    }
    const DataConsistency data(settings.consistency.value_or(d->model.info.consistency), measured);
    // An ε-network's x̂_0 = (x − √(1 − ᾱ) ε̂) / √ᾱ multiplies the error of ε̂ by 1/√ᾱ (160x at the first
    // of 4 steps), and with few steps no later step undoes it. As DDPM clips x̂_0 to the data's range,
    // it is held to the range the input shows around each pixel (the upsampled input's minimum and
    // maximum over 5 × 5 output pixels) widened by one robust standard deviation (docs/models.md).
    const bool bounded = prediction == Prediction::Epsilon;
    torch::Tensor lowest, highest; // [1, 1, sH, sW]
    if (bounded) {
        const torch::Tensor upsampled = single.narrow(1, 0, 1);
        highest = torch::max_pool2d(upsampled, 5, 1, 2) + 1;
        lowest = -torch::max_pool2d(-upsampled, 5, 1, 2) - 1;
    }
    PredictionHook boundAndKeepData; // what every x̂_0 goes through: the bounds, then the data term
    if (data.mode() != ConsistencyMode::Off || bounded)
        boundAndKeepData = [&](const torch::Tensor& x0) {
            return data(bounded ? torch::max(torch::min(x0, highest), lowest) : x0);
        };
    // Every image handed out is on the output's pixel grid and says where its data came from.
    const auto described = [&](Image image) {
        image.pixelSize = input.pixelSize.upscaled(s);
        image.provenance = input.provenance;
        return image;
    };
    StepSink sink;
    if (frames)
        sink = [&](const StepFrame& f) {
            const bool wantPredicted = settings.frames == FrameContent::PredictedX0 || settings.frames == FrameContent::Both;
            const bool wantState = settings.frames == FrameContent::State || settings.frames == FrameContent::Both;
            Image predicted, state;
            if (wantPredicted)
                predicted = described(inInputUnits(f.x0[0][0], n, n.centre));
            if (wantState)
                state = described(inInputUnits(f.xt[0][0], n, n.centre));
            frames(UpscaleFrame{f.step, f.total, f.timestep, wantPredicted ? &predicted : nullptr, wantState ? &state : nullptr});
        };

    UpscaleResult result;
    result.tiles = static_cast<int>(layout.tiles.size());
    result.consistency = data.mode();
    SampleResult sampled;
    try {
        sampled =
            sample(d->schedule, predictNoise, {k, 1, s * h, s * w}, settings.sampler, options, stop, sink, boundAndKeepData);
    } catch (const StoppedWithinStep&) {
        sampled.cancelled = true;
        sampled.stepsDone = step - 1;
    }
    result.cancelled = sampled.cancelled;
    result.stepsDone = sampled.stepsDone;
    result.tileBatch = tiled ? tiled->batch() : 1;
    if (sampled.cancelled)
        return result;

    result.mean = described(inInputUnits(sampled.x0.mean(0)[0], n, n.centre));
    if (k > 1) {
        // Independent samples lose a degree of freedom to their mean: divide by K − 1. Antithetic pairs
        // of an odd sampler lose none, their mean being the posterior's (divide by K), but for the
        // unpaired last sample of an odd K (whose own deviation the mean takes 1/K of): K − 1/K.
        const double k1 = static_cast<double>(k);
        const double divisor = !settings.sampler.antitheticPairs ? k1 - 1 : k % 2 == 0 ? k1 : k1 - 1 / k1;
        const torch::Tensor spread = (sampled.x0.var(0, /*unbiased=*/false)[0] * (k1 / divisor)).sqrt();
        result.standardDeviation =
            described(inInputUnits(spread * standardDeviationScaleFor(d->model.info, settings.sampler.steps), n, 0.0));
    }
    return result;
} catch (const std::exception& error) {
    throwIfOutOfMemory(error);
    throw;
}

} // namespace cryosr
