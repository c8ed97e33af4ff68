// Upscaling from the GUI, end to end with the real worker thread: a tiny model from the user's models
// folder, every step shown in order and the result, cancel within a step, queued regions, the event
// loop staying responsive while the user zooms, exports read back, errors, and closing mid-run.

#include "guisession.h"
#include "mainwindow.h"
#include "micrographcontroller.h"
#include "micrographview.h"
#include "upscalecontroller.h"
#include "upscalepanel.h"
#include "upscaleview.h"

#include "io/imagereader.h"
#include "io/imagewriter.h"
#include "model/modelinfo.h"
#include "tinymodel.h"

#include "openglcheck.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace {

constexpr int kTimeout = 180000;

using Session = testsupport::GuiSession;
using testsupport::writeSmoothMicrograph;

} // namespace

class TestUpscaleController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runShowsEveryStepThenTheResult();
    void fastModeRunsFourDeterministicSteps();
    void cancelStopsWithinAStep();
    void queuedRegionsRunOneAfterAnother();
    void staysResponsiveWhileTheUserZooms();
    void exportsReadBack();
    void problemsAreExplained();
    void selectionIsTheSnappedRegion();
    void speedsAreMeasuredOncePerChoice();
    void estimatesRememberTheLastRunAcrossSessions();
    void closingDuringARunShutsDownCleanly();
    void wholeMicrographIsTiledSavedAndOpened();

private:
    /// A shown session with the micrograph open and the models listed; the tiny model chosen.
    std::unique_ptr<Session> startSession();
    bool prepare(Session& session); ///< what startSession does to a new session
    /// The tiny model's speed on the CPU, as the worker measured it (uncorrected), among `measured`.
    std::optional<Calibration> measuredOnCpu(const QList<Calibration>& measured) const;
    UpscaleOptions options(int steps, int samples = 1) const;
    QTemporaryDir m_dir;
    QString m_micrograph;
    QString m_model;
};

void TestUpscaleController::initTestCase()
{
    REQUIRE_OPENGL();
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath("config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath("data")));
    QCoreApplication::setOrganizationName("CryoSR-tests");
    QCoreApplication::setApplicationName("tst_upscalecontroller");
    QSettings().remove("upscale/speedCorrection"); // the runs of an earlier run of these tests
    QVERIFY(QDir().mkpath(UpscaleController::userModelFolder()));
    m_model = QDir(UpscaleController::userModelFolder()).filePath("tiny.cryosr");
    cryosr::ModelInfo info;
    info.architecture = testsupport::tinyArchitectureForTheSpeedMeasurement();
    info.schedule.timesteps = 400;
    cryosr::createUntrainedModel(m_model.toStdString(), info, 1);

    // A 96 × 80 micrograph at 2 Å per pixel.
    m_micrograph = m_dir.filePath("micrograph.mrc");
    writeSmoothMicrograph(m_micrograph, 96, 80, 2.0);
}

std::unique_ptr<Session> TestUpscaleController::startSession()
{
    auto session = std::make_unique<Session>();
    return prepare(*session) ? std::move(session) : nullptr;
}

bool TestUpscaleController::prepare(Session& session)
{
    QSignalSpy listed(&session.upscaler, &UpscaleController::modelsListed);
    if (!QTest::qWaitForWindowExposed(&session.window) || !session.micrographs.openFile(m_micrograph)
        || (listed.isEmpty() && !listed.wait(kTimeout)))
        return false;
    auto* model = session.window.upscalePanel()->findChild<QComboBox*>("model");
    model->setCurrentIndex(model->findData(m_model));
    return model->currentData() == m_model;
}

std::optional<Calibration> TestUpscaleController::measuredOnCpu(const QList<Calibration>& measured) const
{
    for (const Calibration& c : measured)
        if (c.modelFile == m_model && c.device == cryosr::DeviceChoice::Cpu)
            return c;
    return std::nullopt;
}

UpscaleOptions TestUpscaleController::options(int steps, int samples) const
{
    UpscaleOptions o;
    o.modelFile = m_model;
    o.steps = steps;
    o.samples = samples;
    o.randomSeed = false;
    o.seed = 7;
    o.device = "cpu";
    // fp32: in bf16 this tiny network's steps are so short that a run with its frames drawn took up to
    // 5.6× the measured estimate, beyond the factor of 5 a correction may reach (learnFromRun).
    o.precision = "fp32";
    return o;
}

void TestUpscaleController::runShowsEveryStepThenTheResult()
{
    auto session = startSession();
    QVERIFY(session);
    MainWindow& window = session->window;
    std::vector<float> shownSteps;
    connect(window.upscaleView(), &UpscaleView::shownImageChanged, this,
            [&] { shownSteps.push_back(float(window.upscaleView()->position())); });
    window.upscalePanel()->setOptions(options(6)); // its speed is measured before the run (queue order)
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    QVERIFY(session->upscaler.upscale(QRect(10, 12, 34, 30), options(6)));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(ended.first().at(0).toBool(), true);
    UpscaleView* view = window.upscaleView();
    QCOMPARE(int(view->frames().size()), 6);
    QVERIFY(view->hasResult());
    QCOMPARE(view->result().size, QSize(68, 60)); // the tiny model takes even sizes (3 levels at 2×)
    QCOMPARE(view->position(), 6);
    QCOMPARE(window.page(), MainWindow::Page::Upscale);
    QVERIFY(!window.upscalePanel()->findChild<QPushButton*>("cancelButton")->isEnabled());
    QVERIFY(window.upscalePanel()->findChild<QLabel*>("upscaleStatus")->text().startsWith("Finished: 6 step"));
    QVERIFY(std::is_sorted(shownSteps.begin(), shownSteps.end())); // live frames in order
    // The estimate learns from the run: the same region and settings now predict what it took, within
    // the factor of 5 a correction may reach (learnFromRun). This tiny network's steps are so short
    // that drawing their frames in software took 5.06x the measured estimate once in CI.
    UpscalePanel* panel = window.upscalePanel();
    panel->setRegion(QRect(10, 12, 34, 30));
    const UpscaleController::RunTime run = session->upscaler.lastRunTime();
    QVERIFY(run.seconds > 0 && run.estimatedSeconds > 0);
    const double learned = run.estimatedSeconds * std::clamp(run.seconds / run.estimatedSeconds, 0.2, 5.0);
    QVERIFY2(std::abs(panel->estimatedSeconds() - learned) < 1e-6 * learned + 1e-9,
             qPrintable(QString("estimate %1 s, run %2 s, estimated before it %3 s")
                            .arg(panel->estimatedSeconds())
                            .arg(run.seconds)
                            .arg(run.estimatedSeconds)));
    QVERIFY(view->baseline().size == view->result().size);
}

void TestUpscaleController::fastModeRunsFourDeterministicSteps()
{
    auto session = startSession();
    QVERIFY(session);
    MainWindow& window = session->window;
    // The panel remembers fast mode; the later tests' sessions must not inherit it.
    const auto forget = qScopeGuard([] { QSettings().remove("upscale/fast"); });
    UpscaleOptions fast = options(30);
    fast.fast = true;
    fast.sampler = "ddpm"; // the full network's choices, which fast mode sets aside
    fast.eta = 1.0;
    window.upscalePanel()->setOptions(fast);
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    QVERIFY(session->upscaler.upscale(QRect(4, 4, 16, 16), window.upscalePanel()->options()));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(ended.first().at(0).toBool(), true);
    QCOMPARE(int(window.upscaleView()->frames().size()), UpscaleOptions::kFastSteps);
    const QString status = window.upscalePanel()->findChild<QLabel*>("upscaleStatus")->text();
    QVERIFY2(status.startsWith("Finished: 4 step"), qPrintable(status));
    const QString title = window.findChild<QLabel*>("upscaleTitle")->text();
    QVERIFY2(title.contains("DDIM, 4 steps"), qPrintable(title)); // fast mode's sampler, not the one chosen
    QCOMPARE(window.upscalePanel()->options().steps, 30); // the panel keeps the full network's count
}

void TestUpscaleController::cancelStopsWithinAStep()
{
    auto session = startSession();
    QVERIFY(session);
    UpscaleView* view = session->window.upscaleView();
    auto* cancel = session->window.upscalePanel()->findChild<QPushButton*>("cancelButton");
    int framesAtCancel = -1;
    connect(view, &UpscaleView::shownImageChanged, this, [&] {
        if (framesAtCancel < 0 && view->frames().size() == 3) {
            framesAtCancel = 3;
            QVERIFY(cancel->isEnabled());
            cancel->click();
        }
    });
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    // Steps of a 128² region take longer than the view takes to show a frame, so the view's count is
    // the worker's when Cancel is clicked.
    QVERIFY(session->upscaler.upscale(QRect(0, 0, 128, 128), options(400)));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(ended.first().at(0).toBool(), false);
    QCOMPARE(framesAtCancel, 3);
    // The worker may have finished the step it was in when the request came: at most one more.
    QVERIFY2(view->frames().size() <= 4, qPrintable(QString::number(view->frames().size())));
    QVERIFY(!view->hasResult());
    QVERIFY(session->window.upscalePanel()->findChild<QLabel*>("upscaleStatus")->text().startsWith("Cancelled"));
}

void TestUpscaleController::queuedRegionsRunOneAfterAnother()
{
    auto session = startSession();
    QVERIFY(session);
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    QVERIFY(session->upscaler.upscale(QRect(0, 0, 20, 20), options(3)));
    QVERIFY(session->upscaler.upscale(QRect(40, 40, 16, 24), options(2)));
    QVERIFY(session->upscaler.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kTimeout);
    QVERIFY(ended.at(0).at(0).toBool() && ended.at(1).at(0).toBool());
    QVERIFY(!session->upscaler.isRunning());
    UpscaleView* view = session->window.upscaleView(); // the last run is the one shown
    QCOMPARE(int(view->frames().size()), 2);
    QCOMPARE(view->result().size, QSize(32, 48));
    QVERIFY(view->findChild<QLabel*>("upscaleTitle")->text().contains("x 40 y 40"));
}

void TestUpscaleController::staysResponsiveWhileTheUserZooms()
{
    auto session = startSession();
    QVERIFY(session);
    MainWindow& window = session->window;
    // Long enough to measure whatever the launch's speed measurement took before it: 200 steps (a few
    // seconds), zooming the page in front all the while.
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    QVERIFY(session->upscaler.upscale(QRect(0, 0, 64, 64), options(200)));
    QCOMPARE(window.page(), MainWindow::Page::Upscale); // shown at the click, before the run starts
    QTRY_VERIFY(window.upscaleView()->resultView()->isValid()); // its GL context, made when first shown
    // Latency: how much later than due a 10 ms timer fires, measured for the whole run.
    constexpr int kPeriod = 10;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worstLateness = 0;
    std::vector<qint64> lateness;
    int ticks = 0, zooms = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worstLateness = std::max(worstLateness, now - last - kPeriod);
        lateness.push_back(now - last - kPeriod);
        last = now;
        if (++ticks % 5 == 0) { // a wheel notch every ~50 ms
            MicrographView* view = window.upscaleView()->resultView();
            const QPointF at(view->width() / 2.0, view->height() / 2.0);
            QWheelEvent wheel(at, view->mapToGlobal(at), QPoint(), QPoint(0, (zooms++ % 8) < 4 ? 120 : -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(view, &wheel);
        }
    });
    ticker.start(kPeriod);
    QVERIFY(ended.wait(kTimeout));
    ticker.stop();
    QVERIFY(ended.first().at(0).toBool());
    std::sort(lateness.begin(), lateness.end());
    const qint64 p99 = lateness[lateness.size() * 99 / 100];
    qInfo("event loop: %d ticks in %lld ms, lateness median %lld ms, 99th percentile %lld ms, worst %lld ms; %d wheel events",
          ticks, clock.elapsed(), lateness[lateness.size() / 2], p99, worstLateness, zooms);
    QVERIFY(zooms > 10);
    // 99 % of the time within 50 ms. Single longer stalls (126 ms seen once in CI) come from composing
    // the window in software on a 2-core machine shared with the engine's threads: one is allowed, up to
    // 250 ms. Work done on the GUI thread for each of the 200 frames would show as many.
    QVERIFY2(p99 < 50, qPrintable(QString("the GUI was late by %1 ms or more 1 % of the time").arg(p99)));
    const auto stalls = std::count_if(lateness.begin(), lateness.end(), [](qint64 late) { return late >= 100; });
    QVERIFY2(stalls <= 1, qPrintable(QString("the GUI stalled %1 times for 100 ms or more").arg(stalls)));
    QVERIFY2(worstLateness < 250, qPrintable(QString("the GUI stalled for %1 ms").arg(worstLateness)));
    QCOMPARE(int(window.upscaleView()->frames().size()), 200);
}

void TestUpscaleController::exportsReadBack()
{
    auto session = startSession();
    QVERIFY(session);
    UpscaleController& upscaler = session->upscaler;
    QVERIFY(!upscaler.exportResult(m_dir.filePath("early.mrc"))); // nothing yet
    QVERIFY(upscaler.lastError().contains("upscale a region first"));
    QSignalSpy ended(&upscaler, &UpscaleController::jobEnded);
    QVERIFY(upscaler.upscale(QRect(8, 6, 24, 20), options(4, 2)));
    QVERIFY(ended.wait(kTimeout));
    const FloatImage mean = session->window.upscaleView()->result();
    const FloatImage sd = session->window.upscaleView()->standardDeviation();
    QVERIFY(!sd.isNull());
    // Exports are written on a worker thread; exportEnded says when.
    QSignalSpy exported(&upscaler, &UpscaleController::exportEnded);
    auto written = [&](bool started) {
        if (!started || !exported.wait(kTimeout))
            return false;
        return exported.takeFirst().at(1).toBool();
    };

    // MRC: float32 values, pixel size 2 / 2 Å, the region's origin; the standard deviation beside it.
    const QString mrc = m_dir.filePath("result.mrc");
    QVERIFY2(written(upscaler.exportResult(mrc)), qPrintable(upscaler.lastError()));
    auto reader = cryosr::openImageFile(mrc.toStdString());
    const cryosr::Image back = reader->readSection(0);
    QCOMPARE(back.width(), 48);
    QCOMPARE(back.height(), 40);
    QCOMPARE(*back.pixelSize.x, 1.0);
    QVERIFY(std::equal(back.data(), back.data() + back.pixelCount(), mean.data()));
    QVERIFY(reader->info().mrc);
    const auto origin = reader->info().mrc->origin;
    QCOMPARE(reader->info().mrc->start[0], 16); // in output pixels
    QCOMPARE(origin[0], 16.0f); // x 8 × 2 Å
    QCOMPARE(origin[1], 12.0f);
    // The header's second label: the run's settings beyond the first's (device and precision, seed,
    // samples, η, consistency, model), the same in the standard deviation's file.
    const QString run = QString::fromStdString(reader->info().mrc->labels.back());
    QVERIFY2(run.startsWith("run: cpu fp32, seed 7, 2 paired samples, eta 0, ")
                 && run.endsWith(" consistency, model " + QFileInfo(m_model).completeBaseName()),
             qPrintable(run));
    auto sdReader = cryosr::openImageFile(m_dir.filePath("result_sd.mrc").toStdString());
    QCOMPARE(QString::fromStdString(sdReader->info().mrc->labels.back()), run);
    const cryosr::Image sdBack = sdReader->readSection(0);
    QVERIFY(std::equal(sdBack.data(), sdBack.data() + sdBack.pixelCount(), sd.data()));
    // TIFF and PNG.
    QVERIFY(written(upscaler.exportResult(m_dir.filePath("result.tif"))));
    const cryosr::Image tiff = cryosr::openImageFile(m_dir.filePath("result.tif").toStdString())->readSection(0);
    QVERIFY(std::equal(tiff.data(), tiff.data() + tiff.pixelCount(), mean.data()));
    QVERIFY(written(upscaler.exportResult(m_dir.filePath("shown.png"))));
    QVERIFY(!QImage(m_dir.filePath("shown.png")).isNull());
    // One export at a time: a second while the first is being written is refused with the reason.
    QVERIFY(upscaler.exportResult(m_dir.filePath("first.mrc")));
    QVERIFY(!upscaler.exportResult(m_dir.filePath("second.mrc")));
    QVERIFY(upscaler.lastError().contains("still under way"));
    QVERIFY(written(true));
    QVERIFY(QFileInfo::exists(m_dir.filePath("first.mrc")));
    // Never the open micrograph.
    const QByteArray before = [&] {
        QFile f(m_micrograph);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    QVERIFY(!upscaler.exportResult(m_micrograph));
    QVERIFY(upscaler.lastError().contains("never overwrites"));
    QFile input(m_micrograph);
    QVERIFY(input.open(QIODevice::ReadOnly));
    QCOMPARE(input.readAll(), before);

    // Frames: an MRC stack of the 4 steps, a 4-frame GIF, and 4 PNGs.
    QVERIFY(written(upscaler.exportFrames(m_dir.filePath("frames.mrcs"))));
    auto stack = cryosr::openImageFile(m_dir.filePath("frames.mrcs").toStdString());
    QCOMPARE(stack->info().sections, 4);
    QCOMPARE(QString::fromStdString(stack->info().mrc->labels.back()), run); // the run's settings, as the result's
    const FloatImage firstStep = session->window.upscaleView()->frames().front().predicted;
    const cryosr::Image firstBack = stack->readSection(0);
    QVERIFY(std::equal(firstBack.data(), firstBack.data() + firstBack.pixelCount(), firstStep.data()));
#ifdef CRYOSR_HAVE_GIF
    QVERIFY2(written(upscaler.exportFrames(m_dir.filePath("frames.gif"))), qPrintable(upscaler.lastError()));
    QImageReader gif(m_dir.filePath("frames.gif"));
    QCOMPARE(gif.imageCount(), 4);
    QCOMPARE(gif.size(), QSize(48, 40));
#endif
    QVERIFY(written(upscaler.exportFrames(m_dir.filePath("step.png"))));
    for (int i = 1; i <= 4; ++i)
        QVERIFY(!QImage(m_dir.filePath(QString("step_%1.png").arg(i, 3, 10, QChar('0')))).isNull());
}

void TestUpscaleController::problemsAreExplained()
{
    auto session = startSession();
    QVERIFY(session);
    UpscaleController& upscaler = session->upscaler;
    QVERIFY(!upscaler.upscale(QRect(), options(3)));
    QVERIFY(upscaler.lastError().contains("Choose a region"));
    UpscaleOptions missing = options(3);
    missing.modelFile = m_dir.filePath("missing.cryosr");
    QVERIFY(!upscaler.upscale(QRect(0, 0, 16, 16), missing));
    QVERIFY(upscaler.lastError().contains("usable model"));
    QVERIFY(!upscaler.exportFrames(m_dir.filePath("frames.mrcs"))); // nothing has run in this session
    QVERIFY(upscaler.lastError().contains("No frames"));
    session->micrographs.closeFile(m_micrograph);
    QVERIFY(!upscaler.upscale(QRect(0, 0, 16, 16), options(3)));
    QVERIFY(upscaler.lastError().contains("Open a micrograph"));
}

void TestUpscaleController::selectionIsTheSnappedRegion()
{
    auto session = startSession();
    QVERIFY(session);
    MainWindow& window = session->window;
    auto* model = window.upscalePanel()->findChild<QComboBox*>("model");
    const int shipped = model->findText("default", Qt::MatchStartsWith); // "default — Faithful upscale: …"
    if (shipped < 0 || !model->itemData(shipped, Qt::UserRole + 1).toBool())
        QSKIP("the shipped default model is not in this build");
    model->setCurrentIndex(shipped); // a 4-level UNet at 2×: sides in steps of 4 input pixels
    window.imageView()->setSelection(QRect(5, 6, 13, 9));
    QCOMPARE(window.upscalePanel()->region(), QRect(5, 6, 12, 8));
    QCOMPARE(window.imageView()->selection(), QRect(5, 6, 12, 8)); // the view shows what will run
    window.imageView()->setSelection({});
    QVERIFY(window.upscalePanel()->region().isEmpty());
}

void TestUpscaleController::speedsAreMeasuredOncePerChoice()
{
    auto session = startSession();
    QVERIFY(session);
    UpscalePanel* panel = session->window.upscalePanel();
    auto* estimate = panel->findChild<QLabel*>("estimate");
    auto* device = panel->findChild<QComboBox*>("device");
    panel->setRegion(QRect(0, 0, 32, 32));
    QSignalSpy calibrated(session->upscaler.engine().worker(), &UpscaleWorker::calibrated);
    device->setCurrentIndex(device->findData("auto"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->text().startsWith("About"), kTimeout);
    device->setCurrentIndex(device->findData("cpu"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->text().startsWith("About"), kTimeout);
    const int measured = int(calibrated.size());
    device->setCurrentIndex(device->findData("auto")); // measured before: shown at once, not measured again
    QVERIFY2(estimate->text().startsWith("About"), qPrintable(estimate->text()));
    // The worker takes requests in order on its one thread: once it has run this, a measurement asked for
    // above has been made (QSignalSpy counts at emission, in the worker's thread).
    QVERIFY(QMetaObject::invokeMethod(
        session->upscaler.engine().worker(), [] {}, Qt::BlockingQueuedConnection));
    QCOMPARE(int(calibrated.size()), measured);
}

void TestUpscaleController::estimatesRememberTheLastRunAcrossSessions()
{
    // A run's time over its estimate corrects the next session's measured speed as well: the
    // measurement runs with the GUI idle, a run beside its own drawing.
    QSettings().remove("upscale/speedCorrection");
    const auto forget = qScopeGuard([] { QSettings().remove("upscale/speedCorrection"); });
    const QRect region(8, 8, 32, 30);
    // Prepares `session` with the region and the run's options; the seconds its own measurement of the
    // tiny model on the CPU (uncorrected, collected on this thread through a queued connection) gives them.
    auto measure = [&](Session& session) -> std::optional<double> {
        auto measured = std::make_shared<QList<Calibration>>();
        connect(session.upscaler.engine().worker(), &UpscaleWorker::calibrated, &session.window,
                [measured](const Calibration& c) { *measured << c; });
        if (!prepare(session))
            return std::nullopt;
        session.window.upscalePanel()->setOptions(options(6));
        session.window.upscalePanel()->setRegion(region);
        const QDeadlineTimer deadline(kTimeout);
        while (!measuredOnCpu(*measured) && !deadline.hasExpired())
            QTest::qWait(10);
        const auto speed = measuredOnCpu(*measured);
        return speed ? std::optional(speed->seconds(region.size(), 6, 1)) : std::nullopt;
    };
    double corrected = 0.0; // what the first session's run took over its uncorrected measurement
    {
        Session session;
        const std::optional<double> first = measure(session);
        QVERIFY(first);
        QCOMPARE(session.window.upscalePanel()->estimatedSeconds(), *first); // no run yet: the measurement itself
        QSignalSpy ended(&session.upscaler, &UpscaleController::jobEnded);
        QVERIFY(session.upscaler.upscale(region, options(6)));
        QVERIFY(ended.wait(kTimeout));
        QCOMPARE(ended.first().at(0).toBool(), true);
        corrected = std::clamp(session.upscaler.lastRunTime().seconds / *first, 0.2, 5.0); // as kept
    }
    Session session;
    const std::optional<double> fresh = measure(session);
    QVERIFY(fresh);
    UpscalePanel* panel = session.window.upscalePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->findChild<QLabel*>("estimate")->text().startsWith("About"), kTimeout);
    QVERIFY2(
        std::abs(panel->estimatedSeconds() - corrected * *fresh) < 1e-6 * corrected * *fresh,
        qPrintable(
            QString("estimate %1 s; measured %2 s, corrected by %3").arg(panel->estimatedSeconds()).arg(*fresh).arg(corrected)));
}

void TestUpscaleController::closingDuringARunShutsDownCleanly()
{
    auto session = startSession();
    QVERIFY(session);
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    QVERIFY(session->upscaler.upscale(QRect(0, 0, 64, 64), options(400)));
    QTRY_VERIFY_WITH_TIMEOUT(session->window.upscaleView()->frames().size() >= 2, kTimeout);
    QElapsedTimer clock;
    clock.start();
    session.reset(); // the worker is cancelled and its thread joined
    QVERIFY2(clock.elapsed() < 10000, "shutting down took too long");
}

void TestUpscaleController::wholeMicrographIsTiledSavedAndOpened()
{
    auto session = startSession();
    QVERIFY(session);
    MainWindow& window = session->window;
    // 96 × 80 → 192 × 160 output.
    QSignalSpy tiles(session->upscaler.engine().worker(), &UpscaleWorker::tileProgress);
    QSignalSpy ended(&session->upscaler, &UpscaleController::jobEnded);
    UpscaleOptions o = options(2);
    QVERIFY(session->upscaler.upscaleWholeMicrograph(o));
    QCOMPARE(window.page(), MainWindow::Page::Image); // the tiles' progress is drawn over the micrograph
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(ended.first().at(0).toBool(), true);
    // Automatic tiling leaves outputs of at most 512 whole: one tile, no progress over the image.
    QVERIFY(tiles.isEmpty());
    const QString saved = session->upscaler.lastWholeResult();
    QVERIFY(saved.startsWith(UpscaleController::resultFolder()));
    QCOMPARE(session->micrographs.currentFile(), saved); // opened as a new image
    const auto info = cryosr::openImageFile(saved.toStdString())->info();
    QCOMPARE(info.width, 192);
    QCOMPARE(info.height, 160);
    QCOMPARE(*info.pixelSize.x, 1.0);
    QVERIFY(window.upscalePanel()->findChild<QLabel*>("upscaleStatus")->text().contains("saved as"));

    // A micrograph whose output exceeds 512 is tiled, with progress for every tile of every step.
    const QString large = m_dir.filePath("large.mrc");
    writeSmoothMicrograph(large, 300, 40, 1.0);
    QVERIFY(session->micrographs.openFile(large));
    int largestShown = 0;
    connect(
        session->upscaler.engine().worker(), &UpscaleWorker::tileProgress, this,
        [&] { largestShown = std::max(largestShown, window.imageView()->tileProgressCount()); }, Qt::QueuedConnection);
    ended.clear();
    QVERIFY(session->upscaler.upscaleWholeMicrograph(o));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(ended.first().at(0).toBool(), true);
    QVERIFY(!tiles.isEmpty());
    QCOMPARE(tiles.last().at(1).toInt(), 2); // the last step
    QCOMPARE(tiles.last().at(3).toInt(), 3); // 600 × 80 output in 3 tiles of 256 × 80
    QCOMPARE(tiles.last().at(4).toInt(), 3);
    QCOMPARE(largestShown, 3);
    QCOMPARE(window.imageView()->tileProgressCount(), 0); // removed at the end
    QCOMPARE(cryosr::openImageFile(session->upscaler.lastWholeResult().toStdString())->info().width, 600);
    QVERIFY(session->upscaler.lastWholeResult() != saved);
}

QTEST_MAIN(TestUpscaleController)
#include "tst_upscalecontroller.moc"
