#include "imagetensor.h"

#include <algorithm>

namespace cryosr {

torch::Tensor toTensor(const Image& image)
{
    return torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()}, torch::kFloat32).clone();
}

Image toImage(const torch::Tensor& plane)
{
    const torch::Tensor host = plane.to(torch::kCPU, torch::kFloat32).contiguous();
    Image image = Image::uninitialized(static_cast<int>(host.size(1)), static_cast<int>(host.size(0)));
    std::copy_n(host.data_ptr<float>(), image.pixelCount(), image.data());
    return image;
}

} // namespace cryosr
