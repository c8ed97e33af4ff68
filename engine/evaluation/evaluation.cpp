#include "evaluation/evaluation.h"

#include "classicalupscale.h"
#include "evaluation/oraclefilters.h"
#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

constexpr int kUncertaintyTile = 32;

/// The top-left part of `image` whose sides are multiples of `multiple`.
Image cropToMultiple(const Image& image, int multiple)
{
    const int w = image.width() / multiple * multiple, h = image.height() / multiple * multiple;
    if (w == 0 || h == 0)
        throw ArgumentError("the image is smaller than the scale");
    Image out(w, h);
    for (int y = 0; y < h; ++y)
        std::copy_n(image.data() + std::size_t(y) * image.width(), w, out.data() + std::size_t(y) * w);
    out.pixelSize = image.pixelSize;
    out.provenance = image.provenance;
    return out;
}

/// Every other row and column of `image`, starting at (offset, offset).
Image subLattice(const Image& image, int offset)
{
    Image out(image.width() / 2, image.height() / 2);
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            out.at(x, y) = image.at(2 * x + offset, 2 * y + offset);
    out.pixelSize = image.pixelSize.binned(2);
    out.provenance = image.provenance;
    return out;
}

MethodScores score(const std::string& method, const Image& output, const EvaluationTask& task, int scale)
{
    const Image scored = interior(output, task.border), truth = interior(task.reference, task.border);
    MethodScores s;
    s.method = method;
    s.psnr = psnr(scored, truth);
    s.ssim = ssim(scored, truth);
    s.frc = fourierRingCorrelation(scored, truth);
    s.frc0143 = frcCrossing(s.frc);
    s.frcBeyondInputNyquist = correlationBeyondBand(scored, truth, 0.5 / scale);
    s.consistencyError = consistencyError(output, task.low);
    return s;
}

} // namespace

EvaluationTask highResolutionTask(const Image& input, const Image& reference, int scale)
{
    if (input.width() != reference.width() || input.height() != reference.height())
        throw ArgumentError("the reference must have the input's size");
    const Image high = cropToMultiple(input, 2 * scale);
    return {fourierCrop(high, scale), cropToMultiple(reference, 2 * scale), 0};
}

EvaluationTask splitTask(const Image& micrograph, int scale, int border)
{
    if (micrograph.width() < 4 * scale || micrograph.height() < 4 * scale)
        throw ArgumentError("the micrograph is too small to split into two halves and upscale");
    const Image a = cropToMultiple(subLattice(micrograph, 0), 2 * scale);
    const Image b = cropToMultiple(subLattice(micrograph, 1), 2 * scale);
    if (2 * border >= std::min(a.width(), a.height()))
        throw ArgumentError("the micrograph is too small for a " + std::to_string(border) + "-pixel border");
    torch::NoGradGuard noGrad;
    // B's samples sit half a pixel further along both axes: moved back onto A's grid.
    Image reference = toImage(fourierShift(toTensor(b).to(torch::kFloat64), 0.5, 0.5));
    reference.pixelSize = a.pixelSize;
    reference.provenance = a.provenance;
    return {fourierCrop(a, scale), reference, border};
}

void scoreUncertainty(MethodScores& s, const Image& mean, const Image& standardDeviation, const Image& reference, int samples)
{
    std::vector<double> spread, error;
    double sum = 0;
    std::size_t within = 0;
    const double allowance = 2.0 * std::sqrt(1.0 + 1.0 / samples);
    for (std::size_t i = 0; i < mean.pixelCount(); ++i) {
        const double sd = standardDeviation.data()[i], e = std::abs(mean.data()[i] - reference.data()[i]);
        spread.push_back(sd);
        error.push_back(e);
        sum += sd;
        within += e <= allowance * sd ? 1 : 0;
    }
    s.meanStd = sum / static_cast<double>(spread.size());
    s.stdErrorRankCorrelation = spearmanCorrelation(spread, error);
    s.coverage = static_cast<double>(within) / static_cast<double>(spread.size());
    std::vector<double> tileSd, tileRmse;
    for (int y = 0; y + kUncertaintyTile <= mean.height(); y += kUncertaintyTile)
        for (int x = 0; x + kUncertaintyTile <= mean.width(); x += kUncertaintyTile) {
            double sd = 0, squares = 0;
            for (int v = y; v < y + kUncertaintyTile; ++v)
                for (int u = x; u < x + kUncertaintyTile; ++u) {
                    const std::size_t i = std::size_t(v) * mean.width() + u;
                    sd += spread[i];
                    squares += error[i] * error[i];
                }
            tileSd.push_back(sd);
            tileRmse.push_back(std::sqrt(squares));
        }
    if (tileSd.size() >= 2)
        s.tileRankCorrelation = spearmanCorrelation(tileSd, tileRmse);
}

ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const EvaluationTask& task, const EvaluationSettings& settings)
{
    const int scale = upscaler.model().scale;
    if (task.low.width() * scale != task.reference.width() || task.low.height() * scale != task.reference.height())
        throw ArgumentError("the reference must be the scale times the low-resolution input");
    const Image truth = interior(task.reference, task.border);
    ImageEvaluation result;
    result.width = truth.width();
    result.height = truth.height();
    result.pixelSize = task.reference.pixelSize.x;

    UpscaleSettings single = settings.upscale;
    single.samples = 1;
    result.methods.push_back(score("diffusion", upscaler.upscale(task.low, single).mean, task, scale));
    if (settings.upscale.samples > 1) {
        const UpscaleResult many = upscaler.upscale(task.low, settings.upscale);
        MethodScores s = score("diffusion-mean-" + std::to_string(settings.upscale.samples), many.mean, task, scale);
        scoreUncertainty(s, interior(many.mean, task.border), interior(many.standardDeviation, task.border), truth,
                         settings.upscale.samples);
        result.methods.push_back(std::move(s));
    }
    const Image padded = upscaleClassically(task.low, scale, ClassicalMethod::Fourier);
    for (const auto& [name, method] :
         {std::pair{"fourier", ClassicalMethod::Fourier}, std::pair{"bicubic", ClassicalMethod::Bicubic},
          std::pair{"lanczos", ClassicalMethod::Lanczos}})
        result.methods.push_back(
            score(name, method == ClassicalMethod::Fourier ? padded : upscaleClassically(task.low, scale, method), task, scale));
    const OracleResult gaussian = bestGaussian(padded, task.reference, task.border);
    result.methods.push_back(score("gaussian-oracle", gaussian.image, task, scale));
    result.methods.back().parameter = gaussian.parameter;
    result.methods.push_back(score("wiener-oracle", radialWiener(padded, task.reference).image, task, scale));
    return result;
}

ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const Image& input, const Image& reference,
                                  const EvaluationSettings& settings)
{
    return evaluateUpscaling(upscaler, highResolutionTask(input, reference, upscaler.model().scale), settings);
}

CalibrationFit fitStandardDeviationScale(const Upscaler& upscaler, const std::vector<EvaluationTask>& tasks,
                                         const UpscaleSettings& settings, double target)
{
    if (settings.samples < 2)
        throw ArgumentError("a calibration needs at least two samples per input");
    if (!(target > 0 && target < 1) || tasks.empty())
        throw ArgumentError("a calibration needs inputs and a coverage between 0 and 1");
    const double allowance = 2.0 * std::sqrt(1.0 + 1.0 / settings.samples);
    std::vector<double> ratios; // |error| / (allowance · sd): within the allowance when ≤ 1
    for (const EvaluationTask& task : tasks) {
        const UpscaleResult r = upscaler.upscale(task.low, settings);
        const Image mean = interior(r.mean, task.border), sd = interior(r.standardDeviation, task.border);
        const Image truth = interior(task.reference, task.border);
        for (std::size_t i = 0; i < mean.pixelCount(); ++i) {
            const double error = std::abs(mean.data()[i] - truth.data()[i]);
            const double spread = allowance * sd.data()[i];
            ratios.push_back(spread > 0 ? error / spread : (error > 0 ? 1e30 : 0.0));
        }
    }
    CalibrationFit fit;
    fit.pixels = ratios.size();
    fit.coverageBefore = double(std::count_if(ratios.begin(), ratios.end(), [](double r) { return r <= 1.0; }))
        / double(ratios.size());
    const auto quantile = ratios.begin() + static_cast<std::ptrdiff_t>(target * double(ratios.size() - 1));
    std::nth_element(ratios.begin(), quantile, ratios.end());
    fit.scale = *quantile;
    if (!(fit.scale > 0 && fit.scale < 1e3))
        throw ArgumentError("the samples' spread cannot be calibrated on these inputs (it is zero or the errors are)");
    return fit;
}

std::optional<double> resolutionInAngstrom(std::optional<double> cyclesPerPixel, std::optional<double> pixelSize)
{
    if (!cyclesPerPixel || !pixelSize || *cyclesPerPixel <= 0)
        return std::nullopt;
    return *pixelSize / *cyclesPerPixel;
}

} // namespace cryosr
