#pragma once
// Classical (non-learned) upscaling, the baselines a diffusion result is compared with. Plain C++.

#include "io/image.h"

#include <optional>
#include <string>

namespace cryosr {

enum class ClassicalMethod { Fourier, Bicubic, Lanczos };

std::optional<ClassicalMethod> classicalMethodFromName(const std::string& name); ///< "fourier", "bicubic", "lanczos"

/// `input` upscaled by `scale` (1 … 16), pixel size divided by it, provenance kept. Non-finite pixels
/// take the median first (a NaN would spread through a Fourier transform). Throws ArgumentError.
Image upscaleClassically(const Image& input, int scale, ClassicalMethod method);

} // namespace cryosr
