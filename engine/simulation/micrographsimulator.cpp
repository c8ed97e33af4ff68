#include "simulation/micrographsimulator.h"

#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"
#include "simulation/scatteringfactors.h"
#include "simulation/specimen.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

/// The simulation grid samples the micrograph's pixels this many times per axis, so that |ψ|², whose
/// band is twice the wave's, is not aliased where the signal is.
constexpr int kOversampling = 2;
/// Inelastic mean free path of electrons in amorphous ice at 300 kV (Å); thicker ice absorbs more.
constexpr double kIceMeanFreePath300kV = 3500.0;
/// Relative to ice: amorphous carbon (denser) and crystalline contamination (Bragg scattering too).
constexpr double kCarbonPathFactor = 0.6;
constexpr double kCrystalPathFactor = 0.4;
/// Counting detectors misplace an electron's event by a fraction of a pixel.
constexpr double kCountingMisplacement = 0.3; // physical pixels, standard deviation

void check(const SimulationSettings& s)
{
    if (s.width < 16 || s.height < 16 || s.width > 16384 || s.height > 16384)
        throw ArgumentError("micrograph size must be 16 to 16384 pixels a side");
    if (s.pixelSize && !(*s.pixelSize > 0.0))
        throw ArgumentError("the pixel size must be positive");
    if (s.particles < 0)
        throw ArgumentError("the number of particles cannot be negative");
    if (s.coverage && !(*s.coverage >= 0.0 && *s.coverage <= 0.6))
        throw ArgumentError("the coverage must be 0 to 0.6 of the area (random packing jams at 0.55)");
    if (!(s.defocusMinMicrometres > 0.0) || s.defocusMaxMicrometres < s.defocusMinMicrometres)
        throw ArgumentError("defocus must be MIN,MAX µm with 0 < MIN ≤ MAX (underfocus positive)");
    if (!(s.astigmatismMaxMicrometres >= 0.0) || s.astigmatismMaxMicrometres > s.defocusMinMicrometres)
        throw ArgumentError("astigmatism must be 0 up to the smallest defocus");
    if (!(s.dose > 0.0))
        throw ArgumentError("the dose must be positive (e⁻/Å²)");
    if (!(s.iceThicknessAngstrom > 0.0) || !(s.iceThicknessVariation >= 0.0 && s.iceThicknessVariation < 1.0))
        throw ArgumentError("the ice must be thicker than 0 Å and vary by less than 100 %");
    if (s.binning < 1 || s.binning > 64)
        throw ArgumentError("binning must be 1 to 64");
    if (!(s.bFactor >= 0.0) || s.contaminations < 0 || s.contaminations > 100 || !(std::abs(s.illuminationGradient) < 1.0))
        throw ArgumentError("B-factor, contaminations and illumination gradient must be in range");
}

/// A smooth random field with mean 0 and standard deviation 1, correlated over ~`length` samples: [h, w].
torch::Tensor smoothField(std::int64_t h, std::int64_t w, double length, torch::Generator& g)
{
    const torch::Tensor white = torch::randn({h, w}, g, torch::kFloat64);
    const torch::Tensor k = spatialFrequencies(h, w, 1.0); // cycles per sample
    const torch::Tensor smooth =
        torch::real(torch::fft::ifft2(torch::fft::fft2(white) * torch::exp(-(k * length) * (k * length))));
    return (smooth - smooth.mean()) / smooth.std().clamp_min(1e-12);
}

Image withPixelSize(Image image, double pixelSize)
{
    image.pixelSize = PixelSize{pixelSize, pixelSize, std::nullopt};
    return image;
}

/// A 0…1 mask from a signed distance (Å, negative inside) with an edge `edge` Å wide.
torch::Tensor softInside(const torch::Tensor& signedDistance, double edge)
{
    return torch::sigmoid(-signedDistance / edge);
}

/// Everything the specimen does to the wave, on the simulation grid (all [H, W] float64).
struct Specimen {
    torch::Tensor weak; ///< V·Å: particles and amorphous textures (absorb as amplitude contrast says)
    torch::Tensor strong; ///< V·Å: thickness changes of ice, carbon, contamination (phase only)
    torch::Tensor absorption; ///< log of the amplitude lost to inelastic scattering, relative to mean ice
};

class Simulation {
public:
    Simulation(const std::vector<ParticleSpecies>& species, const SimulationSettings& s)
        : m_settings(s)
        , m_random(s.seed)
        , m_generator(at::detail::createCPUGenerator(s.seed))
    {
        check(s);
        m_pixel = s.pixelSize.value_or(1.0);
        for (const ParticleSpecies& sp : species)
            if (!s.pixelSize && sp.map) {
                m_pixel = sp.map->voxelSize; // a map's own sampling, as before atoms were simulated
                break;
            }
        drawOptics();
        for (const ParticleSpecies& sp : species) {
            m_species.emplace_back(sp, s.bFactor, m_random);
            const double box = sp.map ? std::max({sp.map->nx, sp.map->ny, sp.map->nz}) * sp.map->voxelSize
                                      : 2.0 * m_species.back().radius();
            const long pixels = std::lround(box / m_pixel);
            if (pixels < std::min(s.width, s.height) || m_species.back().isFilament())
                continue;
            if (!s.skipOversizedSpecies)
                throw ArgumentError("a particle box of " + std::to_string(pixels) + " pixels does not fit a "
                                    + std::to_string(s.width) + " x " + std::to_string(s.height)
                                    + " micrograph; use a larger --size or --pixel-size");
            m_species.pop_back();
        }
        // A margin as wide as the CTF delocalises detail (λ Δf k), so nothing wraps around the edges.
        const double aperture = std::sqrt(2.0) / (2.0 * m_pixel);
        const double reach = m_ctf.wavelength() * (m_ctf.defocusAngstrom + m_ctf.astigmatismAngstrom) * aperture / m_pixel;
        // In steps of 16 pixels: micrographs of 2^n pixels then give FFT-friendly grids.
        m_margin = 16 * static_cast<std::int64_t>(std::clamp(std::ceil((reach + 8.0) / 16.0), 1.0, 16.0));
        m_grid.height = kOversampling * (s.height + 2 * m_margin);
        m_grid.width = kOversampling * (s.width + 2 * m_margin);
        m_grid.spacing = m_pixel / kOversampling;
    }

    SimulatedMicrograph run()
    {
        torch::NoGradGuard noGrad;
        SimulatedMicrograph result;
        result.ctf = m_ctf;
        const Specimen specimen = buildSpecimen(result.particlesPlaced);
        const torch::Tensor intensity = image(specimen);
        const torch::Tensor expected = detect(intensity);
        result.clean = withPixelSize(toImage(expected), m_pixel);
        result.micrograph = withPixelSize(toImage(torch::poisson(expected, m_generator)), m_pixel);
        result.pixelSnr = (expected.var() / expected.mean().clamp_min(1e-12)).item<double>();
        return result;
    }

private:
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(m_random); }

    void drawOptics()
    {
        m_ctf = m_settings.microscope;
        m_ctf.defocusAngstrom = 1e4 * uniform(m_settings.defocusMinMicrometres, m_settings.defocusMaxMicrometres);
        m_ctf.astigmatismAngstrom = 1e4 * uniform(0.0, m_settings.astigmatismMaxMicrometres);
        m_ctf.astigmatismAngleDegrees = m_ctf.astigmatismAngstrom > 0 ? uniform(0.0, 180.0) : 0.0;
        m_gradientAngle = m_settings.illuminationGradient != 0.0 ? uniform(0.0, 2 * M_PI) : 0.0;
    }

    /// x and y of every grid sample in Å, [H, 1] and [1, W].
    std::pair<torch::Tensor, torch::Tensor> coordinates() const
    {
        const auto options = torch::TensorOptions().dtype(torch::kFloat64);
        return {(torch::arange(m_grid.height, options) * m_grid.spacing).unsqueeze(1),
                (torch::arange(m_grid.width, options) * m_grid.spacing).unsqueeze(0)};
    }

    Specimen buildSpecimen(int& particlesPlaced)
    {
        const SimulationSettings& s = m_settings;
        const std::int64_t h = m_grid.height, w = m_grid.width;
        const double fieldH = h * m_grid.spacing, fieldW = w * m_grid.spacing;
        const auto [y, x] = coordinates();
        const double meanPathIce = kIceMeanFreePath300kV * beta2(m_ctf.voltageKv) / beta2(300.0);

        const auto placements = placeParticles(m_species, fieldW, fieldH, s.coverage, s.particles, m_random);
        // Count only those whose centre lies in the micrograph itself, not in the margin.
        const double margin = double(m_margin) * m_pixel;
        particlesPlaced = static_cast<int>(std::count_if(placements.begin(), placements.end(), [&](const Placement& p) {
            return p.x >= margin && p.y >= margin && p.x < fieldW - margin && p.y < fieldH - margin;
        }));
        const ParticlePotential particles = particlePotential(m_species, placements, m_grid);

        // Ice: a smooth thickness field, thicker towards a carbon rim (the meniscus).
        torch::Tensor thickness = s.iceThicknessAngstrom
            * (1.0 + s.iceThicknessVariation * smoothField(h, w, std::max(h, w) / 3.0, m_generator));
        torch::Tensor carbon = torch::zeros({h, w}, torch::kFloat64);
        if (s.carbonEdge) {
            const double field = std::max(s.width, s.height) * m_pixel; // the micrograph, not its margins
            const double radius = uniform(5000.0, 10000.0); // a hole of 1–2 µm
            const double angle = uniform(0.0, 2 * M_PI);
            const double centreDistance = radius + uniform(-0.4, 0.4) * field;
            const double cx = fieldW / 2 + centreDistance * std::cos(angle), cy = fieldH / 2 + centreDistance * std::sin(angle);
            const torch::Tensor distance = torch::sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)); // from the hole's centre
            carbon = softInside(radius - distance, 0.7 * m_pixel);
            thickness = thickness
                + 0.5 * s.iceThicknessAngstrom * torch::exp(-(radius - distance).clamp_min(0) / (0.1 * radius)) * (1 - carbon);
        }
        thickness = thickness.clamp_min(0.1 * s.iceThicknessAngstrom);
        const double carbonThickness = s.carbonThicknessAngstrom;

        // Contamination: thick, strongly absorbing ice crystals (hexagons) and round blobs.
        torch::Tensor crystal = torch::zeros({h, w}, torch::kFloat64);
        for (int c = 0; c < s.contaminations; ++c) {
            const double size = std::min(std::exp(uniform(std::log(100.0), std::log(2000.0))), 0.3 * std::max(fieldH, fieldW));
            const double cx = uniform(0.0, fieldW), cy = uniform(0.0, fieldH), turn = uniform(0.0, M_PI);
            const torch::Tensor dx = x - cx, dy = y - cy;
            torch::Tensor distance; // signed, Å
            if (uniform(0.0, 1.0) < 0.5) {
                distance = torch::zeros({h, w}, torch::kFloat64) - 1e9;
                for (int side = 0; side < 3; ++side) { // a hexagon: the largest of three |projections|
                    const double a = turn + side * M_PI / 3;
                    distance = torch::maximum(distance, torch::abs(dx * std::cos(a) + dy * std::sin(a)) - size);
                }
            } else {
                const double aspect = uniform(0.6, 1.0);
                const torch::Tensor u = dx * std::cos(turn) + dy * std::sin(turn), v = -dx * std::sin(turn) + dy * std::cos(turn);
                distance = (torch::sqrt(u * u + (v / aspect) * (v / aspect)) - size) * std::sqrt(aspect);
            }
            crystal = crystal + uniform(300.0, 3000.0) * softInside(distance, 0.7 * m_pixel);
        }

        Specimen specimen;
        const torch::Tensor iceLeft = (thickness - particles.displaced).clamp_min(0);
        specimen.weak = particles.potential + amorphousTexture(Amorphous::Ice, iceLeft, m_grid, m_generator)
            + amorphousTexture(Amorphous::Carbon, carbonThickness * carbon, m_grid, m_generator);
        specimen.strong = iceMeanPotential() * (thickness - s.iceThicknessAngstrom + crystal)
            + carbonMeanPotential() * carbonThickness * carbon;
        specimen.absorption = (thickness - s.iceThicknessAngstrom) / (2 * meanPathIce)
            + carbonThickness * carbon / (2 * kCarbonPathFactor * meanPathIce) + crystal / (2 * kCrystalPathFactor * meanPathIce);
        return specimen;
    }

    /// β² = 1 − 1/γ² of the electrons: inelastic mean free paths scale with it.
    static double beta2(double kv)
    {
        const double gamma = 1.0 + kv / 510.999;
        return 1.0 - 1.0 / (gamma * gamma);
    }

    /// Exit wave → aberrated, enveloped, apertured image wave → intensity (1 for mean ice), [H, W].
    torch::Tensor image(const Specimen& specimen) const
    {
        const double sigma = interactionConstant(m_ctf.voltageKv);
        const double a = m_ctf.amplitudeContrast;
        const double eta = a / std::sqrt(1.0 - a * a); // linearised: 1 − 2(√(1−A²) sin χ + A cos χ) σ φ / √(1−A²)
        torch::Tensor phase = sigma * (specimen.weak + specimen.strong);
        phase = phase - phase.mean(); // a global phase changes nothing
        const torch::Tensor amplitude = torch::exp(-eta * sigma * specimen.weak - specimen.absorption);
        const torch::Tensor wave = torch::polar(amplitude, phase);

        const std::int64_t h = m_grid.height, w = m_grid.width;
        const auto options = torch::TensorOptions().dtype(torch::kFloat64);
        const torch::Tensor ky = torch::fft::fftfreq(h, m_grid.spacing, options).unsqueeze(1).expand({h, w}).contiguous();
        const torch::Tensor kx = torch::fft::fftfreq(w, m_grid.spacing, options).unsqueeze(0).expand({h, w}).contiguous();
        torch::Tensor chi = torch::empty({h, w}, options);
        const double* pkx = kx.data_ptr<double>();
        const double* pky = ky.data_ptr<double>();
        double* out = chi.data_ptr<double>();
        for (std::int64_t i = 0; i < h * w; ++i)
            out[i] = m_ctf.phaseAt(pkx[i], pky[i]);
        const torch::Tensor k2 = kx * kx + ky * ky;
        const double aperture = std::sqrt(2.0) / (2.0 * m_pixel); // the micrograph's corners
        const torch::Tensor transfer =
            torch::polar(torch::exp(-m_ctf.bFactor * k2 / 4.0) * (k2 <= aperture * aperture).to(torch::kFloat64), chi);
        const torch::Tensor imageWave = torch::fft::ifft2(torch::fft::fft2(wave) * transfer);
        return (torch::real(imageWave).pow(2) + torch::imag(imageWave).pow(2));
    }

    /// Intensity on the simulation grid → expected electrons per micrograph pixel, [height, width].
    torch::Tensor detect(const torch::Tensor& intensity) const
    {
        const SimulationSettings& s = m_settings;
        const std::int64_t hp = s.height + 2 * m_margin, wp = s.width + 2 * m_margin;
        torch::Tensor binned = fourierResize(intensity, hp, wp); // the band the micrograph's pixels hold
        if (s.detectorMtf) {
            const double physical = m_pixel / s.binning; // Å
            const auto options = torch::TensorOptions().dtype(torch::kFloat64);
            const torch::Tensor fy = torch::fft::fftfreq(hp, m_pixel, options).unsqueeze(1) * physical; // cycles / physical pixel
            const torch::Tensor fx = torch::fft::fftfreq(wp, m_pixel, options).unsqueeze(0) * physical;
            const double c = 2.0 * M_PI * M_PI * kCountingMisplacement * kCountingMisplacement;
            const torch::Tensor mtf = torch::sinc(fy) * torch::sinc(fx) * torch::exp(-c * (fx * fx + fy * fy));
            binned = torch::real(torch::fft::ifft2(torch::fft::fft2(binned) * mtf));
        }
        torch::Tensor field = binned.narrow(0, m_margin, s.height).narrow(1, m_margin, s.width);
        if (s.illuminationGradient != 0.0) {
            const auto options = torch::TensorOptions().dtype(torch::kFloat64);
            const double angle = m_gradientAngle;
            const torch::Tensor u = (torch::arange(s.width, options) / (s.width - 1.0) - 0.5).unsqueeze(0);
            const torch::Tensor v = (torch::arange(s.height, options) / (s.height - 1.0) - 0.5).unsqueeze(1);
            field = field * (1.0 + s.illuminationGradient * (u * std::cos(angle) + v * std::sin(angle)));
        }
        return (s.dose * m_pixel * m_pixel * field).clamp_min(0).contiguous();
    }

    SimulationSettings m_settings;
    std::mt19937_64 m_random;
    torch::Generator m_generator;
    double m_pixel = 1.0;
    CtfParameters m_ctf;
    double m_gradientAngle = 0; ///< direction of the illumination gradient, radians
    std::vector<PreparedSpecies> m_species;
    std::int64_t m_margin = 16;
    SimulationGrid m_grid;
};

} // namespace

SimulatedMicrograph simulateMicrograph(const std::vector<ParticleSpecies>& species, const SimulationSettings& settings)
{
    return Simulation(species, settings).run();
}

SimulatedMicrograph simulateMicrograph(const Volume& map, const SimulationSettings& settings)
{
    ParticleSpecies species;
    species.name = "map";
    species.map = map;
    return simulateMicrograph({species}, settings);
}

SimulationSettings randomSimulationSettings(const SimulationSettings& base, const CorpusRanges& r, std::uint64_t seed, int index)
{
    std::mt19937_64 random(seed * 0x100000001b3ULL + static_cast<std::uint64_t>(index) * 0x9e3779b97f4a7c15ULL + 17);
    const auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(random); };
    const auto logUniform = [&](double a, double b) { return std::exp(uniform(std::log(a), std::log(b))); };
    const auto chance = [&](double p) { return uniform(0.0, 1.0) < p; };

    SimulationSettings s = base;
    s.seed = random();
    s.pixelSize = logUniform(r.pixelSizeMin, r.pixelSizeMax);
    // Binned micrographs come from detectors with 0.6–1.2 Å pixels (or super-resolution ones).
    s.binning = std::clamp(static_cast<int>(std::lround(*s.pixelSize / uniform(0.6, 1.2))), 1, 16);
    s.dose = logUniform(r.doseMin, r.doseMax);
    s.defocusMinMicrometres = s.defocusMaxMicrometres = uniform(r.defocusMin, r.defocusMax);
    s.astigmatismMaxMicrometres = std::min(chance(0.2) ? uniform(0.05, 0.3) : uniform(0.0, 0.05), s.defocusMinMicrometres);
    s.microscope.voltageKv = chance(0.75) ? 300.0 : 200.0;
    const double u = uniform(0.0, 1.0);
    s.microscope.sphericalAberrationMm = u < 0.6 ? 2.7 : u < 0.8 ? 2.0 : u < 0.9 ? 1.4 : 0.01;
    s.microscope.amplitudeContrast = uniform(0.05, 0.1);
    s.microscope.bFactor = uniform(20.0, 150.0);
    s.bFactor = uniform(0.0, 80.0);
    s.iceThicknessAngstrom = logUniform(150.0, 1000.0);
    s.iceThicknessVariation = uniform(0.01, 0.08);
    const double crowd = uniform(0.0, 1.0);
    s.coverage = crowd < 0.15 ? 0.0 : crowd < 0.5 ? uniform(0.02, 0.1) : crowd < 0.85 ? uniform(0.1, 0.3) : uniform(0.3, 0.5);
    s.carbonEdge = chance(0.15);
    s.carbonThicknessAngstrom = uniform(100.0, 300.0);
    s.contaminations = chance(0.2) ? static_cast<int>(uniform(1.0, 4.0)) : 0;
    s.illuminationGradient = chance(0.5) ? uniform(-0.05, 0.05) : 0.0;
    s.detectorMtf = true;
    s.skipOversizedSpecies = true;
    return s;
}

} // namespace cryosr
