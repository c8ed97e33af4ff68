// Quality measures: PSNR and SSIM against hand values, FRC of identical and independent images,
// the 0.143 crossing, detail beyond the input's band, consistency of Fourier padding vs bicubic,
// Spearman's rank correlation; and evaluateUpscaling on an "identity" case (a Fourier-padded image,
// which Fourier padding reproduces exactly).

#include "evaluation/evaluation.h"

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
    const std::filesystem::path model = dir.filePath("tiny.cryosr").toStdString();
    ModelInfo info;
    info.architecture = testsupport::tinyArchitecture();
    info.schedule.timesteps = 50;
    createUntrainedModel(model, info, 1);
    const Upscaler upscaler(model, DeviceChoice::Cpu, Precision::Float32);

    const Image image = upscaleClassically(noiseImage(32, 32, 10, 5.0), 2, ClassicalMethod::Fourier); // 64 × 64
    EvaluationSettings settings;
    settings.upscale.sampler.steps = 3;
    settings.upscale.samples = 3;
    const ImageEvaluation e = evaluateUpscaling(upscaler, image, image, settings);
    QCOMPARE(e.width, 64);
    QStringList names;
    for (const MethodScores& s : e.methods)
        names << QString::fromStdString(s.method);
    QCOMPARE(names, QStringList({"diffusion", "diffusion-mean-3", "fourier", "bicubic", "lanczos"}));
    QVERIFY2(e.methods[2].psnr > 100, qPrintable(QString::number(e.methods[2].psnr)));
    QVERIFY(e.methods[3].psnr < 60); // bicubic does not reproduce the band
    for (int m : {0, 1, 2})
        QVERIFY2(e.methods[m].consistencyError < 1e-5, qPrintable(QString::number(e.methods[m].consistencyError)));
    QVERIFY(e.methods[1].meanStd.has_value() && e.methods[1].stdErrorRankCorrelation.has_value());
    QVERIFY(!e.methods[0].meanStd.has_value());
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
