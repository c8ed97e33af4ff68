#pragma once
// Reverse-process samplers: DDPM ancestral (respaced), DDIM (η) and DPM-Solver++(2M), for any
// noise predictor ε_θ(x_t, t). Engine-internal header: it exposes LibTorch types.

#include "diffusion/noiseschedule.h"
#include "diffusion/samplersettings.h"

#include <torch/torch.h>

#include <functional>
#include <stop_token>

namespace cryosr {

/// ε_θ(x_t, t): `x` is [B, C, H, W]; `timesteps` is [B] float schedule indices (0 … T−1).
using NoisePredictor = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& timesteps)>;

/// Optional edit of each step's predicted x̂_0 (e.g. data consistency) before the update uses it.
using PredictionHook = std::function<torch::Tensor(const torch::Tensor& predictedX0)>;

/// What one step produced: the state after the step and the clean image predicted on the way.
struct StepFrame {
    int step; ///< 1 … total, in order
    int total; ///< N
    int timestep; ///< schedule index the network was evaluated at
    torch::Tensor xt; ///< [B, C, H, W] state after this step
    torch::Tensor x0; ///< [B, C, H, W] predicted clean image at this step
};
using StepSink = std::function<void(const StepFrame&)>;

struct SampleResult {
    torch::Tensor x0; ///< [B, C, H, W]; the last state reached when cancelled
    bool cancelled = false;
    int stepsDone = 0;
};

/**
 * Runs the reverse process from x_T ~ N(0, I) of `shape` [B, C, H, W]. Batch element b draws all its
 * noise on the CPU from seed + b, so the same seed gives the same result on the same device, and
 * element b of a batch equals a single run with seed + b (up to the network's batching); in antithetic
 * pairs (settings.antitheticPairs) an odd element b draws element b − 1's noise negated. Calls `sink`
 * once per step, in order. A stop request is honoured between steps: sampling ends within one step,
 * reported as cancelled.
 */
SampleResult sample(const NoiseSchedule& schedule, const NoisePredictor& predictNoise, torch::IntArrayRef shape,
                    const SamplerSettings& settings, const torch::TensorOptions& options, std::stop_token stop = {},
                    const StepSink& sink = {}, const PredictionHook& hook = {});

/// Forward process in closed form: √ᾱ_t x_0 + √(1 − ᾱ_t) noise, for schedule index `index`.
torch::Tensor addNoise(const NoiseSchedule& schedule, const torch::Tensor& x0, const torch::Tensor& noise, int index);

} // namespace cryosr
