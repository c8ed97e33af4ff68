// The power spectrum the viewer shows: known sinusoids peak where they must, white noise is flat at
// the level Parseval's theorem predicts, and frequencies carry the pixel size.

#include "analysis/powerspectrum.h"
#include "io/errors.h"

#include <QTest>
#include <cmath>
#include <random>

using cryosr::Image;

namespace {

/// cos(2π (kx x + ky y) / size) over a size × size image, plus optional Gaussian noise.
Image wave(int size, int kx, int ky, double noise = 0.0)
{
    Image image(size, size);
    std::mt19937 rng(7);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            image.at(x, y) = float(100.0 + std::cos(2 * M_PI * (kx * x + ky * y) / size) + noise * gauss(rng));
    return image;
}

QPoint brightestPixel(const Image& image)
{
    QPoint best(0, 0);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.at(x, y) > image.at(best.x(), best.y()))
                best = QPoint(x, y);
    return best;
}

} // namespace

class TestPowerSpectrum : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sinusoidPeaksAtItsFrequency_data();
    void sinusoidPeaksAtItsFrequency();
    void ringAverageFindsTheRingAndItsResolution();
    void whiteNoiseIsFlatAtTheParsevalLevel();
    void boxShrinksToTheImageAndTilesAverage();
    void spectrumIsCentrosymmetric();
    void halvesAreTheTilesOfEitherHalf();
    void progressIsReportedAndCanCancel();
    void tooSmallImageIsRefused();
};

void TestPowerSpectrum::sinusoidPeaksAtItsFrequency_data()
{
    QTest::addColumn<int>("kx");
    QTest::addColumn<int>("ky");
    QTest::newRow("along x") << 16 << 0;
    QTest::newRow("along y") << 0 << 24;
    QTest::newRow("oblique") << 8 << -20;
}

void TestPowerSpectrum::sinusoidPeaksAtItsFrequency()
{
    QFETCH(int, kx);
    QFETCH(int, ky);
    // 512² image, 256 boxes: a wave with k cycles per 512 pixels has k/2 cycles per box.
    const cryosr::PowerSpectrum spectrum = cryosr::computePowerSpectrum(wave(512, kx, ky, 0.1), 256);
    QCOMPARE(spectrum.box, 256);
    const QPoint peak = brightestPixel(spectrum.logPower);
    const QPoint expected(128 + kx / 2, 128 + ky / 2), mirrored(128 - kx / 2, 128 - ky / 2);
    QVERIFY2(peak == expected || peak == mirrored, qPrintable(QString("peak at (%1, %2)").arg(peak.x()).arg(peak.y())));
    // The peak stands far above the noise floor (log10 units).
    QVERIFY(spectrum.logPower.at(expected.x(), expected.y()) - spectrum.logPower.at(128 + 40, 128 + 40) > 3.0);
}

void TestPowerSpectrum::ringAverageFindsTheRingAndItsResolution()
{
    Image image = wave(512, 16, 0, 0.1);
    image.pixelSize.x = 2.0;
    const cryosr::PowerSpectrum spectrum = cryosr::computePowerSpectrum(image, 256);
    QCOMPARE(int(spectrum.radialAverage.size()), 129);
    const auto peak = std::max_element(spectrum.radialAverage.begin() + 1, spectrum.radialAverage.end());
    const int ring = int(peak - spectrum.radialAverage.begin());
    QCOMPARE(ring, 8);
    // 16 cycles over 512 pixels of 2 Å: a 64 Å period.
    QCOMPARE(spectrum.frequencyOf(ring), 1.0 / 64.0);
}

void TestPowerSpectrum::whiteNoiseIsFlatAtTheParsevalLevel()
{
    // Unit-variance noise: each unnormalised DFT coefficient has expected |F|² = box².
    const cryosr::PowerSpectrum spectrum = cryosr::computePowerSpectrum(wave(1024, 0, 0, 10.0), 128);
    const double expected = 128.0 * 128.0 * 100.0; // σ = 10 (the unit cosine is constant here: k = 0)
    for (int r = 2; r <= 64; ++r)
        QVERIFY2(std::abs(spectrum.radialAverage[std::size_t(r)] / expected - 1.0) < 0.15,
                 qPrintable(
                     QString("ring %1: %2 of the expected power").arg(r).arg(spectrum.radialAverage[std::size_t(r)] / expected)));
}

void TestPowerSpectrum::boxShrinksToTheImageAndTilesAverage()
{
    const cryosr::PowerSpectrum small = cryosr::computePowerSpectrum(wave(101, 3, 0), 512);
    QCOMPARE(small.box, 100);
    QCOMPARE(small.tiles, 1);
    QCOMPARE(small.logPower.width(), 100);
    // Every tile, overlapping by half: 512² in 128 boxes gives 7 × 7, 2048² 31 × 31, and a 1000 × 600
    // image 14 × 8 (the last partial column and row left out).
    QCOMPARE(cryosr::computePowerSpectrum(wave(512, 0, 0, 1.0), 128).tiles, 49);
    Image wide(1000, 600);
    QCOMPARE(cryosr::computePowerSpectrum(wide, 128).tiles, 112);
    // A wave only in the bottom eighth (a 16-pixel period along x) shows, 128 / 16 = 8 pixels either side
    // of the centre: the last tiles count as much as the first (batches reuse their buffers).
    Image bottom = wave(2048, 0, 0, 1.0);
    for (int y = 2048 - 256; y < 2048; ++y)
        for (int x = 0; x < 2048; ++x)
            bottom.at(x, y) += float(5 * std::cos(2 * M_PI * x / 16.0));
    const cryosr::PowerSpectrum many = cryosr::computePowerSpectrum(bottom, 128);
    QCOMPARE(many.tiles, 961);
    const QPoint peak = brightestPixel(many.logPower);
    QVERIFY2(peak == QPoint(64 + 8, 64) || peak == QPoint(64 - 8, 64), qPrintable(QString("%1, %2").arg(peak.x()).arg(peak.y())));
}

void TestPowerSpectrum::halvesAreTheTilesOfEitherHalf()
{
    // Noise of σ 1 in the first half of the longer side, σ 3 in the second: each half's spectrum has
    // its own level (Parseval: 1 and 9), so neither takes a tile from the other side.
    std::mt19937 rng(3);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    const auto twoLevels = [&](int width, int height) {
        Image image(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                image.at(x, y) = gauss(rng) * ((width >= height ? x < width / 2 : y < height / 2) ? 1.0f : 3.0f);
        return image;
    };
    const auto verifyLevels = [](const cryosr::PowerSpectrum& spectrum, double tolerance) {
        for (std::size_t half = 0; half < 2; ++half) {
            const cryosr::PowerSpectrum& s = spectrum.halves[half];
            double sum = 0;
            for (int r = 4; r < s.box / 2; ++r)
                sum += s.radialAverage[std::size_t(r)];
            const double level = sum / (s.box / 2 - 4) / (double(s.box) * s.box), expected = half == 0 ? 1.0 : 9.0;
            if (std::abs(level / expected - 1.0) > tolerance)
                return QString("half %1 at %2, not %3").arg(half).arg(level).arg(expected);
        }
        return QString();
    };
    // 1024 × 768 in 256 boxes: 7 × 5 tiles, split at x = 512, each half 3 × 5 (the column across the
    // split is in neither).
    const cryosr::PowerSpectrum spectrum = cryosr::computePowerSpectrum(twoLevels(1024, 768), 256);
    QCOMPARE(spectrum.tiles, 35);
    QCOMPARE(spectrum.halves.size(), std::size_t(2));
    QCOMPARE(spectrum.halves[0].tiles, 15);
    QCOMPARE(spectrum.halves[1].tiles, 15);
    QCOMPARE(spectrum.halves[0].box, 256);
    QCOMPARE(verifyLevels(spectrum, 0.1), QString());
    QVERIFY(spectrum.halves[0].halves.empty());

    // No whole box in each half (300 × 500: boxes of 300, and 250 rows a half): the halves, split
    // across the longer side (here y), are tiled again with the largest box that fits, 250.
    const cryosr::PowerSpectrum narrow = cryosr::computePowerSpectrum(twoLevels(300, 500), 512);
    QCOMPARE(narrow.box, 300);
    QCOMPARE(narrow.halves.size(), std::size_t(2));
    QCOMPARE(narrow.halves[0].box, 250);
    QCOMPARE(narrow.halves[1].box, 250);
    QCOMPARE(narrow.halves[0].tiles, 1);
    QCOMPARE(verifyLevels(narrow, 0.25), QString());
    QVERIFY(cryosr::computePowerSpectrum(Image(15, 8), 512).halves.empty());
}

void TestPowerSpectrum::spectrumIsCentrosymmetric()
{
    // Half the plane is computed and the other half mirrored: P(x, y) = P(box − x, box − y) exactly,
    // and a wave's two peaks (k and −k) are equally bright.
    const cryosr::PowerSpectrum spectrum = cryosr::computePowerSpectrum(wave(256, 10, -6, 1.0), 256);
    for (int y = 1; y < 256; ++y)
        for (int x = 1; x < 256; ++x)
            QCOMPARE(spectrum.logPower.at(x, y), spectrum.logPower.at(256 - x, 256 - y));
    QCOMPARE(brightestPixel(spectrum.logPower), QPoint(128 + 10, 128 - 6)); // the first of the two in row order
}

void TestPowerSpectrum::progressIsReportedAndCanCancel()
{
    // 512² in 128 boxes: 49 tiles in batches of 16, so four reports ending at 49 of 49.
    QList<int> reported;
    cryosr::computePowerSpectrum(wave(512, 0, 0, 1.0), 128, [&](int done, int total) {
        reported << done;
        return total == 49;
    });
    QCOMPARE(reported, QList<int>({16, 32, 48, 49}));
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(cryosr::Cancelled, cryosr::computePowerSpectrum(wave(1024, 0, 0, 1.0), 128, [&](int, int) {
                                 ++calls;
                                 return false;
                             }));
    QCOMPARE(calls, 1); // it stops at the first refusal, not after every tile
}

void TestPowerSpectrum::tooSmallImageIsRefused()
{
    QVERIFY_THROWS_EXCEPTION(cryosr::ArgumentError, cryosr::computePowerSpectrum(Image(7, 100)));
}

QTEST_APPLESS_MAIN(TestPowerSpectrum)
#include "tst_powerspectrum.moc"
