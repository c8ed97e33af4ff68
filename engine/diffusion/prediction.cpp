#include "diffusion/prediction.h"

namespace cryosr {

torch::Tensor epsilonFrom(const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar,
                          Prediction prediction)
{
    if (prediction == Prediction::Epsilon)
        return output;
    return torch::sqrt(1 - alphaBar) * xt + torch::sqrt(alphaBar) * output;
}

torch::Tensor cleanFrom(const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar,
                        Prediction prediction)
{
    if (prediction == Prediction::Epsilon)
        return (xt - torch::sqrt(1 - alphaBar) * output) / torch::sqrt(alphaBar);
    return torch::sqrt(alphaBar) * xt - torch::sqrt(1 - alphaBar) * output;
}

torch::Tensor trainingTarget(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar,
                             Prediction prediction)
{
    if (prediction == Prediction::Epsilon)
        return noise;
    return torch::sqrt(alphaBar) * noise - torch::sqrt(1 - alphaBar) * x0;
}

} // namespace cryosr
