// The samplers against the mathematics: the closed form against the iterated forward process, exact
// recovery of x_0 with an oracle noise predictor, the per-step sink, cancellation, reproducibility,
// antithetic pairs.

#include "diffusion/sampler.h"

#include <QTest>
#include <cmath>

using namespace cryosr;

Q_DECLARE_METATYPE(cryosr::SamplerKind)

namespace {

/// A known clean image: a smooth pattern in [-1.5, 1.5], [2, 1, 16, 12].
torch::Tensor knownImage()
{
    const torch::Tensor y = torch::arange(16, torch::kFloat32).view({1, 1, 16, 1});
    const torch::Tensor x = torch::arange(12, torch::kFloat32).view({1, 1, 1, 12});
    const torch::Tensor first = torch::sin(0.4 * y) * torch::cos(0.3 * x);
    return torch::cat({first, -0.5 * first + 1.0}, 0) * 1.5;
}

/// The true noise of x_t for the known x_0: what a perfect network would predict.
NoisePredictor oracle(const NoiseSchedule& schedule, const torch::Tensor& x0)
{
    return [&schedule, x0](const torch::Tensor& x, const torch::Tensor& t) {
        const double a = schedule.alphasCumprod()[static_cast<std::size_t>(t[0].item<float>())];
        return (x - std::sqrt(a) * x0) / std::sqrt(1 - a);
    };
}

} // namespace

class TestSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closedFormMatchesIteratedForwardProcess();
    void oracleRecoversX0_data();
    void oracleRecoversX0();
    void ddpmKeepsTheForwardMarginals();
    void sinkSeesEveryStepInOrder();
    void stopEndsWithinOneStep();
    void sameSeedSameResult();
    void batchElementsAreSeedsInARow();
    void antitheticPairsMirrorTheNoise_data();
    void antitheticPairsMirrorTheNoise();
};

void TestSampler::closedFormMatchesIteratedForwardProcess()
{
    ScheduleSpec spec;
    spec.timesteps = 60;
    spec.betaEnd = 0.05;
    const NoiseSchedule s(spec);
    torch::manual_seed(3);
    const int draws = 40000;
    const torch::Tensor x0 = torch::tensor({1.5f, -0.7f, 0.0f}).view({1, 3});
    torch::Tensor x = x0.expand({draws, 3}).clone();
    for (int i = 0; i < s.timesteps(); ++i) // x_t = √α_t x_{t−1} + √(1 − α_t) z_t, step by step
        x = std::sqrt(1 - s.betas()[i]) * x + std::sqrt(s.betas()[i]) * torch::randn_like(x);
    const double abar = s.alphasCumprod().back();
    const torch::Tensor closed = addNoise(s, x0.expand({draws, 3}), torch::randn({draws, 3}), s.timesteps() - 1);
    for (const torch::Tensor& sampleSet : {x, closed}) {
        const torch::Tensor mean = sampleSet.mean(0);
        const torch::Tensor variance = sampleSet.var(0);
        for (int c = 0; c < 3; ++c) {
            // 5 standard errors of the mean and of the variance (≈ √(2/n) σ²).
            const double expectedMean = std::sqrt(abar) * x0[0][c].item<float>();
            QVERIFY2(std::abs(mean[c].item<float>() - expectedMean) < 5 * std::sqrt((1 - abar) / draws),
                     qPrintable(QString("mean %1 vs %2").arg(mean[c].item<float>()).arg(expectedMean)));
            QVERIFY2(std::abs(variance[c].item<float>() - (1 - abar)) < 5 * std::sqrt(2.0 / draws) * (1 - abar),
                     qPrintable(QString("variance %1 vs %2").arg(variance[c].item<float>()).arg(1 - abar)));
        }
    }
}

void TestSampler::oracleRecoversX0_data()
{
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("eta");
    QTest::addColumn<int>("schedule");
    QTest::newRow("DDIM 10 steps") << SamplerKind::Ddim << 10 << 0.0 << int(ScheduleKind::Linear);
    QTest::newRow("DDIM 1000 steps") << SamplerKind::Ddim << 1000 << 0.0 << int(ScheduleKind::Linear);
    // One step from t = T divides by √ᾱ_T: 6e-3 for the linear schedule, but 5e-5 for the cosine one,
    // where float32 rounding of x_T alone gives errors of 1e-3; more steps correct it on the way.
    QTest::newRow("DDIM 1 step") << SamplerKind::Ddim << 1 << 0.0 << int(ScheduleKind::Linear);
    QTest::newRow("DDIM 10 steps, cosine") << SamplerKind::Ddim << 10 << 0.0 << int(ScheduleKind::Cosine);
    QTest::newRow("DDIM eta 1") << SamplerKind::Ddim << 25 << 1.0 << int(ScheduleKind::Linear);
    QTest::newRow("DPM-Solver++ 20 steps") << SamplerKind::DpmSolverPlusPlus << 20 << 0.0 << int(ScheduleKind::Linear);
    QTest::newRow("DPM-Solver++ 7 steps, cosine") << SamplerKind::DpmSolverPlusPlus << 7 << 0.0 << int(ScheduleKind::Cosine);
    QTest::newRow("DDPM 50 steps") << SamplerKind::Ddpm << 50 << 0.0 << int(ScheduleKind::Linear);
}

void TestSampler::oracleRecoversX0()
{
    QFETCH(SamplerKind, kind);
    QFETCH(int, steps);
    QFETCH(double, eta);
    QFETCH(int, schedule);
    ScheduleSpec spec;
    spec.kind = ScheduleKind(schedule);
    const NoiseSchedule s(spec);
    const torch::Tensor x0 = knownImage();
    const SamplerSettings settings{kind, steps, eta, 11};
    const SampleResult r = sample(s, oracle(s, x0), x0.sizes(), settings, torch::kFloat32);
    QVERIFY(!r.cancelled);
    QCOMPARE(r.stepsDone, steps);
    const float error = (r.x0 - x0).abs().max().item<float>();
    QVERIFY2(error < 1e-4f, qPrintable(QString("max |error| %1").arg(error)));
}

void TestSampler::ddpmKeepsTheForwardMarginals()
{
    // Ancestral sampling with a perfect predictor draws each x_t from q(x_t | x_0): mean √ᾱ_t x_0 and
    // variance 1 − ᾱ_t. A wrong posterior coefficient or variance shows here, not only at the end.
    const NoiseSchedule s;
    const int draws = 20000;
    const torch::Tensor x0 = torch::full({draws, 1, 1, 1}, 0.8f);
    const RespacedSchedule r = respace(s, 10);
    int checked = 0;
    sample(s, oracle(s, x0), x0.sizes(), SamplerSettings{SamplerKind::Ddpm, 10, 0.0, 9, false}, torch::kFloat32, {},
           [&](const StepFrame& f) {
               if (f.step == f.total)
                   return;
               const double abar = r.alphasCumprod[r.alphasCumprod.size() - 1 - f.step]; // the state reached
               const double mean = f.xt.mean().item<double>();
               const double variance = f.xt.var().item<double>();
               QVERIFY2(std::abs(mean - std::sqrt(abar) * 0.8) < 5 * std::sqrt((1 - abar) / draws),
                        qPrintable(QString("step %1 mean %2").arg(f.step).arg(mean)));
               QVERIFY2(std::abs(variance - (1 - abar)) < 5 * std::sqrt(2.0 / draws) * (1 - abar),
                        qPrintable(QString("step %1 variance %2").arg(f.step).arg(variance)));
               ++checked;
           });
    QCOMPARE(checked, 9);
}

void TestSampler::sinkSeesEveryStepInOrder()
{
    const NoiseSchedule s;
    const torch::Tensor x0 = knownImage();
    std::vector<int> steps, timesteps;
    const SamplerSettings settings{SamplerKind::Ddpm, 12, 0.0, 5};
    sample(s, oracle(s, x0), x0.sizes(), settings, torch::kFloat32, {}, [&](const StepFrame& f) {
        steps.push_back(f.step);
        timesteps.push_back(f.timestep);
        QCOMPARE(f.total, 12);
        QCOMPARE(f.xt.sizes(), x0.sizes());
        QCOMPARE(f.x0.sizes(), x0.sizes());
    });
    QCOMPARE(int(steps.size()), 12);
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(steps[i], i + 1);
        if (i > 0)
            QVERIFY(timesteps[i] < timesteps[i - 1]);
    }
    QCOMPARE(timesteps.front(), 999);
    QCOMPARE(timesteps.back(), 0);
}

void TestSampler::stopEndsWithinOneStep()
{
    const NoiseSchedule s;
    const torch::Tensor x0 = knownImage();
    std::stop_source stop;
    int calls = 0;
    const NoisePredictor counting = [&](const torch::Tensor& x, const torch::Tensor& t) {
        ++calls;
        return oracle(s, x0)(x, t);
    };
    const SampleResult r = sample(s, counting, x0.sizes(), SamplerSettings{SamplerKind::Ddim, 50, 0.0, 1}, torch::kFloat32,
                                  stop.get_token(), [&](const StepFrame& f) {
                                      if (f.step == 3)
                                          stop.request_stop();
                                  });
    QVERIFY(r.cancelled);
    QCOMPARE(r.stepsDone, 3);
    QCOMPARE(calls, 3); // no network evaluation after the request
}

void TestSampler::sameSeedSameResult()
{
    const NoiseSchedule s;
    const torch::Tensor x0 = knownImage();
    // A poor predictor (zero noise), so the injected noise shows in the result.
    const NoisePredictor zero = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros_like(x); };
    const auto run = [&](std::uint64_t seed) {
        return sample(s, zero, x0.sizes(), SamplerSettings{SamplerKind::Ddpm, 20, 0.0, seed}, torch::kFloat32).x0;
    };
    QVERIFY(torch::equal(run(42), run(42)));
    QVERIFY(!torch::equal(run(42), run(43)));
}

void TestSampler::batchElementsAreSeedsInARow()
{
    // Element b of a batch draws its noise from seed + b: a batch of 3 is three single runs.
    const NoiseSchedule s;
    const NoisePredictor zero = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros_like(x); };
    const auto run = [&](std::int64_t batch, std::uint64_t seed) {
        return sample(s, zero, {batch, 1, 6, 5}, SamplerSettings{SamplerKind::Ddpm, 10, 0.0, seed, false}, torch::kFloat32).x0;
    };
    const torch::Tensor batch = run(3, 7);
    for (int b = 0; b < 3; ++b)
        QVERIFY2(torch::equal(batch[b], run(1, 7 + b)[0]), qPrintable(QString("element %1").arg(b)));
}

void TestSampler::antitheticPairsMirrorTheNoise_data()
{
    QTest::addColumn<SamplerKind>("kind");
    QTest::addColumn<double>("eta");
    QTest::newRow("ddpm (noise at every step)") << SamplerKind::Ddpm << 0.0;
    QTest::newRow("ddim, eta 0.5") << SamplerKind::Ddim << 0.5;
    QTest::newRow("ddim, deterministic") << SamplerKind::Ddim << 0.0;
    QTest::newRow("dpm-solver++") << SamplerKind::DpmSolverPlusPlus << 0.0;
}

void TestSampler::antitheticPairsMirrorTheNoise()
{
    // With a zero-noise predictor every update is linear in x_T and the injected noise, so the second of
    // a pair is exactly the first negated and the pair's mean is 0: what the output owes to the noise's
    // sign cancels. An element without a partner (the last of an odd batch) is a single run of its seed.
    QFETCH(SamplerKind, kind);
    QFETCH(double, eta);
    const NoiseSchedule s;
    const NoisePredictor zero = [](const torch::Tensor& x, const torch::Tensor&) { return torch::zeros_like(x); };
    const auto run = [&](std::int64_t batch, std::uint64_t seed, bool pairs) {
        return sample(s, zero, {batch, 1, 6, 5}, SamplerSettings{kind, 10, eta, seed, pairs}, torch::kFloat32).x0;
    };
    const torch::Tensor pairs = run(3, 7, true);
    QVERIFY(torch::equal(pairs[0], run(1, 7, false)[0]));
    QVERIFY(torch::allclose(pairs[1], -pairs[0]));
    QVERIFY(torch::equal(pairs[2], run(1, 9, false)[0]));
    QVERIFY(pairs[0].abs().max().item<float>() > 0.1f); // not trivially zero
    const torch::Tensor independent = run(2, 7, false);
    QVERIFY((independent[0] + independent[1]).abs().max().item<float>() > 0.1f);
}

QTEST_APPLESS_MAIN(TestSampler)
#include "tst_sampler.moc"
