// Quality measures: PSNR and SSIM against hand values, FRC of identical and independent images,
// the 0.143 crossing, detail beyond the input's band, consistency of Fourier padding vs bicubic,
// Spearman's rank correlation; and evaluateUpscaling on an "identity" case (a Fourier-padded image,
// which Fourier padding reproduces exactly).

#include "evaluation/evaluation.h"
#include "evaluation/oraclefilters.h"

#include "classicalupscale.h"
#include "io/errors.h"
#include "model/modelinfo.h"

#include "tinymodel.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace cryosr;

namespace {

Image noiseImage(int w, int h, std::uint64_t seed, double sigma = 1.0)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<float> noise(0.f, static_cast<float>(sigma));
    Image image(w, h);
    for (std::size_t i = 0; i < image.pixelCount(); ++i)
        image.data()[i] = noise(random);
    return image;
}

Image plus(const Image& a, float value)
{
    Image out(a.width(), a.height());
    for (std::size_t i = 0; i < a.pixelCount(); ++i)
        out.data()[i] = a.data()[i] + value;
    return out;
}

const QString kTinyModel = QStringLiteral("tiny.cryosr"); // the file untrainedUpscaler writes

/// An untrained tiny model (written into `dir`, 50 timesteps, weights from `seed`), ready to run.
Upscaler untrainedUpscaler(const QTemporaryDir& dir, std::uint64_t seed)
{
    const std::filesystem::path model = dir.filePath(kTinyModel).toStdString();
    ModelInfo info;
    info.architecture = testsupport::tinyArchitecture();
    info.schedule.timesteps = 50;
    createUntrainedModel(model, info, seed);
    return Upscaler(model, DeviceChoice::Cpu, Precision::Float32);
}

} // namespace

class TestEvaluation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void psnrFromItsDefinition();
    void ssimOfEqualAndOppositeImages();
    void frcOfEqualAndIndependentImages();
    void frcCrossingInterpolates();
    void correlationBeyondBand();
    void consistencyOfClassicalMethods();
    void spearman();
    void identityEvaluation();
    void gaussianOracleFindsTheBlur();
    void wienerOracleIsTheBestRadialFilter();
    void splitReference();
    void uncertaintyScores();
    void calibrationFit();
};

void TestEvaluation::psnrFromItsDefinition()
{
    Image reference(4, 1);
    const float values[] = {0, 10, 20, 40}; // range 40
    std::copy(values, values + 4, reference.data());
    QCOMPARE(psnr(plus(reference, 2.0f), reference), 10 * std::log10(40.0 * 40.0 / 4.0));
    QVERIFY(std::isinf(psnr(reference, reference)));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, psnr(Image(3, 1), reference));
}

void TestEvaluation::ssimOfEqualAndOppositeImages()
{
    const Image a = noiseImage(48, 40, 1);
    QVERIFY(std::abs(ssim(a, a) - 1.0) < 1e-9);
    // Contrast reversed about the same mean (10 − a vs 10 + a): luminance agrees, structure is opposite.
    Image reversed(48, 40);
    for (std::size_t i = 0; i < a.pixelCount(); ++i)
        reversed.data()[i] = 10.0f - a.data()[i];
    QVERIFY(ssim(reversed, plus(a, 10.0f)) < -0.8);
    QVERIFY(std::abs(ssim(noiseImage(48, 40, 2), a)) < 0.1);
}

void TestEvaluation::frcOfEqualAndIndependentImages()
{
    const Image a = noiseImage(64, 64, 3);
    const FrcCurve same = fourierRingCorrelation(a, a);
    QCOMPARE(same.frequency.size(), std::size_t(33)); // rings 0 … n/2
    QCOMPARE(same.frequency.back(), 0.5);
    for (std::size_t r = 1; r < same.correlation.size(); ++r)
        QVERIFY(std::abs(same.correlation[r] - 1.0) < 1e-9);
    QVERIFY(!frcCrossing(same));

    const FrcCurve independent = fourierRingCorrelation(a, noiseImage(64, 64, 4));
    double mean = 0;
    for (std::size_t r = 4; r < independent.correlation.size(); ++r)
        mean += independent.correlation[r] / double(independent.correlation.size() - 4);
    QVERIFY2(std::abs(mean) < 0.05, qPrintable(QString::number(mean)));
    QVERIFY(frcCrossing(independent).value() < 0.1);
}

void TestEvaluation::frcCrossingInterpolates()
{
    FrcCurve curve;
    curve.frequency = {0, 0.1, 0.2, 0.3};
    curve.correlation = {1, 0.9, 0.5, 0.0};
    QVERIFY(std::abs(*frcCrossing(curve, 0.25) - 0.25) < 1e-12);
    QVERIFY(std::abs(*frcCrossing(curve, 0.7) - 0.15) < 1e-12);
    QCOMPARE(resolutionInAngstrom(0.25, 2.0).value(), 8.0);
    QVERIFY(!resolutionInAngstrom(0.25, std::nullopt));
}

void TestEvaluation::correlationBeyondBand()
{
    const Image high = noiseImage(64, 64, 5);
    const Image padded = upscaleClassically(fourierCrop(high, 2), 2, ClassicalMethod::Fourier);
    QCOMPARE(cryosr::correlationBeyondBand(padded, high, 0.25), 0.0); // nothing beyond the band
    QVERIFY(std::abs(cryosr::correlationBeyondBand(high, high, 0.25) - 1.0) < 1e-9);
    QVERIFY(std::abs(cryosr::correlationBeyondBand(noiseImage(64, 64, 6), high, 0.25)) < 0.05);
}

void TestEvaluation::consistencyOfClassicalMethods()
{
    const Image low = noiseImage(32, 24, 7);
    QVERIFY(consistencyError(upscaleClassically(low, 2, ClassicalMethod::Fourier), low) < 1e-6);
    QVERIFY(consistencyError(upscaleClassically(low, 2, ClassicalMethod::Bicubic), low) > 0.05);
    QCOMPARE(fourierCrop(noiseImage(32, 24, 8), 2).width(), 16);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, fourierCrop(noiseImage(33, 24, 8), 2));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, consistencyError(noiseImage(64, 40, 9), low));
}

void TestEvaluation::spearman()
{
    const std::vector<double> a{1, 2, 3, 4, 5};
    QCOMPARE(spearmanCorrelation(a, {10, 20, 30, 40, 1000}), 1.0); // any increasing function
    QCOMPARE(spearmanCorrelation(a, {5, 4, 3, 2, 1}), -1.0);
    QVERIFY(std::abs(spearmanCorrelation({1, 1, 2, 2}, {1, 1, 2, 2}) - 1.0) < 1e-12); // ties
    QVERIFY_THROWS_EXCEPTION(ArgumentError, spearmanCorrelation({1}, {1}));
}

void TestEvaluation::identityEvaluation()
{
    // A band-limited image: Fourier padding of its Fourier crop gives it back, so that row's PSNR is
    // limited by float32 round-off only; the model's outputs (untrained) keep the measured band
    // exactly, so their consistency error is round-off too.
    QTemporaryDir dir;
    const Upscaler upscaler = untrainedUpscaler(dir, 1);

    const Image image = upscaleClassically(noiseImage(32, 32, 10, 5.0), 2, ClassicalMethod::Fourier); // 64 × 64
    EvaluationSettings settings;
    settings.upscale.sampler.steps = 3;
    settings.upscale.samples = 3;
    const ImageEvaluation e = evaluateUpscaling(upscaler, image, image, settings);
    QCOMPARE(e.width, 64);
    QStringList names;
    for (const MethodScores& s : e.methods)
        names << QString::fromStdString(s.method);
    QCOMPARE(names,
             QStringList({"diffusion", "diffusion-mean-3", "fourier", "bicubic", "lanczos", "gaussian-oracle", "wiener-oracle"}));
    QVERIFY2(e.methods[2].psnr > 100, qPrintable(QString::number(e.methods[2].psnr)));
    QVERIFY(e.methods[3].psnr < 60); // bicubic does not reproduce the band
    for (int m : {0, 1, 2})
        QVERIFY2(e.methods[m].consistencyError < 1e-5, qPrintable(QString::number(e.methods[m].consistencyError)));
    QVERIFY(e.methods[1].meanStd.has_value() && e.methods[1].stdErrorRankCorrelation.has_value());
    QVERIFY(!e.methods[0].meanStd.has_value());
}

namespace {

Image blurred(const Image& image, double sigma)
{
    return gaussianLowPass(image, sigma);
}

double meanSquare(const Image& a, const Image& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.pixelCount(); ++i)
        sum += double(a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
    return sum / double(a.pixelCount());
}

} // namespace

void TestEvaluation::gaussianOracleFindsTheBlur()
{
    const Image image = noiseImage(64, 48, 20);
    const OracleResult r = bestGaussian(image, blurred(image, 1.5));
    QCOMPARE(r.parameter, 1.5);
    QVERIFY(meanSquare(r.image, blurred(image, 1.5)) < 1e-10);
    QCOMPARE(bestGaussian(image, image).parameter, 0.0);
    QCOMPARE(bestGaussian(image, blurred(image, 20)).parameter, 6.0); // the range ends at 6 pixels
    QVERIFY_THROWS_EXCEPTION(ArgumentError, bestGaussian(image, noiseImage(48, 64, 1)));
}

void TestEvaluation::wienerOracleIsTheBestRadialFilter()
{
    // Against a noisy copy's clean version, the radial Wiener filter (fitted per ring) beats the best
    // Gaussian (one radial shape) and leaves a reference that equals the image alone.
    const Image clean = blurred(noiseImage(64, 64, 21, 5.0), 2.0);
    Image noisy(64, 64);
    const Image noise = noiseImage(64, 64, 22);
    for (std::size_t i = 0; i < noisy.pixelCount(); ++i)
        noisy.data()[i] = clean.data()[i] + noise.data()[i];
    const double wiener = meanSquare(radialWiener(noisy, clean).image, clean);
    const double gaussian = meanSquare(bestGaussian(noisy, clean).image, clean);
    QVERIFY2(wiener <= gaussian, qPrintable(QString("%1 vs %2").arg(wiener).arg(gaussian)));
    QVERIFY(wiener < 0.5 * meanSquare(noisy, clean));
    QVERIFY(meanSquare(radialWiener(noisy, noisy).image, noisy) < 1e-8);
    // A Fourier-padded input holds nothing beyond its band, and the filter adds nothing there.
    const Image padded = upscaleClassically(fourierCrop(noisy, 2), 2, ClassicalMethod::Fourier);
    QCOMPARE(cryosr::correlationBeyondBand(radialWiener(padded, clean).image, clean, 0.25), 0.0);
}

void TestEvaluation::splitReference()
{
    // A band-limited micrograph without noise: B moved half a pixel onto A's grid is A (moved the other
    // way it would be a pixel off), so the split reference of a smooth image is its own sub-lattice.
    const Image smooth =
        upscaleClassically(blurred(noiseImage(64, 64, 23, 100.0), 3.0), 2, ClassicalMethod::Fourier); // 128 × 128
    const EvaluationTask task = splitTask(smooth, 2, 8);
    QCOMPARE(task.low.width(), 32);
    QCOMPARE(task.reference.width(), 64);
    QCOMPARE(task.border, 8);
    const Image a = upscaleClassically(task.low, 2, ClassicalMethod::Fourier);
    const double power = meanSquare(task.reference, Image(64, 64));
    QVERIFY2(meanSquare(interior(a, 8), interior(task.reference, 8)) < 1e-3 * power,
             qPrintable(QString::number(meanSquare(interior(a, 8), interior(task.reference, 8)) / power)));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, splitTask(noiseImage(20, 20, 1), 2, 16)); // no room for the border
}

void TestEvaluation::uncertaintyScores()
{
    // Errors drawn with the standard deviation the map claims: about 95 % within 2 sd √(1 + 1/K) of a
    // K-sample mean when the per-sample sd is the posterior's and the mean's error has sd √(1 + 1/K)·sd;
    // tiles with larger sd have larger errors, so the tile rank correlation is high.
    const int k = 8;
    Image sd(128, 128), truth(128, 128), mean(128, 128);
    std::mt19937_64 random(24);
    std::normal_distribution<double> normal;
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 128; ++x) {
            const double spread = 0.5 + (x / 32 + 4 * (y / 32)) * 0.2; // a different sd per 32 × 32 tile
            sd.at(x, y) = float(spread);
            truth.at(x, y) = 0;
            mean.at(x, y) = float(spread * std::sqrt(1.0 + 1.0 / k) * normal(random));
        }
    MethodScores s;
    scoreUncertainty(s, mean, sd, truth, k);
    QVERIFY2(std::abs(*s.coverage - 0.954) < 0.01, qPrintable(QString::number(*s.coverage)));
    QVERIFY2(*s.tileRankCorrelation > 0.9, qPrintable(QString::number(*s.tileRankCorrelation)));
    QVERIFY(*s.meanStd > 0.5);
    // A map that claims half the spread covers far less.
    Image half = sd;
    for (std::size_t i = 0; i < half.pixelCount(); ++i)
        half.data()[i] *= 0.5f;
    MethodScores overconfident;
    scoreUncertainty(overconfident, mean, half, truth, k);
    QVERIFY(*overconfident.coverage < 0.75);
}

void TestEvaluation::calibrationFit()
{
    // An untrained model's spread is arbitrary; the fit finds the factor that covers 95 % of the pixels
    // of these very tasks, so applying it gives 95 % on them.
    QTemporaryDir dir;
    const Upscaler upscaler = untrainedUpscaler(dir, 2);
    std::vector<EvaluationTask> tasks;
    for (std::uint64_t seed : {30, 31})
        tasks.push_back(highResolutionTask(noiseImage(32, 32, seed, 3.0), blurred(noiseImage(32, 32, seed, 3.0), 1.0), 2));
    UpscaleSettings settings;
    settings.sampler.steps = 3;
    settings.samples = 4;
    const CalibrationFit fit = fitStandardDeviationScale(upscaler, tasks, settings);
    QCOMPARE(fit.pixels, std::size_t(2 * 32 * 32));
    QVERIFY(fit.scale > 0);
    const std::filesystem::path calibrated = dir.filePath("calibrated.cryosr").toStdString();
    calibrateModel(dir.filePath(kTinyModel).toStdString(), calibrated, settings.sampler.steps, fit.scale,
                   "{}"); // untrainedUpscaler's file
    const CalibrationFit again =
        fitStandardDeviationScale(Upscaler(calibrated, DeviceChoice::Cpu, Precision::Float32), tasks, settings);
    QVERIFY2(std::abs(again.coverageBefore - 0.95) < 0.01, qPrintable(QString::number(again.coverageBefore)));
    settings.samples = 1;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, fitStandardDeviationScale(upscaler, tasks, settings));
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
