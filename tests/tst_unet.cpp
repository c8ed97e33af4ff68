// The SR3 UNet: any region size in, the same size out; an untrained network predicts zero noise;
// gradients reach every layer and a tiny network learns a batch; stable checkpoint keys; bad
// configurations are refused with a message.

#include "model/unet.h"

#include "io/errors.h"

#include <QTest>

using namespace cryosr;

namespace {

UNetConfig tinyConfig()
{
    UNetConfig c;
    c.baseChannels = 8;
    c.channelMultipliers = {1, 2, 2};
    c.resBlocksPerLevel = 1;
    c.attentionLevels = {2};
    c.groupNormGroups = 4;
    return c;
}

} // namespace

Q_DECLARE_METATYPE(cryosr::UNetConfig)

class TestUNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anySizeComesBackTheSameSize_data();
    void anySizeComesBackTheSameSize();
    void untrainedNetworkPredictsZero();
    void learnsABatchAndEveryLayerGetsGradients();
    void checkpointKeysAreStable();
    void badConfigurationsAreRefused();
    void parameterCountWithoutBuilding_data();
    void parameterCountWithoutBuilding();
    void flopsCountEveryLayer();
    void runsInBFloat16();
    void channelsLastKeepsTheResult_data();
    void channelsLastKeepsTheResult();
};

void TestUNet::flopsCountEveryLayer()
{
    // One level, one residual block, 8 channels, on 8 × 8: counted by hand, layer by layer
    // (2 FLOPs per multiply-add; a 3 × 3 convolution C_in → C_out costs 2 · 9 · C_in · C_out per pixel).
    UNetConfig c;
    c.baseChannels = 8;
    c.channelMultipliers = {1};
    c.resBlocksPerLevel = 1;
    c.attentionLevels = {};
    c.groupNormGroups = 8;
    const double pixels = 64;
    const double resBlock8 = 2 * (9 * 8 * 8 + 9 * 8 * 8) * pixels + 2 * 32 * 8; // two convs + time
    const double resBlock16 = 2 * (9 * 16 * 8 + 9 * 8 * 8 + 16 * 8) * pixels + 2 * 32 * 8; // + 1 × 1 skip
    const double attention = 2 * (8 * 24 + 8 * 8) * pixels + 4 * pixels * pixels * 8; // qkv, projection, products
    const double expected = 2 * (8 * 32 + 32 * 32) // time embedding MLP
        + 2 * 9 * 2 * 8 * pixels // input conv
        + resBlock8 // down0_res0
        + resBlock8 + attention + resBlock8 // middle
        + 2 * resBlock16 // up0_res0, up0_res1
        + 2 * 9 * 8 * 1 * pixels; // output conv
    UNet network(c);
    QCOMPARE(network->flopsPerForward(1, 8, 8), expected);
    QCOMPARE(network->flopsPerForward(3, 8, 8), 3 * expected);
    // Sizes are padded to the network's multiple first: 3 levels pad 13 × 13 to 16 × 16.
    UNet deep(tinyConfig());
    QCOMPARE(deep->flopsPerForward(1, 13, 13), deep->flopsPerForward(1, 16, 16));
}

void TestUNet::runsInBFloat16()
{
    // The CUDA path runs the network in bf16/fp16; the time embedding must follow the weights' dtype.
    torch::manual_seed(3);
    UNet network(tinyConfig());
    torch::NoGradGuard noGrad;
    for (auto& p : network->parameters())
        p.normal_(0, 0.1); // non-zero output layer, so the comparison means something
    const torch::Tensor x = torch::randn({2, 2, 12, 12});
    const torch::Tensor t = torch::tensor({10.0f, 700.0f});
    const torch::Tensor reference = network->forward(x, t);
    network->to(torch::kBFloat16);
    const torch::Tensor half = network->forward(x.to(torch::kBFloat16), t);
    QCOMPARE(half.scalar_type(), torch::kBFloat16);
    const double error = (half.to(torch::kFloat32) - reference).abs().max().item<double>();
    const double scale = reference.abs().max().item<double>();
    QVERIFY2(error < 0.05 * scale, qPrintable(QString("bf16 error %1 of %2").arg(error).arg(scale)));
}

void TestUNet::channelsLastKeepsTheResult_data()
{
    QTest::addColumn<bool>("bfloat16");
    QTest::addColumn<double>("tolerance"); // of the output's largest magnitude
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("fp32") << false << 1e-4 << 40 << 48;
    QTest::newRow("bf16") << true << 0.05 << 40 << 48;
    // Padded to the multiple by reflection, and by replication when too small to reflect.
    QTest::newRow("fp32, padded") << false << 1e-4 << 37 << 53;
    QTest::newRow("bf16, padded") << true << 0.05 << 37 << 53;
    QTest::newRow("bf16, too small to reflect") << true << 0.05 << 1 << 5;
}

void TestUNet::channelsLastKeepsTheResult()
{
    // The CPU runs the network channels-last (ComputeTarget::networkLayout), bf16 too where the CPU has
    // it. LibTorch 1.13's GroupNorm got bf16 in that order wrong on the CPU (errors of 70-600 %,
    // worse with an offset), so the network normalises bf16 on the CPU itself.
    QFETCH(bool, bfloat16);
    QFETCH(double, tolerance);
    QFETCH(int, height);
    QFETCH(int, width);
    torch::manual_seed(4);
    UNet network(tinyConfig());
    torch::NoGradGuard noGrad;
    for (auto& p : network->parameters())
        p.normal_(0, 0.1);
    const torch::Tensor x = torch::randn({2, 2, height, width}) + 3; // [B, 2, H, W]
    const torch::Tensor t = torch::tensor({10.0f, 700.0f});
    const torch::Tensor reference = network->forward(x, t);
    const auto type = bfloat16 ? torch::kBFloat16 : torch::kFloat32;
    network->to(type);
    network->setLayout(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor output = network->forward(x.to(type), t);
    QCOMPARE(output.sizes(), reference.sizes());
    QVERIFY(output.is_contiguous()); // the caller's order back
    const double error = (output.to(torch::kFloat32) - reference).abs().max().item<double>();
    const double scale = reference.abs().max().item<double>();
    QVERIFY2(error < tolerance * scale, qPrintable(QString("error %1 of %2").arg(error).arg(scale)));
}

void TestUNet::anySizeComesBackTheSameSize_data()
{
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("multiple of 4") << 16 << 16;
    QTest::newRow("odd") << 37 << 53;
    QTest::newRow("one pixel") << 1 << 1;
    QTest::newRow("thin") << 5 << 130;
}

void TestUNet::anySizeComesBackTheSameSize()
{
    QFETCH(int, height);
    QFETCH(int, width);
    torch::manual_seed(1);
    UNet net(tinyConfig());
    // Perturb the zero-initialised output layer so the test sees real values, not zeros.
    for (auto& p : net->parameters())
        p.data().add_(0.01 * torch::randn_like(p));
    const torch::Tensor out = net->forward(torch::randn({2, 2, height, width}), torch::tensor({10.0f, 500.0f}));
    QCOMPARE(out.sizes(), (torch::IntArrayRef{2, 1, height, width}));
    QVERIFY(torch::isfinite(out).all().item<bool>());
    QVERIFY(out.abs().sum().item<float>() > 0.0f);
}

void TestUNet::untrainedNetworkPredictsZero()
{
    UNet net(tinyConfig());
    const torch::Tensor out = net->forward(torch::randn({1, 2, 24, 24}), torch::tensor({3.0f}));
    QCOMPARE(out.abs().max().item<float>(), 0.0f);
}

void TestUNet::learnsABatchAndEveryLayerGetsGradients()
{
    torch::manual_seed(2);
    UNet net(tinyConfig());
    const torch::Tensor input = torch::randn({4, 2, 16, 16});
    const torch::Tensor timesteps = torch::tensor({1.0f, 100.0f, 400.0f, 900.0f});
    // A target that depends on both the input and the timestep.
    const torch::Tensor target = torch::tanh(input.narrow(1, 0, 1) - input.narrow(1, 1, 1))
        * (timesteps / 900).view({4, 1, 1, 1});
    torch::optim::Adam optimiser(net->parameters(), torch::optim::AdamOptions(3e-3));
    float first = 0.0f, last = 0.0f;
    for (int step = 0; step < 80; ++step) {
        optimiser.zero_grad();
        const torch::Tensor loss = torch::mse_loss(net->forward(input, timesteps), target);
        loss.backward();
        if (step == 0)
            first = loss.item<float>();
        last = loss.item<float>();
        optimiser.step();
    }
    QVERIFY2(last < 0.3f * first, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
    for (const auto& p : net->named_parameters())
        QVERIFY2(p.value().grad().defined() && p.value().grad().abs().sum().item<float>() > 0.0f,
                 qPrintable(QString::fromStdString(p.key()) + " gets no gradient"));
}

void TestUNet::checkpointKeysAreStable()
{
    UNet net(tinyConfig());
    const auto parameters = net->named_parameters();
    for (const char* key : {"time1.weight", "input.weight", "down0_res0.conv1.weight", "down2_attention0.qkv.weight",
                            "downsample0.weight", "middle1.time.weight", "middle_attention.projection.bias",
                            "up2_res1.skip.weight", "upsample1.weight", "output_norm.weight", "output.bias"})
        QVERIFY2(parameters.contains(key), key);
    std::int64_t count = 0;
    for (const auto& p : parameters)
        count += p.value().numel();
    QCOMPARE(net->parameterCount(), count);
}

void TestUNet::badConfigurationsAreRefused()
{
    UNetConfig c = tinyConfig();
    c.groupNormGroups = 3; // does not divide 8 channels
    QVERIFY_THROWS_EXCEPTION(ArgumentError, UNet{c});
    c = tinyConfig();
    c.attentionLevels = {3};
    QVERIFY_THROWS_EXCEPTION(ArgumentError, UNet{c});
    c = tinyConfig();
    c.channelMultipliers.clear();
    QVERIFY_THROWS_EXCEPTION(ArgumentError, UNet{c});
    c = tinyConfig();
    c.baseChannels = 8192; // a forged model file must not make CryoSR reserve terabytes
    QVERIFY_THROWS_EXCEPTION(ArgumentError, UNet{c});
}

void TestUNet::parameterCountWithoutBuilding_data()
{
    QTest::addColumn<UNetConfig>("config");
    QTest::newRow("tiny") << tinyConfig();
    QTest::newRow("default") << UNetConfig{};
    UNetConfig c = tinyConfig();
    c.channelMultipliers = {2, 1, 3, 3};
    c.attentionLevels = {0, 3};
    c.resBlocksPerLevel = 3;
    c.inputChannels = 3;
    c.outputChannels = 2;
    QTest::newRow("uneven levels, attention at both ends") << c;
    c = tinyConfig();
    c.channelMultipliers = {1};
    c.attentionLevels = {};
    QTest::newRow("one level, no attention") << c;
}

void TestUNet::parameterCountWithoutBuilding()
{
    QFETCH(UNetConfig, config);
    QCOMPARE(config.parameterCount(), UNet(config)->parameterCount());
}

QTEST_APPLESS_MAIN(TestUNet)
#include "tst_unet.moc"
