// The micrograph simulator: the electron wavelength, CTF zeros where theory puts them (in the formula
// and in a simulated image's power spectrum), projections that conserve density, shot noise with
// Poisson statistics, reproducible seeds and refused settings.

#include "simulation/micrographsimulator.h"

#include "io/errors.h"

#include <QTest>

#include <torch/torch.h>

#include <cmath>
#include <numeric>

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
                v.data.push_back(float(std::exp(-((i - x) * (i - x) + (j - y) * (j - y) + (k - z) * (k - z)) / (2 * sigma * sigma))));
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

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wavelength();
    void zerosAreZerosOfTheCtf();
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

void TestSimulator::powerSpectrumHasTheZeros()
{
    // Ice alone (white phase noise) shows the CTF's square as Thon rings: the radially averaged power
    // of the clean image must nearly vanish at each predicted zero and not between them.
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
    const std::vector<double> zeros = sim.ctf.zeros(5);
    QCOMPARE(int(zeros.size()), 5);
    for (std::size_t i = 0; i + 1 < zeros.size(); ++i) {
        const double atZero = ringPower(zeros[i]);
        const double between = ringPower((zeros[i] + zeros[i + 1]) / 2);
        QVERIFY2(atZero < 0.1 * between, qPrintable(QString("zero %1 at %2/Å: power %3 vs %4 between zeros")
                                                        .arg(i + 1).arg(zeros[i]).arg(atZero).arg(between)));
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
    const double expected = 20 * 2.0 * 2.0;                      // dose × pixel area, before contrast
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
