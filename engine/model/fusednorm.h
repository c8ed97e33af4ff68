#pragma once
// GroupNorm followed by SiLU, optionally after adding a per-channel value (the ResBlock's time
// embedding): one CUDA kernel (engine/cuda) on the GPU in a build with CUDA kernels, two passes of a
// vectorised loop (engine/cpu) on the CPU, LibTorch operations otherwise. Engine-internal (LibTorch types).

#include <torch/torch.h>

namespace cryosr {

/// silu(norm(x + addend[:, :, None, None])); x is [N, C, H, W], addend [N, C] or undefined. The fused
/// kernels run for inference (no gradient recorded), on tensors contiguous or channels-last, while
/// fusedKernelsEnabled(): on CUDA tensors in fp32, bf16 or fp16 (outside a SharedNormScope), on CPU
/// tensors in fp32 or bf16 (a scope's statistics included). Everything else takes the reference path.
torch::Tensor groupNormSilu(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend = {});

/// The LibTorch operations the kernel replaces (the kernel's reference).
torch::Tensor groupNormSiluReference(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend = {});

/// Whether this build has the CUDA kernels (CMake CRYOSR_CUDA with a CUDA LibTorch); the CPU's are
/// always built.
bool fusedKernelsBuilt();
/// A process-wide switch, on by default; `cryosr-cli bench --fused off` measures without the kernels.
void setFusedKernelsEnabled(bool enabled);
bool fusedKernelsEnabled();

} // namespace cryosr
