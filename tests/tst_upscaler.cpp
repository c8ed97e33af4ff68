// The upscale pipeline (engine/upscaler): the input's own frequencies survive (consistency), results
// come back in the input's units whatever they are, samples, frames, stop requests, bad pixels and
// bad settings. An untrained model suffices: these are properties of the pipeline, not of training.

#include "upscaler.h"
#include "startcancel.h"

#include "computetarget.h"
#include "fourier/resample.h"
#include "io/errors.h"
#include "io/statistics.h"
#include "model/modellocator.h"

#include "tinymodel.h"

#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

#include <cmath>
#include <cstdlib>

using namespace cryosr;

namespace {

Image testImage(int width, int height, double scale = 1, double offset = 0)
{
    Image image(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at(x, y) = float(offset + scale * (3 * std::sin(0.7 * x) * std::cos(0.45 * y) + std::sin(x * 13.1 + y * 7.3)));
    image.pixelSize = PixelSize{1.2, 1.4, 2.0};
    image.provenance = Provenance{"in.mrc", 3, Region{10, 20, width, height}, SampleType::Int16};
    return image;
}

torch::Tensor asTensor(const Image& image)
{
    return torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()}, torch::kFloat32).clone();
}

UpscaleSettings fewSteps(SamplerKind kind = SamplerKind::Ddim, int steps = 4)
{
    UpscaleSettings s;
    s.sampler.kind = kind;
    s.sampler.steps = steps;
    s.sampler.seed = 5;
    return s;
}

} // namespace

class TestUpscaler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void outputKeepsTheInputsFrequencies_data();
    void outputKeepsTheInputsFrequencies();
    void withoutConsistencyTheyChange();
    void resultsAreInTheInputsUnits();
    void pixelSizeAndProvenance();
    void samplesGiveAStandardDeviation();
    void pairedSamplesSpreadAroundTheirMean();
    void calibrationScalesTheStandardDeviation();
    void theModelChoosesTheDataTerm();
    void vPredictionWithAFilteredCondition();
    void epsilonEstimatesStayNearTheInputsRange();
    void epsilonEstimatesFollowTheLocalRange();
    void framesFollowTheSteps();
    void stopEndsWithinOneStep();
    void nonFinitePixelsAreTolerated();
    void badSettingsAreRefused();
    void unavailableComputeIsRefused();
    void automaticPrecisionRunsWhereItIsChosen();
    void bfloat16OnTheCpuFollowsFloat32();
    void blasDoesNotOversubscribeTheCores();
    void startAndCancelCyclesLeakNothing();

private:
    QString model(ConditionUpsampling condition);
    QString epsilonModelOf1000Steps();
    QTemporaryDir m_dir;
};

QString TestUpscaler::model(ConditionUpsampling condition)
{
    const QString file = m_dir.filePath(QString::fromStdString(conditionUpsamplingName(condition)) + ".cryosr");
    if (!QFile::exists(file)) {
        ModelInfo info;
        info.architecture = testsupport::tinyArchitecture();
        info.schedule.timesteps = 50;
        info.condition = condition;
        createUntrainedModel(file.toStdString(), info, 1);
    }
    return file;
}

/// An untrained ε-network (it outputs ε̂ = 0) with the full schedule: x̂_0 = x_T / √ᾱ at the first step.
QString TestUpscaler::epsilonModelOf1000Steps()
{
    const QString file = m_dir.filePath("epsilon-1000.cryosr");
    if (!QFile::exists(file)) {
        ModelInfo info;
        info.architecture = testsupport::tinyArchitecture();
        info.schedule.timesteps = 1000;
        createUntrainedModel(file.toStdString(), info, 1);
    }
    return file;
}

void TestUpscaler::initTestCase()
{
    QVERIFY(!model(ConditionUpsampling::Fourier).isEmpty());
}

void TestUpscaler::outputKeepsTheInputsFrequencies_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("condition");
    QTest::addColumn<int>("sampler");
    QTest::newRow("odd, fourier, ddim") << 13 << 9 << int(ConditionUpsampling::Fourier) << int(SamplerKind::Ddim);
    QTest::newRow("even, fourier, ddpm") << 16 << 12 << int(ConditionUpsampling::Fourier) << int(SamplerKind::Ddpm);
    QTest::newRow("mixed, bicubic, dpmpp") << 15 << 10 << int(ConditionUpsampling::Bicubic)
                                           << int(SamplerKind::DpmSolverPlusPlus);
    QTest::newRow("one pixel") << 1 << 1 << int(ConditionUpsampling::Fourier) << int(SamplerKind::Ddim);
}

void TestUpscaler::outputKeepsTheInputsFrequencies()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, condition);
    QFETCH(int, sampler);
    const Upscaler upscaler(model(ConditionUpsampling(condition)).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const Image input = testImage(width, height, 50, 1000);
    const UpscaleResult r = upscaler.upscale(input, fewSteps(SamplerKind(sampler)));
    QCOMPARE(r.mean.width(), 2 * width);
    QCOMPARE(r.mean.height(), 2 * height);
    // Fourier-cropping the result back to the input's size gives the input.
    const torch::Tensor back = fourierResize(asTensor(r.mean).to(torch::kFloat64), height, width);
    const double error = (back - asTensor(input).to(torch::kFloat64)).abs().max().item<double>();
    QVERIFY2(error < 2e-3, qPrintable(QString("max |crop(result) − input| = %1 (values ~1000 ± 200)").arg(error)));
    // ... and the result is not just the interpolation: the band beyond the input's Nyquist is filled.
    if (width > 1) {
        const torch::Tensor interpolated = fourierResize(asTensor(input), 2 * height, 2 * width);
        QVERIFY((asTensor(r.mean) - interpolated).abs().max().item<double>() > 1.0);
    }
}

void TestUpscaler::withoutConsistencyTheyChange()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps();
    s.consistency = ConsistencyMode::Off;
    const Image input = testImage(13, 9, 50, 1000);
    const torch::Tensor back = fourierResize(asTensor(upscaler.upscale(input, s).mean), 9, 13);
    QVERIFY((back - asTensor(input)).abs().max().item<double>() > 1.0);
}

void TestUpscaler::resultsAreInTheInputsUnits()
{
    // Robust normalisation makes the pipeline equivariant: upscale(a·x + b) = a·upscale(x) + b.
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const torch::Tensor unit = asTensor(upscaler.upscale(testImage(12, 10), fewSteps()).mean);
    const torch::Tensor counts = asTensor(upscaler.upscale(testImage(12, 10, 250, 8000), fewSteps()).mean);
    const double error = (counts - (unit * 250 + 8000)).abs().max().item<double>();
    QVERIFY2(error < 0.05, qPrintable(QString::number(error)));
}

void TestUpscaler::pixelSizeAndProvenance()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const UpscaleResult r = upscaler.upscale(testImage(6, 5), fewSteps());
    QCOMPARE(r.mean.pixelSize, (PixelSize{0.6, 0.7, 2.0}));
    QCOMPARE(r.mean.provenance.region, (Region{10, 20, 6, 5}));
    QCOMPARE(r.mean.provenance.section, 3);
    QVERIFY(r.standardDeviation.isEmpty()); // one sample, no spread
    QVERIFY(!r.cancelled);
    QCOMPARE(r.stepsDone, 4);
}

void TestUpscaler::samplesGiveAStandardDeviation()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps();
    s.samples = 2;
    s.sampler.antitheticPairs = false;
    const UpscaleResult both = upscaler.upscale(testImage(8, 7), s);
    QCOMPARE(both.standardDeviation.width(), 16);
    // With two independent samples a and b: mean (a + b)/2 and std |a − b|/√2; sample 1 is the run with
    // seed + 1.
    s.samples = 1;
    const torch::Tensor a = asTensor(upscaler.upscale(testImage(8, 7), s).mean);
    s.sampler.seed += 1;
    const torch::Tensor b = asTensor(upscaler.upscale(testImage(8, 7), s).mean);
    QVERIFY((asTensor(both.mean) - (a + b) / 2).abs().max().item<double>() < 1e-3);
    QVERIFY((asTensor(both.standardDeviation) - (a - b).abs() / std::sqrt(2.0)).abs().max().item<double>() < 1e-3);
    QVERIFY(asTensor(both.standardDeviation).max().item<double>() > 0.1);
}

void TestUpscaler::pairedSamplesSpreadAroundTheirMean()
{
    // In antithetic pairs (the default) sample 2j is the single run of seed + 2j (its partner, the
    // mirror, has no single run of its own). With K = 2 the std (divided by K) is the first's distance
    // from the mean; with K = 3 the third is the single run of seed + 2 and the divisor is K − 1/K.
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps();
    const auto run = [&](int samples, std::uint64_t seed) {
        UpscaleSettings t = s;
        t.samples = samples;
        t.sampler.seed = seed;
        return upscaler.upscale(testImage(8, 7), t);
    };
    const UpscaleResult pair = run(2, s.sampler.seed);
    const torch::Tensor first = asTensor(run(1, s.sampler.seed).mean);
    const torch::Tensor distance = (first - asTensor(pair.mean)).abs();
    QVERIFY(distance.max().item<double>() > 0.1);
    QVERIFY((asTensor(pair.standardDeviation) - distance).abs().max().item<double>() < 1e-3);

    const UpscaleResult three = run(3, s.sampler.seed);
    const torch::Tensor third = asTensor(run(1, s.sampler.seed + 2).mean);
    const torch::Tensor mean = asTensor(three.mean);
    const torch::Tensor mirror = 3 * mean - first - third;
    const torch::Tensor squares = (first - mean).square() + (mirror - mean).square() + (third - mean).square();
    QVERIFY((asTensor(three.standardDeviation) - (squares / (3 - 1.0 / 3)).sqrt()).abs().max().item<double>() < 1e-3);

    s.sampler.antitheticPairs = false;
    QVERIFY((asTensor(run(2, s.sampler.seed).mean) - asTensor(pair.mean)).abs().max().item<double>() > 0.1);
}

void TestUpscaler::calibrationScalesTheStandardDeviation()
{
    const std::filesystem::path raw = model(ConditionUpsampling::Fourier).toStdString();
    const std::filesystem::path calibrated = m_dir.filePath("calibrated.cryosr").toStdString();
    const ModelInfo info = calibrateModel(raw, calibrated, 4, 2.5, R"({"calibration": {"by": "test"}})");
    QCOMPARE(info.standardDeviationScale.value(), 2.5); // the first calibration is also the general one
    QVERIFY(info.metadata.find("\"by\"") != std::string::npos);
    UpscaleSettings s = fewSteps();
    s.samples = 3;
    const UpscaleResult before = Upscaler(raw, DeviceChoice::Cpu, Precision::Float32).upscale(testImage(8, 7), s);
    const UpscaleResult after = Upscaler(calibrated, DeviceChoice::Cpu, Precision::Float32).upscale(testImage(8, 7), s);
    QVERIFY((asTensor(after.mean) - asTensor(before.mean)).abs().max().item<double>() < 1e-5); // the samples are the same
    QVERIFY((asTensor(after.standardDeviation) - 2.5 * asTensor(before.standardDeviation)).abs().max().item<double>() < 1e-4);
    QVERIFY_THROWS_EXCEPTION(ArgumentError, calibrateModel(raw, calibrated, 4, 0.0, "{}"));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, calibrateModel(raw, calibrated, 0, 2.5, "{}"));

    // A second calibration, for 2 steps, is used from 1 to 4 steps; the general one elsewhere.
    const std::filesystem::path twice = m_dir.filePath("twice.cryosr").toStdString();
    const ModelInfo both = calibrateModel(calibrated, twice, 2, 4.0, "{}");
    QCOMPARE(both.standardDeviationScale.value(), 2.5);
    QCOMPARE(standardDeviationScaleFor(both, 1), 4.0);
    QCOMPARE(standardDeviationScaleFor(both, 3), 2.5); // nearer 4 than 2 by ratio (1.33 against 1.5)
    QCOMPARE(standardDeviationScaleFor(both, 8), 2.5); // the fit for 4 steps, within a factor of two
    ModelInfo three = both;
    three.standardDeviationScale = 1.5; // a general scale that none of the fits has
    three.stepStandardDeviationScales[20] = 3.0;
    QCOMPARE(standardDeviationScaleFor(three, 9), 1.5); // no fit within a factor of two (9/4, 20/9)
    QCOMPARE(standardDeviationScaleFor(three, 10), 3.0);
    QCOMPARE(standardDeviationScaleFor(three, 40), 3.0);
    QCOMPARE(standardDeviationScaleFor(three, 41), 1.5);
    QCOMPARE(standardDeviationScaleFor(ModelInfo{}, 4), 1.0); // never calibrated: the raw spread
    UpscaleSettings two = fewSteps(SamplerKind::Ddim, 2);
    two.samples = 3;
    const UpscaleResult raw2 = Upscaler(raw, DeviceChoice::Cpu, Precision::Float32).upscale(testImage(8, 7), two);
    const UpscaleResult fitted2 = Upscaler(twice, DeviceChoice::Cpu, Precision::Float32).upscale(testImage(8, 7), two);
    QVERIFY((asTensor(fitted2.standardDeviation) - 4.0 * asTensor(raw2.standardDeviation)).abs().max().item<double>() < 1e-4);

    // Refitting at the general one's steps replaces it too; refitting other steps replaces only theirs.
    QVERIFY(isGeneralCalibration(both, 4) && !isGeneralCalibration(both, 2) && isGeneralCalibration(ModelInfo{}, 2));
    const std::filesystem::path refitted = m_dir.filePath("refitted.cryosr").toStdString();
    const ModelInfo general = calibrateModel(twice, refitted, 4, 2.0, "{}");
    QCOMPARE(general.standardDeviationScale.value(), 2.0);
    QCOMPARE(standardDeviationScaleFor(general, 4), 2.0);
    QCOMPARE(standardDeviationScaleFor(general, 2), 4.0);
    const ModelInfo few = calibrateModel(refitted, refitted, 2, 3.0, "{}");
    QCOMPARE(few.standardDeviationScale.value(), 2.0);
    QCOMPARE(standardDeviationScaleFor(few, 2), 3.0);
    // Files calibrated before step-specific scales name the general fit's steps in their metadata only.
    ModelInfo older;
    older.standardDeviationScale = 1.7;
    older.metadata = R"({"calibration": {"steps": 20, "samples": 8}})";
    QVERIFY(isGeneralCalibration(older, 20));
    QVERIFY(!isGeneralCalibration(older, 4));
}

void TestUpscaler::theModelChoosesTheDataTerm()
{
    const QString file = m_dir.filePath("noise-default.cryosr");
    ModelInfo info;
    info.architecture = testsupport::tinyArchitecture();
    info.schedule.timesteps = 50;
    info.consistency = ConsistencyMode::Noise;
    createUntrainedModel(file.toStdString(), info, 1);
    const Upscaler upscaler(file.toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const Image input = testImage(24, 20, 50, 1000);
    QCOMPARE(upscaler.upscale(input, fewSteps()).consistency, ConsistencyMode::Noise);
    UpscaleSettings hard = fewSteps();
    hard.consistency = ConsistencyMode::Hard;
    const UpscaleResult r = upscaler.upscale(input, hard);
    QCOMPARE(r.consistency, ConsistencyMode::Hard);
    const torch::Tensor back = fourierResize(asTensor(r.mean).to(torch::kFloat64), 20, 24);
    QVERIFY((back - asTensor(input).to(torch::kFloat64)).abs().max().item<double>() < 2e-3);
    // Too small to measure its noise, a region gets hard consistency even from a noise-default model.
    QCOMPARE(upscaler.upscale(testImage(9, 8, 50, 1000), fewSteps()).consistency, ConsistencyMode::Hard);
}

void TestUpscaler::vPredictionWithAFilteredCondition()
{
    const QString file = m_dir.filePath("v-filtered.cryosr");
    ModelInfo info;
    info.architecture = testsupport::tinyArchitecture();
    info.architecture.inputChannels = 3;
    info.schedule.timesteps = 50;
    info.prediction = Prediction::V;
    info.filteredCondition = true;
    createUntrainedModel(file.toStdString(), info, 1);
    const Upscaler upscaler(file.toStdString(), DeviceChoice::Cpu, Precision::Float32);
    QCOMPARE(upscaler.model().prediction, Prediction::V);
    QVERIFY(upscaler.model().filteredCondition);
    const Image input = testImage(20, 18, 50, 1000);
    for (SamplerKind kind : {SamplerKind::Ddim, SamplerKind::Ddpm, SamplerKind::DpmSolverPlusPlus}) {
        const UpscaleResult r = upscaler.upscale(input, fewSteps(kind));
        const torch::Tensor back = fourierResize(asTensor(r.mean).to(torch::kFloat64), 18, 20);
        const double error = (back - asTensor(input).to(torch::kFloat64)).abs().max().item<double>();
        QVERIFY2(error < 2e-3 && std::isfinite(error), qPrintable(QString::number(error))); // hard consistency by default
    }
    // An untrained v-network outputs v = 0: x̂_0 = √ᾱ x_t, so x̂_0 shrinks towards 0 at the first step and
    // the band beyond the input's is filled with damped noise, never with NaN or blown-up values.
    UpscaleSettings off = fewSteps();
    off.consistency = ConsistencyMode::Off;
    const UpscaleResult free = upscaler.upscale(input, off);
    QVERIFY(torch::isfinite(asTensor(free.mean)).all().item<bool>());
}

void TestUpscaler::epsilonEstimatesStayNearTheInputsRange()
{
    // An untrained ε-network outputs ε̂ = 0, so x̂_0 = x_T / √ᾱ: ~160 times the noise at the first step
    // of T = 1000. One step without a data term returns that x̂_0, held to the input's range widened by
    // one robust standard deviation (here under half the range).
    const Upscaler upscaler(epsilonModelOf1000Steps().toStdString(), DeviceChoice::Cpu, Precision::Float32);
    QCOMPARE(upscaler.model().prediction, Prediction::Epsilon);
    UpscaleSettings s = fewSteps(SamplerKind::Ddim, 1);
    s.consistency = ConsistencyMode::Off;
    const Image input = testImage(16, 12, 50, 1000);
    const torch::Tensor in = asTensor(input), out = asTensor(upscaler.upscale(input, s).mean);
    const double low = in.min().item<double>(), high = in.max().item<double>(), margin = 0.5 * (high - low);
    QVERIFY2(out.min().item<double>() >= low - margin && out.max().item<double>() <= high + margin,
             qPrintable(QString("result %1 to %2, input %3 to %4")
                            .arg(out.min().item<double>())
                            .arg(out.max().item<double>())
                            .arg(low)
                            .arg(high)));
    QVERIFY(out.std().item<double>() > 1.0); // not a constant either
}

void TestUpscaler::epsilonEstimatesFollowTheLocalRange()
{
    // Half the input patterned, half flat: in the flat half (away from the border between them) the
    // blown-up first x̂_0 is held near the flat value, not to the range of the whole input.
    const Upscaler upscaler(epsilonModelOf1000Steps().toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps(SamplerKind::Ddim, 1);
    s.consistency = ConsistencyMode::Off;
    Image input = testImage(32, 24, 50, 1000);
    for (int y = 0; y < 24; ++y)
        for (int x = 16; x < 32; ++x)
            input.at(x, y) = 1000;
    const torch::Tensor out = asTensor(upscaler.upscale(input, s).mean); // [48, 64]
    const torch::Tensor patterned = out.narrow(1, 4, 20), flat = out.narrow(1, 40, 20);
    const double patternedRange = (patterned.max() - patterned.min()).item<double>();
    const double flatRange = (flat.max() - flat.min()).item<double>();
    QVERIFY2(flatRange < 0.5 * patternedRange, qPrintable(QString("flat %1, patterned %2").arg(flatRange).arg(patternedRange)));
}

void TestUpscaler::framesFollowTheSteps()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps(SamplerKind::Ddim, 7);
    std::vector<int> steps;
    bool imageWithoutAsking = false;
    upscaler.upscale(testImage(9, 8), s, {}, [&](const UpscaleFrame& f) {
        steps.push_back(f.step);
        imageWithoutAsking |= f.predicted || f.state;
        QCOMPARE(f.total, 7);
    });
    QCOMPARE(steps, (std::vector<int>{1, 2, 3, 4, 5, 6, 7}));
    QVERIFY(!imageWithoutAsking);

    s.frames = FrameContent::PredictedX0;
    Image last;
    const UpscaleResult r = upscaler.upscale(testImage(9, 8), s, {}, [&](const UpscaleFrame& f) {
        QVERIFY(f.predicted && !f.state);
        QCOMPARE(f.predicted->width(), 18);
        last = *f.predicted;
    });
    QVERIFY((asTensor(last) - asTensor(r.mean)).abs().max().item<double>() < 1e-4);

    // Both: x_t and x̂_0 each step; at the last step of DDIM (η = 0) x_0 is the prediction itself.
    s.frames = FrameContent::Both;
    Image lastState, lastPredicted;
    double firstDifference = 0;
    upscaler.upscale(testImage(9, 8), s, {}, [&](const UpscaleFrame& f) {
        QVERIFY(f.predicted && f.state);
        QCOMPARE(f.state->height(), 16);
        if (f.step == 1)
            firstDifference = (asTensor(*f.state) - asTensor(*f.predicted)).abs().max().item<double>();
        lastState = *f.state;
        lastPredicted = *f.predicted;
    });
    QVERIFY(firstDifference > 1e-2); // early on, the noisy state is not the prediction
    QVERIFY((asTensor(lastState) - asTensor(lastPredicted)).abs().max().item<double>() < 1e-3);
}

void TestUpscaler::stopEndsWithinOneStep()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    std::stop_source stop;
    int calls = 0;
    const UpscaleResult r =
        upscaler.upscale(testImage(9, 8), fewSteps(SamplerKind::Ddpm, 20), stop.get_token(), [&](const UpscaleFrame& f) {
            ++calls;
            if (f.step == 3)
                stop.request_stop();
        });
    QVERIFY(r.cancelled);
    QCOMPARE(r.stepsDone, 3);
    QCOMPARE(calls, 3);
    QVERIFY(r.mean.isEmpty());
}

void TestUpscaler::nonFinitePixelsAreTolerated()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    Image input = testImage(10, 10, 10, 100);
    input.at(3, 4) = std::nanf("");
    input.at(7, 1) = INFINITY;
    const UpscaleResult r = upscaler.upscale(input, fewSteps());
    QVERIFY(torch::isfinite(asTensor(r.mean)).all().item<bool>());

    Image empty(4, 4);
    std::fill_n(empty.data(), empty.pixelCount(), std::nanf(""));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(empty, fewSteps()));
}

void TestUpscaler::badSettingsAreRefused()
{
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    UpscaleSettings s = fewSteps();
    s.samples = 0;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(testImage(4, 4), s));
    s = fewSteps();
    s.sampler.eta = 1.5;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(testImage(4, 4), s));
    s = fewSteps(SamplerKind::Ddim, 51); // T = 50
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(testImage(4, 4), s));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, upscaler.upscale(Image(), fewSteps()));
}

void TestUpscaler::unavailableComputeIsRefused()
{
    if (torch::cuda::is_available())
        QSKIP("a GPU is visible here");
    const std::string file = model(ConditionUpsampling::Fourier).toStdString();
    QVERIFY_THROWS_EXCEPTION(ArgumentError, Upscaler(file, DeviceChoice::Cuda, Precision::Float32));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, Upscaler(file, DeviceChoice::Auto, Precision::Float16));
    if (!cpuHasBFloat16DotProducts())
        QVERIFY_THROWS_EXCEPTION(ArgumentError, Upscaler(file, DeviceChoice::Cpu, Precision::BFloat16));
}

void TestUpscaler::automaticPrecisionRunsWhereItIsChosen()
{
    // "auto" is bf16 only on a CPU with bf16 arithmetic (elsewhere bf16 is refused or unmeasured), and
    // what it picks must run: an Upscaler accepts it on the device it was picked for.
    const Precision cpu = automaticPrecision(DeviceChoice::Cpu);
    QCOMPARE(cpu, cpuHasBFloat16DotProducts() ? Precision::BFloat16 : Precision::Float32);
    QCOMPARE(automaticPrecision(DeviceChoice::Cuda), Precision::Float32);
    QCOMPARE(automaticPrecision(DeviceChoice::Auto), torch::cuda::is_available() ? Precision::Float32 : cpu);
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, cpu);
    QVERIFY(QString::fromStdString(upscaler.deviceDescription()).endsWith(QString::fromStdString(precisionName(cpu))));
}

void TestUpscaler::bfloat16OnTheCpuFollowsFloat32()
{
    // Where the CPU has bf16 arithmetic the network may run in bf16 (channels-last, as in fp32 on the
    // CPU). One deterministic step of a trained model (an untrained one predicts 0 in any precision)
    // from the same noise: the same image up to bf16's rounding.
    if (!cpuHasBFloat16DotProducts())
        QSKIP("this CPU has no bf16 arithmetic (AVX512-BF16): bf16 is refused here (unavailableComputeIsRefused)");
    const std::string file = locateModel("denoise").string();
    const Image input = testImage(48, 40);
    const UpscaleSettings s = fewSteps(SamplerKind::Ddim, 1);
    const Image full = Upscaler(file, DeviceChoice::Cpu, Precision::Float32).upscale(input, s).mean;
    const Upscaler half(file, DeviceChoice::Cpu, Precision::BFloat16);
    QVERIFY(QString::fromStdString(half.deviceDescription()).endsWith("bf16"));
    const Image rounded = half.upscale(input, s).mean;
    QCOMPARE(rounded.width(), full.width());
    RunningStatistics fullStatistics;
    fullStatistics.add(full.data(), full.pixelCount());
    const double spread = std::pow(fullStatistics.standardDeviation(), 2) * double(full.pixelCount()); // Σ (x − x̄)²
    double difference = 0;
    for (std::size_t i = 0; i < full.pixelCount(); ++i)
        difference += std::pow(double(rounded.data()[i] - full.data()[i]), 2);
    QVERIFY2(difference > 0, "bf16 gave fp32's result bit for bit: the network did not run in bf16");
    QVERIFY2(difference < 1e-3 * spread, qPrintable(QString("bf16 differs by %1 of the variance").arg(difference / spread)));
}

void TestUpscaler::blasDoesNotOversubscribeTheCores()
{
    // LibTorch's threads each call OpenBLAS; its own pool beside them put twice as many threads as
    // cores to work (docs/performance.md, 2026-12-06). Once the engine is up, one OpenBLAS thread each.
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    using GetThreads = int (*)();
    const auto blasThreads = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    if (!blasThreads)
        QSKIP("this LibTorch does not use OpenBLAS");
    if (std::getenv("OPENBLAS_NUM_THREADS"))
        QSKIP("OPENBLAS_NUM_THREADS is set: the user's choice wins");
    if (torch::get_num_threads() < 2)
        QSKIP("LibTorch runs one thread here: OpenBLAS's pool is the only parallelism");
    QCOMPARE(blasThreads(), 1);
}

void TestUpscaler::startAndCancelCyclesLeakNothing()
{
    // The short version of docs/reliability.md's 1,000 cycles: runs started in threads of their own and
    // cancelled after their first step leave no thread behind and do not grow resident memory.
    const Upscaler upscaler(model(ConditionUpsampling::Fourier).toStdString(), DeviceChoice::Cpu, Precision::Float32);
    const StartCancelResult r = measureStartCancel(upscaler, 60, 10);
    QCOMPARE(r.threadsAfter, r.threadsBefore);
#if defined(__SANITIZE_ADDRESS__)
    qInfo("resident memory not checked under AddressSanitizer (its quarantine keeps freed memory)");
#else
    QVERIFY2(r.residentGrowth() < 0.05,
             qPrintable(QString("resident memory %1 -> %2 bytes").arg(r.residentBytesBefore).arg(r.residentBytesAfter)));
#endif
}

QTEST_GUILESS_MAIN(TestUpscaler)
#include "tst_upscaler.moc"
