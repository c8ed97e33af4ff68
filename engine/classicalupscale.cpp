#include "classicalupscale.h"

#include "diffusion/normalization.h"
#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"

#include <cmath>
#include <vector>

namespace cryosr {

std::optional<ClassicalMethod> classicalMethodFromName(const std::string& name)
{
    if (name == "fourier")
        return ClassicalMethod::Fourier;
    if (name == "bicubic")
        return ClassicalMethod::Bicubic;
    if (name == "lanczos")
        return ClassicalMethod::Lanczos;
    return std::nullopt;
}

Image upscaleClassically(const Image& input, int scale, ClassicalMethod method)
{
    if (scale < 1 || scale > 16)
        throw ArgumentError("the scale must be 1 to 16, not " + std::to_string(scale));
    if (input.isEmpty())
        throw ArgumentError("nothing to upscale: the region is empty");
    std::vector<float> values(input.data(), input.data() + input.pixelCount());
    fillNonFinite(values.data(), values.size(), robustNormalization(values.data(), values.size()).centre);

    const std::int64_t h = input.height(), w = input.width();
    const torch::Tensor x = torch::from_blob(values.data(), {h, w}, torch::kFloat32); // [H, W]
    torch::NoGradGuard noGrad;
    const torch::Tensor y = (method == ClassicalMethod::Fourier       ? fourierResize(x, scale * h, scale * w)
                                 : method == ClassicalMethod::Bicubic ? bicubicUpsample(x, scale)
                                                                      : lanczosUpsample(x, scale)); // [sH, sW]
    Image out = toImage(y);
    out.pixelSize = input.pixelSize.upscaled(scale);
    out.provenance = input.provenance;
    return out;
}

} // namespace cryosr
