#include "diffusion/noiseschedule.h"

#include "io/errors.h"

#include <cmath>
#include <numbers>

namespace cryosr {

NoiseSchedule::NoiseSchedule(const ScheduleSpec& spec)
    : m_spec(spec)
{
    const int T = spec.timesteps;
    if (T < 1 || T > kMaxTimesteps)
        throw ArgumentError("a noise schedule needs 1 to 100,000 timesteps, got " + std::to_string(T));
    m_betas.resize(static_cast<std::size_t>(T));
    if (spec.kind == ScheduleKind::Linear) {
        for (int i = 0; i < T; ++i)
            m_betas[i] = T == 1 ? spec.betaStart : spec.betaStart + (spec.betaEnd - spec.betaStart) * i / (T - 1);
    } else {
        // ᾱ(t) from the cosine law; β_t = 1 − ᾱ(t)/ᾱ(t−1), capped at 0.999 to avoid a singular last step.
        const auto f = [&](double t) {
            return std::pow(std::cos((t / T + spec.cosineOffset) / (1 + spec.cosineOffset) * std::numbers::pi / 2), 2);
        };
        for (int i = 0; i < T; ++i)
            m_betas[i] = std::min(1.0 - f(i + 1) / f(i), 0.999);
    }
    m_alphasCumprod.resize(m_betas.size());
    double product = 1.0;
    for (int i = 0; i < T; ++i) {
        if (!(m_betas[i] > 0.0 && m_betas[i] < 1.0))
            throw ArgumentError("noise schedule β at step " + std::to_string(i + 1) + " is " + std::to_string(m_betas[i])
                                + "; every β must lie strictly between 0 and 1");
        product *= 1.0 - m_betas[i];
        m_alphasCumprod[i] = product;
    }
}

Posterior posteriorOf(double alphaBar, double alphaBarPrevious)
{
    const double beta = 1.0 - alphaBar / alphaBarPrevious;
    return {std::sqrt(alphaBarPrevious) * beta / (1.0 - alphaBar),
            std::sqrt(1.0 - beta) * (1.0 - alphaBarPrevious) / (1.0 - alphaBar),
            beta * (1.0 - alphaBarPrevious) / (1.0 - alphaBar)};
}

Posterior NoiseSchedule::posterior(int i) const
{
    return posteriorOf(m_alphasCumprod[i], i == 0 ? 1.0 : m_alphasCumprod[i - 1]);
}

RespacedSchedule respace(const NoiseSchedule& schedule, int steps)
{
    const int T = schedule.timesteps();
    if (steps < 1 || steps > T)
        throw ArgumentError("sampling steps must be between 1 and " + std::to_string(T) + ", got " + std::to_string(steps));
    RespacedSchedule r;
    for (int k = 0; k < steps; ++k) {
        // Evenly spaced, always ending at the last step so sampling starts from (nearly) pure noise.
        const int index = steps == 1 ? T - 1 : static_cast<int>(std::lround(static_cast<double>(k) * (T - 1) / (steps - 1)));
        r.timesteps.push_back(index);
        r.alphasCumprod.push_back(schedule.alphasCumprod()[index]);
    }
    for (int k = 0; k < steps; ++k)
        r.betas.push_back(1.0 - r.alphasCumprod[k] / r.previousAlphaCumprod(k));
    return r;
}

std::string scheduleKindName(ScheduleKind kind)
{
    return kind == ScheduleKind::Linear ? "linear" : "cosine";
}

} // namespace cryosr
