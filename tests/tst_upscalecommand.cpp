// cryosr-cli upscale as a user runs it, with a small untrained model: sizes, pixel size and region
// corner of the output, the input's frequencies kept, seeds, samples and the uncertainty map, frames,
// Ctrl-C, and every way to call it wrongly.

#include "clirunner.h"
#include "mrctestfiles.h"
#include "testsupport.h"

#include "io/imagereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <complex>
#include <csignal>

using testsupport::runCli;

namespace {

cryosr::Image readImage(const QString& file, int section = 0)
{
    return cryosr::openImageFile(file.toStdString())->readSection(section);
}

/// Largest |difference| between two images of one size.
double maxDifference(const cryosr::Image& a, const cryosr::Image& b)
{
    double d = 0;
    for (std::size_t i = 0; i < a.pixelCount(); ++i)
        d = std::max(d, double(std::abs(a.data()[i] - b.data()[i])));
    return d;
}

/// The DFT coefficient (ky, kx) of an image, divided by its pixel count (so grids of any size compare).
std::complex<double> meanCoefficient(const cryosr::Image& image, int ky, int kx)
{
    std::complex<double> sum;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            sum += double(image.at(x, y))
                * std::polar(1.0, -2 * M_PI * (double(ky) * y / image.height() + double(kx) * x / image.width()));
    return sum / double(image.pixelCount());
}

} // namespace

class TestUpscaleCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void outputHasScaledSizePixelSizeAndCorner();
    void outputKeepsTheInputsFrequencies();
    void withoutConsistencyTheyChange();
    void sameSeedSameResult();
    void precisionIsTheMachinesBestByDefault();
    void pixelSizeChangesNothing();
    void samplesGiveMeanAndStandardDeviation();
    void samplesComeInAntitheticPairs();
    void framesHoldOneSectionPerStep();
    void everySamplerRuns_data();
    void everySamplerRuns();
    void interruptStopsAndWritesNothing();
    void inputIsNeverOverwritten();
    void usageErrorsExitOne_data();
    void usageErrorsExitOne();
    void missingModelExitsTwo();
    void realMicrographRegion();
    void tilesMakeTheSameImage();

private:
    testsupport::CliResult upscale(const QString& out, const QStringList& extra);
    QTemporaryDir m_dir;
    QString m_model;
    QString m_input;
};

void TestUpscaleCommand::initTestCase()
{
    m_model = m_dir.filePath("tiny.cryosr");
    const auto r = runCli({"model", "init", "-o", m_model, "--base-channels", "8", "--channel-mults", "1,2", "--res-blocks", "1",
                           "--attention-levels", "none", "--groups", "4", "--timesteps", "100"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Two 40 × 30 sections of smooth structure and noise, 1.5 Å pixels, in arbitrary units.
    std::vector<float> values(40 * 30 * 2);
    for (int s = 0; s < 2; ++s)
        for (int y = 0; y < 30; ++y)
            for (int x = 0; x < 40; ++x)
                values[std::size_t((s * 30 + y) * 40 + x)] = 500 + 40 * std::sin(0.4f * x + s) * std::cos(0.3f * y)
                    + 7 * std::sin(float(x * 131 + y * 71));
    cryosr::MrcHeader h = mrctestfiles::header(40, 30, 2, 2);
    h.cellLengths = {40 * 1.5f, 30 * 1.5f, 2 * 1.5f};
    m_input = m_dir.filePath("input.mrcs");
    testsupport::writeBytes(m_input, mrctestfiles::makeMrc(h, mrctestfiles::encode(values), 4));
}

testsupport::CliResult TestUpscaleCommand::upscale(const QString& out, const QStringList& extra)
{
    return runCli(QStringList{"upscale", m_input, "-o", out, "--model", m_model, "--steps", "5"} + extra);
}

void TestUpscaleCommand::outputHasScaledSizePixelSizeAndCorner()
{
    const QString out = m_dir.filePath("corner.mrc");
    const auto r = upscale(out, {"--section", "1", "--region", "5,7,13,9", "--seed", "9", "--precision", "fp32"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("26 x 18"));
    auto reader = cryosr::openImageFile(out.toStdString());
    const cryosr::FileInfo& info = reader->info();
    QCOMPARE(info.width, 26);
    QCOMPARE(info.height, 18);
    QCOMPARE(info.sections, 1);
    QCOMPARE(*info.pixelSize.x, 0.75);
    QCOMPARE(*info.pixelSize.y, 0.75);
    QCOMPARE(info.mrc->start, (std::array<int, 3>{10, 14, 1})); // the corner in output pixels, the section
    QCOMPARE(info.mrc->origin, (std::array<float, 3>{7.5f, 10.5f, 0.0f})); // ... and in Å
    // Two labels: what was done (dated), then the settings beyond it that decide the numbers.
    const std::vector<std::string>& labels = info.mrc->labels;
    QVERIFY(labels.size() >= 2);
    QVERIFY(QString::fromStdString(labels[labels.size() - 2]).startsWith("CryoSR upscale x2 ddim 5 of input.mrcs"));
    const QString run = QString::fromStdString(labels.back());
    QVERIFY2(run.startsWith("run: ") && run.contains(" fp32, seed 9, 1 sample, eta 0, hard consistency, model ")
                 && run.endsWith(QFileInfo(m_model).completeBaseName()),
             qPrintable(run));
    if (!testsupport::pythonWithReaders().isEmpty())
        QCOMPARE(testsupport::mrcfileValidate(out), QString());
}

void TestUpscaleCommand::outputKeepsTheInputsFrequencies()
{
    const QString out = m_dir.filePath("consistent.mrc");
    QCOMPARE(upscale(out, {"--region", "5,7,13,9"}).exitCode, 0);
    const cryosr::Image input = cryosr::openImageFile(m_input.toStdString())->readRegion(0, {5, 7, 13, 9});
    const cryosr::Image output = readImage(out);
    // 13 × 9 has no Nyquist bin: every coefficient with |kx| ≤ 6, |ky| ≤ 4 is the input's.
    double worst = 0;
    for (int ky = -4; ky <= 4; ++ky)
        for (int kx = -6; kx <= 6; ++kx)
            worst = std::max(worst, std::abs(meanCoefficient(output, ky, kx) - meanCoefficient(input, ky, kx)));
    QVERIFY2(worst < 1e-3, qPrintable(QString("largest coefficient difference %1 (values ~500)").arg(worst)));
}

void TestUpscaleCommand::withoutConsistencyTheyChange()
{
    const QString out = m_dir.filePath("free.mrc");
    QCOMPARE(upscale(out, {"--region", "5,7,13,9", "--no-consistency"}).exitCode, 0);
    const cryosr::Image input = cryosr::openImageFile(m_input.toStdString())->readRegion(0, {5, 7, 13, 9});
    const cryosr::Image output = readImage(out);
    QVERIFY(std::abs(meanCoefficient(output, 1, 1) - meanCoefficient(input, 1, 1)) > 1e-2);
    // --consistency off is the same run; noise keeps part of the measured band (a region large enough
    // to measure its noise); a wrong name or a contradiction is a usage error.
    const QString off = m_dir.filePath("off.mrc"), noise = m_dir.filePath("noise.mrc");
    QCOMPARE(upscale(off, {"--region", "5,7,13,9", "--consistency", "off"}).exitCode, 0);
    QCOMPARE(maxDifference(readImage(off), output), 0.0);
    QCOMPARE(upscale(noise, {"--region", "0,0,40,30", "--consistency", "noise"}).exitCode, 0);
    QCOMPARE(readImage(noise).width(), 80);
    auto r = upscale(noise, {"--consistency", "soft"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("hard, noise or off"), r.err.constData());
    QCOMPARE(upscale(noise, {"--consistency", "hard", "--no-consistency"}).exitCode, 1);
}

void TestUpscaleCommand::precisionIsTheMachinesBestByDefault()
{
    // Without --precision a run on the CPU is bf16 where the CPU has bf16 arithmetic (the kernel's
    // avx512_bf16 flag) and fp32 elsewhere, and says so; --precision fp32 still gives fp32 there.
    QFile cpuinfo("/proc/cpuinfo");
    if (!cpuinfo.open(QIODevice::ReadOnly))
        QSKIP("no /proc/cpuinfo to say what this CPU has");
    const bool bf16 = cpuinfo.readAll().contains(" avx512_bf16");
    const auto automatic = upscale(m_dir.filePath("automatic.mrc"), {"--device", "cpu"});
    QVERIFY2(automatic.exitCode == 0, automatic.err.constData());
    QVERIFY2(automatic.out.contains(bf16 ? ", bf16" : ", fp32"), automatic.out.constData());
    const auto chosen = upscale(m_dir.filePath("fp32.mrc"), {"--device", "cpu", "--precision", "fp32"});
    QVERIFY2(chosen.out.contains(", fp32"), chosen.out.constData());
}

void TestUpscaleCommand::sameSeedSameResult()
{
    const QString a = m_dir.filePath("seed-a.mrc"), b = m_dir.filePath("seed-b.mrc"), c = m_dir.filePath("seed-c.mrc");
    QCOMPARE(upscale(a, {"--seed", "11", "--sampler", "ddpm"}).exitCode, 0);
    QCOMPARE(upscale(b, {"--seed", "11", "--sampler", "ddpm"}).exitCode, 0);
    QCOMPARE(upscale(c, {"--seed", "12", "--sampler", "ddpm"}).exitCode, 0);
    QCOMPARE(maxDifference(readImage(a), readImage(b)), 0.0);
    QVERIFY(maxDifference(readImage(a), readImage(c)) > 1.0);
}

void TestUpscaleCommand::pixelSizeChangesNothing()
{
    // The shipped denoise model works in pixel units: the same pixels with an unknown pixel size (0 in
    // the header) give the same result as with 1.5 Å, bit for bit.
    const cryosr::Image pixels = readImage(m_input);
    cryosr::MrcHeader h = mrctestfiles::header(40, 30, 1, 2);
    h.cellLengths = {0, 0, 0};
    const QString unknown = m_dir.filePath("unknown-pixel-size.mrc");
    testsupport::writeBytes(
        unknown,
        mrctestfiles::makeMrc(h, mrctestfiles::encode(std::vector<float>(pixels.data(), pixels.data() + pixels.pixelCount())),
                              4));
    QVERIFY(!cryosr::openImageFile(unknown.toStdString())->info().pixelSize.x); // unknown, not 1.5 Å
    const QStringList options{"--model", "denoise", "--steps", "3", "--seed", "5", "--samples", "2"};
    const QString a = m_dir.filePath("known.mrc"), b = m_dir.filePath("unknown.mrc");
    const auto known = runCli(QStringList{"upscale", m_input, "-o", a} + options);
    QVERIFY2(known.exitCode == 0, known.err.constData());
    QCOMPARE(runCli(QStringList{"upscale", unknown, "-o", b} + options).exitCode, 0);
    QCOMPARE(maxDifference(readImage(a), readImage(b)), 0.0);
}

void TestUpscaleCommand::samplesGiveMeanAndStandardDeviation()
{
    const QString mean = m_dir.filePath("mean.mrc"), std = m_dir.filePath("std.mrc");
    QCOMPARE(
        upscale(mean, {"--region", "0,0,16,12", "--samples", "3", "--seed", "4", "--std", std, "--independent-samples"}).exitCode,
        0);
    const QString run = QString::fromStdString(cryosr::openImageFile(mean.toStdString())->info().mrc->labels.back());
    QVERIFY2(run.contains(", seed 4, 3 independent samples, "), qPrintable(run));
    // Independent, sample k of K is the single run with seed S + k.
    std::vector<cryosr::Image> runs;
    for (int k = 0; k < 3; ++k) {
        const QString one = m_dir.filePath(QString("one%1.mrc").arg(k));
        QCOMPARE(upscale(one, {"--region", "0,0,16,12", "--seed", QString::number(4 + k)}).exitCode, 0);
        runs.push_back(readImage(one));
    }
    const cryosr::Image m = readImage(mean), s = readImage(std);
    QCOMPARE(s.width(), 32);
    double worstMean = 0, worstStd = 0, largestStd = 0;
    for (std::size_t i = 0; i < m.pixelCount(); ++i) {
        const double a = runs[0].data()[i], b = runs[1].data()[i], c = runs[2].data()[i];
        const double average = (a + b + c) / 3;
        const double deviation = std::sqrt(
            ((a - average) * (a - average) + (b - average) * (b - average) + (c - average) * (c - average)) / 2); // K − 1
        worstMean = std::max(worstMean, std::abs(m.data()[i] - average));
        worstStd = std::max(worstStd, std::abs(s.data()[i] - deviation));
        largestStd = std::max(largestStd, deviation);
    }
    QVERIFY(largestStd > 1.0);
    QVERIFY2(worstMean < 1e-3 * largestStd, qPrintable(QString::number(worstMean)));
    QVERIFY2(worstStd < 1e-3 * largestStd, qPrintable(QString::number(worstStd)));
}

void TestUpscaleCommand::samplesComeInAntitheticPairs()
{
    // By default the second sample of a pair starts from the first one's noise negated. The first is
    // the single run of the seed; with K = 2 the pair's spread then is the first sample's distance from
    // the mean (divided by K, not K − 1: the pair's mean loses no degree of freedom).
    const QString mean = m_dir.filePath("pairmean.mrc"), std = m_dir.filePath("pairstd.mrc"), one = m_dir.filePath("pairone.mrc");
    QCOMPARE(upscale(mean, {"--region", "0,0,16,12", "--samples", "2", "--seed", "4", "--std", std}).exitCode, 0);
    QCOMPARE(upscale(one, {"--region", "0,0,16,12", "--seed", "4"}).exitCode, 0);
    const QString run = QString::fromStdString(cryosr::openImageFile(mean.toStdString())->info().mrc->labels.back());
    QVERIFY2(run.contains(", seed 4, 2 paired samples, "), qPrintable(run));
    const cryosr::Image m = readImage(mean), s = readImage(std), first = readImage(one);
    double worst = 0, largest = 0;
    for (std::size_t i = 0; i < m.pixelCount(); ++i) {
        const double distance = std::abs(first.data()[i] - m.data()[i]);
        worst = std::max(worst, std::abs(s.data()[i] - distance));
        largest = std::max(largest, distance);
    }
    QVERIFY(largest > 1.0);
    QVERIFY2(worst < 1e-3 * largest, qPrintable(QString::number(worst)));
    QVERIFY(maxDifference(m, first) > 1.0); // the second sample is not the first
}

void TestUpscaleCommand::framesHoldOneSectionPerStep()
{
    const QString out = m_dir.filePath("framed.mrc"), frames = m_dir.filePath("frames.mrcs");
    QCOMPARE(upscale(out, {"--region", "3,3,10,8", "--steps", "6", "--frames", frames}).exitCode, 0);
    auto reader = cryosr::openImageFile(frames.toStdString());
    QCOMPARE(reader->info().sections, 6);
    QCOMPARE(reader->info().width, 20);
    QCOMPARE(*reader->info().pixelSize.x, 0.75);
    // The last predicted x̂_0 is the result, and the stack's last label the run's settings, as the result's.
    QVERIFY(maxDifference(reader->readSection(5), readImage(out)) < 1e-3);
    const QString run = QString::fromStdString(reader->info().mrc->labels.back());
    QVERIFY2(run.startsWith("run: ") && run.contains(" consistency, model "), qPrintable(run));
    QCOMPARE(QString::fromStdString(cryosr::openImageFile(out.toStdString())->info().mrc->labels.back()), run);

    const QString states = m_dir.filePath("states.mrcs");
    QCOMPARE(upscale(out, {"--region", "3,3,10,8", "--steps", "6", "--frames", states, "--frames-of", "xt"}).exitCode, 0);
    auto xt = cryosr::openImageFile(states.toStdString());
    QCOMPARE(xt->info().sections, 6);
    QVERIFY(maxDifference(xt->readSection(5), readImage(out)) < 1e-3);
    QVERIFY(maxDifference(xt->readSection(0), readImage(out)) > 10); // the first state is still noise
}

void TestUpscaleCommand::everySamplerRuns_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("ddpm") << QStringList{"--sampler", "ddpm"};
    QTest::newRow("ddim eta") << QStringList{"--sampler", "ddim", "--eta", "0.5"};
    QTest::newRow("dpmpp") << QStringList{"--sampler", "dpmpp"};
    QTest::newRow("one step") << QStringList{"--steps", "1"};
    QTest::newRow("all steps") << QStringList{"--steps", "100", "--region", "0,0,5,3"};
    QTest::newRow("tiff out") << QStringList{"-o", m_dir.filePath("sampler.tif")};
}

void TestUpscaleCommand::everySamplerRuns()
{
    QFETCH(QStringList, args);
    const auto r = upscale(m_dir.filePath("sampler.mrc"), QStringList{"--region", "2,2,9,7"} + args); // a later -o wins
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestUpscaleCommand::interruptStopsAndWritesNothing()
{
    const QString out = m_dir.filePath("interrupted.mrc"), frames = m_dir.filePath("interrupted.mrcs");
    QProcess p;
    p.start(CRYOSR_CLI,
            {"upscale", m_input, "-o", out, "--model", m_model, "--steps", "100", "--samples", "8", "--frames", frames});
    QVERIFY(p.waitForStarted());
    // Wait until the first frame is in the frames file, then press Ctrl-C. That file has no name yet (it
    // gets one only when complete): find it among the process's open files, in our folder.
    const auto framesWritten = [&] {
        const QString descriptors = QString("/proc/%1/fd").arg(p.processId());
        for (const QFileInfo& fd : QDir(descriptors).entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot))
            if (fd.symLinkTarget().startsWith(m_dir.path()) && fd.symLinkTarget().endsWith("(deleted)")
                && QFileInfo(fd.filePath()).size() > 0)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(framesWritten(), 60000);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(p.readAllStandardError().contains("interrupted after"));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(frames));
    QVERIFY(QDir(m_dir.path()).entryList({".interrupted*"}, QDir::Hidden | QDir::Files).isEmpty()); // no debris
}

void TestUpscaleCommand::inputIsNeverOverwritten()
{
    const QByteArray before = testsupport::fileHash(m_input);
    const auto r = upscale(m_input, {});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("never overwrites its input"));
    QCOMPARE(testsupport::fileHash(m_input), before);
    QCOMPARE(upscale(m_dir.filePath("same.mrc"), {"--samples", "2", "--std", m_dir.filePath("same.mrc")}).exitCode, 1);
}

void TestUpscaleCommand::usageErrorsExitOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero steps") << QStringList{"--steps", "0"} << "--steps must be";
    QTest::newRow("more steps than T") << QStringList{"--steps", "101"} << "from 1 to 100";
    QTest::newRow("sampler") << QStringList{"--sampler", "euler"} << "ddpm, ddim or dpmpp";
    QTest::newRow("eta") << QStringList{"--eta", "2"} << "--eta";
    QTest::newRow("std without samples") << QStringList{"--std", "s.mrc"} << "--samples";
    QTest::newRow("fp16 on cpu") << QStringList{"--device", "cpu", "--precision", "fp16"} << "CUDA only";
    QTest::newRow("precision") << QStringList{"--precision", "fp8"} << "auto, fp32, bf16 or fp16";
    QTest::newRow("device") << QStringList{"--device", "tpu"} << "auto, cpu or cuda";
    QTest::newRow("frames of") << QStringList{"--frames", "f.mrcs", "--frames-of", "eps"} << "x0 or xt";
    QTest::newRow("region outside") << QStringList{"--region", "30,20,20,20"} << "is not inside";
    QTest::newRow("region malformed") << QStringList{"--region", "1,2,3"} << "4 comma-separated";
    QTest::newRow("section") << QStringList{"--section", "2"} << "does not exist";
    QTest::newRow("output type") << QStringList{"-o", "out.png"} << "output format";
    QTest::newRow("overlap as large as the tile") << QStringList{"--tile", "32", "--overlap", "32"} << "overlap must be 0 to 31";
}

void TestUpscaleCommand::usageErrorsExitOne()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = upscale(m_dir.filePath("usage.mrc"), args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFileInfo::exists(m_dir.filePath("usage.mrc")));
}

void TestUpscaleCommand::missingModelExitsTwo()
{
    const auto r = runCli({"upscale", m_input, "-o", m_dir.filePath("m.mrc"), "--model", m_dir.filePath("none.cryosr")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("none.cryosr"));
    QCOMPARE(r.err.count('\n'), 1);
}

void TestUpscaleCommand::realMicrographRegion()
{
    REQUIRE_SHARED_DATA();
    const QString mic = testsupport::sharedDataDir() + "/mic_ucsf1142_dw_959x927.mrc";
    const QString out = m_dir.filePath("real.mrc");
    const auto r = runCli({"upscale", mic, "-o", out, "--model", m_model, "--region", "400,300,32,32", "--steps", "3"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto in = cryosr::openImageFile(mic.toStdString());
    const auto up = cryosr::openImageFile(out.toStdString());
    QCOMPARE(up->info().width, 64);
    QCOMPARE(*up->info().pixelSize.x, *in->info().pixelSize.x / 2);
    // The mean (the zero-frequency coefficient) is the input region's.
    const cryosr::Image region = in->readRegion(0, {400, 300, 32, 32});
    QVERIFY(std::abs(meanCoefficient(up->readSection(0), 0, 0) - meanCoefficient(region, 0, 0)) < 1e-2);
}

void TestUpscaleCommand::tilesMakeTheSameImage()
{
    // 80 × 60 output in tiles of 32 overlapping by at least 8: the same size, header and kept band.
    const QString out = m_dir.filePath("tiled.mrc");
    const auto r = upscale(out, {"--tile", "32", "--overlap", "8"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("9 tiles of 32 x 32 in batches of"), r.out.constData());
    const cryosr::Image tiled = readImage(out), input = readImage(m_input);
    QCOMPARE(tiled.width(), 80);
    QCOMPARE(tiled.height(), 60);
    QCOMPARE(*tiled.pixelSize.x, 0.75);
    // The input's own frequencies survive tiling (consistency is applied to the whole image); 40 × 30
    // has Nyquist bins at 20 and 15, which upsampling splits, so they are left out.
    double worst = 0;
    for (int ky = -14; ky <= 14; ky += 2)
        for (int kx = -19; kx <= 19; kx += 3)
            worst = std::max(worst, std::abs(meanCoefficient(tiled, ky, kx) - meanCoefficient(input, ky, kx)));
    QVERIFY2(worst < 1e-3, qPrintable(QString("largest coefficient difference %1 (values ~500)").arg(worst)));
}

QTEST_GUILESS_MAIN(TestUpscaleCommand)
#include "tst_upscalecommand.moc"
