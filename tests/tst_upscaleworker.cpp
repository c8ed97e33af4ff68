// The GUI's engine worker in its thread, with a tiny untrained model: one frame per step in order,
// cancellation within one step (and of queued jobs), runs back to back, errors as messages, and a
// clean shutdown while a run is going.

#include "upscaleworker.h"

#include "model/modelinfo.h"
#include "tinymodel.h"

#include <QDeadlineTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <vector>

namespace {

std::shared_ptr<const cryosr::Image> region(int width, int height)
{
    auto image = std::make_shared<cryosr::Image>(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image->at(x, y) = float(100 + 10 * std::sin(0.7 * x) + 5 * std::cos(0.4 * y));
    image->pixelSize.x = 2.0;
    image->pixelSize.y = 2.0;
    return image;
}

constexpr int kTimeout = 120000;

/// Waits until `spy` holds a signal, handling the GUI thread's events meanwhile, then delivers what the
/// worker queued before it. QSignalSpy::wait alone waits for a *new* emission: on a loaded machine the
/// worker can finish before the wait begins, and the wait then runs out (seen once in a parallel suite).
bool waitForSignal(QSignalSpy& spy)
{
    const QDeadlineTimer deadline(kTimeout);
    while (spy.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    QCoreApplication::processEvents();
    return !spy.isEmpty();
}

} // namespace

class TestUpscaleWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emitsOneFramePerStepInOrder();
    void baselineComesBeforeTheFirstStep();
    void describesModelsAndBadFiles();
    void aTrainedModelsCardReadsAsSentences();
    void calibrationTimesAStep();
    void onlyTheLastSpeedMeasurementIsAnswered();
    void runsCorrectEstimatesWithTheNearestSampleCount();
    void theFirstStepsSettingUpGrowsWithItsLargestPass();
    void paceComesFromTheStepsAfterTheFirst();
    void cancelStopsWithinOneStep();
    void cancelFromTheGuiThreadDropsQueuedJobs();
    void runsBackToBack();
    void errorsBecomeMessagesAndTheWorkerCarriesOn();
    void destroyingTheEngineDuringARunShutsDownCleanly();

private:
    UpscaleJob job(int steps, cryosr::FrameContent frames = cryosr::FrameContent::None) const;
    QTemporaryDir m_dir;
    QString m_model;
};

void TestUpscaleWorker::initTestCase()
{
    m_model = m_dir.filePath("tiny.cryosr");
    cryosr::ModelInfo info;
    info.architecture = testsupport::tinyArchitectureForTheSpeedMeasurement();
    info.schedule.timesteps = 400;
    cryosr::createUntrainedModel(m_model.toStdString(), info, 1);
}

UpscaleJob TestUpscaleWorker::job(int steps, cryosr::FrameContent frames) const
{
    UpscaleJob job;
    job.modelFile = m_model;
    job.device = cryosr::DeviceChoice::Cpu;
    job.settings.sampler.steps = steps;
    job.settings.sampler.seed = 3;
    job.settings.frames = frames;
    job.input = region(12, 10);
    return job;
}

void TestUpscaleWorker::emitsOneFramePerStepInOrder()
{
    UpscaleEngine engine;
    QSignalSpy started(engine.worker(), &UpscaleWorker::started);
    QSignalSpy finished(engine.worker(), &UpscaleWorker::finished);
    std::vector<int> steps;
    bool allOnGuiThread = true, allFramesComplete = true;
    connect(engine.worker(), &UpscaleWorker::stepDone, this, [&](const UpscaleStep& step) {
        steps.push_back(step.step);
        allOnGuiThread &= QThread::currentThread() == thread();
        allFramesComplete &= step.predicted && step.state && step.predicted->width() == 24 && step.state->height() == 20
            && step.total == 6;
    });
    const int id = engine.submit(job(6, cryosr::FrameContent::Both));
    QVERIFY(waitForSignal(finished));
    QCOMPARE(steps, (std::vector<int>{1, 2, 3, 4, 5, 6}));
    QVERIFY(allOnGuiThread);
    QVERIFY(allFramesComplete);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().at(1).toInt(), 6);
    const auto outcome = finished.first().at(0).value<UpscaleOutcome>();
    QCOMPARE(outcome.id, id);
    QCOMPARE(outcome.mean->width(), 24);
    QCOMPARE(*outcome.mean->pixelSize.x, 1.0);
    QVERIFY(!outcome.standardDeviation); // one sample
}

void TestUpscaleWorker::baselineComesBeforeTheFirstStep()
{
    UpscaleEngine engine;
    std::vector<QString> order;
    std::shared_ptr<const cryosr::Image> baseline;
    connect(engine.worker(), &UpscaleWorker::baselineReady, this, [&](int, const std::shared_ptr<const cryosr::Image>& image) {
        order.push_back("baseline");
        baseline = image;
    });
    connect(engine.worker(), &UpscaleWorker::stepDone, this, [&](const UpscaleStep&) { order.push_back("step"); });
    QSignalSpy finished(engine.worker(), &UpscaleWorker::finished);
    engine.submit(job(2));
    QVERIFY(waitForSignal(finished));
    QCOMPARE(order, (std::vector<QString>{"baseline", "step", "step"}));
    QVERIFY(baseline);
    QCOMPARE(baseline->width(), 24);
    QCOMPARE(baseline->height(), 20);
    QCOMPARE(*baseline->pixelSize.x, 1.0);
    // Fourier padding keeps the mean of the region (100 plus small sinusoids).
    double sum = 0;
    for (int i = 0; i < 24 * 20; ++i)
        sum += baseline->data()[i];
    QVERIFY(std::abs(sum / (24 * 20) - 100.0) < 3.0);
}

void TestUpscaleWorker::describesModelsAndBadFiles()
{
    UpscaleEngine engine;
    const QString broken = m_dir.filePath("broken.cryosr");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    QSignalSpy described(engine.worker(), &UpscaleWorker::modelsDescribed);
    engine.describeModels({m_model, broken});
    QVERIFY(waitForSignal(described));
    const auto cards = described.first().at(0).value<QList<ModelCard>>();
    QCOMPARE(cards.size(), 2);
    QVERIFY(cards[0].usable);
    QCOMPARE(cards[0].name, QString("tiny"));
    QCOMPARE(cards[0].scale, 2);
    QCOMPARE(cards[0].sizeMultiple, 4); // three levels: two halvings
    QVERIFY2(cards[0].summary.contains("2× upscaling"), qPrintable(cards[0].summary));
    QVERIFY(!cards[1].usable);
    QVERIFY2(cards[1].summary.startsWith("Cannot be used"), qPrintable(cards[1].summary));
}

void TestUpscaleWorker::aTrainedModelsCardReadsAsSentences()
{
    // The shipped model carries the trainer's metadata (docs/models.md): the card says it in words, without
    // the configuration's JSON or the file paths of the machine it was trained on.
    UpscaleEngine engine;
    QSignalSpy described(engine.worker(), &UpscaleWorker::modelsDescribed);
    engine.describeModels({"default"});
    QVERIFY(waitForSignal(described));
    const QString summary = described.first().at(0).value<QList<ModelCard>>().at(0).summary;
    QVERIFY2(summary.contains("Validation at step 10000: PSNR 16.8 dB (Fourier padding 21.0 dB)"), qPrintable(summary));
    QVERIFY2(summary.contains("Trained on 14 files, validated on 2"), qPrintable(summary));
    QVERIFY2(summary.contains("Training time 1 h 13 min"), qPrintable(summary));
    QVERIFY2(summary.contains("Trained on cpu (2 threads), fp32"), qPrintable(summary));
    QVERIFY2(!summary.contains('{') && !summary.contains("/work/"), qPrintable(summary));
    // The denoise model's calibrations (general and for 4 steps) have their own card line, not their JSON.
    QSignalSpy describedDenoise(engine.worker(), &UpscaleWorker::modelsDescribed);
    engine.describeModels({"denoise"});
    QVERIFY(waitForSignal(describedDenoise));
    const QList<ModelCard> denoise = describedDenoise.first().at(0).value<QList<ModelCard>>();
    if (denoise.isEmpty())
        QSKIP("the denoise model is not in this build");
    QVERIFY2(!denoise[0].summary.contains('{') && !denoise[0].summary.contains("/work/"), qPrintable(denoise[0].summary));
}

void TestUpscaleWorker::calibrationTimesAStep()
{
    UpscaleEngine engine;
    QSignalSpy calibrated(engine.worker(), &UpscaleWorker::calibrated);
    QSignalSpy calibrationFailed(engine.worker(), &UpscaleWorker::calibrationFailed);
    engine.calibrate(m_model, cryosr::DeviceChoice::Cpu, cryosr::Precision::Float32);
    QVERIFY(waitForSignal(calibrated));
    const auto calibration = calibrated.first().at(0).value<Calibration>();
    QCOMPARE(calibration.modelFile, m_model);
    QVERIFY(calibration.secondsPerStep >= 0 && calibration.secondsPerTeraflop >= 0);
    QVERIFY(calibration.secondsPerStep + calibration.secondsPerTeraflop > 0);
    QVERIFY(std::isfinite(calibration.secondsPerStep) && std::isfinite(calibration.secondsPerTeraflop));
    QVERIFY(calibration.cost.perPixel > 0);
    QVERIFY(calibration.secondsSetupPerTeraflop >= 0 && std::isfinite(calibration.secondsSetupPerTeraflop));
    // Estimates follow the steps (the first one's setting up counted once), and a whole micrograph's
    // tiles and statistics windows.
    const double region = calibration.seconds({64, 64}, 10, 1);
    QVERIFY(region > 0);
    const double laterStep = calibration.seconds({64, 64}, 2, 1) - calibration.seconds({64, 64}, 1, 1);
    QVERIFY(laterStep > 0);
    QCOMPARE(calibration.seconds({64, 64}, 20, 1), region + 10 * laterStep);
    QVERIFY(calibration.seconds({2048, 2048}, 10, 1) > calibration.seconds({64, 64}, 10, 1));
    QCOMPARE(calibration.seconds({}, 10, 1), 0.0);
    QVERIFY(calibration.deviceDescription.startsWith("cpu"));
    engine.calibrate(m_dir.filePath("missing.cryosr"), cryosr::DeviceChoice::Cpu, cryosr::Precision::Float32);
    QVERIFY(waitForSignal(calibrationFailed));
}

void TestUpscaleWorker::onlyTheLastSpeedMeasurementIsAnswered()
{
    // Choosing models or devices in a row asks for a measurement each time; the worker measures only
    // the last choice instead of keeping the user waiting for every one before it.
    UpscaleEngine engine;
    QSignalSpy calibrated(engine.worker(), &UpscaleWorker::calibrated);
    QSemaphore busy; // holds the worker while both requests are queued
    QMetaObject::invokeMethod(
        engine.worker(), [&busy] { busy.acquire(); }, Qt::QueuedConnection);
    engine.calibrate(m_model, cryosr::DeviceChoice::Cpu, cryosr::Precision::Float32);
    engine.calibrate(m_model, cryosr::DeviceChoice::Auto, cryosr::Precision::Float32);
    busy.release();
    QVERIFY(waitForSignal(calibrated));
    QVERIFY(QMetaObject::invokeMethod(
        engine.worker(), [] {}, Qt::BlockingQueuedConnection)); // both handled
    QCOMPARE(int(calibrated.size()), 1);
    QCOMPARE(calibrated.first().at(0).value<Calibration>().device, cryosr::DeviceChoice::Auto);
    // Unless a job queued after it needs its figure for its own estimate.
    calibrated.clear();
    QMetaObject::invokeMethod(
        engine.worker(), [&busy] { busy.acquire(); }, Qt::QueuedConnection);
    engine.calibrate(m_model, cryosr::DeviceChoice::Cpu, cryosr::Precision::Float32);
    engine.submit(job(2));
    engine.calibrate(m_model, cryosr::DeviceChoice::Auto, cryosr::Precision::Float32);
    busy.release();
    QVERIFY(QMetaObject::invokeMethod(
        engine.worker(), [] {}, Qt::BlockingQueuedConnection));
    QCOMPARE(int(calibrated.size()), 2);
}

void TestUpscaleWorker::runsCorrectEstimatesWithTheNearestSampleCount()
{
    QCOMPARE(correctionFor({}, 4), 1.0); // no run yet: the measurement as it is
    const QMap<int, double> corrections{{1, 1.6}, {4, 1.2}};
    QCOMPARE(correctionFor(corrections, 1), 1.6);
    QCOMPARE(correctionFor(corrections, 4), 1.2);
    QCOMPARE(correctionFor(corrections, 8), 1.2);
    QCOMPARE(correctionFor(corrections, 2), 1.6); // as near to 1 as to 4 by ratio: the fewer samples
    QCOMPARE(correctionFor(corrections, 3), 1.2);
}

void TestUpscaleWorker::theFirstStepsSettingUpGrowsWithItsLargestPass()
{
    Calibration c;
    c.cost = cryosr::NetworkCost{1e6, 0.0, 0.0, 16};
    c.secondsPerStep = 0.01;
    c.secondsPerTeraflop = 2.0;
    c.secondsSetupPerTeraflop = 10.0;
    // A region in one pass: its step is its largest pass, and setting up is paid once, not per step.
    const QSize region(128, 128);
    const double pass = c.teraflopsOfLargestPass(region, 1);
    QCOMPARE(pass, c.teraflopsPerStep(region, 1));
    QCOMPARE(c.seconds(region, 5, 1), 5 * (0.01 + 2.0 * pass) + 10.0 * pass);
    // Four samples run in one batch: four times the memory to set up.
    QCOMPARE(c.teraflopsOfLargestPass(region, 4), 4 * pass);
    // A whole micrograph's tiles reuse the first tile's memory: only the largest pass is set up.
    const QSize micrograph(2048, 2048);
    QVERIFY(c.teraflopsOfLargestPass(micrograph, 1) < c.teraflopsPerStep(micrograph, 1) / 8);
    QCOMPARE(c.teraflopsOfLargestPass({}, 1), 0.0);
}

void TestUpscaleWorker::paceComesFromTheStepsAfterTheFirst()
{
    // 10 steps; the first took 2 s (setting up), the later ones 0.5 s each.
    StepPace pace = paceOf(1, 10, 2.0, 2.0, 0.5); // after the first, the calibration's later step
    QCOMPARE(pace.secondsLeft, 9 * 0.5);
    QCOMPARE(pace.stepsPerSecond, 2.0);
    pace = paceOf(1, 10, 2.0, 2.0, 0.0); // nothing measured: the first step is all there is
    QCOMPARE(pace.secondsLeft, 9 * 2.0);
    pace = paceOf(3, 10, 3.0, 2.0, 0.5); // then the steps as they went, without the first
    QCOMPARE(pace.secondsLeft, 7 * 0.5);
    pace = paceOf(10, 10, 6.5, 2.0, 0.5);
    QCOMPARE(pace.secondsLeft, 0.0);
    QCOMPARE(pace.stepsPerSecond, 2.0);
    pace = paceOf(0, 10, 0.0, 0.0, 0.5);
    QCOMPARE(pace.stepsPerSecond, 0.0);
}

void TestUpscaleWorker::cancelStopsWithinOneStep()
{
    UpscaleEngine engine;
    QSignalSpy cancelled(engine.worker(), &UpscaleWorker::cancelled);
    // Connected directly, the request is made inside the worker's step 3, so exactly 3 steps run.
    connect(
        engine.worker(), &UpscaleWorker::stepDone, engine.worker(),
        [&](const UpscaleStep& step) {
            if (step.step == 3)
                engine.cancel();
        },
        Qt::DirectConnection);
    engine.submit(job(200));
    QVERIFY(waitForSignal(cancelled));
    QCOMPARE(cancelled.first().at(1).toInt(), 3);
}

void TestUpscaleWorker::cancelFromTheGuiThreadDropsQueuedJobs()
{
    UpscaleEngine engine;
    QSignalSpy cancelled(engine.worker(), &UpscaleWorker::cancelled);
    QSignalSpy finished(engine.worker(), &UpscaleWorker::finished);
    QSignalSpy stepped(engine.worker(), &UpscaleWorker::stepDone);
    engine.submit(job(400));
    engine.submit(job(400));
    QVERIFY(waitForSignal(stepped)); // the first is running
    engine.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 2, kTimeout);
    QVERIFY(cancelled.at(0).at(1).toInt() < 400);
    QCOMPARE(cancelled.at(1).at(1).toInt(), 0); // the queued one never ran
    QCOMPARE(finished.count(), 0);
    // The engine takes new work after a cancel.
    engine.submit(job(2));
    QVERIFY(waitForSignal(finished));
}

void TestUpscaleWorker::runsBackToBack()
{
    UpscaleEngine engine;
    QSignalSpy finished(engine.worker(), &UpscaleWorker::finished);
    const int first = engine.submit(job(3));
    UpscaleJob second = job(4);
    second.settings.samples = 3;
    const int secondId = engine.submit(second);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeout);
    QCOMPARE(finished.at(0).at(0).value<UpscaleOutcome>().id, first);
    const auto outcome = finished.at(1).at(0).value<UpscaleOutcome>();
    QCOMPARE(outcome.id, secondId);
    QCOMPARE(outcome.steps, 4);
    QVERIFY(outcome.standardDeviation); // three samples give an uncertainty map
    QCOMPARE(outcome.standardDeviation->width(), 24);
}

void TestUpscaleWorker::errorsBecomeMessagesAndTheWorkerCarriesOn()
{
    UpscaleEngine engine;
    QSignalSpy failed(engine.worker(), &UpscaleWorker::failed);
    QSignalSpy finished(engine.worker(), &UpscaleWorker::finished);
    UpscaleJob missing = job(2);
    missing.modelFile = m_dir.filePath("no-such-model.cryosr");
    engine.submit(missing);
    UpscaleJob nothing = job(2);
    nothing.input.reset();
    engine.submit(nothing);
    engine.submit(job(2));
    QVERIFY(waitForSignal(finished));
    QCOMPARE(failed.count(), 2);
    QVERIFY2(failed.at(0).at(1).toString().contains("no-such-model.cryosr"), qPrintable(failed.at(0).at(1).toString()));
    QVERIFY(failed.at(1).at(1).toString().contains("no region"));
}

void TestUpscaleWorker::destroyingTheEngineDuringARunShutsDownCleanly()
{
    auto engine = std::make_unique<UpscaleEngine>();
    QSignalSpy stepped(engine->worker(), &UpscaleWorker::stepDone);
    engine->submit(job(400));
    QVERIFY(waitForSignal(stepped));
    QElapsedTimer clock;
    clock.start();
    engine.reset(); // cancels, quits and joins the thread
    QVERIFY2(clock.elapsed() < 10000, "shutdown waited for the whole run");
}

QTEST_GUILESS_MAIN(TestUpscaleWorker)
#include "tst_upscaleworker.moc"
