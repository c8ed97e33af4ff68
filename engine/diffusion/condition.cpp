#include "diffusion/condition.h"

#include "diffusion/consistency.h"
#include "fourier/resample.h"

namespace cryosr {

namespace {

torch::Tensor upsampled(const torch::Tensor& image, int scale, ConditionUpsampling upsampling)
{
    return upsampling == ConditionUpsampling::Fourier ? fourierResize(image, scale * image.size(-2), scale * image.size(-1))
                                                      : bicubicUpsample(image, scale);
}

} // namespace

torch::Tensor empiricalWiener(const torch::Tensor& lowRes)
{
    if (lowRes.size(-2) < 16 || lowRes.size(-1) < 16)
        return lowRes;
    std::vector<torch::Tensor> filtered;
    for (std::int64_t b = 0; b < lowRes.size(0); ++b) {
        const torch::Tensor image = lowRes[b][0];
        const torch::Tensor weights = signalShareWeights(image.cpu()).to(image.device());
        filtered.push_back(
            torch::real(torch::fft::ifft2(torch::fft::fft2(image.to(torch::kFloat64)) * weights)).to(lowRes.scalar_type()));
    }
    return torch::stack(filtered).unsqueeze(1); // [B, 1, h, w]
}

torch::Tensor networkCondition(const torch::Tensor& lowRes, int scale, ConditionUpsampling upsampling, bool filtered)
{
    const torch::Tensor padded = upsampled(lowRes, scale, upsampling);
    if (!filtered)
        return padded;
    return torch::cat({padded, upsampled(empiricalWiener(lowRes), scale, upsampling)}, 1);
}

} // namespace cryosr
