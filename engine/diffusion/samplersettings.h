#pragma once
// Which reverse-process sampler to run and how, as plain values (CLI, GUI and model-free callers).

#include <cstdint>
#include <optional>
#include <string>

namespace cryosr {

enum class SamplerKind { Ddpm, Ddim, DpmSolverPlusPlus };

struct SamplerSettings {
    SamplerKind kind = SamplerKind::Ddim;
    int steps = 20; ///< N, 1 ≤ N ≤ T
    double eta = 0.0; ///< DDIM: 0 = deterministic, 1 = DDPM-like noise
    std::uint64_t seed = 0; ///< batch element b draws its noise from seed + b (but see antitheticPairs)
    /// Batch elements in antithetic pairs: element 2j + 1 draws element 2j's noise negated. Each is a
    /// sample as before, but the pair's mean cancels what the output owes to the noise's sign, so the
    /// mean of K samples of one input lies nearer the posterior mean than K independent ones (off for
    /// batches of different inputs, where it gains nothing).
    bool antitheticPairs = true;
};

/// "ddpm", "ddim", "dpmpp".
std::string samplerKindName(SamplerKind kind);
std::optional<SamplerKind> samplerKindFromName(const std::string& name);

} // namespace cryosr
