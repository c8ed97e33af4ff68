#pragma once
// GroupNorm statistics shared by the tiles of one image. Engine-internal (LibTorch types).
//
// GroupNorm normalises each feature map by the mean and variance of the image the network is given, so a
// network run on a tile normalises by the tile's statistics, not the whole image's: a tiled run then
// differs from the untiled one everywhere, not only at seams (tiles of 128 gave 1.0-1.8x the untiled
// output's gradient on a real micrograph; normalised with the whole image's statistics, 1.00). So the
// tiled denoiser first runs the network on a few large windows of the image in a Gather scope, which
// records every GroupNorm's per-channel moments before the time embedding is added; then it runs the
// tiles in an Apply scope, whose GroupNorms normalise with those moments, moved by the tiles' own
// embedding exactly (E[x + a] = E[x] + a, E[(x + a)²] = E[x²] + 2a E[x] + a²).

#include <torch/torch.h>

#include <functional>
#include <utility>
#include <vector>

namespace cryosr {

/// GroupNorm as one multiply-add per channel: norm(x + addend) = x · scale + shift.
struct ChannelAffine {
    torch::Tensor scale, shift; // [n, C] float32, contiguous
};

/// x's per-channel Σx and Σx² over its pixels ([n, C] each, float32 or float64).
using ChannelSums = std::function<std::pair<torch::Tensor, torch::Tensor>(const torch::Tensor&)>;

/// Per-channel moments of every GroupNorm call of a forward pass, for each of K samples.
class SharedNormStatistics {
public:
    explicit SharedNormStatistics(std::int64_t samples);

    /// Starts gathering afresh (what was gathered before is dropped).
    void clear();
    std::int64_t samples() const { return m_samples; }

    struct Moments {
        torch::Tensor sum, sumOfSquares; // [K, C] Σx and Σx², float64
        torch::Tensor mass; // [K, 1] pixels counted, float64
    };

private:
    friend class SharedNormScope;
    friend ChannelAffine groupNormAsChannelAffine(const torch::Tensor&, torch::nn::GroupNorm&, const torch::Tensor&,
                                                  const ChannelSums&);

    std::int64_t m_samples;
    std::vector<Moments> m_moments; // one per GroupNorm call, in call order
};

/**
 * Makes the GroupNorms of one forward pass on this thread gather into, or normalise with, `statistics`,
 * for a batch whose element b belongs to sample samples[b] ([n] int64). Gathering counts every pixel
 * once and normalises each image by its own statistics, as plain GroupNorm does; what it gathered is
 * added by commit(), once the pass has succeeded (so a batch retried after running out of memory is
 * not counted twice). Scopes do not nest.
 */
class SharedNormScope {
public:
    enum class Role { Gather, Apply };

    SharedNormScope(SharedNormStatistics& statistics, Role role, torch::Tensor samples);
    ~SharedNormScope();
    SharedNormScope(const SharedNormScope&) = delete;
    SharedNormScope& operator=(const SharedNormScope&) = delete;

    void commit();

private:
    friend ChannelAffine groupNormAsChannelAffine(const torch::Tensor&, torch::nn::GroupNorm&, const torch::Tensor&,
                                                  const ChannelSums&);
    SharedNormStatistics& m_statistics;
    Role m_role;
    torch::Tensor m_samples; // [n]
    std::size_t m_call = 0;
    std::vector<SharedNormStatistics::Moments> m_gathered; // this pass's, per call: [n, C], [n, C], [n, 1]
};

/**
 * norm(x + addend[:, :, None, None]) as a ChannelAffine, from the active SharedNormScope's statistics
 * (Apply), or from x's own sums (no scope, or Gather, which records them), which `channelSums` computes
 * when they are needed. Counts as one GroupNorm call of the scope. The statistics are pooled over each
 * group's channels in float64.
 */
ChannelAffine groupNormAsChannelAffine(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend,
                                       const ChannelSums& channelSums);

/**
 * norm(x + addend[:, :, None, None]) (addend [N, C] or undefined), gathering or applying the statistics
 * of the active SharedNormScope when there is one; LibTorch's GroupNorm otherwise, except for bf16/fp16
 * on the CPU, which take statistics of their own in float32 (LibTorch 1.13's CPU GroupNorm is wrong for
 * bf16 channels-last).
 */
torch::Tensor sharedGroupNorm(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend = {});

/// Whether a SharedNormScope is active on this thread (the fused CUDA kernel then steps aside).
bool sharedNormActive();

} // namespace cryosr
