#pragma once
// The contrast transfer function of a transmission electron microscope (weak-phase approximation with
// amplitude contrast), as the simulator applies it and as tests check it. Plain C++.
//
//   χ(k) = π λ Δf k² − (π/2) C_s λ³ k⁴           (k in 1/Å, Δf > 0 underfocus)
//   CTF(k) = (√(1 − A²) sin χ + A cos χ) · exp(−B k²/4)
// An image of a weak phase object φ is I = 1 − 2 F⁻¹{CTF · F{φ}}, so positive density is dark at low
// frequency, as in real micrographs.

#include <vector>

namespace cryosr {

struct CtfParameters {
    double voltageKv = 300.0;
    double sphericalAberrationMm = 2.7;
    double amplitudeContrast = 0.07; ///< A
    double defocusAngstrom = 15000.0; ///< Δf, positive = underfocus
    double bFactor = 40.0;            ///< envelope B in Å²

    /// Relativistic electron wavelength λ in Å (0.0197 Å at 300 kV).
    double wavelength() const;
    /// Phase aberration χ(k) for spatial frequency k in 1/Å.
    double phase(double k) const;
    /// CTF(k), envelope included.
    double value(double k) const;
    /// The first `count` spatial frequencies (1/Å, ascending) where CTF(k) = 0, i.e. χ(k) + asin(A) = nπ
    /// (fewer when χ turns back before reaching them).
    std::vector<double> zeros(int count) const;
};

} // namespace cryosr
