#pragma once
// The network's output in the terms a sampler and a trainer need, for either parameterisation
// (Prediction, model/modelinfo.h). With x_t = √ᾱ x_0 + √(1 − ᾱ) ε and v = √ᾱ ε − √(1 − ᾱ) x_0:
//   ε-network:  x̂_0 = (x_t − √(1 − ᾱ) ε̂) / √ᾱ
//   v-network:  x̂_0 = √ᾱ x_t − √(1 − ᾱ) v̂,   ε̂ = √(1 − ᾱ) x_t + √ᾱ v̂
// Engine-internal header (LibTorch types).

#include "model/modelinfo.h"

#include <torch/torch.h>

namespace cryosr {

/// ε̂ from the network's `output` for the state `xt` (same shape) at ᾱ (a number, or a tensor that
/// broadcasts, e.g. [B, 1, 1, 1]).
torch::Tensor epsilonFrom(const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar,
                          Prediction prediction);
/// x̂_0 from the network's `output` (as epsilonFrom).
torch::Tensor cleanFrom(const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar,
                        Prediction prediction);
/// What the network is trained to output for clean `x0` noised with `noise` at ᾱ: ε or v.
torch::Tensor trainingTarget(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar,
                             Prediction prediction);

} // namespace cryosr
