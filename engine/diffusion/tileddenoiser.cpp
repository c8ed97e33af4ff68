#include "diffusion/tileddenoiser.h"

#include "errormessage.h"

#include "fourier/resample.h"
#include "model/sharednorm.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <string>

namespace cryosr {

namespace {

using torch::indexing::Slice;

/// The pixels of `tile` in [..., H, W].
torch::Tensor crop(const torch::Tensor& image, const TileRect& tile)
{
    return image.index({Slice(), Slice(), Slice(tile.y, tile.y + tile.height), Slice(tile.x, tile.x + tile.width)});
}

} // namespace

TiledDenoiser::TiledDenoiser(TileLayout layout, torch::Tensor condition, const NoiseSchedule& schedule, int scale,
                             TileNetwork network, int batch, TileProgressSink progress)
    : m_layout(std::move(layout))
    , m_scale(scale)
    , m_condition(std::move(condition))
    , m_base(m_condition.narrow(1, 0, 1))
    , m_alphasCumprod(schedule.alphasCumprod())
    , m_network(std::move(network))
    , m_batch(std::max(1, batch))
    , m_progress(std::move(progress))
{
    const auto options = m_condition.options();
    m_weightSum = torch::zeros({1, 1, m_layout.height, m_layout.width}, options);
    torch::Tensor squares = torch::zeros_like(m_weightSum);
    for (std::size_t i = 0; i < m_layout.tiles.size(); ++i) {
        const TileRect& t = m_layout.tiles[i];
        std::vector<float> w = blendWeights(m_layout, i);
        m_weights.push_back(
            torch::from_blob(w.data(), {1, t.height, t.width}, torch::kFloat32).to(options, false, /*copy=*/true));
        crop(m_weightSum, t).add_(m_weights.back());
        crop(squares, t).add_(m_weights.back().square());
    }
    m_concentration = squares / m_weightSum.square();
    m_disagreement = 1 - m_concentration;
    m_overlapMass = m_disagreement.sum().item<double>();
    // Where one tile alone covers (enough of them), a single tile's variance is measured there.
    m_singleCover = (m_concentration > 0.999).to(options.dtype());
    m_singlePixels = m_singleCover.sum().item<double>();
    if (m_singlePixels <= 0.1 * double(m_layout.height) * double(m_layout.width)) {
        m_singleCover = torch::ones_like(m_singleCover);
        m_singlePixels = double(m_layout.height) * double(m_layout.width);
    }
    m_statisticsWindows = statisticsWindows(m_layout);
}

void TiledDenoiser::gatherStatistics(const torch::Tensor& x, const torch::Tensor& timesteps)
{
    m_norms->clear();
    try {
        for (std::int64_t k = 0; k < x.size(0); ++k) // one sample at a time: a window is as large as an untiled run
            for (const TileRect& window : m_statisticsWindows.tiles) {
                const torch::Tensor input =
                    torch::cat({crop(x, window)[k], crop(m_condition, window)[k]}, 0).unsqueeze(0); // [1, 1 + C, h, w]
                SharedNormScope norms(*m_norms, SharedNormScope::Role::Gather,
                                      torch::full({1}, k, x.options().dtype(torch::kLong)));
                m_network(input, timesteps.narrow(0, k, 1));
                norms.commit();
                if (m_progress) // no tile done yet, but a stop is honoured between windows too
                    m_progress(0, static_cast<int>(x.size(0) * std::int64_t(m_layout.tiles.size())));
            }
    } catch (const std::exception& error) {
        // Out of memory: smaller windows (down to the tiles' size, which must fit), and the same again.
        const TileRect& window = m_statisticsWindows.tiles.front();
        const TileRect& tile = m_layout.tiles.front();
        const int side = std::max(window.width, window.height), smallest = std::max(tile.width, tile.height);
        if (!isOutOfMemoryError(error) || side <= smallest)
            throw;
        m_statisticsWindows = statisticsWindows(m_layout, std::max(smallest, side / 2));
        gatherStatistics(x, timesteps);
    }
}

torch::Tensor TiledDenoiser::operator()(const torch::Tensor& x, const torch::Tensor& timesteps)
{
    const std::int64_t samples = x.size(0);
    const int timestep = static_cast<int>(timesteps[0].item<float>());
    const double a = m_alphasCumprod.at(static_cast<std::size_t>(timestep));
    const double sqrtA = std::sqrt(a), sqrtOneMinusA = std::sqrt(1 - a);
    if (!m_norms || m_norms->samples() != samples)
        m_norms = std::make_shared<SharedNormStatistics>(samples);
    gatherStatistics(x, timesteps);

    // Weighted sums of the tiles' residuals and their squares, over the whole image: [K, 1, H, W].
    torch::Tensor sum = torch::zeros_like(x), sumOfSquares = torch::zeros_like(x);
    struct Job {
        std::int64_t sample;
        std::size_t tile;
    };
    std::vector<Job> jobs;
    for (std::int64_t k = 0; k < samples; ++k)
        for (std::size_t i = 0; i < m_layout.tiles.size(); ++i)
            jobs.push_back({k, i});

    const int total = static_cast<int>(jobs.size());
    for (std::size_t first = 0; first < jobs.size();) {
        const std::size_t count = std::min(jobs.size() - first, static_cast<std::size_t>(m_batch));
        std::vector<torch::Tensor> inputs;
        std::vector<std::int64_t> owners;
        for (std::size_t j = first; j < first + count; ++j) {
            const TileRect& t = m_layout.tiles[jobs[j].tile];
            const std::int64_t k = jobs[j].sample;
            inputs.push_back(torch::cat({crop(x, t)[k], crop(m_condition, t)[k]}, 0)); // [1 + C, h, w]
            owners.push_back(k);
        }
        torch::Tensor eps;
        try {
            const SharedNormScope norms(*m_norms, SharedNormScope::Role::Apply,
                                        torch::tensor(owners, torch::kLong).to(x.device()));
            eps = m_network(torch::stack(inputs), timesteps.new_full({std::int64_t(count)}, float(timestep))); // [n, 1, h, w]
        } catch (const std::exception& error) {
            if (!isOutOfMemoryError(error) || m_batch == 1)
                throw;
            m_batch = std::max(1, m_batch / 2); // and the same tiles again
            continue;
        }
        for (std::size_t j = first; j < first + count; ++j) {
            const TileRect& t = m_layout.tiles[jobs[j].tile];
            const std::int64_t k = jobs[j].sample;
            const torch::Tensor& w = m_weights[jobs[j].tile];
            const torch::Tensor x0 = (crop(x, t)[k] - sqrtOneMinusA * eps[std::int64_t(j - first)]) / sqrtA; // [1, h, w]
            const torch::Tensor residual = x0 - crop(m_base, t)[k];
            crop(sum, t)[k].add_(w * residual);
            crop(sumOfSquares, t)[k].add_(w * residual.square());
        }
        first += count;
        if (m_progress)
            m_progress(static_cast<int>(first), total);
    }

    // Per sample: s² = the tiles' own variance from their spread where they overlap (E[spread] =
    // s²(1 − P)); σ² = a single tile's variance of detail beyond the input's band (where one tile
    // covers; the band is fixed by consistency and shared by all tiles); ρ = 1 − s²/σ².
    torch::Tensor fused = sum / m_weightSum; // [K, 1, H, W]
    const torch::Tensor spread = (sumOfSquares / m_weightSum - fused.square()).clamp_min(0);
    if (m_overlapMass > 0) {
        const torch::Tensor detail = fused - bandLimit(fused, m_layout.height / m_scale, m_layout.width / m_scale);
        std::vector<torch::Tensor> gains;
        for (std::int64_t k = 0; k < samples; ++k) {
            const double own = spread[k].sum().item<double>() / m_overlapMass;
            const double variance = (detail[k].square() * m_singleCover[0]).sum().item<double>() / m_singlePixels;
            const double rho = variance > 1e-12 ? std::clamp(1 - own / variance, 0.0, 1.0) : 1.0;
            if (k == 0)
                m_lastCorrelation = rho;
            gains.push_back((m_concentration[0] + rho * m_disagreement[0]).rsqrt()); // [1, H, W]
        }
        // Scaled about the band below the input's Nyquist limit: only the detail beyond it is restored.
        fused = (fused - detail) + detail * torch::stack(gains);
    }
    const torch::Tensor x0 = m_base + fused;
    return (x - sqrtA * x0) / sqrtOneMinusA;
}

} // namespace cryosr
