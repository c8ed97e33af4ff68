#include "simulation/specimen.h"

#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"
#include "simulation/scatteringfactors.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

namespace cryosr {

namespace {

constexpr double kWaterMoleculesPerCubicAngstrom = 0.94 * 0.60221 / 18.015; // amorphous ice, 0.94 g/cm³
constexpr double kCarbonAtomsPerCubicAngstrom = 2.0 * 0.60221 / 12.011; // amorphous carbon, 2 g/cm³
constexpr double kProteinVolumePerDalton = 1.21; // Å³ (partial specific volume 0.73 cm³/g)
/// Width of the water a protein atom displaces, as a Gaussian (Å): the solvent boundary is smooth.
constexpr double kDisplacedWaterWidth = 1.5;
/// F-actin's helix: subunits 27.5 Å apart along the axis, turned by −166.7° each.
constexpr double kFilamentRise = 27.5;
constexpr double kFilamentTwistDegrees = -166.7;

double massOf(int atomicNumber)
{
    static const std::unordered_map<int, double> masses{{1, 1.008},   {6, 12.011},  {7, 14.007},  {8, 15.999}, {9, 18.998},
                                                        {11, 22.99},  {12, 24.305}, {15, 30.974}, {16, 32.06}, {17, 35.45},
                                                        {20, 40.078}, {25, 54.938}, {26, 55.845}, {30, 65.38}};
    const auto it = masses.find(atomicNumber);
    return it == masses.end() ? 2.0 * atomicNumber : it->second;
}

/// Hydrogens per heavy atom of an average protein (C5 H8 N1.4 O1.5 S0.04 per residue), for models
/// that leave them out: X-ray models usually do, and hydrogens carry a tenth of the potential.
double implicitHydrogensOf(int atomicNumber)
{
    switch (atomicNumber) {
    case 6:
        return 1.1;
    case 7:
        return 1.15;
    case 8:
        return 0.27;
    case 16:
        return 0.5;
    default:
        return 0.0;
    }
}

double waterScatteringFactor(double q)
{
    return electronScatteringFactor(8)->at(q) + 2.0 * electronScatteringFactor(1)->at(q);
}

using Vector3 = std::array<double, 3>;

Vector3 turned(const Rotation& r, const Vector3& p)
{
    return {r[0] * p[0] + r[1] * p[1] + r[2] * p[2], r[3] * p[0] + r[4] * p[1] + r[5] * p[2],
            r[6] * p[0] + r[7] * p[1] + r[8] * p[2]};
}

Rotation aboutZ(double angle)
{
    const double c = std::cos(angle), s = std::sin(angle);
    return {c, -s, 0, s, c, 0, 0, 0, 1};
}

Rotation product(const Rotation& a, const Rotation& b)
{
    Rotation out{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                out[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
    return out;
}

/// The copies of an assembly as rigid motions of the (centred) monomer: rotation, then offset.
std::vector<std::pair<Rotation, Vector3>> assemblyCopies(const ParticleSpecies& s, double monomerRadius, std::mt19937_64& random)
{
    const int n = std::max(1, s.copies);
    // The monomer's orientation within the assembly is drawn once, so rings and filaments of one
    // species differ from those of another built from the same structure.
    const Rotation base = randomRotation(random);
    std::vector<std::pair<Rotation, Vector3>> copies;
    if (s.assembly == Assembly::Monomer || n == 1) {
        copies.push_back({Rotation{1, 0, 0, 0, 1, 0, 0, 0, 1}, {0, 0, 0}});
    } else if (s.assembly == Assembly::Ring) {
        const double ringRadius = 0.8 * monomerRadius / std::sin(M_PI / n); // neighbours touch
        for (int k = 0; k < n; ++k) {
            const Rotation turn = aboutZ(2 * M_PI * k / n);
            copies.push_back({product(turn, base), turned(turn, {ringRadius, 0, 0})});
        }
    } else {
        const double radial = 0.5 * monomerRadius;
        for (int k = 0; k < n; ++k) {
            const Rotation turn = aboutZ(k * kFilamentTwistDegrees * M_PI / 180.0);
            Vector3 offset = turned(turn, {radial, 0, 0});
            offset[2] = (k - (n - 1) / 2.0) * kFilamentRise;
            copies.push_back({product(turn, base), offset});
        }
    }
    return copies;
}

/// The median of the values on the six faces of a map's box: its solvent level.
double solventLevel(const Volume& v)
{
    std::vector<float> face;
    for (int z = 0; z < v.nz; ++z)
        for (int y = 0; y < v.ny; ++y)
            for (int x = 0; x < v.nx; ++x)
                if (x == 0 || y == 0 || z == 0 || x == v.nx - 1 || y == v.ny - 1 || z == v.nz - 1)
                    face.push_back(v.at(x, y, z));
    std::nth_element(face.begin(), face.begin() + static_cast<std::ptrdiff_t>(face.size() / 2), face.end());
    return face[face.size() / 2];
}

/// A map binned by `factor` in each axis (means of factor³ blocks): projections at coarse sampling
/// need not visit every voxel of a fine map.
Volume binned(const Volume& v, int factor)
{
    if (factor <= 1)
        return v;
    Volume out;
    out.nx = std::max(1, v.nx / factor);
    out.ny = std::max(1, v.ny / factor);
    out.nz = std::max(1, v.nz / factor);
    out.voxelSize = v.voxelSize * factor;
    out.voxelSizeKnown = v.voxelSizeKnown;
    out.data.assign(std::size_t(out.nx) * out.ny * out.nz, 0.0f);
    const double share = 1.0 / (double(factor) * factor * factor);
    for (int z = 0; z < out.nz * factor; ++z)
        for (int y = 0; y < out.ny * factor; ++y)
            for (int x = 0; x < out.nx * factor; ++x)
                out.data[(std::size_t(z / factor) * out.ny + y / factor) * out.nx + x / factor] +=
                    static_cast<float>(share * v.at(x, y, z));
    return out;
}

/// A bilinear deposit's transfer function, sinc²(f_x) sinc²(f_y) in cycles per sample, on an rfft2
/// grid [h, w/2 + 1]: dividing by it leaves the atoms' own kernels (torch::sinc is sin(πx)/(πx)).
torch::Tensor bilinearTransfer(std::int64_t h, std::int64_t w)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor fy = torch::fft::fftfreq(h, 1.0, options).unsqueeze(1);
    const torch::Tensor fx = torch::fft::rfftfreq(w, 1.0, options).unsqueeze(0);
    return torch::sinc(fy).pow(2) * torch::sinc(fx).pow(2);
}

/// |q| in 1/Å on an rfft2 grid: [h, w/2 + 1].
torch::Tensor halfFrequencies(std::int64_t h, std::int64_t w, double spacing)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor qy = torch::fft::fftfreq(h, spacing, options).unsqueeze(1);
    const torch::Tensor qx = torch::fft::rfftfreq(w, spacing, options).unsqueeze(0);
    return torch::sqrt(qy * qy + qx * qx);
}

/// A scalar function of |q| evaluated on a frequency grid.
template <typename F>
torch::Tensor mapped(const torch::Tensor& q, F f)
{
    torch::Tensor out = torch::empty_like(q);
    const double* in = q.data_ptr<double>();
    double* o = out.data_ptr<double>();
    for (std::int64_t i = 0; i < q.numel(); ++i)
        o[i] = f(in[i]);
    return out;
}

/// Adds `weight` at the continuous grid position (u, v) to its four neighbours (bilinear).
inline void deposit(double* grid, std::int64_t h, std::int64_t w, double u, double v, double weight)
{
    const double fu = std::floor(u), fv = std::floor(v);
    const std::int64_t i = static_cast<std::int64_t>(fu), j = static_cast<std::int64_t>(fv);
    const double a = u - fu, b = v - fv;
    const auto add = [&](std::int64_t x, std::int64_t y, double value) {
        if (x >= 0 && y >= 0 && x < w && y < h)
            grid[y * w + x] += value;
    };
    add(i, j, weight * (1 - a) * (1 - b));
    add(i + 1, j, weight * a * (1 - b));
    add(i, j + 1, weight * (1 - a) * b);
    add(i + 1, j + 1, weight * a * b);
}

} // namespace

double iceMeanPotential()
{
    return kWaterMoleculesPerCubicAngstrom * kPotentialPerScatteringFactor * waterScatteringFactor(0.0);
}

double proteinContrastPotential()
{
    const double residueFactor = 5.0 * electronScatteringFactor(6)->atZero() + 8.0 * electronScatteringFactor(1)->atZero()
        + 1.4 * electronScatteringFactor(7)->atZero() + 1.5 * electronScatteringFactor(8)->atZero()
        + 0.04 * electronScatteringFactor(16)->atZero();
    const double residueMass = 5.0 * 12.011 + 8.0 * 1.008 + 1.4 * 14.007 + 1.5 * 15.999 + 0.04 * 32.06;
    return kPotentialPerScatteringFactor * residueFactor / (kProteinVolumePerDalton * residueMass) - iceMeanPotential();
}

double carbonMeanPotential()
{
    return kCarbonAtomsPerCubicAngstrom * kPotentialPerScatteringFactor * electronScatteringFactor(6)->atZero();
}

torch::Tensor spatialFrequencies(std::int64_t h, std::int64_t w, double spacing)
{
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor ky = torch::fft::fftfreq(h, spacing, options).unsqueeze(1);
    const torch::Tensor kx = torch::fft::fftfreq(w, spacing, options).unsqueeze(0);
    return torch::sqrt(ky * ky + kx * kx);
}

PreparedSpecies::PreparedSpecies(const ParticleSpecies& s, double extraBFactor, std::mt19937_64& random)
    : m_name(s.name)
    , m_filament(s.assembly == Assembly::Filament && s.copies > 1)
{
    if (s.map) {
        // Density → potential: solvent as ice, the mean above a fifth of the peak as protein's contrast.
        Volume v = *s.map;
        const double solvent = solventLevel(v);
        double peak = 0;
        for (float& value : v.data) {
            value = static_cast<float>(value - solvent);
            peak = std::max(peak, double(value));
        }
        double inside = 0;
        std::size_t count = 0;
        double radius2 = 0;
        const double cx = (v.nx - 1) / 2.0, cy = (v.ny - 1) / 2.0, cz = (v.nz - 1) / 2.0;
        for (int z = 0; z < v.nz; ++z)
            for (int y = 0; y < v.ny; ++y)
                for (int x = 0; x < v.nx; ++x)
                    if (v.at(x, y, z) > 0.2 * peak) {
                        inside += v.at(x, y, z);
                        ++count;
                        radius2 = std::max(radius2, (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz));
                    }
        if (count == 0 || !(peak > 0))
            throw ArgumentError("the map " + s.name + " is flat: nothing stands out from its solvent level");
        const double scale = proteinContrastPotential() / (inside / double(count));
        for (float& value : v.data)
            value = static_cast<float>(value * scale);
        m_radius = (std::sqrt(radius2) + 1.0) * v.voxelSize;
        m_footprint = M_PI * m_radius * m_radius;
        m_mapBlur = extraBFactor;
        m_map = std::move(v);
        return;
    }
    if (!s.atoms)
        throw ArgumentError("particle species " + s.name + " has neither atoms nor a map");
    const AtomicModel& model = *s.atoms;
    const bool explicitHydrogens = model.hasHydrogens();
    // Centre on the atoms' centroid; the monomer's radius sets how copies assemble.
    Vector3 centre{0, 0, 0};
    double bSum = 0;
    std::size_t known = 0;
    for (const Atom& a : model.atoms) {
        if (!electronScatteringFactor(a.atomicNumber)) {
            ++m_skipped;
            continue;
        }
        centre[0] += a.x;
        centre[1] += a.y;
        centre[2] += a.z;
        bSum += a.bFactor;
        ++known;
    }
    if (known == 0)
        throw ArgumentError("the atomic model " + s.name + " holds no atom of an element CryoSR has scattering factors for");
    for (double& c : centre)
        c /= double(known);
    m_bFactor = bSum / double(known) + extraBFactor;
    double monomerRadius = 0;
    for (const Atom& a : model.atoms)
        if (electronScatteringFactor(a.atomicNumber))
            monomerRadius = std::max(monomerRadius, std::hypot(a.x - centre[0], a.y - centre[1], a.z - centre[2]));

    std::unordered_map<int, std::size_t> groupOf;
    for (const auto& [rotation, offset] : assemblyCopies(s, monomerRadius, random))
        for (const Atom& a : model.atoms) {
            if (!electronScatteringFactor(a.atomicNumber))
                continue;
            auto [it, added] = groupOf.try_emplace(a.atomicNumber, m_groups.size());
            if (added)
                m_groups.push_back(
                    {a.atomicNumber, explicitHydrogens ? 0.0 : implicitHydrogensOf(a.atomicNumber), {}, {}, {}, {}});
            ElementGroup& g = m_groups[it->second];
            const Vector3 p = turned(rotation, {a.x - centre[0], a.y - centre[1], a.z - centre[2]});
            g.x.push_back(p[0] + offset[0]);
            g.y.push_back(p[1] + offset[1]);
            g.z.push_back(p[2] + offset[2]);
            g.weight.push_back(a.occupancy);
            m_radius = std::max(m_radius, std::hypot(p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]));
        }
    m_radius += 2.0; // the atoms' own extent
    // A filament covers a strip about three monomers wide, not the disc around it.
    m_footprint = m_filament ? 2.0 * m_radius * 3.0 * monomerRadius : M_PI * m_radius * m_radius;
}

std::vector<Placement> placeParticles(const std::vector<PreparedSpecies>& species, double width, double height,
                                      std::optional<double> coverage, int count, std::mt19937_64& random)
{
    // Each species gets an equal share of the coverage (or of the count); the largest go first, while
    // there is still room for them.
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < species.size(); ++i) {
        const double share = coverage ? *coverage / double(species.size()) * width * height / species[i].footprint()
                                      : double(count) / double(species.size());
        const auto n = static_cast<std::size_t>(
            std::lround(share + (coverage ? 0.0 : (i < std::size_t(count) % species.size() ? 0.5 : 0.0))));
        queue.insert(queue.end(), n, i);
    }
    std::shuffle(queue.begin(), queue.end(), random);
    std::stable_sort(queue.begin(), queue.end(),
                     [&](std::size_t a, std::size_t b) { return species[a].radius() > species[b].radius(); });
    std::vector<Placement> placed;
    if (queue.empty())
        return placed;
    const double largest = species[queue.front()].radius();
    // A hash of cells as wide as the largest particle: only neighbouring cells can overlap.
    const double cell = 2.0 * largest;
    const auto key = [&](double x, double y) {
        return (static_cast<std::int64_t>(std::floor(y / cell)) << 32) ^ static_cast<std::int64_t>(std::floor(x / cell) + 1e6);
    };
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const std::size_t which : queue) {
        const double r = species[which].radius();
        for (int attempt = 0; attempt < 30; ++attempt) {
            const double x = unit(random) * width, y = unit(random) * height;
            bool free = true;
            for (int dy = -1; dy <= 1 && free; ++dy)
                for (int dx = -1; dx <= 1 && free; ++dx) {
                    const auto it = cells.find(key(x + dx * cell, y + dy * cell));
                    if (it == cells.end())
                        continue;
                    for (std::size_t other : it->second) {
                        const Placement& o = placed[other];
                        if (std::hypot(o.x - x, o.y - y) < 0.9 * (r + species[o.species].radius())) {
                            free = false;
                            break;
                        }
                    }
                }
            if (!free)
                continue;
            Rotation rotation = randomRotation(random);
            if (species[which].isFilament()) {
                // Filaments lie in the ice: the helix axis (z) turned into the plane, then spun about it.
                const double tilt = M_PI / 2 + 0.1 * (unit(random) - 0.5);
                const double ct = std::cos(tilt), st = std::sin(tilt);
                const Rotation lay{1, 0, 0, 0, ct, -st, 0, st, ct};
                rotation = product(aboutZ(2 * M_PI * unit(random)), product(lay, aboutZ(2 * M_PI * unit(random))));
            }
            cells[key(x, y)].push_back(placed.size());
            placed.push_back({which, rotation, x, y});
            break;
        }
    }
    return placed;
}

/// Deposits and transforms the particles' potential (see ParticlePotential).
class PotentialBuilder {
public:
    PotentialBuilder(const std::vector<PreparedSpecies>& species, const SimulationGrid& grid)
        : m_species(species)
        , m_grid(grid)
    {
    }

    ParticlePotential build(const std::vector<Placement>& placements)
    {
        const std::int64_t h = m_grid.height, w = m_grid.width;
        const double g = m_grid.spacing;
        const auto options = torch::TensorOptions().dtype(torch::kFloat64);
        ParticlePotential out{torch::zeros({h, w}, options), torch::zeros({h, w}, options)};

        // Atoms: one deposit per kernel (element, B, implicit hydrogens) and one of displaced volume;
        // the kernels act in Fourier space.
        std::map<std::tuple<int, double, double>, torch::Tensor> deposits; // kernel → [H, W]
        torch::Tensor volume = torch::zeros({h, w}, options);
        for (const Placement& p : placements) {
            const PreparedSpecies& s = m_species[p.species];
            if (s.m_map) {
                addMap(out, s, p);
                continue;
            }
            for (const auto& group : s.m_groups) {
                const std::tuple<int, double, double> kernel{group.atomicNumber, s.m_bFactor, group.implicitHydrogens};
                auto [it, added] = deposits.try_emplace(kernel);
                if (added)
                    it->second = torch::zeros({h, w}, options);
                double* grid = it->second.data_ptr<double>();
                double* vol = volume.data_ptr<double>();
                const double atomVolume = kProteinVolumePerDalton
                    * (massOf(group.atomicNumber) + group.implicitHydrogens * massOf(1));
                const Rotation& r = p.rotation;
                for (std::size_t i = 0; i < group.x.size(); ++i) {
                    const double px = r[0] * group.x[i] + r[1] * group.y[i] + r[2] * group.z[i];
                    const double py = r[3] * group.x[i] + r[4] * group.y[i] + r[5] * group.z[i];
                    const double u = (p.x + px) / g, v = (p.y + py) / g;
                    deposit(grid, h, w, u, v, group.weight[i]);
                    deposit(vol, h, w, u, v, group.weight[i] * atomVolume);
                }
            }
        }
        if (deposits.empty())
            return out;
        const torch::Tensor q = halfFrequencies(h, w, g);
        const torch::Tensor transfer = bilinearTransfer(h, w).clamp_min(1e-3);
        const torch::Tensor displacedShape = torch::exp(-2.0 * M_PI * M_PI * kDisplacedWaterWidth * kDisplacedWaterWidth * q * q);
        const double water = iceMeanPotential();
        torch::Tensor spectrum = torch::zeros_like(q, torch::kComplexDouble);
        for (const auto& [kernel, grid] : deposits) {
            const auto [z, b, hydrogens] = kernel;
            const ScatteringFactor* f = electronScatteringFactor(z);
            const ScatteringFactor* hydrogen = electronScatteringFactor(1);
            const torch::Tensor atom = mapped(
                q, [&](double k) { return kPotentialPerScatteringFactor * (f->at(k, b) + hydrogens * hydrogen->at(k, b)); });
            spectrum += torch::fft::rfft2(grid) * atom;
        }
        // The water the atoms displace: its potential is missing where they are.
        const torch::Tensor volumeSpectrum = torch::fft::rfft2(volume) * displacedShape;
        spectrum -= volumeSpectrum * water;
        out.potential += torch::fft::irfft2(spectrum / transfer, {h, w}) / (g * g);
        out.displaced += (torch::fft::irfft2(volumeSpectrum / transfer, {h, w}) / (g * g)).clamp_min(0);
        return out;
    }

private:
    /// A map particle: projected along the turned z, resampled to the grid, added at its centre.
    void addMap(ParticlePotential& out, const PreparedSpecies& s, const Placement& p)
    {
        const double g = m_grid.spacing;
        const Volume& fine = *s.m_map;
        const int factor = std::max(1, static_cast<int>(std::floor(g / (2.0 * fine.voxelSize))));
        if (!m_binnedMaps.count(&s))
            m_binnedMaps.emplace(&s, binned(fine, factor));
        const Volume& v = m_binnedMaps.at(&s);
        const torch::Tensor projection = toTensor(projectVolume(v, p.rotation)).to(torch::kFloat64) * v.voxelSize; // V·Å
        const std::int64_t n = projection.size(0);
        const std::int64_t m = std::max<std::int64_t>(1, std::llround(double(n) * v.voxelSize / g));
        torch::Tensor resized = fourierResize(projection, m, m);
        if (s.m_mapBlur > 0) {
            const torch::Tensor k = spatialFrequencies(m, m, g);
            resized = torch::real(torch::fft::ifft2(torch::fft::fft2(resized) * torch::exp(-s.m_mapBlur * k * k / 4.0)));
        }
        const std::int64_t x0 = std::llround(p.x / g - m / 2.0), y0 = std::llround(p.y / g - m / 2.0);
        const std::int64_t xa = std::max<std::int64_t>(0, x0), ya = std::max<std::int64_t>(0, y0);
        const std::int64_t xb = std::min(m_grid.width, x0 + m), yb = std::min(m_grid.height, y0 + m);
        if (xb <= xa || yb <= ya)
            return;
        const torch::Tensor part = resized.narrow(0, ya - y0, yb - ya).narrow(1, xa - x0, xb - xa);
        out.potential.narrow(0, ya, yb - ya).narrow(1, xa, xb - xa) += part;
        // Within the particle the potential is the protein's contrast on average, so it tells the thickness.
        out.displaced.narrow(0, ya, yb - ya).narrow(1, xa, xb - xa) += (part / proteinContrastPotential()).clamp_min(0);
    }

    const std::vector<PreparedSpecies>& m_species;
    SimulationGrid m_grid;
    std::map<const PreparedSpecies*, Volume> m_binnedMaps;
};

ParticlePotential particlePotential(const std::vector<PreparedSpecies>& species, const std::vector<Placement>& placements,
                                    const SimulationGrid& grid)
{
    return PotentialBuilder(species, grid).build(placements);
}

double structureFactor(Amorphous material, double q)
{
    // S(0) from the compressibility (ρ k T κ_T), flat until just before the first diffraction peak (as measured
    // for water and amorphous ice: the molecules' packing suppresses density fluctuations of longer
    // wavelength), then the peak, and 1 beyond.
    const bool ice = material == Amorphous::Ice;
    const double low = ice ? 0.02 : 0.1; // vitrified water keeps the fluctuations of its glass transition (~136 K)
    const double peak = ice ? 1.0 / 3.7 : 1.0 / 2.1;
    const double height = ice ? 1.4 : 1.0;
    const double width = ice ? 0.035 : 0.06;
    const double rise = 1.0 / (1.0 + std::exp(-(q - 0.85 * peak) / (0.08 * peak)));
    return low + (1.0 - low) * rise + height * std::exp(-(q - peak) * (q - peak) / (2.0 * width * width));
}

torch::Tensor amorphousTexture(Amorphous material, const torch::Tensor& thickness, const SimulationGrid& grid,
                               torch::Generator& generator)
{
    const std::int64_t h = grid.height, w = grid.width;
    const double g = grid.spacing;
    const bool ice = material == Amorphous::Ice;
    const double density = ice ? kWaterMoleculesPerCubicAngstrom : kCarbonAtomsPerCubicAngstrom;
    // Power per Å of thickness: n |47.878 f(q)|² S(q) ((V·Å)² Å² per Å); white noise of unit variance
    // per sample has the spectral density g², hence the 1/g.
    const torch::Tensor q = halfFrequencies(h, w, g);
    const torch::Tensor amplitude = mapped(q, [&](double k) {
        const double f = kPotentialPerScatteringFactor * (ice ? waterScatteringFactor(k) : electronScatteringFactor(6)->at(k));
        return std::sqrt(density * f * f * structureFactor(material, k)) / g;
    });
    const torch::Tensor white = torch::randn({h, w}, generator, torch::kFloat64);
    const torch::Tensor field = torch::fft::irfft2(torch::fft::rfft2(white) * amplitude, {h, w});
    return field * torch::sqrt(thickness.clamp_min(0));
}

} // namespace cryosr
