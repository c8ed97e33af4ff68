#pragma once
// ε_θ of a whole image from the network run on overlapping tiles, fused at every step
// (MultiDiffusion-style averaging). Engine-internal header: it exposes LibTorch types.
//
// At each step every tile of every sample predicts x̂_0 from the shared state x_t (one noise field for
// the whole image, drawn by the sampler, so overlapping tiles see the same input). The tiles' residuals
// r_i = x̂_0,i − c (their detail beyond the condition c) are averaged with blendWeights w_i. Averaging
// estimates that disagree lowers the detail's variance where tiles overlap, which shows as soft bands;
// it is restored by scaling the fused residual's detail beyond the input's band by 1/√(P + ρ(1 − P)),
// P = Σw_i²/(Σw_i)², with ρ the tiles' correlation measured at this step from their spread in the overlaps.
//
// The network's GroupNorms normalise every tile by the whole image's statistics (model/sharednorm.h),
// gathered at each step from the network run on the whole image, or on up to eight windows of 512² spread
// over it where it is larger: with each tile's own statistics, small tiles came out markedly noisier than
// the untiled image, and statistics gathered over small tiles themselves are not close enough.

#include "diffusion/noiseschedule.h"
#include "diffusion/sampler.h"
#include "diffusion/tiling.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace cryosr {

class SharedNormStatistics;

/// The network on a batch of tiles: input [B, 1 + C, h, w] (state and condition), timesteps [B] → ε [B, 1, h, w].
using TileNetwork = std::function<torch::Tensor(const torch::Tensor& input, const torch::Tensor& timesteps)>;

/// After each batch of tiles: tiles done in this step (all samples' tiles counted) and their total; also
/// after each statistics window, with no tile done yet.
using TileProgressSink = std::function<void(int tilesDone, int tilesTotal)>;

class TiledDenoiser {
public:
    /// `condition` [K, C, H, W] with H × W the layout's size, `scale` × the input's, its first channel the
    /// upsampled input (what the tiles' residuals are taken from); `batch` tiles per network call to start with.
    TiledDenoiser(TileLayout layout, torch::Tensor condition, const NoiseSchedule& schedule, int scale, TileNetwork network,
                  int batch, TileProgressSink progress = {});

    /// ε for the whole state x [K, 1, H, W] at timesteps [K] (all equal). An out-of-memory error halves
    /// the batch and retries; at a batch of one it is thrown on.
    torch::Tensor operator()(const torch::Tensor& x, const torch::Tensor& timesteps);

    int batch() const { return m_batch; }
    /// ρ of the last step's first sample (1 when the tiles agreed, 0 when independent).
    double lastCorrelation() const { return m_lastCorrelation; }

private:
    TileLayout m_layout;
    int m_scale;
    torch::Tensor m_condition; // [K, C, H, W]
    torch::Tensor m_base; // [K, 1, H, W] its first channel, the upsampled input
    std::vector<torch::Tensor> m_weights; // per tile [1, h, w]
    torch::Tensor m_weightSum; // Σ w_i [1, 1, H, W]
    torch::Tensor m_concentration; // P = Σ w_i² / (Σ w_i)² [1, 1, H, W]; 1 where one tile covers
    torch::Tensor m_disagreement; // 1 − P [1, 1, H, W]; 0 where one tile covers
    double m_overlapMass = 0; // Σ (1 − P)
    torch::Tensor m_singleCover; // [1, 1, H, W] 1 where one tile covers (everywhere if that is under a tenth)
    double m_singlePixels = 0; // Σ m_singleCover
    std::vector<double> m_alphasCumprod;
    TileNetwork m_network;
    int m_batch;
    TileProgressSink m_progress;
    double m_lastCorrelation = 1.0;
    TileLayout m_statisticsWindows; // where the whole image's GroupNorm statistics are gathered
    std::shared_ptr<SharedNormStatistics> m_norms; // gathered at each step, for K samples

    /// The whole image's GroupNorm statistics for this step's x [K, 1, H, W], from the windows.
    void gatherStatistics(const torch::Tensor& x, const torch::Tensor& timesteps);
};

} // namespace cryosr
