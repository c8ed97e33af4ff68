#pragma once
// The data term of every sampling step: how each step's x̂_0 is reconciled with the measured
// low-resolution image y (ConsistencyMode, model/modelinfo.h), and the noise estimate that the
// noise-aware mode rests on. Engine-internal header (LibTorch types).

#include "model/modelinfo.h"

#include <torch/torch.h>

namespace cryosr {

/**
 * The per-pixel variance of white noise in `image` [H, W], estimated from the image alone: its two
 * diagonal sub-lattices A = image[0::2, 0::2] and B = image[1::2, 1::2] hold independent noise but the
 * same signal once B is moved half a sub-lattice pixel onto A's grid (a Fourier phase shift). Below
 * half of A's Nyquist limit (where little aliased signal lands) ½(|A|² + |B|²) − Re(A B*) is then the
 * noise's power alone. Needs at least 16 × 16 pixels (ArgumentError otherwise).
 */
double estimateNoiseVariance(const torch::Tensor& image);

/**
 * Per-frequency weights [H, W] (fft2 layout) of the noise-aware data term for `measured` [H, W]: in
 * each ring of |k| the share of the measured power that is signal, max(0, 1 − σ²/P(k)), with σ² from
 * estimateNoiseVariance and P the ring's mean power (edges tapered); 1 at k = 0.
 */
torch::Tensor signalShareWeights(const torch::Tensor& measured);

/// One input's data term, prepared once (the noise estimate) and applied at every step.
class DataConsistency {
public:
    /// `measured` [B, 1, H, W] in the units the sampler works in (B = 1 for K samples of one input, or
    /// one per x̂_0). Noise keeps each frequency of the band with weight signalShareWeights² and falls
    /// back to Hard for inputs under 16 × 16 pixels (too few to measure their noise).
    DataConsistency(ConsistencyMode mode, torch::Tensor measured);

    /// x̂_0 [K, 1, sH, sW] reconciled with the measurement (Off: unchanged).
    torch::Tensor operator()(const torch::Tensor& x0) const;
    ConsistencyMode mode() const { return m_mode; }

private:
    ConsistencyMode m_mode;
    torch::Tensor m_measured; // [B, 1, H, W]
    torch::Tensor m_weights; // [B, 1, H, W] weights of the noise-aware mode
    torch::Tensor m_measuredSpectrum; // [B, 1, H, W] complex, fft2 of m_measured (noise-aware mode)
};

} // namespace cryosr
