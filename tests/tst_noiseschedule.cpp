// The forward process's schedule: β ranges, ᾱ products, the cosine law, the posterior of
// q(x_{t−1} | x_t, x_0) as the seed derives it, and respacing that keeps ᾱ at the kept steps.

#include "diffusion/noiseschedule.h"
#include "io/errors.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace cryosr;

class TestNoiseSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearScheduleMatchesDdpm();
    void cosineScheduleFollowsItsLaw();
    void posteriorIsTheSeedsFormula_data();
    void posteriorIsTheSeedsFormula();
    void respacingKeepsAlphaBar_data();
    void respacingKeepsAlphaBar();
    void badParametersAreErrors();
};

void TestNoiseSchedule::linearScheduleMatchesDdpm()
{
    const NoiseSchedule s; // DDPM: T = 1000, β from 1e-4 to 0.02
    QCOMPARE(s.timesteps(), 1000);
    QCOMPARE(s.betas().front(), 1e-4);
    QVERIFY(std::abs(s.betas().back() - 0.02) < 1e-15);
    double product = 1.0;
    for (int i = 0; i < s.timesteps(); ++i) {
        product *= 1.0 - s.betas()[i];
        QVERIFY(std::abs(s.alphasCumprod()[i] - product) < 1e-15);
    }
    // ᾱ_T of DDPM's schedule is about 4.04e-5: x_T is noise to within 0.6 %.
    QVERIFY(std::abs(s.alphasCumprod().back() - 4.036e-5) < 1e-7);
}

void TestNoiseSchedule::cosineScheduleFollowsItsLaw()
{
    ScheduleSpec spec;
    spec.kind = ScheduleKind::Cosine;
    const NoiseSchedule s(spec);
    const auto f = [](double t) { return std::pow(std::cos((t / 1000 + 0.008) / 1.008 * std::numbers::pi / 2), 2); };
    for (int i = 0; i < 990; ++i) // the last steps are capped at β = 0.999
        QVERIFY2(std::abs(s.alphasCumprod()[i] - f(i + 1) / f(0)) < 1e-9, qPrintable(QString::number(i)));
    QVERIFY(s.betas().back() <= 0.999);
}

void TestNoiseSchedule::posteriorIsTheSeedsFormula_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("linear") << int(ScheduleKind::Linear);
    QTest::newRow("cosine") << int(ScheduleKind::Cosine);
}

void TestNoiseSchedule::posteriorIsTheSeedsFormula()
{
    QFETCH(int, kind);
    ScheduleSpec spec;
    spec.kind = ScheduleKind(kind);
    const NoiseSchedule s(spec);
    QRandomGenerator rng(7);
    for (const int i : {0, 1, 10, 500, 998, 999}) {
        const double alpha = 1 - s.betas()[i];
        const double abar = s.alphasCumprod()[i];
        const double abarPrev = i == 0 ? 1.0 : s.alphasCumprod()[i - 1];
        const Posterior p = s.posterior(i);
        // μ_t = √α_t(1 − ᾱ_{t−1})/(1 − ᾱ_t) x_t + √ᾱ_{t−1}(1 − α_t)/(1 − ᾱ_t) x_0, σ² = β_t(1 − ᾱ_{t−1})/(1 − ᾱ_t)
        QVERIFY(std::abs(p.coefficientXt - std::sqrt(alpha) * (1 - abarPrev) / (1 - abar)) < 1e-12);
        QVERIFY(std::abs(p.coefficientX0 - std::sqrt(abarPrev) * (1 - alpha) / (1 - abar)) < 1e-12);
        QVERIFY(std::abs(p.variance - (1 - alpha) * (1 - abarPrev) / (1 - abar)) < 1e-12);
        // With x_0 = (x_t − √(1 − ᾱ_t) z)/√ᾱ_t the mean is 1/√α_t (x_t − (1 − α_t)/√(1 − ᾱ_t) z).
        for (int draw = 0; draw < 20; ++draw) {
            const double xt = rng.generateDouble() * 4 - 2, z = rng.generateDouble() * 4 - 2;
            const double x0 = (xt - std::sqrt(1 - abar) * z) / std::sqrt(abar);
            const double mean = p.coefficientX0 * x0 + p.coefficientXt * xt;
            const double seed = (xt - (1 - alpha) / std::sqrt(1 - abar) * z) / std::sqrt(alpha);
            QVERIFY2(std::abs(mean - seed) < 1e-6 * std::max(1.0, std::abs(seed)), qPrintable(QString::number(i)));
        }
    }
}

void TestNoiseSchedule::respacingKeepsAlphaBar_data()
{
    QTest::addColumn<int>("steps");
    for (const int n : {1, 2, 7, 20, 50, 999, 1000})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestNoiseSchedule::respacingKeepsAlphaBar()
{
    QFETCH(int, steps);
    const NoiseSchedule s;
    const RespacedSchedule r = respace(s, steps);
    QCOMPARE(int(r.timesteps.size()), steps);
    QCOMPARE(r.timesteps.back(), 999); // sampling starts from the noisiest step
    double product = 1.0;
    for (int k = 0; k < steps; ++k) {
        if (k > 0)
            QVERIFY(r.timesteps[k] > r.timesteps[k - 1]);
        QCOMPARE(r.alphasCumprod[k], s.alphasCumprod()[r.timesteps[k]]);
        product *= 1.0 - r.betas[k];
        QVERIFY(std::abs(product - r.alphasCumprod[k]) < 1e-12); // the respaced chain has the same marginals
    }
    if (steps == 1000)
        for (int k = 0; k < steps; ++k)
            QVERIFY(std::abs(r.betas[k] - s.betas()[k]) < 1e-12);
}

void TestNoiseSchedule::badParametersAreErrors()
{
    const NoiseSchedule s;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, respace(s, 0));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, respace(s, 1001));
    ScheduleSpec spec;
    spec.timesteps = 0;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, NoiseSchedule{spec});
    spec.timesteps = 10;
    spec.betaEnd = 1.5;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, NoiseSchedule{spec});
}

QTEST_APPLESS_MAIN(TestNoiseSchedule)
#include "tst_noiseschedule.moc"
