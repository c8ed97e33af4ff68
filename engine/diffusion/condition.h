#pragma once
// What the network is conditioned on besides x_t: the measured low-resolution image brought to the
// output grid (Fourier padding or bicubic, as the model was trained) and, for models that take it, the
// same image's empirical Wiener filtering: each frequency kept in proportion to the signal share the
// image itself shows (diffusion/consistency.h), the best linear estimate the input alone supports,
// which the network then improves on. Engine-internal header (LibTorch types).

#include "model/modelinfo.h"

#include <torch/torch.h>

namespace cryosr {

/// Each image of `lowRes` [B, 1, h, w] filtered by its own signalShareWeights; images under 16 × 16
/// pixels (too small to measure their noise) pass unchanged.
torch::Tensor empiricalWiener(const torch::Tensor& lowRes);

/// The condition channels for `lowRes` [B, 1, h, w]: [B, 1, sh, sw], or [B, 2, sh, sw] with the
/// empirical Wiener filtering second when `filtered`.
torch::Tensor networkCondition(const torch::Tensor& lowRes, int scale, ConditionUpsampling upsampling, bool filtered);

} // namespace cryosr
