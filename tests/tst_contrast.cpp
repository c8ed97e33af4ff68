// Automatic display contrast: percentiles and mean ± kσ of the data, robust to hot pixels and NaNs,
// and the histogram the limits are dragged on.

#include "contrast.h"

#include <QTest>
#include <cmath>
#include <limits>

namespace {

/// 1000 x 1000 samples 0 … 999 (each value 1000 times), with `hot` samples set to 1e6 and 100 NaNs.
FloatImage rampWithOutliers(int hot)
{
    std::vector<float> values(1000 * 1000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(i % 1000);
    for (int i = 0; i < hot; ++i)
        values[std::size_t(i) * 997] = 1e6f;
    for (int i = 0; i < 100; ++i)
        values[std::size_t(i) * 9973 + 5] = std::numeric_limits<float>::quiet_NaN();
    return FloatImage::fromValues(QSize(1000, 1000), std::move(values));
}

} // namespace

class TestContrast : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentilesIgnoreHotPixelsAndNaN();
    void meanSigmaFollowsTheMoments();
    void constantImageGetsAUsableWindow();
    void histogramCountsAndRange();
    void largeImagesAreSampledWithoutAliasing();
};

void TestContrast::percentilesIgnoreHotPixelsAndNaN()
{
    const ContrastLimits limits = percentileLimits(rampWithOutliers(500)); // 0.05 % hot pixels
    QVERIFY2(std::abs(limits.low - 5.0f) <= 1.0f, qPrintable(QString::number(limits.low)));
    QVERIFY2(std::abs(limits.high - 994.0f) <= 1.0f, qPrintable(QString::number(limits.high)));
    const ContrastLimits wide = percentileLimits(rampWithOutliers(0), 10.0, 90.0);
    QVERIFY(std::abs(wide.low - 100.0f) <= 1.0f && std::abs(wide.high - 899.0f) <= 1.0f);
}

void TestContrast::meanSigmaFollowsTheMoments()
{
    // Uniform 0 … 999: mean 499.5, σ = 1000 / √12 ≈ 288.7.
    const ContrastLimits limits = meanSigmaLimits(rampWithOutliers(0), 1.0);
    QVERIFY2(std::abs(limits.low - (499.5f - 288.7f)) < 0.5f, qPrintable(QString::number(limits.low)));
    QVERIFY2(std::abs(limits.high - (499.5f + 288.7f)) < 0.5f, qPrintable(QString::number(limits.high)));
    // Hot pixels are what mean ± kσ is sensitive to (and why percentiles are the default).
    QVERIFY(meanSigmaLimits(rampWithOutliers(500), 1.0).high > limits.high + 100);
}

void TestContrast::constantImageGetsAUsableWindow()
{
    const FloatImage flat = FloatImage::fromValues(QSize(10, 10), std::vector<float>(100, 7.0f));
    const ContrastLimits limits = percentileLimits(flat);
    QCOMPARE(limits.low, 6.5f);
    QCOMPARE(limits.high, 7.5f);
    QCOMPARE(meanSigmaLimits(flat), limits);
}

void TestContrast::histogramCountsAndRange()
{
    const FloatImage image = rampWithOutliers(500);
    const Histogram h = histogram(image, 0.0f, 1000.0f, 10);
    QCOMPARE(int(h.counts.size()), 10);
    double total = 0;
    for (double c : h.counts)
        total += c;
    QCOMPARE(total, 1000.0 * 1000 - 500 - 100); // hot pixels are outside, NaNs not counted
    QVERIFY(std::abs(h.counts[3] - 100000) <= 100);
    const ContrastLimits range = histogramRange(image);
    QVERIFY2(range.low < 0 && range.low > -250 && range.high > 999 && range.high < 1250,
             qPrintable(QString("%1 %2").arg(range.low).arg(range.high)));
}

void TestContrast::largeImagesAreSampledWithoutAliasing()
{
    // 4096 × 1024 (4 M samples, measured on a subsample): every 4th column is 1000, the rest a
    // ramp 0 … 999 down the rows. A stride sharing a factor with the width would read the bright
    // columns only (the 40th percentile would be 1000); the whole image has it at 40/75 of the ramp.
    const int width = 4096, height = 1024;
    std::vector<float> values(std::size_t(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            values[std::size_t(y) * width + x] = x % 4 == 0 ? 1000.0f : float(y * 1000 / height + x % 4 - 2);
    const FloatImage image = FloatImage::fromValues(QSize(width, height), std::move(values));
    const ContrastLimits limits = percentileLimits(image, 40.0, 60.0);
    QVERIFY2(std::abs(limits.low - 533.0f) < 10.0f && std::abs(limits.high - 800.0f) < 10.0f,
             qPrintable(QString("%1 %2").arg(limits.low).arg(limits.high)));
    const Histogram h = histogram(image, 0.0f, 1001.0f, 2);
    QVERIFY2(std::abs(h.counts[1] / (double(width) * height) - 0.25 - 0.75 * 500.0 / 1001)
                 < 0.01, // half the ramp and the bright columns
             qPrintable(QString::number(h.counts[1])));
}

QTEST_APPLESS_MAIN(TestContrast)
#include "tst_contrast.moc"
