// GroupNorm + SiLU on the CPU (engine/model/fusednorm, engine/cpu/groupnormsilu): the two passes on
// their own against float64 arithmetic, and the fused GroupNorm + SiLU against LibTorch's operations in
// float64, in both layouts, fp32 and bf16, with and without the time embedding, under a
// SharedNormScope's Gather and Apply; with gradients recorded, LibTorch's differentiable path.

#include "cpu/groupnormsilu.h"
#include "model/fusednorm.h"
#include "model/sharednorm.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace cryosr;

namespace {

/// max |a − b| / max |b|, in float64.
double relativeError(const torch::Tensor& a, const torch::Tensor& b)
{
    const torch::Tensor x = a.to(torch::kFloat64), y = b.to(torch::kFloat64);
    return (x - y).abs().max().item<double>() / std::max(1e-30, y.abs().max().item<double>());
}

torch::nn::GroupNorm randomNorm(int groups, int channels)
{
    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(groups, channels));
    torch::NoGradGuard noGrad;
    norm->weight.normal_(1.0, 0.5); // not the 1 and 0 a fresh norm has
    norm->bias.normal_(0.0, 0.5);
    return norm;
}

struct FusedSwitch { // the process-wide switch, put back
    explicit FusedSwitch(bool on)
        : before(fusedKernelsEnabled())
    {
        setFusedKernelsEnabled(on);
    }
    ~FusedSwitch() { setFusedKernelsEnabled(before); }
    bool before;
};

} // namespace

class TestFusedNorm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesLibTorch_data();
    void matchesLibTorch();
    void kernelsMatchDoubleArithmetic_data();
    void kernelsMatchDoubleArithmetic();
    void sharedStatisticsAreGatheredAndApplied();
    void broadcastAddendIsNormalisedAsLibTorchDoes();
    void siluIsAccurateEverywhere();
    void trainingKeepsTheDifferentiablePath();
};

void TestFusedNorm::matchesLibTorch_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("groups");
    QTest::addColumn<double>("offset"); // added to x: a large one tests the statistics' accuracy
    QTest::addColumn<bool>("bfloat16");
    QTest::addColumn<bool>("channelsLast");
    QTest::addColumn<bool>("withAddend");
    struct Case {
        const char* name;
        int batch, channels, height, width, groups;
        double offset;
    };
    // The shipped network's shapes (16-64 channels, 8 groups), odd sizes that leave remainders in every
    // loop, a wide one (256 channels: one pixel per block), one pixel (two values per group), one channel
    // per group.
    const Case cases[] = {{"4x16x64x64", 4, 16, 64, 64, 8, 0.0},    {"3x48x17x23", 3, 48, 17, 23, 8, 0.0},
                          {"2x256x9x7", 2, 256, 9, 7, 32, 0.0},     {"2x64x32x32 offset", 2, 64, 32, 32, 8, 30.0},
                          {"1x8x1x1", 1, 8, 1, 1, 4, 0.0},          {"5x24x5x3", 5, 24, 5, 3, 24, 0.0},
                          {"1x32x300x257", 1, 32, 300, 257, 8, 0.0}};
    for (const Case& c : cases)
        for (bool bf16 : {false, true})
            for (bool channelsLast : {false, true})
                for (bool withAddend : {false, true})
                    QTest::addRow("%s %s %s%s", c.name, bf16 ? "bf16" : "fp32", channelsLast ? "NHWC" : "NCHW",
                                  withAddend ? " +addend" : "")
                        << c.batch << c.channels << c.height << c.width << c.groups << c.offset << bf16 << channelsLast
                        << withAddend;
}

void TestFusedNorm::matchesLibTorch()
{
    QFETCH(int, batch);
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, groups);
    QFETCH(double, offset);
    QFETCH(bool, bfloat16);
    QFETCH(bool, channelsLast);
    QFETCH(bool, withAddend);
    torch::manual_seed(channels * 131 + height);
    torch::nn::GroupNorm norm = randomNorm(groups, channels);
    const auto type = bfloat16 ? torch::kBFloat16 : torch::kFloat32;
    // Inputs rounded to the type first, so that the error measured is the kernel's.
    torch::Tensor x = (torch::randn({batch, channels, height, width}) * 2 + offset).to(type); // [N, C, H, W]
    const torch::Tensor addend = withAddend ? torch::randn({batch, channels}).to(type) : torch::Tensor(); // [N, C]
    torch::NoGradGuard noGrad;
    norm->to(torch::kFloat64);
    const torch::Tensor expected =
        groupNormSiluReference(x.to(torch::kFloat64), norm, withAddend ? addend.to(torch::kFloat64) : addend);
    norm->to(type);
    if (channelsLast)
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    const FusedSwitch fused(true);
    const torch::Tensor y = groupNormSilu(x, norm, addend);
    QCOMPARE(y.scalar_type(), type);
    QCOMPARE(y.sizes(), x.sizes());
    QVERIFY(y.is_contiguous(channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous));
    // bf16: the output's own rounding (2^-8 relative) and the weights', against float64 throughout.
    const double tolerance = bfloat16 ? 1.5e-2 : 2e-5;
    const double error = relativeError(y, expected);
    QVERIFY2(error <= tolerance, qPrintable(QString("relative error %1 > %2").arg(error).arg(tolerance)));
}

void TestFusedNorm::kernelsMatchDoubleArithmetic_data()
{
    QTest::addColumn<bool>("bfloat16");
    QTest::addColumn<bool>("channelsLast");
    QTest::addColumn<int>("threads");
    for (bool bf16 : {false, true})
        for (bool channelsLast : {false, true})
            for (int threads : {1, 2, 7}) // 7: more threads than pieces of some samples' rows
                QTest::addRow("%s %s %d threads", bf16 ? "bf16" : "fp32", channelsLast ? "NHWC" : "NCHW", threads)
                    << bf16 << channelsLast << threads;
}

void TestFusedNorm::kernelsMatchDoubleArithmetic()
{
    // engine/cpu's two passes on their own, against the same sums and SiLU in float64.
    QFETCH(bool, bfloat16);
    QFETCH(bool, channelsLast);
    QFETCH(int, threads);
    torch::manual_seed(21);
    const std::int64_t batch = 3, channels = 24, height = 37, width = 19; // remainders in every loop
    const auto type = bfloat16 ? torch::kBFloat16 : torch::kFloat32;
    torch::Tensor x = (torch::randn({batch, channels, height, width}) * 3 + 5).to(type); // [N, C, H, W]
    if (channelsLast)
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor exact = x.to(torch::kFloat64);
    cpu::FeatureLayout layout;
    layout.channels = channels;
    layout.pixels = height * width;
    layout.channelsLast = channelsLast;
    const cpu::ElementType element = bfloat16 ? cpu::ElementType::BFloat16 : cpu::ElementType::Float32;

    torch::Tensor sum = torch::empty({batch, channels}, torch::kFloat64), sumOfSquares = torch::empty_like(sum); // [N, C]
    cpu::channelMoments(element, x.data_ptr(), batch, layout, sum.data_ptr<double>(), sumOfSquares.data_ptr<double>(), threads);
    QVERIFY(relativeError(sum, exact.sum({2, 3})) < 1e-6);
    QVERIFY(relativeError(sumOfSquares, exact.square().sum({2, 3})) < 1e-6);

    const torch::Tensor scale = torch::randn({batch, channels}), shift = torch::randn({batch, channels}); // [N, C] float32
    torch::Tensor y = torch::empty_like(x);
    QCOMPARE(y.is_contiguous(), x.is_contiguous());
    cpu::scaleShiftSilu(element, x.data_ptr(), y.data_ptr(), batch, layout, scale.data_ptr<float>(), shift.data_ptr<float>(),
                        threads);
    const auto perChannel = [&](const torch::Tensor& v) { return v.to(torch::kFloat64).view({batch, channels, 1, 1}); };
    const torch::Tensor expected = torch::silu(exact * perChannel(scale) + perChannel(shift));
    const double error = relativeError(y, expected), tolerance = bfloat16 ? 4e-3 : 1e-6; // bf16: its own rounding, 2^-9
    QVERIFY2(error <= tolerance, qPrintable(QString("relative error %1 > %2").arg(error).arg(tolerance)));
}

void TestFusedNorm::sharedStatisticsAreGatheredAndApplied()
{
    // The tiled denoiser's two passes: statistics gathered on a window, applied to a tile of it. The
    // fused passes must gather the same moments and normalise the tile as LibTorch's operations do.
    torch::manual_seed(11);
    torch::nn::GroupNorm norm = randomNorm(8, 32);
    torch::NoGradGuard noGrad;
    const torch::Tensor window = (torch::randn({2, 32, 40, 40}) + 3).contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor tile = window.narrow(2, 8, 16).narrow(3, 4, 16).contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor samples = torch::tensor({0, 1}, torch::kInt64);
    const torch::Tensor addend = torch::randn({2, 32});
    torch::Tensor gathered[2], applied[2];
    for (bool on : {false, true}) {
        const FusedSwitch fused(on);
        SharedNormStatistics statistics(2);
        {
            SharedNormScope scope(statistics, SharedNormScope::Role::Gather, samples);
            gathered[on] = groupNormSilu(window, norm, addend);
            scope.commit();
        }
        SharedNormScope scope(statistics, SharedNormScope::Role::Apply, samples);
        applied[on] = groupNormSilu(tile, norm, addend);
    }
    QVERIFY(relativeError(gathered[1], gathered[0]) < 1e-5);
    QVERIFY(relativeError(applied[1], applied[0]) < 1e-5);
    // Normalised by the window's statistics, not its own: the tile's cut from the window's result.
    QVERIFY(relativeError(applied[1], gathered[1].narrow(2, 8, 16).narrow(3, 4, 16)) < 1e-5);
}

void TestFusedNorm::broadcastAddendIsNormalisedAsLibTorchDoes()
{
    // One embedding for the whole batch ([1, C]), as LibTorch's x + a broadcasts it.
    torch::manual_seed(13);
    torch::nn::GroupNorm norm = randomNorm(4, 16);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({3, 16, 8, 8}).to(torch::kBFloat16).contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor addend = torch::randn({1, 16}).to(torch::kBFloat16);
    norm->to(torch::kFloat64);
    const torch::Tensor expected = groupNormSiluReference(x.to(torch::kFloat64), norm, addend.to(torch::kFloat64));
    norm->to(torch::kBFloat16);
    const FusedSwitch fused(true);
    QVERIFY(relativeError(groupNormSilu(x, norm, addend), expected) < 1.5e-2);
}

void TestFusedNorm::siluIsAccurateEverywhere()
{
    double worst = 0;
    for (float v = -90.0f; v <= 90.0f; v += 0.0137f) {
        const double exact = double(v) / (1.0 + std::exp(-double(v)));
        if (std::abs(exact) > 1e-30)
            worst = std::max(worst, std::abs(double(cpu::silu(v)) - exact) / std::abs(exact));
    }
    QVERIFY2(worst < 1e-6, qPrintable(QString("relative error %1").arg(worst)));
    // Beyond e^x's float range: finite, and the right limits.
    QCOMPARE(cpu::silu(1000.0f), 1000.0f);
    QVERIFY(std::abs(cpu::silu(-1000.0f)) < 1e-30f);
    QCOMPARE(cpu::silu(0.0f), 0.0f);
    QVERIFY(std::isnan(cpu::silu(std::numeric_limits<float>::quiet_NaN())));
}

void TestFusedNorm::trainingKeepsTheDifferentiablePath()
{
    torch::manual_seed(5);
    torch::nn::GroupNorm norm = randomNorm(4, 16);
    const torch::Tensor x = torch::randn({2, 16, 8, 8}).contiguous(torch::MemoryFormat::ChannelsLast).requires_grad_();
    const FusedSwitch fused(true);
    const torch::Tensor y = groupNormSilu(x, norm);
    QVERIFY(y.requires_grad());
    y.sum().backward();
    QVERIFY(x.grad().defined());
    QVERIFY(norm->weight.grad().defined());
    // Under a statistics scope, where the normalisation is a per-channel affine of the moments.
    norm->zero_grad();
    SharedNormStatistics statistics(1);
    const SharedNormScope scope(statistics, SharedNormScope::Role::Gather, torch::zeros({2}, torch::kInt64));
    groupNormSilu(x, norm).sum().backward();
    QVERIFY(norm->weight.grad().defined() && norm->weight.grad().abs().sum().item<double>() > 0);
}

QTEST_GUILESS_MAIN(TestFusedNorm)
#include "tst_fusednorm.moc"
