// Fourier cropping and padding: exact inverses, band-limited signals reproduced, means kept, real
// results; the consistency projection gives back the measured image when cropped.

#include "fourier/resample.h"

#include <QTest>
#include <cmath>
#include <numbers>

using namespace cryosr;

namespace {

/// cos(2π (fy·y/H + fx·x/W)) on an H × W grid: a band-limited pattern with a known spectrum.
torch::Tensor wave(std::int64_t height, std::int64_t width, double fy, double fx)
{
    const torch::Tensor y = torch::arange(height, torch::kFloat64).view({height, 1}) / height;
    const torch::Tensor x = torch::arange(width, torch::kFloat64).view({1, width}) / width;
    return torch::cos(2 * std::numbers::pi * (fy * y + fx * x)).to(torch::kFloat32);
}

} // namespace

class TestFourierResample : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cropUndoesPad_data();
    void cropUndoesPad();
    void padReproducesBandLimitedSignals();
    void cropRemovesFrequenciesBeyondTheNewNyquist();
    void consistencyGivesBackTheMeasurement();
    void bandLimitIsCropThenPad_data();
    void bandLimitIsCropThenPad();
    void bicubicKeepsSizeRules();
    void lanczosInterpolatesSmoothImages();
};

void TestFourierResample::cropUndoesPad_data()
{
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("scale");
    QTest::newRow("even x2") << 16 << 24 << 2;
    QTest::newRow("odd x2") << 15 << 9 << 2;
    QTest::newRow("mixed x3") << 8 << 7 << 3;
    QTest::newRow("one row x2") << 1 << 10 << 2;
}

void TestFourierResample::cropUndoesPad()
{
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, scale);
    torch::manual_seed(4);
    const torch::Tensor x = torch::randn({2, 1, height, width}) * 3 + 5;
    const torch::Tensor up = fourierResize(x, height * scale, width * scale);
    QCOMPARE(up.sizes(), (torch::IntArrayRef{2, 1, height * scale, width * scale}));
    QVERIFY(std::abs(up.mean().item<float>() - x.mean().item<float>()) < 1e-4f);
    const torch::Tensor back = fourierResize(up, height, width);
    QVERIFY2((back - x).abs().max().item<float>() < 1e-4f,
             qPrintable(QString("max error %1").arg((back - x).abs().max().item<float>())));
}

void TestFourierResample::padReproducesBandLimitedSignals()
{
    // A wave below the small grid's Nyquist limit, sampled at 2× by Fourier padding, is the same
    // wave sampled on the fine grid.
    const torch::Tensor coarse = wave(20, 30, 3, -7);
    const torch::Tensor fine = fourierResize(coarse, 40, 60);
    QVERIFY((fine - wave(40, 60, 3, -7)).abs().max().item<float>() < 1e-4f);
}

void TestFourierResample::cropRemovesFrequenciesBeyondTheNewNyquist()
{
    // Binning 64 → 32 keeps a wave at 5 cycles and removes one at 20 cycles (beyond 16): no aliasing.
    const torch::Tensor x = wave(64, 64, 5, 0) + wave(64, 64, 0, 20);
    const torch::Tensor small = fourierResize(x, 32, 32);
    QVERIFY((small - wave(32, 32, 5, 0)).abs().max().item<float>() < 1e-4f);
}

void TestFourierResample::consistencyGivesBackTheMeasurement()
{
    torch::manual_seed(5);
    const torch::Tensor measured = torch::randn({1, 1, 17, 22});
    const torch::Tensor estimate = torch::randn({1, 1, 34, 44}) * 2;
    const torch::Tensor consistent = enforceConsistency(estimate, measured);
    QVERIFY((fourierResize(consistent, 17, 22) - measured).abs().max().item<float>() < 1e-4f);
    // Detail beyond the measured band is left untouched: the high-pass parts agree.
    const auto highPass = [](const torch::Tensor& t) { return t - fourierResize(fourierResize(t, 17, 22), 34, 44); };
    QVERIFY((highPass(consistent) - highPass(estimate)).abs().max().item<float>() < 1e-4f);
    // And applying it twice changes nothing more.
    QVERIFY((enforceConsistency(consistent, measured) - consistent).abs().max().item<float>() < 1e-4f);
}

void TestFourierResample::bandLimitIsCropThenPad_data()
{
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("scale");
    QTest::newRow("even x2") << 32 << 48 << 2;
    QTest::newRow("odd band x2") << 30 << 18 << 2; // the band of a 15 x 9 image: no Nyquist bin
    QTest::newRow("mixed x3") << 24 << 21 << 3;
}

void TestFourierResample::bandLimitIsCropThenPad()
{
    // The one-transform forms (the tiles' fusion and the noise-aware data term use them) against the
    // two resizes they stand for, Nyquist bins included.
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, scale);
    torch::manual_seed(7);
    const torch::Tensor x = torch::randn({2, 1, height, width}) * 3 + 5;
    const std::int64_t h = height / scale, w = width / scale;
    const torch::Tensor twice = fourierResize(fourierResize(x, h, w), height, width);
    const torch::Tensor once = bandLimit(x, h, w);
    QVERIFY2((once - twice).abs().max().item<float>() < 1e-4f,
             qPrintable(QString("max difference %1").arg((once - twice).abs().max().item<float>())));
    QVERIFY((once - x).abs().max().item<float>() > 0.1f); // it did remove something
    const double cropped = double(h * w) / double(height * width);
    const torch::Tensor viaSpectrum = torch::real(torch::fft::ifft2(resizeSpectrum(torch::fft::fft2(x), h, w))) * cropped;
    QVERIFY((viaSpectrum - fourierResize(x, h, w)).abs().max().item<float>() < 1e-4f);
}

void TestFourierResample::bicubicKeepsSizeRules()
{
    const torch::Tensor x = torch::ones({3, 5});
    const torch::Tensor up = bicubicUpsample(x, 2);
    QCOMPARE(up.sizes(), (torch::IntArrayRef{6, 10}));
    QVERIFY((up - 1).abs().max().item<float>() < 1e-5f); // a constant stays constant
}

void TestFourierResample::lanczosInterpolatesSmoothImages()
{
    // Scale 1 is the identity (the kernel is 1 at 0 and 0 at the other integers).
    const torch::Tensor noise = torch::randn({7, 9});
    QVERIFY((lanczosUpsample(noise, 1) - noise).abs().max().item<float>() < 1e-6f);
    // A constant stays constant up to the edges (weights are normalised there).
    QVERIFY((lanczosUpsample(torch::full({4, 6}, 3.0f), 3) - 3).abs().max().item<float>() < 1e-5f);
    // A slow wave, sampled at pixel centres, is reproduced at the finer centres away from the edges.
    const auto wave = [](std::int64_t n, int scale) {
        const torch::Tensor centres = (torch::arange(n * scale, torch::kFloat64) + 0.5) / scale - 0.5;
        return torch::cos(0.35 * centres);
    };
    const torch::Tensor coarse = wave(40, 1).unsqueeze(0).expand({5, 40}).to(torch::kFloat32);
    const torch::Tensor fine = lanczosUpsample(coarse, 2);
    QCOMPARE(fine.sizes(), (torch::IntArrayRef{10, 80}));
    const torch::Tensor interior = fine[4].slice(0, 8, 72).to(torch::kFloat64) - wave(40, 2).slice(0, 8, 72);
    // Lanczos-3 itself is off by 0.0056 on this wave (the same kernel evaluated in numpy); a quarter-pixel
    // misplacement of the centres would be off by ~0.09.
    QVERIFY2(interior.abs().max().item<double>() < 6e-3, qPrintable(QString::number(interior.abs().max().item<double>())));
}

QTEST_APPLESS_MAIN(TestFourierResample)
#include "tst_fourierresample.moc"
