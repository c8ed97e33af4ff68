#include "simulation/scatteringfactors.h"

#include "simulation/ctf.h"

#include <cmath>

namespace cryosr {

namespace {

struct Entry {
    int atomicNumber;
    ScatteringFactor factor;
};

// Peng et al. (1996), Table 1 (elastic, 0 ≤ s ≤ 2 Å⁻¹).
constexpr Entry kPeng1996[] = {
    {1, {{0.0349, 0.1201, 0.1970, 0.0573, 0.1195}, {0.5347, 3.5867, 12.3471, 18.9525, 38.6269}}},
    {6, {{0.0893, 0.2563, 0.7570, 1.0487, 0.3575}, {0.2465, 1.7100, 6.4094, 18.6113, 50.2523}}},
    {7, {{0.1022, 0.3219, 0.7982, 0.8197, 0.1715}, {0.2451, 1.7481, 6.1925, 17.3894, 48.1431}}},
    {8, {{0.0974, 0.2921, 0.6910, 0.6990, 0.2039}, {0.2067, 1.3815, 4.6943, 12.7105, 32.4726}}},
    {9, {{0.1083, 0.3175, 0.6487, 0.5846, 0.1421}, {0.2057, 1.3439, 4.2788, 11.3932, 28.7881}}},
    {11, {{0.2142, 0.6853, 0.7692, 1.6589, 1.4482}, {0.3334, 2.3446, 10.0830, 48.3037, 138.2700}}},
    {12, {{0.2314, 0.6866, 0.9677, 2.1882, 1.1339}, {0.3278, 2.2720, 10.9241, 39.2898, 101.9748}}},
    {15, {{0.2548, 0.6106, 1.4541, 2.3204, 0.8477}, {0.2908, 1.8740, 8.5176, 24.3434, 63.2996}}},
    {16, {{0.2497, 0.5628, 1.3899, 2.1865, 0.7715}, {0.2681, 1.6711, 7.0267, 19.5377, 50.3888}}},
    {17, {{0.2443, 0.5397, 1.3919, 2.0197, 0.6621}, {0.2468, 1.5242, 6.1537, 16.6687, 42.3086}}},
    {20, {{0.4054, 1.3880, 2.1602, 3.7532, 2.2063}, {0.3499, 3.0991, 11.9608, 53.9353, 142.3892}}},
    {25, {{0.3796, 1.2094, 1.7815, 2.5420, 1.5937}, {0.2699, 2.0455, 7.4726, 31.0604, 91.5622}}},
    {26, {{0.3946, 1.2725, 1.7031, 2.3140, 1.4795}, {0.2717, 2.0443, 7.6007, 29.9714, 86.2265}}},
    {30, {{0.4288, 1.2646, 1.4472, 1.8294, 1.0934}, {0.2593, 1.7998, 6.7500, 25.5860, 73.5284}}},
};

} // namespace

double ScatteringFactor::at(double q, double bFactor) const
{
    double f = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        f += a[i] * std::exp(-(b[i] + bFactor) * q * q / 4.0);
    return f;
}

double ScatteringFactor::atZero() const
{
    return a[0] + a[1] + a[2] + a[3] + a[4];
}

const ScatteringFactor* electronScatteringFactor(int atomicNumber)
{
    for (const Entry& e : kPeng1996)
        if (e.atomicNumber == atomicNumber)
            return &e.factor;
    return nullptr;
}

double interactionConstant(double voltageKv)
{
    constexpr double restEnergyKev = 510.999;
    CtfParameters optics;
    optics.voltageKv = voltageKv;
    const double gamma = 1.0 + voltageKv / restEnergyKev;
    return gamma * optics.wavelength() / kPotentialPerScatteringFactor;
}

} // namespace cryosr
