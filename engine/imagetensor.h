#pragma once
// Image ↔ tensor copies for the engine's LibTorch files. Engine-internal header.

#include "io/image.h"

#include <torch/torch.h>

namespace cryosr {

/// A float32 [H, W] CPU tensor owning a copy of the image's samples.
torch::Tensor toTensor(const Image& image);

/// A [H, W] tensor of any dtype on any device, copied into a float32 Image (no pixel size or provenance).
Image toImage(const torch::Tensor& plane);

} // namespace cryosr
