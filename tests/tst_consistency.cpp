// The data term of sampling and its noise estimate: the sub-lattice estimate of white noise (alone,
// under a strong signal, on small images), the signal-share weights, the hard / noise-aware / off
// modes, and the empirical Wiener condition beating the raw input against the truth.

#include "diffusion/condition.h"
#include "diffusion/consistency.h"
#include "fourier/resample.h"
#include "io/errors.h"

#include <QTest>

#include <torch/torch.h>

using namespace cryosr;

namespace {

/// A smooth random field [n, n] of standard deviation `sigma` (Gaussian spectrum, width in cycles/px).
torch::Tensor smoothField(std::int64_t n, double sigma, double width, std::uint64_t seed)
{
    torch::Generator g = at::detail::createCPUGenerator(seed);
    const torch::Tensor white = torch::randn({n, n}, g, torch::kFloat64);
    const torch::Tensor fy = torch::fft::fftfreq(n, torch::kFloat64).unsqueeze(1);
    const torch::Tensor fx = torch::fft::fftfreq(n, torch::kFloat64).unsqueeze(0);
    const torch::Tensor field =
        torch::real(torch::fft::ifft2(torch::fft::fft2(white) * torch::exp(-(fy * fy + fx * fx) / (2 * width * width))));
    return field / field.std() * sigma;
}

torch::Tensor noise(std::int64_t n, double sigma, std::uint64_t seed)
{
    torch::Generator g = at::detail::createCPUGenerator(seed);
    return torch::randn({n, n}, g, torch::kFloat64) * sigma;
}

double mse(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).square().mean().item<double>();
}

} // namespace

class TestConsistency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noiseAlone();
    void noiseUnderAStrongSignal();
    void smallImages();
    void signalShare();
    void modes();
    void empiricalWienerBeatsTheRawInput();
};

void TestConsistency::noiseAlone()
{
    for (double sigma : {0.5, 2.0}) {
        const double estimate = estimateNoiseVariance(noise(256, sigma, 1));
        QVERIFY2(std::abs(estimate / (sigma * sigma) - 1) < 0.05, qPrintable(QString::number(estimate)));
    }
}

void TestConsistency::noiseUnderAStrongSignal()
{
    // A signal ten times the noise, smooth on the scale of a few pixels: a plain variance or a high-pass
    // measure would be far off; the sub-lattices agree on the signal and leave the noise.
    const torch::Tensor image = smoothField(256, 10.0, 0.04, 2) + noise(256, 1.0, 3);
    const double estimate = estimateNoiseVariance(image);
    QVERIFY2(std::abs(estimate - 1) < 0.1, qPrintable(QString::number(estimate)));
    // A signal offset the other sub-lattice by a shift in the wrong direction would leave it in: the
    // half-pixel move is what makes the estimate work.
    const torch::Tensor shifted = fourierShift(smoothField(256, 10.0, 0.1, 4), 0.5, 0.5) + noise(256, 1.0, 5);
    QVERIFY(std::abs(estimateNoiseVariance(shifted) - 1) < 0.15);
}

void TestConsistency::smallImages()
{
    double sum = 0;
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        sum += estimateNoiseVariance(smoothField(32, 3.0, 0.05, 100 + seed) + noise(32, 1.0, 200 + seed));
    QVERIFY2(std::abs(sum / 20 - 1) < 0.2, qPrintable(QString::number(sum / 20))); // unbiased on 32 × 32 crops
    QVERIFY_THROWS_EXCEPTION(ArgumentError, estimateNoiseVariance(noise(15, 1.0, 6)));
}

void TestConsistency::signalShare()
{
    const torch::Tensor pure = signalShareWeights(noise(128, 1.0, 7));
    QCOMPARE(pure[0][0].item<double>(), 1.0); // the mean is always kept
    QVERIFY2(pure.mean().item<double>() < 0.1, qPrintable(QString::number(pure.mean().item<double>())));
    // A strong smooth signal: its low frequencies are kept, the noise-only high ones are not.
    const torch::Tensor w = signalShareWeights(smoothField(128, 10.0, 0.03, 8) + noise(128, 1.0, 9));
    const torch::Tensor k = torch::sqrt(torch::fft::fftfreq(128, torch::kFloat64).unsqueeze(1).square()
                                        + torch::fft::fftfreq(128, torch::kFloat64).unsqueeze(0).square());
    QVERIFY(w.masked_select((k > 0) & (k < 0.03)).mean().item<double>() > 0.9);
    QVERIFY(w.masked_select(k > 0.3).mean().item<double>() < 0.1);
}

void TestConsistency::modes()
{
    const torch::Tensor measured = (smoothField(32, 3.0, 0.1, 10) + noise(32, 1.0, 11)).to(torch::kFloat32).view({1, 1, 32, 32});
    const torch::Tensor x0 = torch::randn({3, 1, 64, 64}); // three samples' predictions
    const torch::Tensor off = DataConsistency(ConsistencyMode::Off, measured)(x0);
    QVERIFY(torch::equal(off, x0));
    const torch::Tensor hard = DataConsistency(ConsistencyMode::Hard, measured)(x0);
    QVERIFY((fourierResize(hard, 32, 32) - measured).abs().max().item<double>() < 1e-4); // the band is y's
    const DataConsistency noisy(ConsistencyMode::Noise, measured);
    QCOMPARE(noisy.mode(), ConsistencyMode::Noise);
    const torch::Tensor kept = noisy(x0);
    // Between the two: closer to y than x̂_0 was within the band, not equal to it.
    const double before = mse(fourierResize(x0, 32, 32), measured.expand({3, 1, 32, 32}));
    const double after = mse(fourierResize(kept, 32, 32), measured.expand({3, 1, 32, 32}));
    QVERIFY2(after < 0.7 * before && after > 1e-3, qPrintable(QString("%1 → %2").arg(before).arg(after)));
    // Detail beyond the band is the network's in every mode.
    const auto beyond = [](const torch::Tensor& x) { return x - fourierResize(fourierResize(x, 32, 32), 64, 64); };
    QVERIFY((beyond(kept) - beyond(x0)).abs().max().item<double>() < 1e-4);
    // An ideal x̂_0 (the clean image itself) suffers less from the noise-aware term than from the hard
    // projection, which puts all of y's noise back.
    const torch::Tensor clean = smoothField(64, 3.0, 0.05, 12).to(torch::kFloat32).view({1, 1, 64, 64});
    const torch::Tensor observed = fourierResize(clean, 32, 32) + noise(32, 1.0, 13).to(torch::kFloat32).view({1, 1, 32, 32});
    const double hardError = mse(DataConsistency(ConsistencyMode::Hard, observed)(clean), clean);
    const double noiseError = mse(DataConsistency(ConsistencyMode::Noise, observed)(clean), clean);
    QVERIFY2(noiseError < 0.5 * hardError, qPrintable(QString("%1 vs %2").arg(noiseError).arg(hardError)));
    // Too small to measure its noise: hard.
    QCOMPARE(DataConsistency(ConsistencyMode::Noise, torch::randn({1, 1, 8, 8})).mode(), ConsistencyMode::Hard);
}

void TestConsistency::empiricalWienerBeatsTheRawInput()
{
    const torch::Tensor clean = smoothField(64, 2.0, 0.05, 12);
    const torch::Tensor measured = (clean + noise(64, 1.0, 13)).view({1, 1, 64, 64});
    const torch::Tensor filtered = empiricalWiener(measured)[0][0];
    QVERIFY2(mse(filtered, clean) < 0.3 * mse(measured[0][0], clean),
             qPrintable(QString("%1 vs %2").arg(mse(filtered, clean)).arg(mse(measured[0][0], clean))));
    const torch::Tensor condition = networkCondition(measured.to(torch::kFloat32), 2, ConditionUpsampling::Fourier, true);
    QCOMPARE(condition.sizes().vec(), (std::vector<std::int64_t>{1, 2, 128, 128}));
}

QTEST_APPLESS_MAIN(TestConsistency)
#include "tst_consistency.moc"
