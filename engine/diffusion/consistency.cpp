#include "diffusion/consistency.h"

#include "fourier/resample.h"
#include "io/errors.h"

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

using torch::indexing::Slice;

constexpr std::int64_t kSmallest = 16;

/// A separable Tukey window [h, w]: flat, with cosine edges an eighth of each side wide, so the
/// image's borders do not spread a cross of power through its spectrum.
torch::Tensor taper(std::int64_t h, std::int64_t w, const torch::TensorOptions& options)
{
    const auto edge = [&](std::int64_t n) {
        const std::int64_t width = std::max<std::int64_t>(1, n / 8);
        torch::Tensor x = torch::ones({n}, options);
        for (std::int64_t i = 0; i < width; ++i) {
            const double v = 0.5 - 0.5 * std::cos(M_PI * (double(i) + 0.5) / double(width));
            x[i] = v;
            x[n - 1 - i] = v;
        }
        return x;
    };
    return edge(h).unsqueeze(1) * edge(w).unsqueeze(0);
}

/// |k| in cycles per pixel on the fft2 grid of an h × w image: [h, w].
torch::Tensor radius(std::int64_t h, std::int64_t w, const torch::TensorOptions& options)
{
    const torch::Tensor ky = torch::fft::fftfreq(h, 1.0, options).unsqueeze(1);
    const torch::Tensor kx = torch::fft::fftfreq(w, 1.0, options).unsqueeze(0);
    return torch::sqrt(ky * ky + kx * kx);
}

} // namespace

double estimateNoiseVariance(const torch::Tensor& image)
{
    if (image.size(0) < kSmallest || image.size(1) < kSmallest)
        throw ArgumentError("an image of at least 16 x 16 pixels is needed to measure its noise");
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor y = image.to(torch::kFloat64);
    const std::int64_t h = y.size(0) / 2, w = y.size(1) / 2;
    const torch::Tensor a = y.index({Slice(0, 2 * h, 2), Slice(0, 2 * w, 2)});
    const torch::Tensor b = y.index({Slice(1, 2 * h, 2), Slice(1, 2 * w, 2)});
    const torch::Tensor window = taper(h, w, options);
    const double energy = window.square().sum().item<double>(); // a white noise's power is σ² Σ window²
    const auto spectrum = [&](const torch::Tensor& x) { return torch::fft::fft2((x - x.mean()) * window); };
    // B's samples sit half a sub-lattice pixel further along both axes than A's: move them onto A's grid.
    const torch::Tensor sa = spectrum(a), sb = spectrum(fourierShift(b, 0.5, 0.5));
    const torch::Tensor cross = torch::real(sa * torch::conj(sb));
    const torch::Tensor noise = 0.5 * (sa.abs().square() + sb.abs().square()) - cross;
    const torch::Tensor low = (radius(h, w, options) <= 0.25) & (radius(h, w, options) > 0);
    return std::max(0.0, noise.masked_select(low).mean().item<double>() / energy);
}

torch::Tensor signalShareWeights(const torch::Tensor& measured)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor y = measured.to(torch::kFloat64);
    const std::int64_t h = y.size(0), w = y.size(1);
    const double noise = estimateNoiseVariance(y);
    const torch::Tensor window = taper(h, w, options);
    const torch::Tensor power = torch::fft::fft2((y - y.mean()) * window).abs().square() / window.square().sum();
    // Rings one sample of the shorter side wide, out to the corners.
    const torch::Tensor ring = (radius(h, w, options) * double(std::min(h, w))).round().to(torch::kLong);
    const std::int64_t rings = ring.max().item<std::int64_t>() + 1;
    const torch::Tensor count = torch::zeros({rings}, options).index_add_(0, ring.flatten(), torch::ones({h * w}, options));
    torch::Tensor mean = torch::zeros({rings}, options).index_add_(0, ring.flatten(), power.flatten()) / count.clamp_min(1);
    // Neighbouring rings averaged: a ring of few samples is a noisy measure of its power.
    mean = torch::avg_pool1d(mean.view({1, 1, rings}), 3, 1, 1, false, false).view({rings});
    torch::Tensor share = (1.0 - noise / mean.clamp_min(1e-30)).clamp(0.0, 1.0);
    share[0] = 1.0; // the mean level is always measured well
    return share.index({ring});
}

DataConsistency::DataConsistency(ConsistencyMode mode, torch::Tensor measured)
    : m_mode(mode)
    , m_measured(std::move(measured))
{
    if (m_mode == ConsistencyMode::Noise) {
        if (m_measured.size(-2) < kSmallest || m_measured.size(-1) < kSmallest)
            m_mode = ConsistencyMode::Hard;
        else {
            // One set of weights per measured image of a batch: [B, 1, H, W]. The signal share squared:
            // x̂_0 already rests on the data, so blending in the measurement again counts its noise twice
            // where the SNR is modest; squaring keeps strong frequencies (SNR 10: 0.83) and lets the prior
            // speak where the SNR is 1 or less (≤ 0.25). Chosen on the validation corpus (docs/models.md).
            std::vector<torch::Tensor> weights;
            for (std::int64_t b = 0; b < m_measured.size(0); ++b)
                weights.push_back(signalShareWeights(m_measured[b][0].cpu()).square().unsqueeze(0));
            m_weights = torch::stack(weights).to(m_measured.device(), torch::kFloat32);
            m_measuredSpectrum = torch::fft::fft2(m_measured.to(torch::kFloat32));
        }
    }
}

torch::Tensor DataConsistency::operator()(const torch::Tensor& x0) const
{
    switch (m_mode) {
    case ConsistencyMode::Off:
        return x0;
    case ConsistencyMode::Hard:
        return enforceConsistency(x0, m_measured);
    case ConsistencyMode::Noise: {
        // x̂_0 + pad(W · (y − crop(x̂_0))): W = 1 would be the hard projection, W = 0 no change. In Fourier
        // space throughout, so one transform each way (fourierResize's normalisations written out).
        const std::int64_t h = m_measured.size(-2), w = m_measured.size(-1), H = x0.size(-2), Wd = x0.size(-1);
        const double cropped = static_cast<double>(h * w) / static_cast<double>(H * Wd);
        const torch::Tensor difference = m_measuredSpectrum
            - resizeSpectrum(torch::fft::fft2(x0), h, w) * cropped; // [K, 1, h, w] complex
        return x0 + torch::real(torch::fft::ifft2(resizeSpectrum(difference * m_weights, H, Wd))) / cropped;
    }
    }
    return x0;
}

} // namespace cryosr
