// cryosr-cli bench: the JSON a benchmark script reads, and FLOP counts that follow the architecture.

#include "clirunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using testsupport::runCli;

namespace {

QJsonObject bench(const QStringList& extra)
{
    const auto r = runCli(QStringList{"bench", "--device", "cpu", "--json", "--repeats", "3", "--warmup", "1", "--base-channels",
                                      "8", "--channel-mults", "1,2", "--attention-levels", "none"}
                          + extra);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestBenchCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonHasTheDocumentedKeys();
    void flopsFollowSizeAndBatch();
    void badSettingsExitOne();
    void speedTechniquesAreNamedAndChecked();
};

void TestBenchCommand::jsonHasTheDocumentedKeys()
{
    const QJsonObject o = bench({"--size", "32"});
    for (const char* key : {"ms_per_step", "gflop_per_step", "tflops", "device", "precision", "batch", "size"})
        QVERIFY2(o.contains(key), key);
    QVERIFY(o["ms_per_step"].toDouble() > 0);
    QVERIFY(o["gflop_per_step"].toDouble() > 0);
    // TFLOP/s is GFLOP per step over milliseconds per step.
    QVERIFY(std::abs(o["tflops"].toDouble() - o["gflop_per_step"].toDouble() / o["ms_per_step"].toDouble())
            < 1e-4 * o["tflops"].toDouble());
    QVERIFY(o["device"].toString().startsWith("cpu"));
}

void TestBenchCommand::flopsFollowSizeAndBatch()
{
    // Every layer's cost is proportional to the batch; convolutions grow with the pixel count and
    // the middle block's attention with its square, so doubling the side costs 4 to 16 times more.
    const double small = bench({"--size", "16"})["gflop_per_step"].toDouble();
    const double large = bench({"--size", "32"})["gflop_per_step"].toDouble();
    const double batch = bench({"--size", "16", "--batch", "2"})["gflop_per_step"].toDouble();
    QVERIFY2(large / small > 4 && large / small < 16, qPrintable(QString::number(large / small)));
    QVERIFY(std::abs(batch / small - 2) < 1e-5);
    // A training step (forward and backward) is counted as three forwards' work.
    const QJsonObject training = bench({"--size", "16", "--training"});
    QVERIFY(training["training"].toBool());
    QVERIFY(std::abs(training["gflop_per_step"].toDouble() / small - 3) < 1e-5);
    QVERIFY(training["ms_per_step"].toDouble() > 0);
}

void TestBenchCommand::badSettingsExitOne()
{
    auto r = runCli({"bench", "--size", "4"});
    QCOMPARE(r.exitCode, 1);
    r = runCli({"bench", "--device", "cpu", "--precision", "fp16"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("CUDA only"));
    r = runCli({"bench", "--base-channels", "12", "--groups", "8"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("do not divide"));
}

void TestBenchCommand::speedTechniquesAreNamedAndChecked()
{
    // The CPU runs inference channels-last with its fused GroupNorm + SiLU, as upscaling does there, and
    // training in NCHW with LibTorch's operations, as the trainer does.
    QCOMPARE(bench({"--size", "16"})["techniques"].toString(), QString("fused, channels-last"));
    QCOMPARE(bench({"--size", "16", "--training"})["techniques"].toString(), QString("none"));
    const QJsonObject nhwc = bench({"--size", "16", "--channels-last", "--fused", "off"});
    QCOMPARE(nhwc["techniques"].toString(), QString("channels-last"));
    QVERIFY(nhwc["ms_per_step"].toDouble() > 0);
    auto r = runCli({"bench", "--device", "cpu", "--cuda-graph"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("need a CUDA device"));
    r = runCli({"bench", "--device", "cpu", "--cudnn-benchmark"});
    QCOMPARE(r.exitCode, 1);
    r = runCli({"bench", "--device", "cpu", "--training", "--cuda-graph"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("inference"));
    r = runCli({"bench", "--fused", "maybe"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("--fused must be on or off"));
}

QTEST_GUILESS_MAIN(TestBenchCommand)
#include "tst_benchcommand.moc"
