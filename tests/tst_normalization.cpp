// Robust normalisation: Gaussian data gets its mean and standard deviation, hot pixels do not
// wreck it, constant images do not divide by zero, and mapping back restores the input's units.

#include "diffusion/normalization.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <random>
#include <vector>

using namespace cryosr;

class TestNormalization : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gaussianDataGivesMeanAndSigma();
    void hotPixelsDoNotMoveIt();
    void constantImagesAreSafe();
    void roundTripRestoresUnits();
};

namespace {
std::vector<float> gaussian(std::size_t n, double mean, double sigma)
{
    std::mt19937 rng(17);
    std::normal_distribution<double> d(mean, sigma);
    std::vector<float> v(n);
    for (float& x : v)
        x = static_cast<float>(d(rng));
    return v;
}
} // namespace

void TestNormalization::gaussianDataGivesMeanAndSigma()
{
    const std::vector<float> v = gaussian(200000, 6800.0, 9.0);
    const Normalization n = robustNormalization(v.data(), v.size());
    QVERIFY2(std::abs(n.centre - 6800.0) < 0.2, qPrintable(QString::number(n.centre)));
    QVERIFY2(std::abs(n.scale - 9.0) < 0.2, qPrintable(QString::number(n.scale)));
}

void TestNormalization::hotPixelsDoNotMoveIt()
{
    std::vector<float> v = gaussian(100000, 0.0, 1.0);
    const Normalization clean = robustNormalization(v.data(), v.size());
    for (std::size_t i = 0; i < v.size(); i += 500) // 0.2 % hot pixels at 10^6, and a NaN
        v[i] = 1e6f;
    v[7] = std::nanf("");
    const Normalization hot = robustNormalization(v.data(), v.size());
    QVERIFY(std::abs(hot.centre - clean.centre) < 0.02);
    QVERIFY(std::abs(hot.scale / clean.scale - 1.0) < 0.02);
}

void TestNormalization::constantImagesAreSafe()
{
    std::vector<float> v(1000, 5.0f);
    QCOMPARE(robustNormalization(v.data(), v.size()).scale, 1.0);
    v[3] = 7.0f; // MAD is 0, the standard deviation is not
    const Normalization n = robustNormalization(v.data(), v.size());
    QVERIFY(n.scale > 0.0 && n.scale < 1.0);
    QCOMPARE(n.centre, 5.0);
}

void TestNormalization::roundTripRestoresUnits()
{
    std::vector<float> v = gaussian(5000, -3.0, 250.0);
    const std::vector<float> original = v;
    const Normalization n = robustNormalization(v.data(), v.size());
    normalize(v.data(), v.size(), n);
    denormalize(v.data(), v.size(), n);
    for (std::size_t i = 0; i < v.size(); ++i)
        QVERIFY(std::abs(v[i] - original[i]) <= 1e-4f * std::max(1.0f, std::abs(original[i])));
}

QTEST_APPLESS_MAIN(TestNormalization)
#include "tst_normalization.moc"
