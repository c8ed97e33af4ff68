// The micrograph simulator's physics: the electron wavelength and interaction constant, the potentials
// of ice, protein and carbon, projected atomic potentials whose integral is what the scattering factors
// say and grows with the atoms, assemblies, CTF zeros with astigmatism where theory puts them (in the
// formula and in a simulated image's power spectrum), the spectrum each specimen, optics and detector
// option adds, projections that conserve density, shot noise with Poisson statistics at the asked dose,
// reproducible seeds, randomised corpus conditions within their ranges, and refused settings.

#include "simulation/micrographsimulator.h"
#include "simulation/scatteringfactors.h"
#include "simulation/specimen.h"

#include "io/errors.h"

#include <QTest>

#include <torch/torch.h>

#include <cmath>
#include <numeric>
#include <random>

using namespace cryosr;

namespace {

/// A cube of side n with a Gaussian blob of width sigma at (x, y, z).
Volume blob(int n, double x, double y, double z, double sigma)
{
    Volume v;
    v.nx = v.ny = v.nz = n;
    v.voxelSize = 2.0;
    v.voxelSizeKnown = true;
    for (int k = 0; k < n; ++k)
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i)
                v.data.push_back(
                    float(std::exp(-((i - x) * (i - x) + (j - y) * (j - y) + (k - z) * (k - z)) / (2 * sigma * sigma))));
    return v;
}

torch::Tensor asTensor(const Image& image)
{
    return torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()}, torch::kFloat32)
        .to(torch::kFloat64);
}

double sum(const Image& image)
{
    return asTensor(image).sum().item<double>();
}

/// `count` atoms of one element spread over a ball of radius 10 Å about the origin.
AtomicModel atoms(int count, int atomicNumber, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    AtomicModel model;
    while (static_cast<int>(model.atoms.size()) < count) {
        Atom a;
        a.atomicNumber = atomicNumber;
        a.x = 10 * u(random);
        a.y = 10 * u(random);
        a.z = 10 * u(random);
        if (a.x * a.x + a.y * a.y + a.z * a.z <= 100)
            model.atoms.push_back(a);
    }
    return model;
}

/// The CTF's zeros along `angle` where amorphous ice scatters strongly (0.2–0.3 Å⁻¹, its ring at 3.7 Å):
/// at lower frequencies ice has little power of its own (its structure factor), so the Thon rings there
/// are faint beside what the wave's second-order terms spread over all frequencies.
std::vector<double> zerosWhereIceScatters(const CtfParameters& ctf, double angle)
{
    std::vector<double> zeros;
    for (double k : ctf.zeros(60, angle))
        if (k > 0.2 && k < 0.3)
            zeros.push_back(k);
    return zeros;
}

ParticleSpecies speciesOf(AtomicModel model, Assembly assembly = Assembly::Monomer, int copies = 1)
{
    ParticleSpecies s;
    s.name = "test";
    s.atoms = std::move(model);
    s.assembly = assembly;
    s.copies = copies;
    return s;
}

/// Mean power of the clean image's spectrum in rings of |k| (cycles per pixel) [from, to).
double ringPower(const Image& image, double from, double to)
{
    const torch::Tensor x = asTensor(image);
    const torch::Tensor power = torch::fft::fft2(x - x.mean()).abs().square();
    const torch::Tensor fy = torch::fft::fftfreq(image.height(), torch::kFloat64).unsqueeze(1);
    const torch::Tensor fx = torch::fft::fftfreq(image.width(), torch::kFloat64).unsqueeze(0);
    const torch::Tensor k = torch::sqrt(fy * fy + fx * fx);
    return power.masked_select((k >= from) & (k < to)).mean().item<double>();
}

/// Ice alone, at a fixed defocus, with a clean image to compare spectra of.
SimulationSettings iceOnly(int size, double pixel, std::uint64_t seed)
{
    SimulationSettings s;
    s.width = s.height = size;
    s.pixelSize = pixel;
    s.particles = 0;
    s.defocusMinMicrometres = s.defocusMaxMicrometres = 1.5;
    s.seed = seed;
    return s;
}

SimulatedMicrograph simulateIce(const SimulationSettings& s)
{
    return simulateMicrograph(std::vector<ParticleSpecies>{}, s);
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wavelength();
    void interactionConstant();
    void meanPotentials();
    void potentialIntegralsScaleWithAtomCount();
    void assemblies();
    void zerosAreZerosOfTheCtf();
    void astigmaticZeros();
    void astigmaticPowerSpectrum();
    void iceTexturePowerGrowsWithThickness();
    void spectrumOfEachOption();
    void randomConditionsStayInRange();
    void powerSpectrumHasTheZeros();
    void projectionsConserveDensity();
    void identityProjectsAlongZ();
    void shotNoiseIsPoisson();
    void sameSeedSameMicrograph();
    void impossibleSettingsAreRefused();
};

void TestSimulator::wavelength()
{
    CtfParameters ctf;
    QVERIFY(std::abs(ctf.wavelength() - 0.019687) < 2e-6); // 300 kV
    ctf.voltageKv = 200;
    QVERIFY(std::abs(ctf.wavelength() - 0.025079) < 2e-6);
}

void TestSimulator::interactionConstant()
{
    // σ = γλ/47.878: 6.53e-4 rad/(V·Å) at 300 kV and 7.29e-4 at 200 kV (Kirkland's table).
    QVERIFY(std::abs(cryosr::interactionConstant(300) / 6.526e-4 - 1) < 0.002);
    QVERIFY(std::abs(cryosr::interactionConstant(200) / 7.288e-4 - 1) < 0.002);
}

void TestSimulator::meanPotentials()
{
    // From Peng's neutral atoms: vitreous ice ~4.6 V, protein ~8.1 V (so ~3.5 V of contrast in ice),
    // amorphous carbon ~12 V — the neutral-atom values, a little above measured mean inner potentials.
    QVERIFY2(std::abs(iceMeanPotential() - 4.57) < 0.05, qPrintable(QString::number(iceMeanPotential())));
    QVERIFY2(std::abs(proteinContrastPotential() - 3.5) < 0.1, qPrintable(QString::number(proteinContrastPotential())));
    QVERIFY2(std::abs(carbonMeanPotential() - 12.0) < 0.5, qPrintable(QString::number(carbonMeanPotential())));
    // Scattering factors: f_e(0) = Σ a_i; a B-factor only lowers f at q > 0.
    const ScatteringFactor* carbon = electronScatteringFactor(6);
    QVERIFY(carbon && std::abs(carbon->atZero() - 2.5088) < 1e-4);
    QCOMPARE(carbon->at(0.0, 50.0), carbon->atZero());
    QVERIFY(carbon->at(0.3, 50.0) < carbon->at(0.3));
    QVERIFY(!electronScatteringFactor(92));
    // Amorphous ice: little power at low q, its ring at 3.7 Å.
    QVERIFY(structureFactor(Amorphous::Ice, 0.01) < 0.05);
    QVERIFY(structureFactor(Amorphous::Ice, 1 / 3.7) > 2.0);
    QVERIFY(structureFactor(Amorphous::Ice, 1 / 3.7) > structureFactor(Amorphous::Ice, 1 / 3.0));
}

void TestSimulator::potentialIntegralsScaleWithAtomCount()
{
    // The projected potential of an atom integrates to 47.878 f_e(0) V·Å³ over the plane (less the
    // water it displaces, 1.21 Å³/Da of it at the ice's potential), whatever its B-factor: a particle's
    // integral is the sum over its atoms. Models without hydrogens carry them implicitly (1.1 per carbon).
    const SimulationGrid grid{256, 256, 0.5};
    const double perCarbon = kPotentialPerScatteringFactor
            * (electronScatteringFactor(6)->atZero() + 1.1 * electronScatteringFactor(1)->atZero())
        - iceMeanPotential() * 1.21 * (12.011 + 1.1 * 1.008);
    for (int count : {50, 100, 200}) {
        std::mt19937_64 random(1);
        std::vector<PreparedSpecies> species;
        species.emplace_back(speciesOf(atoms(count, 6, count)), 30.0, random);
        const Placement centre{0, Rotation{1, 0, 0, 0, 1, 0, 0, 0, 1}, 64.0, 64.0};
        const ParticlePotential p = particlePotential(species, {centre}, grid);
        const double integral = p.potential.sum().item<double>() * grid.spacing * grid.spacing;
        QVERIFY2(std::abs(integral / (count * perCarbon) - 1) < 0.01,
                 qPrintable(QString("%1 atoms: %2 V·Å³, expected %3").arg(count).arg(integral).arg(count * perCarbon)));
        // The displaced ice: the atoms' volume, as thickness integrated over the plane.
        const double displaced = p.displaced.sum().item<double>() * grid.spacing * grid.spacing;
        QVERIFY(std::abs(displaced / (count * 1.21 * (12.011 + 1.1 * 1.008)) - 1) < 0.02);
    }
}

void TestSimulator::assemblies()
{
    std::mt19937_64 random(2);
    const AtomicModel monomer = atoms(40, 7, 3);
    const PreparedSpecies one(speciesOf(monomer), 0, random);
    const PreparedSpecies ring(speciesOf(monomer, Assembly::Ring, 6), 0, random);
    const PreparedSpecies filament(speciesOf(monomer, Assembly::Filament, 12), 0, random);
    QVERIFY(ring.radius() > 1.5 * one.radius()); // six around an axis, touching
    QVERIFY(filament.radius() > 12 * 27.5 / 2 * 0.9); // 12 subunits, 27.5 Å apart
    QVERIFY(filament.isFilament() && !ring.isFilament());
    QVERIFY(filament.footprint() < M_PI * filament.radius() * filament.radius() / 2); // a strip, not a disc
    // The integral grows with the copies.
    const SimulationGrid grid{512, 512, 1.0};
    std::vector<PreparedSpecies> species;
    std::mt19937_64 again(4);
    species.emplace_back(speciesOf(monomer), 0, again);
    species.emplace_back(speciesOf(monomer, Assembly::Ring, 6), 0, again);
    const Rotation identity{1, 0, 0, 0, 1, 0, 0, 0, 1};
    const double single = particlePotential(species, {{0, identity, 256.0, 256.0}}, grid).potential.sum().item<double>();
    const double six = particlePotential(species, {{1, identity, 256.0, 256.0}}, grid).potential.sum().item<double>();
    QVERIFY2(std::abs(six / single - 6) < 0.06, qPrintable(QString::number(six / single)));
}

void TestSimulator::zerosAreZerosOfTheCtf()
{
    CtfParameters ctf;
    ctf.defocusAngstrom = 12000;
    const std::vector<double> zeros = ctf.zeros(6);
    QCOMPARE(int(zeros.size()), 6);
    // First zero of a 1.2 µm underfocus at 300 kV: χ ≈ π λ Δf k² = π − asin(0.07) → k ≈ 0.0643 1/Å
    // (C_s moves it by ~0.2 % there).
    QVERIFY2(std::abs(zeros[0] - 0.0643) < 0.01 * 0.0643, qPrintable(QString::number(zeros[0])));
    for (std::size_t i = 0; i < zeros.size(); ++i) {
        QVERIFY(std::abs(ctf.value(zeros[i])) < 1e-9);
        QVERIFY(ctf.value(zeros[i] * 0.99) * ctf.value(zeros[i] * 1.01) < 0); // a sign change, not a touch
        if (i > 0)
            QVERIFY(zeros[i] > zeros[i - 1]);
    }
}

void TestSimulator::astigmaticZeros()
{
    CtfParameters ctf;
    ctf.defocusAngstrom = 15000;
    ctf.astigmatismAngstrom = 1000;
    ctf.astigmatismAngleDegrees = 30;
    const double u = 30 * M_PI / 180, v = u + M_PI / 2;
    QCOMPARE(ctf.defocusAlong(u), 16000.0);
    QCOMPARE(ctf.defocusAlong(v), 14000.0);
    // More underfocus along u: its zeros come sooner.
    const auto zu = ctf.zeros(4, u), zv = ctf.zeros(4, v);
    QCOMPARE(int(zu.size()), 4);
    for (std::size_t i = 0; i < zu.size(); ++i) {
        QVERIFY(std::abs(ctf.value(zu[i], u)) < 1e-9 && std::abs(ctf.value(zv[i], v)) < 1e-9);
        QVERIFY(zu[i] < zv[i]);
        QVERIFY(std::abs(ctf.phaseAt(zu[i] * std::cos(u), zu[i] * std::sin(u)) - ctf.phase(zu[i], u)) < 1e-9);
    }
    // The first zero moves as 1/√Δf (C_s aside): √(16000/14000) ≈ 1.069.
    QVERIFY(std::abs(zv[0] / zu[0] - std::sqrt(16000.0 / 14000.0)) < 0.01);
}

void TestSimulator::astigmaticPowerSpectrum()
{
    // Ice alone with astigmatism: along the drawn U and V directions the Thon rings vanish where each
    // direction's own zeros are.
    SimulationSettings s = iceOnly(512, 1.0, 5);
    s.defocusMinMicrometres = s.defocusMaxMicrometres = 1.2;
    s.astigmatismMaxMicrometres = 0.3;
    SimulatedMicrograph sim = simulateIce(s);
    while (sim.ctf.astigmatismAngstrom < 1500) { // drawn from [0, 3000] Å: the first seed with a clear one
        QVERIFY(sim.ctf.astigmatismAngstrom >= 0 && ++s.seed < 50);
        sim = simulateIce(s);
    }
    const torch::Tensor image = asTensor(sim.clean);
    const torch::Tensor power = torch::fft::fft2(image - image.mean()).abs().square();
    const torch::Tensor ky = torch::fft::fftfreq(512, 1.0, torch::kFloat64).unsqueeze(1);
    const torch::Tensor kx = torch::fft::fftfreq(512, 1.0, torch::kFloat64).unsqueeze(0);
    const torch::Tensor k = torch::sqrt(ky * ky + kx * kx);
    const torch::Tensor angle = torch::atan2(ky, kx);
    // Mean of power at the zeros over power between them, in a sector ±8° about `sector` (and the
    // opposite one: a real image's spectrum is symmetric), for the zeros of direction `zerosOf`.
    const auto depth = [&](double sector, double zerosOf) {
        const torch::Tensor off = torch::remainder(angle - sector + M_PI / 2, M_PI) - M_PI / 2;
        const torch::Tensor inSector = off.abs() < 8 * M_PI / 180;
        const auto sectorPower = [&](double frequency) {
            return power.masked_select(inSector & ((k - frequency).abs() < 0.5 / 512)).mean().item<double>();
        };
        const std::vector<double> zeros = zerosWhereIceScatters(sim.ctf, zerosOf);
        double sum = 0;
        for (std::size_t i = 0; i + 1 < zeros.size(); ++i)
            sum += sectorPower(zeros[i]) / sectorPower((zeros[i] + zeros[i + 1]) / 2);
        return sum / double(zeros.size() - 1);
    };
    const double u = sim.ctf.astigmatismAngleDegrees * M_PI / 180, v = u + M_PI / 2;
    QVERIFY2(depth(u, u) < 0.4 && depth(v, v) < 0.4, qPrintable(QString("%1, %2").arg(depth(u, u)).arg(depth(v, v))));
    // The other direction's zeros, a fraction of a ring apart with this astigmatism, are no minima here.
    QVERIFY2(depth(u, v) > 2 * depth(u, u), qPrintable(QString("%1 vs %2").arg(depth(u, v)).arg(depth(u, u))));
}

void TestSimulator::iceTexturePowerGrowsWithThickness()
{
    // Projected over more water, the potential's fluctuations add up: their power grows with the
    // thickness (~4× for 4× the ice), the smooth thickness field aside.
    SimulationSettings thin = iceOnly(256, 1.0, 6), thick = thin;
    thin.iceThicknessVariation = thick.iceThicknessVariation = 0;
    thin.iceThicknessAngstrom = 250;
    thick.iceThicknessAngstrom = 1000;
    const double ratio = ringPower(simulateIce(thick).clean, 0.1, 0.3) / ringPower(simulateIce(thin).clean, 0.1, 0.3);
    // Thicker ice also absorbs: the expected counts, and so the contrast's power, drop by exp(−Δt/λ)²-ish
    // only through the relative terms (dose is referred to the mean ice): the ratio stays near 4.
    QVERIFY2(ratio > 3.0 && ratio < 5.0, qPrintable(QString::number(ratio)));
}

void TestSimulator::spectrumOfEachOption()
{
    const SimulationSettings base = iceOnly(256, 2.0, 7);
    const SimulatedMicrograph plain = simulateIce(base);
    const double low = ringPower(plain.clean, 0.004, 0.03), high = ringPower(plain.clean, 0.38, 0.48);

    SimulationSettings carbon = base;
    carbon.carbonEdge = true; // a phase step and an absorbing film: low-frequency power
    const double withCarbon = ringPower(simulateIce(carbon).clean, 0.004, 0.03);
    QVERIFY2(withCarbon > 3 * low, qPrintable(QString::number(withCarbon / low)));

    SimulationSettings contamination = base;
    contamination.contaminations = 2;
    const double withContamination = ringPower(simulateIce(contamination).clean, 0.004, 0.03);
    QVERIFY2(withContamination > 3 * low, qPrintable(QString::number(withContamination / low)));

    SimulationSettings ideal = base; // no MTF: more power towards Nyquist
    ideal.detectorMtf = false;
    const double withoutMtf = ringPower(simulateIce(ideal).clean, 0.38, 0.48);
    // MTF² at |k| ≈ 0.43 cycles/pixel, averaged over directions: sinc² · misplacement², about 0.2.
    QVERIFY2(high / withoutMtf > 0.1 && high / withoutMtf < 0.35, qPrintable(QString::number(high / withoutMtf)));
    SimulationSettings binned = base; // a detector pixel of 0.5 Å: its MTF is flat within this band
    binned.binning = 4;
    QVERIFY(ringPower(simulateIce(binned).clean, 0.38, 0.48) > 0.7 * withoutMtf);

    SimulationSettings gradient = base;
    gradient.illuminationGradient = 0.2;
    gradient.iceThicknessVariation = 0;
    const torch::Tensor lit = asTensor(simulateIce(gradient).clean);
    // Peak to peak 20 % across the field: the two halves along the gradient differ by ~10 % of the
    // mean (the direction is drawn; the larger of the x and y splits shows it).
    const double mean = lit.mean().item<double>();
    const double dx = std::abs((lit.narrow(1, 0, 128).mean() - lit.narrow(1, 128, 128).mean()).item<double>());
    const double dy = std::abs((lit.narrow(0, 0, 128).mean() - lit.narrow(0, 128, 128).mean()).item<double>());
    QVERIFY2(std::hypot(dx, dy) / mean > 0.08 && std::hypot(dx, dy) / mean < 0.12,
             qPrintable(QString::number(std::hypot(dx, dy) / mean)));
}

void TestSimulator::randomConditionsStayInRange()
{
    SimulationSettings base;
    base.width = 300;
    base.height = 200;
    const CorpusRanges ranges;
    double smallest = 1e9, largest = 0;
    int empty = 0, carbon = 0;
    for (int i = 1; i <= 300; ++i) {
        const SimulationSettings s = randomSimulationSettings(base, ranges, 11, i);
        QCOMPARE(s.width, 300);
        QVERIFY(*s.pixelSize >= 0.5 && *s.pixelSize <= 15);
        QVERIFY(s.dose >= 10 && s.dose <= 80);
        QVERIFY(s.defocusMinMicrometres >= 0.3 && s.defocusMaxMicrometres <= 4);
        QVERIFY(s.astigmatismMaxMicrometres <= s.defocusMinMicrometres);
        // The detector's pixel: 0.6–1.2 Å, the binning rounded to a whole number.
        QVERIFY(s.binning >= 1 && *s.pixelSize / s.binning < 1.85);
        smallest = std::min(smallest, *s.pixelSize);
        largest = std::max(largest, *s.pixelSize);
        empty += *s.coverage == 0 ? 1 : 0;
        carbon += s.carbonEdge ? 1 : 0;
    }
    QVERIFY(smallest < 0.7 && largest > 10); // the whole range is drawn
    QVERIFY(empty > 20 && empty < 80); // ~15 % empty ice
    QVERIFY(carbon > 20 && carbon < 80); // ~15 % carbon edges
    QCOMPARE(randomSimulationSettings(base, ranges, 11, 5).seed, randomSimulationSettings(base, ranges, 11, 5).seed);
    QVERIFY(randomSimulationSettings(base, ranges, 11, 5).seed != randomSimulationSettings(base, ranges, 12, 5).seed);
}

void TestSimulator::powerSpectrumHasTheZeros()
{
    // Ice alone shows the CTF's square as Thon rings: the radially averaged power of the clean image
    // must nearly vanish at each predicted zero and not between them.
    SimulationSettings s;
    s.width = s.height = 512;
    s.pixelSize = 1.0;
    s.particles = 0;
    s.defocusMinMicrometres = s.defocusMaxMicrometres = 1.5;
    s.seed = 4;
    const SimulatedMicrograph sim = simulateMicrograph(blob(8, 3.5, 3.5, 3.5, 1), s);
    const torch::Tensor image = asTensor(sim.clean);
    const torch::Tensor power = torch::abs(torch::fft::fft2(image - image.mean())).pow(2);
    const torch::Tensor ky = torch::fft::fftfreq(512, 1.0, torch::kFloat64).unsqueeze(1);
    const torch::Tensor kx = torch::fft::fftfreq(512, 1.0, torch::kFloat64).unsqueeze(0);
    const torch::Tensor k = torch::sqrt(ky * ky + kx * kx);
    const auto ringPower = [&](double frequency) { // mean power within ±0.3 bins of a radius
        const torch::Tensor ring = (k - frequency).abs() < 0.3 / 512;
        return power.masked_select(ring).mean().item<double>();
    };
    const std::vector<double> zeros = zerosWhereIceScatters(sim.ctf, 0.0);
    QVERIFY(zeros.size() >= 5);
    for (std::size_t i = 0; i + 1 < zeros.size(); ++i) {
        const double atZero = ringPower(zeros[i]);
        const double between = ringPower((zeros[i] + zeros[i + 1]) / 2);
        QVERIFY2(atZero < 0.35 * between,
                 qPrintable(QString("zero at %1/Å: power %2 vs %3 between zeros").arg(zeros[i]).arg(atZero).arg(between)));
    }
}

void TestSimulator::projectionsConserveDensity()
{
    const Volume v = blob(32, 17, 14, 16, 2.5);
    const double total = std::accumulate(v.data.begin(), v.data.end(), 0.0);
    std::mt19937_64 random(3);
    for (int i = 0; i < 5; ++i) {
        const double projected = sum(projectVolume(v, randomRotation(random)));
        QVERIFY2(std::abs(projected - total) < 0.01 * total, qPrintable(QString("%1 vs %2").arg(projected).arg(total)));
    }
}

void TestSimulator::identityProjectsAlongZ()
{
    Volume v = blob(6, 2, 3, 1, 1);
    v.data[(std::size_t(4) * 6 + 1) * 6 + 5] += 7; // a spike at (5, 1, 4)
    const Image p = projectVolume(v, Rotation{1, 0, 0, 0, 1, 0, 0, 0, 1});
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 6; ++x) {
            double column = 0;
            for (int z = 0; z < 6; ++z)
                column += v.at(x, y, z);
            QVERIFY(std::abs(p.at(x, y) - column) < 1e-5);
        }
}

void TestSimulator::shotNoiseIsPoisson()
{
    SimulationSettings s;
    s.width = s.height = 256;
    s.particles = 3;
    s.dose = 20;
    const SimulatedMicrograph sim = simulateMicrograph(blob(24, 11.5, 11.5, 11.5, 3), s);
    const torch::Tensor clean = asTensor(sim.clean), noisy = asTensor(sim.micrograph);
    QCOMPARE(sim.clean.pixelSize.x, std::optional<double>(2.0)); // the map's voxel size
    const double expected = 20 * 2.0 * 2.0; // dose × pixel area, before contrast
    QVERIFY(std::abs(clean.mean().item<double>() - expected) < 0.1 * expected);
    QVERIFY(torch::equal(noisy, noisy.round())); // whole electrons
    // Poisson: the noise has mean 0 and the variance of the expectation.
    const torch::Tensor noise = noisy - clean;
    QVERIFY(std::abs(noise.mean().item<double>()) < 0.05);
    const double ratio = noise.var().item<double>() / clean.mean().item<double>();
    QVERIFY2(std::abs(ratio - 1) < 0.03, qPrintable(QString::number(ratio)));
}

void TestSimulator::sameSeedSameMicrograph()
{
    SimulationSettings s;
    s.width = s.height = 128;
    s.particles = 4;
    s.seed = 9;
    const Volume v = blob(16, 7.5, 7.5, 7.5, 2);
    const SimulatedMicrograph a = simulateMicrograph(v, s), b = simulateMicrograph(v, s);
    QVERIFY(torch::equal(asTensor(a.micrograph), asTensor(b.micrograph)));
    QCOMPARE(a.ctf.defocusAngstrom, b.ctf.defocusAngstrom);
    s.seed = 10;
    QVERIFY(!torch::equal(asTensor(simulateMicrograph(v, s).micrograph), asTensor(a.micrograph)));
}

void TestSimulator::impossibleSettingsAreRefused()
{
    const Volume v = blob(16, 7.5, 7.5, 7.5, 2);
    SimulationSettings s;
    s.width = s.height = 64;
    s.pixelSize = 0.4; // a 16-voxel map of 2 Å is an 80-pixel box
    QVERIFY_THROWS_EXCEPTION(ArgumentError, simulateMicrograph(v, s));
    s = {};
    s.defocusMinMicrometres = 3;
    s.defocusMaxMicrometres = 1;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, simulateMicrograph(v, s));
    s = {};
    s.dose = 0;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, simulateMicrograph(v, s));
}

QTEST_APPLESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
