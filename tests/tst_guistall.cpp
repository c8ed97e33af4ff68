// The GUI event loop's longest stall while each slow action runs, at the sizes users meet: a K3 frame's
// power spectrum, an 8192² result saved and opened, 50 frames of 1024² exported, a
// Large model installed, and an sbatch that takes 5 s to answer. None may hold the loop over 100 ms.
//
// A timed assertion by nature (CONTRIBUTING names this test as the exception to the no-timing rule):
// it runs alone (RUN_SERIAL), and the limit is many times what the loop needs between two timer ticks
// when the work is off its thread, so only work done on the GUI thread can break it.

#include "guisession.h"
#include "mainwindow.h"
#include "micrographcontroller.h"
#include "jobprogress.h"
#include "micrographview.h"
#include "modelinstaller.h"
#include "trainingcontroller.h"
#include "trainingrun.h"
#include "trainingservices.h"
#include "trainingview.h"
#include "upscalecontroller.h"
#include "upscalepanel.h"

#include "io/imagereader.h"
#include "io/imagewriter.h"
#include "model/modelinfo.h"

#include "openglcheck.h"
#include "testsupport.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>

namespace {

constexpr int kTimeout = 600000;
constexpr qint64 kStallLimitMs = 100;

/**
 * Measures how late the event loop serves a timer due every 5 ms: the worst lateness is the longest
 * the loop was kept from input and painting. Runs from start() until worstStallMs() is read.
 */
class StallProbe {
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last - kTickMs);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 worstStallMs()
    {
        m_timer.stop();
        return std::max(m_worst, m_clock.elapsed() - m_last - kTickMs); // a stall still under way counts
    }

private:
    static constexpr int kTickMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

using Session = testsupport::GuiSession;
using testsupport::writeSmoothMicrograph;

} // namespace

class TestGuiStall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void spectrumOfAK3Frame();
    void resultSavedAndOpened();
    void framesExported();
    void largeModelInstalled();
    void sbatchAnswersLate();

private:
    /// Fails when `worstMs` is over the limit; says the figure either way (docs/performance.md quotes it).
    static bool withinLimit(const char* action, qint64 worstMs);
    QTemporaryDir m_dir;
};

bool TestGuiStall::withinLimit(const char* action, qint64 worstMs)
{
    qInfo("longest stall of the event loop while %s: %lld ms", action, static_cast<long long>(worstMs));
    return worstMs <= kStallLimitMs;
}

void TestGuiStall::initTestCase()
{
    REQUIRE_OPENGL();
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath("config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath("data")));
    QCoreApplication::setOrganizationName("CryoSR-tests");
    QCoreApplication::setApplicationName("tst_guistall");
    QDir(UpscaleController::userModelFolder()).removeRecursively(); // of an earlier run
}

void TestGuiStall::spectrumOfAK3Frame()
{
    const QString file = m_dir.filePath("k3.mrc");
    writeSmoothMicrograph(file, 11520, 8184, 1.0, cryosr::SampleType::Float16);
    Session s(QSize(1200, 800));
    QVERIFY(QTest::qWaitForWindowExposed(&s.window));
    // The spectrum tab's first paint sets up its OpenGL view (tens of ms with software OpenGL, once per
    // window), and a frame this size takes seconds of frames to upload into the image view: both are
    // done before the measurement, which is of the spectrum alone.
    auto* tabs = s.window.findChild<QTabWidget*>("viewTabs");
    tabs->setCurrentIndex(1);
    QTRY_VERIFY(s.window.spectrumView()->isValid());
    tabs->setCurrentIndex(0);
    QVERIFY2(s.micrographs.openFile(file), qPrintable(s.micrographs.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(s.window.imageView()->isFullyLoaded(), kTimeout);
    QSignalSpy ended(&s.micrographs, &MicrographController::spectrumEnded);
    tabs->setCurrentIndex(1); // as a click on the tab does: the spectrum starts in the background
    // The page's first repaint costs the same for any image (composing the window in software OpenGL:
    // 50–160 ms here, more while other work shares the two cores); it is reported, not held to the
    // limit, which is for the spectrum's work and its delivery (a repaint with the spectrum included).
    QElapsedTimer pageSwitch;
    pageSwitch.start();
    QCoreApplication::processEvents();
    qInfo("the page's first repaint held the event loop %lld ms", static_cast<long long>(pageSwitch.elapsed()));
    StallProbe probe;
    QVERIFY(ended.wait(kTimeout));
    const qint64 worst = probe.worstStallMs();
    QCOMPARE(ended.first().at(0).toBool(), true);
    QVERIFY(withinLimit("the power spectrum of an 11520 × 8184 frame was computed and shown", worst));
    QFile::remove(file);
}

void TestGuiStall::resultSavedAndOpened()
{
    // An 8192² result (a whole 4096² micrograph upscaled) as the engine's worker hands it over, saved
    // and opened as a whole-micrograph run's result is (writeResult, then openInBackground). A real
    // run of that size takes minutes per step on this CPU (docs/performance.md), so the worker's
    // signals are sent here; everything from the result's arrival on is the product's own code.
    Session s(QSize(1200, 800));
    QVERIFY(QTest::qWaitForWindowExposed(&s.window));
    UpscaleWorker* worker = s.upscaler.engine().worker();
    constexpr int id = 1000, side = 8192;
    auto mean = std::make_shared<cryosr::Image>(side, side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            mean->at(x, y) = float(std::sin(0.01 * x) * std::cos(0.013 * y) + 0.1 * ((x * 7919 + y * 104729) % 17));
    const QString file = m_dir.filePath("section_x2.mrc");
    QSignalSpy exported(&s.upscaler, &UpscaleController::exportEnded);
    QSignalSpy opened(&s.micrographs, &MicrographController::backgroundOpenEnded);

    StallProbe probe;
    Q_EMIT worker->started(id, 20, "CPU");
    Q_EMIT worker->finished({id, std::move(mean), nullptr, 20, 600.0, "CPU"});
    QVERIFY2(s.upscaler.exportResult(file), qPrintable(s.upscaler.lastError()));
    QVERIFY(exported.wait(kTimeout));
    QVERIFY2(exported.first().at(1).toBool(), qPrintable(s.upscaler.lastError()));
    s.micrographs.openInBackground(file);
    QVERIFY(opened.wait(kTimeout));
    const qint64 worst = probe.worstStallMs();
    QVERIFY2(opened.first().at(1).toBool(), qPrintable(s.micrographs.lastError()));
    QCOMPARE(s.micrographs.currentSection()->width(), side);
    QVERIFY(withinLimit("an 8192² result arrived, was saved and opened", worst));
    QFile::remove(file);
}

void TestGuiStall::framesExported()
{
    // A finished run of 50 steps at 1024², its frames (x̂_0 and x_t) as the engine's worker sends them.
    Session s(QSize(1200, 800));
    QVERIFY(QTest::qWaitForWindowExposed(&s.window));
    UpscaleWorker* worker = s.upscaler.engine().worker();
    constexpr int id = 1000, steps = 50, side = 1024;
    Q_EMIT worker->started(id, steps, "CPU");
    for (int step = 1; step <= steps; ++step) {
        auto frame = std::make_shared<cryosr::Image>(side, side);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                frame->at(x, y) = float(std::sin(0.02 * x * step / steps) + 0.1 * ((x * 7919 + y * 104729 + step) % 17));
        Q_EMIT worker->stepDone({id, step, steps, step * 0.1, frame, frame});
    }
    Q_EMIT worker->finished({id, std::make_shared<cryosr::Image>(side, side), nullptr, steps, 5.0, "CPU"});

    QSignalSpy exported(&s.upscaler, &UpscaleController::exportEnded);
    for (const QString name : {"frames.mrcs", "frames.gif", "frame.png"}) {
        StallProbe probe;
        QVERIFY2(s.upscaler.exportFrames(m_dir.filePath(name)), qPrintable(s.upscaler.lastError()));
        QVERIFY(exported.wait(kTimeout));
        const qint64 worst = probe.worstStallMs();
        QVERIFY2(exported.takeFirst().at(1).toBool(), qPrintable(s.upscaler.lastError()));
        QVERIFY(withinLimit(qPrintable(QString("50 frames of 1024² were exported as %1").arg(name)), worst));
    }
    QVERIFY(QFile::exists(m_dir.filePath("frame_050.png")));
}

void TestGuiStall::largeModelInstalled()
{
    // A finished training run of the wizard's Large preset (no validation files: copied straight in).
    const QString run = m_dir.filePath("runs/large");
    QVERIFY(QDir().mkpath(run));
    cryosr::ModelInfo info;
    info.architecture.baseChannels = 64;
    info.architecture.channelMultipliers = {1, 2, 4, 8};
    info.architecture.resBlocksPerLevel = 2;
    info.architecture.attentionLevels = {2, 3};
    info.architecture.groupNormGroups = 8;
    cryosr::createUntrainedModel(QDir(run).filePath("model.pt").toStdString(), info, 1);
    QCOMPARE(trainingPresets().last().parameters, qint64(info.architecture.parameterCount())); // the preset itself

    ModelInstaller installer;
    QSignalSpy installed(&installer, &ModelInstaller::installed), failed(&installer, &ModelInstaller::failed);
    StallProbe probe;
    installer.install({run, "large", 4, {}});
    QVERIFY(installed.wait(kTimeout));
    const qint64 worst = probe.worstStallMs();
    QVERIFY(failed.isEmpty());
    QVERIFY(QFile::exists(installed.first().at(1).toString()));
    QVERIFY(withinLimit("a Large model was installed", worst));
}

void TestGuiStall::sbatchAnswersLate()
{
    // A stand-in for Slurm's sbatch that takes 5 s to answer, as on a busy cluster.
    const QString bin = m_dir.filePath("bin");
    QVERIFY(QDir().mkpath(bin));
    testsupport::writeBytes(bin + "/sbatch", "#!/bin/sh\nsleep 5\necho \"Submitted batch job 77\"\n");
    QFile::setPermissions(bin + "/sbatch", QFile::permissions(bin + "/sbatch") | QFile::ExeOwner);
    const QString micrograph = m_dir.filePath("small.mrc");
    writeSmoothMicrograph(micrograph, 128, 128, 2.0);
    QJsonObject config = defaultTrainingConfig();
    config["data"] = QJsonArray{micrograph};
    config["out"] = m_dir.filePath("runs/cluster");

    // The Training page alone: the controller needs no main window.
    TrainingView view;
    JobProgress progress;
    TrainingController training(&view, &progress, [](const QString&, const QString&) {});
    training.setInteractive(false);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(bin) + ":" + path);
    StallProbe probe;
    const bool launched = training.launch(config, true);
    qputenv("PATH", path);
    QVERIFY2(launched, qPrintable(training.lastError()));
    const QString folder = config.value("out").toString();
    QTRY_COMPARE_WITH_TIMEOUT(training.run(folder)->record().jobId, QString("77"), kTimeout);
    QVERIFY(withinLimit("sbatch took 5 s to answer", probe.worstStallMs()));
}

QTEST_MAIN(TestGuiStall)
#include "tst_guistall.moc"
