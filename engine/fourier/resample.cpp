#include "fourier/resample.h"

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

using torch::indexing::Slice;

/// Crops or zero-pads one axis of a centred-at-zero (unshifted) spectrum from n to m bins.
torch::Tensor resizeSpectrumAxis(const torch::Tensor& spectrum, std::int64_t dim, std::int64_t m)
{
    const std::int64_t n = spectrum.size(dim);
    if (m == n)
        return spectrum;
    std::vector<std::int64_t> shape = spectrum.sizes().vec();
    shape[static_cast<std::size_t>(dim)] = m;
    torch::Tensor out = torch::zeros(shape, spectrum.options());
    const std::int64_t small = std::min(n, m);
    const std::int64_t positive = (small - 1) / 2; // non-zero frequencies below Nyquist, each sign
    // DC and positive frequencies 1 … positive; negative frequencies −positive … −1.
    out.narrow(dim, 0, positive + 1).copy_(spectrum.narrow(dim, 0, positive + 1));
    if (positive > 0)
        out.narrow(dim, m - positive, positive).copy_(spectrum.narrow(dim, n - positive, positive));
    if (small % 2 == 0) {
        const std::int64_t nyquist = small / 2;
        if (m > n) { // split the small image's Nyquist bin between +N/2 and −N/2 of the larger grid
            const torch::Tensor half = spectrum.narrow(dim, nyquist, 1) / 2;
            out.narrow(dim, nyquist, 1).add_(half);
            out.narrow(dim, m - nyquist, 1).add_(half);
        } else { // fold +m/2 and −m/2 of the larger grid into the smaller grid's Nyquist bin
            out.narrow(dim, nyquist, 1).copy_(spectrum.narrow(dim, nyquist, 1) + spectrum.narrow(dim, n - nyquist, 1));
        }
    }
    return out;
}

/// Lanczos-3 weights [m, n] taking n samples to m = n · scale (half-pixel centres, edges replicated,
/// each row normalised to sum 1 so flat areas stay flat).
torch::Tensor lanczosMatrix(std::int64_t n, int scale)
{
    constexpr int a = 3;
    const auto lanczos = [](double x) {
        if (x == 0.0)
            return 1.0;
        if (std::abs(x) >= a)
            return 0.0;
        const double px = M_PI * x;
        return a * std::sin(px) * std::sin(px / a) / (px * px);
    };
    const std::int64_t m = n * scale;
    torch::Tensor weights = torch::zeros({m, n}, torch::kFloat64);
    auto w = weights.accessor<double, 2>();
    for (std::int64_t i = 0; i < m; ++i) {
        const double u = (double(i) + 0.5) / scale - 0.5; // source coordinate of output pixel i
        const auto first = static_cast<std::int64_t>(std::floor(u)) - a + 1;
        double sum = 0;
        for (std::int64_t j = first; j < first + 2 * a; ++j)
            sum += lanczos(u - double(j));
        for (std::int64_t j = first; j < first + 2 * a; ++j)
            w[i][std::clamp<std::int64_t>(j, 0, n - 1)] += lanczos(u - double(j)) / sum;
    }
    return weights;
}

} // namespace

torch::Tensor fourierResize(const torch::Tensor& image, std::int64_t height, std::int64_t width)
{
    const std::int64_t h = image.size(-2), w = image.size(-1);
    if (h == height && w == width)
        return image;
    const torch::Tensor input = image.to(torch::kFloat32);
    const torch::Tensor spectrum = resizeSpectrum(torch::fft::fft2(input), height, width); // [..., height, width]
    // fft2/ifft2 normalise by the size of the grid they act on; rescale so the mean is kept.
    const double scale = static_cast<double>(height * width) / static_cast<double>(h * w);
    return torch::real(torch::fft::ifft2(spectrum)) * scale;
}

torch::Tensor resizeSpectrum(const torch::Tensor& spectrum, std::int64_t height, std::int64_t width)
{
    return resizeSpectrumAxis(resizeSpectrumAxis(spectrum, spectrum.dim() - 2, height), spectrum.dim() - 1, width);
}

torch::Tensor bandLimit(const torch::Tensor& image, std::int64_t height, std::int64_t width)
{
    const std::int64_t h = image.size(-2), w = image.size(-1);
    // Cropped and padded back in Fourier space: the two resizes' normalisations cancel.
    const torch::Tensor spectrum =
        resizeSpectrum(resizeSpectrum(torch::fft::fft2(image.to(torch::kFloat32)), height, width), h, w);
    return torch::real(torch::fft::ifft2(spectrum));
}

torch::Tensor bicubicUpsample(const torch::Tensor& image, int scale)
{
    namespace F = torch::nn::functional;
    const auto sizes = image.sizes().vec();
    torch::Tensor batch = image.reshape({-1, 1, image.size(-2), image.size(-1)}).to(torch::kFloat32);
    batch = F::interpolate(batch,
                           F::InterpolateFuncOptions()
                               .size(std::vector<std::int64_t>{image.size(-2) * scale, image.size(-1) * scale})
                               .mode(torch::kBicubic)
                               .align_corners(false));
    std::vector<std::int64_t> shape(sizes.begin(), sizes.end() - 2);
    shape.push_back(image.size(-2) * scale);
    shape.push_back(image.size(-1) * scale);
    return batch.reshape(shape);
}

torch::Tensor lanczosUpsample(const torch::Tensor& image, int scale)
{
    const torch::Tensor rows = lanczosMatrix(image.size(-2), scale).to(image.device()); // [sH, H]
    const torch::Tensor columns = lanczosMatrix(image.size(-1), scale).to(image.device()); // [sW, W]
    return torch::matmul(torch::matmul(rows, image.to(torch::kFloat64)), columns.t()).to(torch::kFloat32);
}

torch::Tensor fourierShift(const torch::Tensor& image, double dy, double dx)
{
    const std::int64_t h = image.size(-2), w = image.size(-1);
    const auto options = torch::TensorOptions().dtype(torch::kFloat64).device(image.device());
    const torch::Tensor fy = torch::fft::fftfreq(h, 1.0, options).unsqueeze(1);
    const torch::Tensor fx = torch::fft::fftfreq(w, 1.0, options).unsqueeze(0);
    // f(x − d) ⟷ F(k) e^{−2πi k d}. An even side's Nyquist bin stands for +N/2 and −N/2 at once; taking
    // the real part of the result averages their two shifts, so a real image stays real.
    torch::Tensor ramp = torch::polar(torch::ones({h, w}, options), -2.0 * M_PI * (fy * dy + fx * dx));
    const torch::Tensor spectrum = torch::fft::fft2(image.to(torch::kFloat64)) * ramp;
    return torch::real(torch::fft::ifft2(spectrum)).to(image.scalar_type());
}

torch::Tensor enforceConsistency(const torch::Tensor& estimate, const torch::Tensor& measured)
{
    const std::int64_t H = estimate.size(-2), W = estimate.size(-1);
    return estimate - bandLimit(estimate, measured.size(-2), measured.size(-1)) + fourierResize(measured, H, W);
}

} // namespace cryosr
