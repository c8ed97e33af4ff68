#pragma once
// GroupNorm followed by SiLU, optionally after adding a per-channel value (the ResBlock's time
// embedding): one CUDA kernel (engine/cuda) in a build with CUDA kernels, LibTorch operations
// otherwise. Engine-internal (LibTorch types).

#include <torch/torch.h>

namespace cryosr {

/// silu(norm(x + addend[:, :, None, None])); x is [N, C, H, W], addend [N, C] or undefined. The fused
/// kernel runs for inference (no gradient recorded) on CUDA tensors in fp32, bf16 or fp16, contiguous
/// or channels-last, while fusedKernelsEnabled(); everything else takes the LibTorch reference path.
torch::Tensor groupNormSilu(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend = {});

/// The LibTorch operations the kernel replaces (the kernel's reference).
torch::Tensor groupNormSiluReference(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend = {});

/// Whether this build has the CUDA kernels (CMake CRYOSR_CUDA with a CUDA LibTorch).
bool fusedKernelsBuilt();
/// A process-wide switch, on by default (it matters only where the kernels are built);
/// `cryosr-cli bench --fused off` measures without them.
void setFusedKernelsEnabled(bool enabled);
bool fusedKernelsEnabled();

} // namespace cryosr
