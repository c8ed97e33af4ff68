#include "simulation/micrographsimulator.h"

#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

constexpr double kParticlePeakPhase = 0.5; // rad, the strongest point of a particle's projection
constexpr double kIcePhaseNoise = 0.05;    // rad per pixel, amorphous ice
constexpr double kThicknessVariation = 0.1;
constexpr double kAbsorption = 0.3;        // amplitude loss per relative thickness

void check(const SimulationSettings& s)
{
    if (s.width < 16 || s.height < 16 || s.width > 16384 || s.height > 16384)
        throw ArgumentError("micrograph size must be 16 to 16384 pixels a side");
    if (s.pixelSize && !(*s.pixelSize > 0.0))
        throw ArgumentError("the pixel size must be positive");
    if (s.particles < 0)
        throw ArgumentError("the number of particles cannot be negative");
    if (!(s.defocusMinMicrometres > 0.0) || s.defocusMaxMicrometres < s.defocusMinMicrometres)
        throw ArgumentError("defocus must be MIN,MAX µm with 0 < MIN ≤ MAX (underfocus positive)");
    if (!(s.dose > 0.0))
        throw ArgumentError("the dose must be positive (e⁻/Å²)");
}

/// |k| in 1/Å on the unshifted FFT grid of an h × w image: [h, w].
torch::Tensor spatialFrequencies(std::int64_t h, std::int64_t w, double pixelSize)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor ky = torch::fft::fftfreq(h, pixelSize, options).unsqueeze(1);
    const torch::Tensor kx = torch::fft::fftfreq(w, pixelSize, options).unsqueeze(0);
    return torch::sqrt(ky * ky + kx * kx);
}

/// A smooth random field with mean 0 and standard deviation 1, correlated over ~`length` pixels: [h, w].
torch::Tensor smoothField(std::int64_t h, std::int64_t w, double length, torch::Generator& g)
{
    const torch::Tensor white = torch::randn({h, w}, g, torch::kFloat64);
    const torch::Tensor k = spatialFrequencies(h, w, 1.0); // cycles per pixel
    const torch::Tensor smooth = torch::real(torch::fft::ifft2(torch::fft::fft2(white) * torch::exp(-(k * length) * (k * length))));
    return (smooth - smooth.mean()) / smooth.std().clamp_min(1e-12);
}

Image withPixelSize(Image image, double pixelSize)
{
    image.pixelSize = PixelSize{pixelSize, pixelSize, std::nullopt};
    return image;
}

} // namespace

SimulatedMicrograph simulateMicrograph(const Volume& map, const SimulationSettings& s)
{
    check(s);
    torch::NoGradGuard noGrad;
    const double pixel = s.pixelSize.value_or(map.voxelSize);
    const int n = std::max({map.nx, map.ny, map.nz});
    const int m = std::max(1, static_cast<int>(std::lround(n * map.voxelSize / pixel))); // particle box, output pixels
    if (m >= std::min(s.width, s.height))
        throw ArgumentError("a particle box of " + std::to_string(m) + " pixels does not fit a " + std::to_string(s.width)
                            + " x " + std::to_string(s.height) + " micrograph; use a larger --size or --pixel-size");

    std::mt19937_64 random(s.seed);
    torch::Generator generator = at::detail::createCPUGenerator(s.seed);
    SimulatedMicrograph result;
    result.ctf = s.microscope;
    result.ctf.defocusAngstrom =
        1e4 * std::uniform_real_distribution<double>(s.defocusMinMicrometres, s.defocusMaxMicrometres)(random);

    // Particles: projected at the map's sampling, Fourier-resized to the micrograph's, placed apart.
    torch::Tensor phase = torch::zeros({s.height, s.width}, torch::kFloat64); // [H, W]
    std::vector<std::pair<int, int>> centres;
    std::uniform_int_distribution<int> x(0, s.width - m), y(0, s.height - m);
    double scale = 0.0;
    for (int p = 0; p < s.particles; ++p) {
        std::pair<int, int> corner;
        bool free = false;
        for (int attempt = 0; attempt < 100 && !free; ++attempt) {
            corner = {x(random), y(random)};
            free = std::none_of(centres.begin(), centres.end(), [&](const auto& c) {
                return std::hypot(c.first - corner.first, c.second - corner.second) < 0.7 * m;
            });
        }
        if (!free)
            continue;
        centres.push_back(corner);
        const torch::Tensor projection = fourierResize(toTensor(projectVolume(map, randomRotation(random))).to(torch::kFloat64), m, m);
        if (scale == 0.0) // one scale for the whole micrograph, from its first particle
            scale = kParticlePeakPhase / std::max(1e-12, projection.abs().max().item<double>());
        phase.narrow(0, corner.second, m).narrow(1, corner.first, m) += scale * projection;
    }
    result.particlesPlaced = static_cast<int>(centres.size());
    phase += kIcePhaseNoise * torch::randn({s.height, s.width}, generator, torch::kFloat64);

    // Contrast transfer, then absorption by the (smoothly varying) ice.
    const torch::Tensor k = spatialFrequencies(s.height, s.width, pixel);
    const CtfParameters& ctf = result.ctf;
    torch::Tensor transfer = torch::empty_like(k);
    std::transform(k.data_ptr<double>(), k.data_ptr<double>() + k.numel(), transfer.data_ptr<double>(),
                   [&](double frequency) { return ctf.value(frequency); });
    const torch::Tensor contrast = torch::real(torch::fft::ifft2(torch::fft::fft2(phase) * transfer));
    const torch::Tensor thickness = 1 + kThicknessVariation * smoothField(s.height, s.width, s.width / 6.0, generator);
    const torch::Tensor intensity = ((1 - 2 * contrast) * torch::exp(-kAbsorption * (thickness - 1))).clamp_min(0);

    const torch::Tensor expected = s.dose * pixel * pixel * intensity; // e⁻ per pixel
    result.clean = withPixelSize(toImage(expected), pixel);
    result.micrograph = withPixelSize(toImage(torch::poisson(expected, generator)), pixel);
    return result;
}

} // namespace cryosr
