#pragma once
// The contrast transfer function of a transmission electron microscope (weak-phase approximation with
// amplitude contrast), as the simulator applies it and as tests check it. Plain C++.
//
//   χ(k, θ) = π λ Δf(θ) k² − (π/2) C_s λ³ k⁴      (k in 1/Å, Δf > 0 underfocus)
//   Δf(θ)   = Δf + a cos(2(θ − θ_a))               (astigmatism: Δf_u = Δf + a along θ_a, Δf_v = Δf − a)
//   CTF     = (√(1 − A²) sin χ + A cos χ) · exp(−B k²/4)
// An image of a weak phase object φ is I = 1 − 2 F⁻¹{CTF · F{φ}}, so positive density is dark at low
// frequency, as in real micrographs.

#include <vector>

namespace cryosr {

struct CtfParameters {
    double voltageKv = 300.0;
    double sphericalAberrationMm = 2.7;
    double amplitudeContrast = 0.07; ///< A
    double defocusAngstrom = 15000.0; ///< mean defocus Δf = (Δf_u + Δf_v)/2, positive = underfocus
    double astigmatismAngstrom = 0.0; ///< a = (Δf_u − Δf_v)/2 ≥ 0
    double astigmatismAngleDegrees = 0.0; ///< θ_a: the direction of Δf_u (most underfocus), from the x axis
    double bFactor = 40.0; ///< envelope B in Å²

    /// Relativistic electron wavelength λ in Å (0.0197 Å at 300 kV).
    double wavelength() const;
    /// Δf(θ) in Å along the direction θ (radians from the x axis).
    double defocusAlong(double angleRadians) const;
    /// Phase aberration χ(k) for spatial frequency k in 1/Å along θ (default: the x axis).
    double phase(double k, double angleRadians = 0.0) const;
    /// χ at (kx, ky) in 1/Å.
    double phaseAt(double kx, double ky) const;
    /// CTF(k) along θ, envelope included.
    double value(double k, double angleRadians = 0.0) const;
    /// The first `count` spatial frequencies (1/Å, ascending) along θ where CTF = 0, i.e.
    /// χ + asin(A) = nπ (fewer when χ turns back before reaching them).
    std::vector<double> zeros(int count, double angleRadians = 0.0) const;
};

} // namespace cryosr
