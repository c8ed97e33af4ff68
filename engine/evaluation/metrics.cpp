#include "evaluation/metrics.h"

#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cryosr {

namespace {

torch::Tensor asDouble(const Image& image) // [H, W] float64
{
    return toTensor(image).to(torch::kFloat64);
}

void requireSameSize(const Image& a, const Image& b)
{
    if (a.width() != b.width() || a.height() != b.height() || a.isEmpty())
        throw ArgumentError("images of different sizes cannot be compared (" + std::to_string(a.width()) + " × "
                            + std::to_string(a.height()) + " and " + std::to_string(b.width()) + " × "
                            + std::to_string(b.height()) + ")");
}

double rangeOf(const torch::Tensor& t)
{
    const auto finite = t.masked_select(torch::isfinite(t));
    return finite.numel() ? (finite.max() - finite.min()).item<double>() : 0.0;
}

std::vector<double> ranks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        for (std::size_t k = i; k <= j; ++k)
            rank[order[k]] = 0.5 * static_cast<double>(i + j); // ties share their mean rank
        i = j + 1;
    }
    return rank;
}

} // namespace

double psnr(const Image& estimate, const Image& reference)
{
    requireSameSize(estimate, reference);
    const auto r = asDouble(reference);
    const double mse = (asDouble(estimate) - r).pow(2).mean().item<double>();
    const double range = rangeOf(r);
    return 10.0 * std::log10(range * range / mse);
}

double ssim(const Image& estimate, const Image& reference)
{
    requireSameSize(estimate, reference);
    if (estimate.width() < 11 || estimate.height() < 11)
        throw ArgumentError("SSIM needs images of at least 11 × 11 pixels");
    const auto x = asDouble(estimate).unsqueeze(0).unsqueeze(0); // [1, 1, H, W]
    const auto y = asDouble(reference).unsqueeze(0).unsqueeze(0);
    const auto g = torch::exp(-(torch::arange(11, torch::kFloat64) - 5).pow(2) / (2 * 1.5 * 1.5));
    const auto window = torch::outer(g, g).div(torch::outer(g, g).sum()).view({1, 1, 11, 11});
    const auto blur = [&](const torch::Tensor& t) { return torch::conv2d(t, window); };
    const double L = rangeOf(y);
    const double c1 = std::pow(0.01 * L, 2), c2 = std::pow(0.03 * L, 2);
    const auto mx = blur(x), my = blur(y);
    const auto vx = blur(x * x) - mx * mx, vy = blur(y * y) - my * my, cxy = blur(x * y) - mx * my;
    const auto map = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    return map.mean().item<double>();
}

FrcCurve fourierRingCorrelation(const Image& a, const Image& b)
{
    requireSameSize(a, b);
    const std::int64_t h = a.height(), w = a.width();
    const auto fa = torch::fft::fft2(asDouble(a) - asDouble(a).mean());
    const auto fb = torch::fft::fft2(asDouble(b) - asDouble(b).mean());
    const auto fy = torch::fft::fftfreq(h, torch::kFloat64).view({h, 1});
    const auto fx = torch::fft::fftfreq(w, torch::kFloat64).view({1, w});
    const auto radius = torch::sqrt(fy * fy + fx * fx); // cycles per pixel
    const std::int64_t n = std::min(h, w);
    const std::int64_t rings = n / 2 + 1;
    const auto ring = torch::round(radius * static_cast<double>(n)).to(torch::kLong).flatten(); // ring index
    const auto inside = ring < rings;
    const auto index = ring.masked_select(inside);
    const auto select = [&](const torch::Tensor& t) { return t.flatten().masked_select(inside); };
    const auto sum = [&](const torch::Tensor& values) {
        return torch::zeros({rings}, torch::kFloat64).index_add_(0, index, values);
    };
    const auto cross = sum(select(torch::real(fa * torch::conj(fb))));
    const auto powerA = sum(select(fa.abs().pow(2)));
    const auto powerB = sum(select(fb.abs().pow(2)));
    const auto count = torch::zeros({rings}, torch::kLong).index_add_(0, index, torch::ones_like(index));
    FrcCurve curve;
    for (std::int64_t r = 0; r < rings; ++r) {
        const double denominator = std::sqrt(powerA[r].item<double>() * powerB[r].item<double>());
        curve.frequency.push_back(static_cast<double>(r) / static_cast<double>(n));
        curve.correlation.push_back(denominator > 0 ? cross[r].item<double>() / denominator : 0.0);
        curve.samples.push_back(count[r].item<long>());
    }
    return curve;
}

std::optional<double> frcCrossing(const FrcCurve& curve, double threshold)
{
    // Ring 0 holds only the removed mean; the curve starts at ring 1.
    for (std::size_t i = 1; i < curve.correlation.size(); ++i) {
        if (curve.correlation[i] >= threshold)
            continue;
        if (i == 1)
            return curve.frequency[1];
        const double c0 = curve.correlation[i - 1], c1 = curve.correlation[i];
        const double t = (c0 - threshold) / (c0 - c1);
        return curve.frequency[i - 1] + t * (curve.frequency[i] - curve.frequency[i - 1]);
    }
    return std::nullopt;
}

double correlationBeyondBand(const Image& a, const Image& b, double nyquist)
{
    requireSameSize(a, b);
    const std::int64_t h = a.height(), w = a.width();
    const auto fa = torch::fft::fft2(asDouble(a));
    const auto fb = torch::fft::fft2(asDouble(b));
    const auto fy = torch::fft::fftfreq(h, torch::kFloat64).abs().view({h, 1});
    const auto fx = torch::fft::fftfreq(w, torch::kFloat64).abs().view({1, w});
    const auto outside = torch::maximum(fy.expand({h, w}), fx.expand({h, w})) > nyquist + 1e-9;
    const auto cross = torch::real(fa * torch::conj(fb)).masked_select(outside).sum().item<double>();
    const double powerA = fa.abs().pow(2).masked_select(outside).sum().item<double>();
    const double powerB = fb.abs().pow(2).masked_select(outside).sum().item<double>();
    // Float32 round-off alone (1e-14 of the power, a padded image's "detail") must not count as detail.
    const double totalA = fa.abs().pow(2).sum().item<double>();
    if (powerA <= 1e-10 * totalA || powerB <= 0)
        return 0.0;
    return cross / std::sqrt(powerA * powerB);
}

Image fourierCrop(const Image& input, int scale)
{
    if (scale < 1 || input.width() % scale || input.height() % scale)
        throw ArgumentError("a Fourier crop by " + std::to_string(scale) + " needs sides divisible by it, not "
                            + std::to_string(input.width()) + " × " + std::to_string(input.height()));
    torch::NoGradGuard noGrad;
    Image out = toImage(fourierResize(toTensor(input), input.height() / scale, input.width() / scale));
    out.pixelSize = input.pixelSize.binned(scale);
    out.provenance = input.provenance;
    return out;
}

double consistencyError(const Image& output, const Image& input)
{
    if (input.isEmpty() || output.width() % input.width() || output.height() % input.height()
        || output.width() / input.width() != output.height() / input.height())
        throw ArgumentError("the output is not an integer multiple of the input in size");
    const auto measured = asDouble(input);
    const auto cropped = fourierResize(asDouble(output), input.height(), input.width());
    const double spread = measured.std().item<double>();
    return (cropped - measured).pow(2).mean().sqrt().item<double>() / (spread > 0 ? spread : 1.0);
}

double spearmanCorrelation(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size() || a.size() < 2)
        throw ArgumentError("rank correlation needs two lists of the same length (at least 2)");
    const auto ra = ranks(a), rb = ranks(b);
    const double n = static_cast<double>(a.size());
    const double mean = (n - 1) / 2;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - mean) * (rb[i] - mean);
        saa += (ra[i] - mean) * (ra[i] - mean);
        sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

} // namespace cryosr
