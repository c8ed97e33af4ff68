#include "evaluation/evaluation.h"

#include "classicalupscale.h"
#include "io/errors.h"

#include <cmath>

namespace cryosr {

namespace {

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

MethodScores score(const std::string& method, const Image& output, const Image& reference, const Image& lowRes,
                   int scale)
{
    MethodScores s;
    s.method = method;
    s.psnr = psnr(output, reference);
    s.ssim = ssim(output, reference);
    s.frc = fourierRingCorrelation(output, reference);
    s.frc0143 = frcCrossing(s.frc);
    s.frcBeyondInputNyquist = correlationBeyondBand(output, reference, 0.5 / scale);
    s.consistencyError = consistencyError(output, lowRes);
    return s;
}

} // namespace

ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const Image& input, const Image& reference,
                                  const EvaluationSettings& settings)
{
    if (input.width() != reference.width() || input.height() != reference.height())
        throw ArgumentError("the reference must have the input's size");
    const int scale = upscaler.model().scale;
    const Image high = cropToMultiple(input, 2 * scale);
    const Image truth = cropToMultiple(reference, 2 * scale);
    const Image low = fourierCrop(high, scale);

    ImageEvaluation result;
    result.width = truth.width();
    result.height = truth.height();
    result.pixelSize = high.pixelSize.x;

    UpscaleSettings single = settings.upscale;
    single.samples = 1;
    result.methods.push_back(score("diffusion", upscaler.upscale(low, single).mean, truth, low, scale));
    if (settings.upscale.samples > 1) {
        const UpscaleResult many = upscaler.upscale(low, settings.upscale);
        MethodScores s = score("diffusion-mean-" + std::to_string(settings.upscale.samples), many.mean, truth, low, scale);
        std::vector<double> spread, error;
        for (std::size_t i = 0; i < many.mean.pixelCount(); ++i) {
            spread.push_back(many.standardDeviation.data()[i]);
            error.push_back(std::abs(many.mean.data()[i] - truth.data()[i]));
        }
        double sum = 0;
        for (double v : spread)
            sum += v;
        s.meanStd = sum / static_cast<double>(spread.size());
        s.stdErrorRankCorrelation = spearmanCorrelation(spread, error);
        result.methods.push_back(std::move(s));
    }
    for (const auto& [name, method] : {std::pair{"fourier", ClassicalMethod::Fourier},
                                       std::pair{"bicubic", ClassicalMethod::Bicubic},
                                       std::pair{"lanczos", ClassicalMethod::Lanczos}})
        result.methods.push_back(score(name, upscaleClassically(low, scale, method), truth, low, scale));
    return result;
}

std::optional<double> resolutionInAngstrom(std::optional<double> cyclesPerPixel, std::optional<double> pixelSize)
{
    if (!cyclesPerPixel || !pixelSize || *cyclesPerPixel <= 0)
        return std::nullopt;
    return *pixelSize / *cyclesPerPixel;
}

} // namespace cryosr
