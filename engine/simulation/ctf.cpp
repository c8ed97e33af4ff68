#include "simulation/ctf.h"

#include <cmath>

namespace cryosr {

double CtfParameters::wavelength() const
{
    // λ = h / √(2 m₀ e V (1 + e V / (2 m₀ c²))), with h/√(2 m₀ e) = 12.2643 Å·V^½ and e/(2 m₀ c²) = 0.978466e-6 / V.
    const double volts = voltageKv * 1000.0;
    return 12.2643 / std::sqrt(volts * (1.0 + 0.978466e-6 * volts));
}

double CtfParameters::defocusAlong(double angleRadians) const
{
    return defocusAngstrom + astigmatismAngstrom * std::cos(2.0 * (angleRadians - astigmatismAngleDegrees * M_PI / 180.0));
}

double CtfParameters::phase(double k, double angleRadians) const
{
    const double lambda = wavelength();
    const double cs = sphericalAberrationMm * 1e7; // Å
    const double k2 = k * k;
    return M_PI * lambda * defocusAlong(angleRadians) * k2 - 0.5 * M_PI * cs * lambda * lambda * lambda * k2 * k2;
}

double CtfParameters::phaseAt(double kx, double ky) const
{
    return phase(std::hypot(kx, ky), std::atan2(ky, kx));
}

double CtfParameters::value(double k, double angleRadians) const
{
    const double chi = phase(k, angleRadians);
    const double a = amplitudeContrast;
    return (std::sqrt(1.0 - a * a) * std::sin(chi) + a * std::cos(chi)) * std::exp(-bFactor * k * k / 4.0);
}

std::vector<double> CtfParameters::zeros(int count, double angleRadians) const
{
    // √(1 − A²) sin χ + A cos χ = sin(χ + asin A), zero where χ = nπ − asin A. χ as a quadratic in u = k²:
    // (π/2) C_s λ³ u² − π λ Δf(θ) u + (nπ − asin A) = 0; its smaller root is where χ first reaches that value.
    const double lambda = wavelength();
    const double cs = sphericalAberrationMm * 1e7;
    const double a2 = 0.5 * M_PI * cs * lambda * lambda * lambda;
    const double a1 = M_PI * lambda * defocusAlong(angleRadians);
    std::vector<double> k;
    for (int n = 1; static_cast<int>(k.size()) < count; ++n) {
        const double target = n * M_PI - std::asin(amplitudeContrast);
        const double discriminant = a1 * a1 - 4.0 * a2 * target;
        if (discriminant < 0 || a1 <= 0)
            break;
        const double u = a2 > 0 ? (a1 - std::sqrt(discriminant)) / (2.0 * a2) : target / a1;
        k.push_back(std::sqrt(u));
    }
    return k;
}

} // namespace cryosr
