#pragma once
// The forward (noising) process of DDPM: β_t, α_t = 1 − β_t, ᾱ_t = ∏ α_i, and the respaced schedules
// that samplers with fewer steps walk. Plain C++ (no LibTorch): it is part of a model file and of
// every sampler, and its mathematics is tested on its own.

#include <string>
#include <vector>

namespace cryosr {

enum class ScheduleKind { Linear, Cosine };

/// q(x_{t−1} | x_t, x_0) = N(coefficientX0 · x_0 + coefficientXt · x_t, variance).
struct Posterior {
    double coefficientX0;
    double coefficientXt;
    double variance;
};

/// The posterior of one step of any chain, from ᾱ at the step and at the step before it (1 before
/// the first): with β = 1 − ᾱ_t/ᾱ_{t−1}, c0 = √ᾱ_{t−1} β/(1 − ᾱ_t), ct = √(1 − β)(1 − ᾱ_{t−1})/(1 − ᾱ_t),
/// variance = β (1 − ᾱ_{t−1})/(1 − ᾱ_t) — the seed's derivation.
Posterior posteriorOf(double alphaBar, double alphaBarPrevious);

/// Parameters that define a schedule (stored in a model file).
/// Far more steps than any schedule uses (DDPM's is 1,000); keeps a forged model file from reserving gigabytes.
inline constexpr int kMaxTimesteps = 100000;

struct ScheduleSpec {
    ScheduleKind kind = ScheduleKind::Linear;
    int timesteps = 1000; ///< T
    double betaStart = 1e-4; ///< linear: β_1 (DDPM's default)
    double betaEnd = 0.02; ///< linear: β_T (the seed quotes 2e-3; both are parameters)
    double cosineOffset = 0.008; ///< cosine: s in ᾱ(t) = cos²((t/T + s)/(1 + s) · π/2) (Nichol & Dhariwal)
};

/**
 * A noise schedule over T steps. Index i (0-based) holds step t = i + 1: betas()[i] = β_t,
 * alphasCumprod()[i] = ᾱ_t. Closed form of the forward process: x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) z.
 * Throws ArgumentError for T outside 1…kMaxTimesteps or β outside (0, 1).
 */
class NoiseSchedule {
public:
    explicit NoiseSchedule(const ScheduleSpec& spec = {});

    const ScheduleSpec& spec() const { return m_spec; }
    int timesteps() const { return static_cast<int>(m_betas.size()); }
    const std::vector<double>& betas() const { return m_betas; }
    const std::vector<double>& alphasCumprod() const { return m_alphasCumprod; }

    /// Posterior q(x_{t−1} | x_t, x_0) for step index i (t = i + 1).
    struct Posterior posterior(int index) const;

private:
    ScheduleSpec m_spec;
    std::vector<double> m_betas;
    std::vector<double> m_alphasCumprod;
};

/**
 * The N steps a sampler visits, chosen evenly from the T steps of a schedule (N = T keeps them all).
 * Step k (0-based, ascending) is the schedule's step index `timesteps[k]`, with ᾱ kept exactly;
 * its β is re-derived so that the respaced chain has the same marginals:
 * β'_k = 1 − ᾱ_{τ_k} / ᾱ_{τ_{k−1}} (ᾱ before the first kept step is 1).
 */
struct RespacedSchedule {
    std::vector<int> timesteps; ///< schedule indices, ascending
    std::vector<double> alphasCumprod; ///< ᾱ at those indices
    std::vector<double> betas; ///< β'_k
    /// ᾱ of the step before step k: 1 for k = 0.
    double previousAlphaCumprod(int k) const { return k == 0 ? 1.0 : alphasCumprod[k - 1]; }
    Posterior posterior(int k) const { return posteriorOf(alphasCumprod[k], previousAlphaCumprod(k)); }
};

/// Throws ArgumentError unless 1 ≤ steps ≤ T.
RespacedSchedule respace(const NoiseSchedule& schedule, int steps);

std::string scheduleKindName(ScheduleKind kind);

} // namespace cryosr
