#include "evaluation/oraclefilters.h"

#include "imagetensor.h"
#include "io/errors.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace cryosr {

namespace {

void requireSameSize(const Image& a, const Image& b)
{
    if (a.width() != b.width() || a.height() != b.height() || a.isEmpty())
        throw ArgumentError("an oracle filter needs an image and a reference of the same size");
}

/// |k| in cycles per pixel on the fft2 grid: [h, w].
torch::Tensor radius(std::int64_t h, std::int64_t w)
{
    const torch::Tensor fy = torch::fft::fftfreq(h, torch::kFloat64).unsqueeze(1);
    const torch::Tensor fx = torch::fft::fftfreq(w, torch::kFloat64).unsqueeze(0);
    return torch::sqrt(fy * fy + fx * fx);
}

Image like(const torch::Tensor& plane, const Image& model)
{
    Image out = toImage(plane);
    out.pixelSize = model.pixelSize;
    out.provenance = model.provenance;
    return out;
}

} // namespace

Image interior(const Image& image, int border)
{
    if (border == 0)
        return image;
    const int w = image.width() - 2 * border, h = image.height() - 2 * border;
    if (border < 0 || w < 1 || h < 1)
        throw ArgumentError("a border of " + std::to_string(border) + " pixels leaves nothing of a "
                            + std::to_string(image.width()) + " × " + std::to_string(image.height()) + " image");
    Image out(w, h);
    for (int y = 0; y < h; ++y)
        std::copy_n(image.data() + std::size_t(y + border) * image.width() + border, w, out.data() + std::size_t(y) * w);
    out.pixelSize = image.pixelSize;
    out.provenance = image.provenance;
    return out;
}

Image gaussianLowPass(const Image& image, double sigma)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = toTensor(image).to(torch::kFloat64);
    if (sigma <= 0)
        return image;
    const torch::Tensor k = radius(x.size(0), x.size(1));
    const torch::Tensor transfer = torch::exp(-2.0 * M_PI * M_PI * sigma * sigma * k * k);
    return like(torch::real(torch::fft::ifft2(torch::fft::fft2(x) * transfer)), image);
}

OracleResult bestGaussian(const Image& image, const Image& reference, int border)
{
    requireSameSize(image, reference);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = toTensor(image).to(torch::kFloat64);
    const torch::Tensor spectrum = torch::fft::fft2(x);
    const torch::Tensor k2 = radius(x.size(0), x.size(1)).square();
    const torch::Tensor truth = toTensor(interior(reference, border)).to(torch::kFloat64);
    const std::int64_t h = x.size(0), w = x.size(1);
    OracleResult best;
    double bestError = std::numeric_limits<double>::infinity();
    for (int step = 0; step <= 24; ++step) {
        const double sigma = 0.25 * step;
        const torch::Tensor filtered =
            torch::real(torch::fft::ifft2(spectrum * torch::exp(-2.0 * M_PI * M_PI * sigma * sigma * k2)));
        const torch::Tensor scored = filtered.narrow(0, border, h - 2 * border).narrow(1, border, w - 2 * border);
        const double error = (scored - truth).square().mean().item<double>();
        if (error < bestError) {
            bestError = error;
            best = {like(filtered, image), sigma};
        }
    }
    return best;
}

OracleResult radialWiener(const Image& image, const Image& reference, int rings)
{
    requireSameSize(image, reference);
    if (rings < 1)
        throw ArgumentError("a radial Wiener filter needs at least one ring");
    torch::NoGradGuard noGrad;
    const torch::Tensor fx = torch::fft::fft2(toTensor(image).to(torch::kFloat64));
    const torch::Tensor fr = torch::fft::fft2(toTensor(reference).to(torch::kFloat64));
    const std::int64_t h = image.height(), w = image.width();
    // Rings of equal width out to the corner (√2 · ½ cycles per pixel for square pixels).
    const torch::Tensor r = radius(h, w);
    const double corner = r.max().item<double>();
    const torch::Tensor ring = (r / corner * rings).floor().clamp_max(rings - 1).to(torch::kLong).flatten();
    const auto sum = [&](const torch::Tensor& values) {
        return torch::zeros({rings}, torch::kFloat64).index_add_(0, ring, values.flatten());
    };
    const torch::Tensor cross = sum(torch::real(fr * torch::conj(fx)));
    const torch::Tensor power = sum(fx.abs().square());
    // A ring the image has no power in (beyond a padded input's band: float round-off only) gets no
    // gain: dividing round-off by round-off would paint the reference's detail into it.
    const torch::Tensor empty = power <= 1e-10 * power.max();
    const torch::Tensor gain = torch::where(empty, torch::zeros_like(power), cross / power.clamp_min(1e-300));
    const torch::Tensor filtered = torch::real(torch::fft::ifft2(fx * gain.index({ring}).view({h, w})));
    return {like(filtered, image), 0.0};
}

} // namespace cryosr
