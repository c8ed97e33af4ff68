#pragma once
// Elastic electron scattering factors of neutral atoms and what follows from them: the projected
// Coulomb potential of an atom and the phase it gives an electron wave. Plain C++.
//
// Peng, Ren, Dudarev & Whelan (1996), Acta Cryst. A52, 257–276, five Gaussians fitted for
// 0 ≤ s ≤ 2 Å⁻¹ (s = sin θ / λ = q/2, q = 1/d):
//   f_e(q) = Σ a_i exp(−b_i q²/4)                                 (Å)
// with a B-factor the b_i become b_i + B. Kirkland's relation between f_e and the potential,
// V(r) = (h²/2π m₀ e) ∫ f_e(q) e^{−2πi q·r} d³q with h²/2π m₀ e = 47.878 V·Å², gives the projected
// potential of one atom as a sum of 2D Gaussians whose integral over the plane is 47.878 f_e(0) V·Å³,
// and in 2D Fourier space simply 47.878 f_e(q) (the projection-slice theorem).

#include <array>

namespace cryosr {

/// h²/(2π m₀ e) = 2π a₀ e in V·Å²: converts a scattering factor (Å) into potential.
inline constexpr double kPotentialPerScatteringFactor = 47.878;

struct ScatteringFactor {
    std::array<double, 5> a; ///< Å
    std::array<double, 5> b; ///< Å²

    /// f_e(q) with an extra B-factor (Å²), q in 1/Å.
    double at(double q, double bFactor = 0.0) const;
    /// f_e(0) = Σ a_i.
    double atZero() const;
};

/// Peng et al.'s parameters for H, C, N, O, F, Na, Mg, P, S, Cl, Ca, Mn, Fe, Zn (what proteins,
/// nucleic acids, their ions and ligands hold); nullptr for other elements.
const ScatteringFactor* electronScatteringFactor(int atomicNumber);

/// The interaction constant σ_e = 2π m e λ / h² = γ λ / 47.878 in rad/(V·Å): an electron of this
/// energy passing a projected potential of 1 V·Å is shifted in phase by σ_e rad (6.53e-4 at 300 kV).
double interactionConstant(double voltageKv);

} // namespace cryosr
