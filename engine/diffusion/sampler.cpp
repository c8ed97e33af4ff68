#include "diffusion/sampler.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

namespace cryosr {

namespace {

/// One CPU generator per batch element (seed + b): the noise of a sample does not depend on its batch.
/// In antithetic pairs, odd elements take the element before them negated instead.
class BatchNoise {
public:
    BatchNoise(std::uint64_t seed, std::int64_t batch, bool antitheticPairs)
        : m_pairs(antitheticPairs)
    {
        for (std::int64_t b = 0; b < batch; ++b)
            m_generators.push_back(at::detail::createCPUGenerator(seed + static_cast<std::uint64_t>(b)));
    }

    /// N(0, I) of `shape` [B, ...], drawn on the CPU, then moved: reproducible across runs on a device.
    torch::Tensor draw(torch::IntArrayRef shape, const torch::TensorOptions& options)
    {
        std::vector<torch::Tensor> parts;
        for (std::size_t b = 0; b < m_generators.size(); ++b)
            parts.push_back(m_pairs && b % 2 == 1
                                ? -parts.back()
                                : torch::randn(shape.slice(1), m_generators[b], torch::TensorOptions().dtype(torch::kFloat32)));
        return torch::stack(parts).to(options);
    }

private:
    bool m_pairs;
    std::vector<at::Generator> m_generators; // a mirror's goes unused
};

/// One sampler's update from step k (ᾱ_k) to the step before it (ᾱ_{k−1}; 1 at the end).
class Stepper {
public:
    Stepper(const RespacedSchedule& r, const SamplerSettings& s, BatchNoise& noise, const torch::TensorOptions& o)
        : m_r(r)
        , m_settings(s)
        , m_noise(noise)
        , m_options(o)
    {
    }

    torch::Tensor step(int k, const torch::Tensor& x, const torch::Tensor& x0)
    {
        const double a = m_r.alphasCumprod[k];
        const double aPrev = m_r.previousAlphaCumprod(k);
        switch (m_settings.kind) {
        case SamplerKind::Ddpm: {
            // Posterior q(x_{k−1} | x_k, x̂_0) of the respaced chain (the seed's reverse step).
            const Posterior p = m_r.posterior(k);
            torch::Tensor mean = p.coefficientX0 * x0 + p.coefficientXt * x;
            return k == 0 ? mean : mean + std::sqrt(p.variance) * m_noise.draw(x.sizes(), m_options);
        }
        case SamplerKind::Ddim: {
            const torch::Tensor eps = (x - std::sqrt(a) * x0) / std::sqrt(1 - a);
            const double sigma = m_settings.eta * std::sqrt((1 - aPrev) / (1 - a)) * std::sqrt(1 - a / aPrev);
            torch::Tensor next = std::sqrt(aPrev) * x0 + std::sqrt(std::max(0.0, 1 - aPrev - sigma * sigma)) * eps;
            return (k == 0 || sigma == 0.0) ? next : next + sigma * m_noise.draw(x.sizes(), m_options);
        }
        case SamplerKind::DpmSolverPlusPlus: {
            // Data-prediction multistep solver in λ = log(α/σ); first order on the first and last steps.
            const double alphaS = std::sqrt(a), sigmaS = std::sqrt(1 - a);
            if (k == 0) {
                m_previousX0 = torch::Tensor();
                return x0;
            }
            const double alphaT = std::sqrt(aPrev), sigmaT = std::sqrt(1 - aPrev);
            const double h = std::log(alphaT / sigmaT) - std::log(alphaS / sigmaS);
            torch::Tensor d = x0;
            if (m_previousX0.defined()) {
                const double r = m_previousH / h;
                d = (1 + 1 / (2 * r)) * x0 - (1 / (2 * r)) * m_previousX0;
            }
            m_previousX0 = x0;
            m_previousH = h;
            return (sigmaT / sigmaS) * x - alphaT * std::expm1(-h) * d;
        }
        }
        return x0;
    }

private:
    const RespacedSchedule& m_r;
    const SamplerSettings& m_settings;
    BatchNoise& m_noise;
    torch::TensorOptions m_options;
    torch::Tensor m_previousX0;
    double m_previousH = 0.0;
};

} // namespace

std::string samplerKindName(SamplerKind kind)
{
    switch (kind) {
    case SamplerKind::Ddpm:
        return "ddpm";
    case SamplerKind::Ddim:
        return "ddim";
    case SamplerKind::DpmSolverPlusPlus:
        return "dpmpp";
    }
    return "ddim";
}

std::optional<SamplerKind> samplerKindFromName(const std::string& name)
{
    for (SamplerKind kind : {SamplerKind::Ddpm, SamplerKind::Ddim, SamplerKind::DpmSolverPlusPlus})
        if (samplerKindName(kind) == name)
            return kind;
    return std::nullopt;
}

torch::Tensor addNoise(const NoiseSchedule& schedule, const torch::Tensor& x0, const torch::Tensor& noise, int index)
{
    const double a = schedule.alphasCumprod().at(static_cast<std::size_t>(index));
    return std::sqrt(a) * x0 + std::sqrt(1 - a) * noise;
}

SampleResult sample(const NoiseSchedule& schedule, const NoisePredictor& predictNoise, torch::IntArrayRef shape,
                    const SamplerSettings& settings, const torch::TensorOptions& options, std::stop_token stop,
                    const StepSink& sink, const PredictionHook& hook)
{
    torch::NoGradGuard noGrad;
    const RespacedSchedule r = respace(schedule, settings.steps);
    BatchNoise noise(settings.seed, shape[0], settings.antitheticPairs);
    Stepper stepper(r, settings, noise, options);

    SampleResult result;
    torch::Tensor x = noise.draw(shape, options); // x_T
    const int n = static_cast<int>(r.timesteps.size());
    for (int k = n - 1; k >= 0; --k) {
        if (stop.stop_requested()) {
            result.cancelled = true;
            break;
        }
        const double a = r.alphasCumprod[k];
        const torch::Tensor t = torch::full({shape[0]}, static_cast<float>(r.timesteps[k]), options);
        const torch::Tensor eps = predictNoise(x, t);
        torch::Tensor x0 = (x - std::sqrt(1 - a) * eps) / std::sqrt(a);
        if (hook)
            x0 = hook(x0);
        x = stepper.step(k, x, x0);
        ++result.stepsDone;
        if (sink)
            sink(StepFrame{result.stepsDone, n, r.timesteps[k], x, x0});
    }
    result.x0 = x;
    return result;
}

} // namespace cryosr
