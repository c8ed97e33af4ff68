// The Training page end to end, with the real cryosr-cli: the wizard filled with QTest launches a tiny
// training that runs to the end, is evaluated, and its model appears in the Upscale panel's list;
// Pause then Resume continues from the checkpoint's step; Cancel leaves a usable checkpoint; a run
// started before a restart is listed and followed again; a killed run is reported and resumable; a
// Slurm run (through a stand-in sbatch) is followed the same way and its script holds the
// configuration; the wizard's configuration is exactly the CLI's schema.

#include "clirunner.h"
#include "detachedprocess.h"
#include "testsupport.h"
#include "appcontrollers.h"
#include "mainwindow.h"
#include "micrographcontroller.h"
#include "trainingcontroller.h"
#include "trainingmonitor.h"
#include "trainingview.h"
#include "trainingwizard.h"
#include "upscalecontroller.h"

#include "io/imagewriter.h"
#include "model/modelinfo.h"

#include "openglcheck.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <csignal>
#include <pthread.h>
#include <cmath>
#include <random>
#include <tuple>

namespace {

constexpr int kTimeout = 240000;

/// The application as main() wires it.
struct Session {
    MainWindow window;
    AppControllers app{window};
    MicrographController& micrographs = app.micrographs;
    UpscaleController& upscaler = app.upscaler;
    TrainingController& training = app.training;
    Session()
    {
        app.setInteractive(false);
        training.setPollInterval(100);
        window.resize(1400, 900);
        window.show();
        window.setPage(MainWindow::Page::Training);
    }
    TrainingWizard* wizard() const { return window.trainingView()->wizard(); }
    TrainingMonitor* monitor() const { return window.trainingView()->monitor(); }
};

/// A 128² micrograph at 2 Å/px: blobs on a slowly varying background with noise.
void writeMicrograph(const QString& file, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    std::uniform_real_distribution<float> where(0.0f, 128.0f);
    cryosr::Image image(128, 128);
    std::vector<std::pair<float, float>> blobs(20);
    for (auto& b : blobs)
        b = {where(random), where(random)};
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 128; ++x) {
            float v = 10.0f * float(std::sin(0.05 * x + 0.03 * y)) + 0.5f * noise(random);
            for (const auto& [bx, by] : blobs)
                v += 8.0f * std::exp(-((x - bx) * (x - bx) + (y - by) * (y - by)) / 18.0f);
            image.at(x, y) = v;
        }
    cryosr::WriteSpec spec;
    spec.width = spec.height = 128;
    spec.pixelSize = {2.0, 2.0, 2.0};
    auto writer = cryosr::createImageWriter(file.toStdString(), cryosr::FileFormat::Mrc, spec);
    writer->writeSection(image);
    writer->commit();
}

QStringList sortedKeys(const QJsonObject& o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

} // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void runsStartWithoutForking();
    void configurationIsTheCliSchema();
    void wizardLaunchesATrainingWhoseModelIsListed();
    void typingTheRunNameKeepsTheFocus();
    void pauseResumeAndCancel();
    void runsAreFollowedAgainAfterARestart();
    void aKilledRunIsReportedAndResumable();
    void aRunFinishedElsewhereIsFollowedAndItsModelListed();
    void simulatedDataFromAMap();
    void clusterRunsThroughSbatch();
    void clusterScriptWithoutSlurm();
    void problemsAreExplained();

private:
    /// A tiny configuration: the CLI's defaults with a small network, crops and steps.
    QJsonObject tinyConfig(const QString& name, int steps) const;
    void killLater(const TrainingRun* run);
    QTemporaryDir m_dir;
    QStringList m_data;
    QList<qint64> m_pids;
};

void TestTrainingController::initTestCase()
{
    REQUIRE_OPENGL();
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath("config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath("data")));
    qputenv("OMP_NUM_THREADS", "1"); // the children share two cores with the GUI
    QCoreApplication::setOrganizationName("CryoSR-tests");
    QCoreApplication::setApplicationName("tst_trainingcontroller");
    // Test mode keeps settings and data in ~/.qttest: no runs or models of earlier test runs.
    QSettings().remove("training");
    QDir(UpscaleController::userModelFolder()).removeRecursively();
    for (int i = 0; i < 3; ++i) {
        m_data << m_dir.filePath(QStringLiteral("mic%1.mrc").arg(i));
        writeMicrograph(m_data.last(), unsigned(i + 1));
    }
    QDir(m_dir.path()).mkpath("runs");
}

void TestTrainingController::cleanupTestCase()
{
    for (qint64 pid : m_pids) // runs are detached: a failed test must not leave them training
        ::kill(pid_t(pid), SIGKILL);
}

void TestTrainingController::killLater(const TrainingRun* run)
{
    if (run && run->record().pid > 0)
        m_pids << run->record().pid;
}

QJsonObject TestTrainingController::tinyConfig(const QString& name, int steps) const
{
    QJsonObject c = QJsonDocument::fromJson(testsupport::runCli({"train",
                                                                 "--data",
                                                                 m_data[0],
                                                                 m_data[1],
                                                                 "--validation-data",
                                                                 m_data[2],
                                                                 "--out",
                                                                 m_dir.filePath("runs/" + name),
                                                                 "--steps",
                                                                 QString::number(steps),
                                                                 "--base-channels",
                                                                 "8",
                                                                 "--channel-mults",
                                                                 "1,2",
                                                                 "--res-blocks",
                                                                 "1",
                                                                 "--attention-levels",
                                                                 "none",
                                                                 "--groups",
                                                                 "4",
                                                                 "--batch",
                                                                 "2",
                                                                 "--patch",
                                                                 "32",
                                                                 "--warmup",
                                                                 "1",
                                                                 "--device",
                                                                 "cpu",
                                                                 "--checkpoint-every",
                                                                 "10",
                                                                 "--validate-every",
                                                                 "20",
                                                                 "--print-config"})
                                                .out)
                        .object();
    c["validation_crops"] = 2;
    c["validation_sampling_steps"] = 4;
    c["log_every"] = 2;
    return c;
}

namespace {
int g_forkHandlerCalls = 0;
}

void TestTrainingController::runsStartWithoutForking()
{
    // A fork would run OpenBLAS's fork handler under the engine thread's BLAS calls (a deadlock):
    // runs start through posix_spawn, in a session of their own, in the run's folder, output appended.
    pthread_atfork([] { ++g_forkHandlerCalls; }, nullptr, nullptr);
    const QString output = m_dir.filePath("spawned.out");
    testsupport::writeBytes(output, "before\n");
    QString error;
    const qint64 pid =
        spawnDetached("/bin/sh", {"-c", "pwd; echo to-stderr >&2; cut -d\" \" -f6 /proc/$$/stat"}, m_dir.path(), output, &error);
    QVERIFY2(pid > 0, qPrintable(error));
    QCOMPARE(g_forkHandlerCalls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processRunning(pid), 10000); // ended, and reaped
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QString("before"));
    QCOMPARE(lines.value(1), QDir(m_dir.path()).canonicalPath());
    QCOMPARE(lines.value(2), QString("to-stderr"));
    QCOMPARE(lines.value(3).trimmed().toLongLong(), pid); // its own session
    QCOMPARE(spawnDetached("/nonexistent/program", {}, m_dir.path(), output, &error), 0);
    QVERIFY(!error.isEmpty());
}

void TestTrainingController::configurationIsTheCliSchema()
{
    Session s;
    const auto defaults = testsupport::runCli({"train", "--print-config"});
    QCOMPARE(defaults.exitCode, 0);
    const QJsonObject cli = QJsonDocument::fromJson(defaults.out).object();
    QCOMPARE(sortedKeys(s.wizard()->configuration()), sortedKeys(cli));
    QCOMPARE(s.wizard()->configuration().value("architecture"), cli.value("architecture"));

    // What the wizard saves, the CLI reads back to the same values.
    s.wizard()->addData(m_data);
    QTRY_COMPARE_WITH_TIMEOUT(s.wizard()->fileInfo().size(), 3, kTimeout);
    const QJsonObject config = s.wizard()->configuration();
    const QString file = m_dir.filePath("wizard.json");
    QString error;
    QVERIFY2(s.wizard()->saveConfiguration(file, &error), qPrintable(error));
    const auto read = testsupport::runCli({"train", "--config", file, "--print-config"});
    QVERIFY2(read.exitCode == 0, read.err.constData());
    const QJsonObject back = QJsonDocument::fromJson(read.out).object();
    for (const QString& key : config.keys())
        QVERIFY2(back.value(key) == config.value(key), qPrintable(key));
    QCOMPARE(config.value("pixel_size").toDouble(), 2.0); // from the files
}

void TestTrainingController::wizardLaunchesATrainingWhoseModelIsListed()
{
    Session s;
    QVERIFY(QTest::qWaitForWindowExposed(&s.window));
    TrainingWizard* w = s.wizard();
    const auto next = [w] { QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton); };
    w->addData(m_data); // as Add Files… does
    QTRY_VERIFY_WITH_TIMEOUT(w->button(QWizard::NextButton)->isEnabled(), kTimeout);
    next(); // task: 2×, Fourier cropping, self-supervised
    next(); // model size
    auto* presets = w->currentPage()->findChild<QTreeWidget*>("presetList");
    presets->setCurrentItem(presets->topLevelItem(0)); // the tiny network
    QTRY_VERIFY_WITH_TIMEOUT(presets->topLevelItem(0)->text(2).contains("steps/s"), kTimeout); // measured here
    next(); // schedule
    QCOMPARE(w->currentId(), int(TrainingWizard::SchedulePage));
    w->currentPage()->findChild<QSpinBox*>("stepsSpinBox")->setValue(24);
    w->currentPage()->findChild<QSpinBox*>("batchSpinBox")->setValue(2);
    w->currentPage()->findChild<QSpinBox*>("patchSpinBox")->setValue(32);
    w->currentPage()->findChild<QSpinBox*>("checkpointEverySpinBox")->setValue(12);
    w->currentPage()->findChild<QSpinBox*>("validateEverySpinBox")->setValue(12);
    auto* device = w->currentPage()->findChild<QComboBox*>("deviceCombo");
    device->setCurrentIndex(device->findData("cpu"));
    next(); // output
    QVERIFY2(w->currentId() == int(TrainingWizard::OutputPage),
             qPrintable(w->currentPage()->findChild<QLabel*>("problemLabel")->text()));
    w->currentPage()->findChild<QLineEdit*>("folderEdit")->setText(m_dir.filePath("runs"));
    QTest::keyClicks(w->currentPage()->findChild<QLineEdit*>("nameEdit"), "wizard-run");
    QSignalSpy installed(&s.training, &TrainingController::modelInstalled);
    QVERIFY(w->button(QWizard::FinishButton)->isEnabled());
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton); // Launch
    const QString folder = m_dir.filePath("runs/wizard-run");
    QCOMPARE(s.window.trainingView()->shownRun(), folder);
    killLater(s.training.run(folder));
    // The header learns the files once the trainer has started (2 training, 1 validation).
    auto* details = s.monitor()->findChild<QLabel*>("runDetails");
    QTRY_VERIFY_WITH_TIMEOUT(details->text().contains("2 training and 1 validation files"), kTimeout);

    // Followed live: the loss, a validation with its samples, then the end, the evaluation and the model.
    QTRY_VERIFY_WITH_TIMEOUT(s.monitor()->lossPoints() > 0, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!installed.isEmpty(), kTimeout);
    QCOMPARE(s.training.run(folder)->state(), TrainingMonitor::State::Finished);
    QCOMPARE(s.monitor()->progressText(), QString("24/24"));
    QCOMPARE(s.monitor()->validationPoints(), 2);
    QVERIFY(s.monitor()->findChild<QWidget*>("sample5") != nullptr); // two crops × input/output/target
    const QString model = installed[0][0].toString();
    QCOMPARE(QFileInfo(model).path(), UpscaleController::userModelFolder());
    QVERIFY(QFile::exists(folder + "/eval.json"));
    const cryosr::ModelInfo info = cryosr::readModelInfo(model.toStdString());
    QCOMPARE(info.trainingSteps, std::int64_t(24));
    const QJsonObject card = QJsonDocument::fromJson(QByteArray::fromStdString(info.metadata)).object();
    QVERIFY2(card.value("evaluation").toString().contains("PSNR"), info.metadata.c_str());
    QVERIFY2(card.value("training_data").toString().contains("2 Å/px"), info.metadata.c_str());
    QVERIFY(s.monitor()->stateText().contains("wizard-run"));

    // The model is in the Upscale panel's list with its card.
    auto* models = s.window.upscalePanel()->findChild<QComboBox*>("model");
    QTRY_VERIFY_WITH_TIMEOUT(models->findData(model) >= 0, kTimeout);
}

void TestTrainingController::pauseResumeAndCancel()
{
    Session s;
    const QJsonObject config = tinyConfig("paused", 100000);
    const QString folder = config.value("out").toString();
    QVERIFY2(s.training.launch(config, false), qPrintable(s.training.lastError()));
    killLater(s.training.run(folder));
    QTRY_VERIFY_WITH_TIMEOUT(s.training.run(folder)->step() >= 4, kTimeout);

    QTest::mouseClick(s.monitor()->findChild<QAbstractButton*>("pauseButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(s.training.run(folder)->state(), TrainingMonitor::State::Paused, kTimeout);
    const qint64 pausedAt = s.training.run(folder)->step();
    QVERIFY(s.monitor()->findChild<QAbstractButton*>("resumeButton")->isEnabled());

    const int startsBefore = int(std::count_if(s.training.run(folder)->events().begin(), s.training.run(folder)->events().end(),
                                               [](const QJsonObject& e) { return e.value("event") == "start"; }));
    QTest::mouseClick(s.monitor()->findChild<QAbstractButton*>("resumeButton"), Qt::LeftButton);
    killLater(s.training.run(folder));
    QTRY_VERIFY_WITH_TIMEOUT(s.training.run(folder)->state() == TrainingMonitor::State::Running, kTimeout);
    QJsonObject restart;
    for (const QJsonObject& e : s.training.run(folder)->events())
        if (e.value("event") == "start")
            restart = e;
    QVERIFY(s.training.run(folder)->events().size() > 0);
    QCOMPARE(int(std::count_if(s.training.run(folder)->events().begin(), s.training.run(folder)->events().end(),
                               [](const QJsonObject& e) { return e.value("event") == "start"; })),
             startsBefore + 1);
    QCOMPARE(restart.value("step").toInteger(), pausedAt); // from the checkpoint's step
    QTRY_VERIFY_WITH_TIMEOUT(s.training.run(folder)->step() > pausedAt, kTimeout);

    QTest::mouseClick(s.monitor()->findChild<QAbstractButton*>("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(s.training.run(folder)->state(), TrainingMonitor::State::Cancelled, kTimeout);
    QVERIFY(!s.monitor()->findChild<QAbstractButton*>("resumeButton")->isEnabled());
    // Its last checkpoint is usable: the model loads and the CLI can continue it by hand.
    const qint64 last = s.training.run(folder)->step();
    QCOMPARE(cryosr::readModelInfo((folder + "/model.pt").toStdString()).trainingSteps, std::int64_t(last));
    const auto resumed = testsupport::runCli({"train", "--resume", "--out", folder, "--steps", QString::number(last + 2)});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY(resumed.out.contains("resuming at step " + QByteArray::number(last)));
}

void TestTrainingController::typingTheRunNameKeepsTheFocus()
{
    // Keys go through the window, as a keyboard's do: each lands on whatever has the focus then.
    Session s;
    s.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&s.window));
    TrainingWizard* w = s.wizard();
    w->addData(m_data);
    QTRY_VERIFY_WITH_TIMEOUT(w->button(QWizard::NextButton)->isEnabled(), kTimeout);
    while (w->currentId() != int(TrainingWizard::OutputPage)) {
        const int id = w->currentId();
        w->next();
        QVERIFY2(w->currentId() != id, qPrintable(w->currentPage()->findChild<QLabel*>("problemLabel")->text()));
    }
    auto* name = w->currentPage()->findChild<QLineEdit*>("nameEdit");
    name->clear();
    QTest::mouseClick(name, Qt::LeftButton);
    QTRY_VERIFY(name->hasFocus());
    const bool scaleBarWasShown = s.window.findChild<QAction*>("actionScaleBar")->isChecked();
    for (const char c : QByteArray("tiny-test")) {
        QTest::keyClick(s.window.windowHandle(), c);
        QVERIFY2(name->hasFocus(),
                 qPrintable(QStringLiteral("after '%1' the focus is on %2")
                                .arg(QChar(c))
                                .arg(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                                 : QStringLiteral("nothing"))));
    }
    QCOMPARE(name->text(), QString("tiny-test"));
    QCOMPARE(s.window.findChild<QAction*>("actionScaleBar")->isChecked(), scaleBarWasShown); // "b" was not a shortcut
}

void TestTrainingController::runsAreFollowedAgainAfterARestart()
{
    const QJsonObject config = tinyConfig("survivor", 100000);
    const QString folder = config.value("out").toString();
    {
        Session first;
        QVERIFY2(first.training.launch(config, false), qPrintable(first.training.lastError()));
        killLater(first.training.run(folder));
        QTRY_VERIFY_WITH_TIMEOUT(first.training.run(folder)->step() >= 2, kTimeout);
    } // CryoSR closes; the run goes on
    Session second;
    QVERIFY(second.window.trainingView()->runs().contains(folder));
    QVERIFY(second.window.trainingView()->runs().contains(m_dir.filePath("runs/wizard-run")));
    const TrainingRun* run = second.training.run(folder);
    QVERIFY(run);
    QCOMPARE(run->state(), TrainingMonitor::State::Running);
    second.window.trainingView()->showRun(folder);
    QVERIFY(second.monitor()->lossPoints() > 0); // the history so far, from the log
    const qint64 seen = run->step();
    QTRY_VERIFY_WITH_TIMEOUT(run->step() > seen, kTimeout); // and it is followed live
    QVERIFY(second.training.pause(folder));
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), TrainingMonitor::State::Paused, kTimeout);

    // A finished run from before is shown with its curves and where its model went.
    second.window.trainingView()->showRun(m_dir.filePath("runs/wizard-run"));
    QCOMPARE(second.monitor()->state(), TrainingMonitor::State::Finished);
    QVERIFY(second.monitor()->lossPoints() > 0);
    QVERIFY(second.monitor()->stateText().contains("Upscale panel"));
}

void TestTrainingController::aKilledRunIsReportedAndResumable()
{
    Session s;
    const QJsonObject config = tinyConfig("killed", 100000);
    const QString folder = config.value("out").toString();
    QVERIFY2(s.training.launch(config, false), qPrintable(s.training.lastError()));
    const TrainingRun* run = s.training.run(folder);
    killLater(run);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(folder + "/checkpoint.pt") && run->step() >= 12, kTimeout);
    ::kill(pid_t(run->record().pid), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(s.monitor()->state(), TrainingMonitor::State::Lost, kTimeout);
    QVERIFY2(s.monitor()->stateText().contains("without finishing"), qPrintable(s.monitor()->stateText()));
    QVERIFY(s.monitor()->findChild<QAbstractButton*>("resumeButton")->isEnabled());
    QVERIFY2(s.training.resume(folder), qPrintable(s.training.lastError()));
    killLater(run);
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), TrainingMonitor::State::Running, kTimeout);
    QVERIFY(s.training.cancel(folder));
    QTRY_COMPARE_WITH_TIMEOUT(run->state(), TrainingMonitor::State::Cancelled, kTimeout);
}

void TestTrainingController::aRunFinishedElsewhereIsFollowedAndItsModelListed()
{
    // Trained from a terminal (or while CryoSR was closed): Follow a Run Folder shows it, and its model
    // is evaluated and listed like one the wizard started.
    const QString folder = m_dir.filePath("runs/terminal");
    const QString config = m_dir.filePath("terminal.json");
    testsupport::writeBytes(config, QJsonDocument(tinyConfig("terminal", 12)).toJson());
    const auto trained = testsupport::runCli({"train", "--config", config});
    QVERIFY2(trained.exitCode == 0, trained.err.constData());
    Session s;
    QSignalSpy installed(&s.training, &TrainingController::modelInstalled);
    QVERIFY2(s.training.attach(folder), qPrintable(s.training.lastError()));
    QCOMPARE(s.window.trainingView()->shownRun(), folder);
    QCOMPARE(s.monitor()->state(), TrainingMonitor::State::Finished);
    QVERIFY(s.monitor()->lossPoints() > 0);
    s.window.trainingView()->showWizard(); // evaluated whether shown or not
    QTRY_VERIFY_WITH_TIMEOUT(!installed.isEmpty(), kTimeout);
    QCOMPARE(QFileInfo(installed[0][0].toString()).fileName(), QString("terminal.cryosr"));
    QVERIFY(!s.training.pause(folder));
}

void TestTrainingController::simulatedDataFromAMap()
{
    // A 24³ map at 2 Å per voxel: three blobs.
    const QString map = m_dir.filePath("map.mrc");
    cryosr::WriteSpec spec;
    spec.width = spec.height = 24;
    spec.pixelSize = {2.0, 2.0, 2.0};
    auto writer = cryosr::createImageWriter(map.toStdString(), cryosr::FileFormat::Mrc, spec);
    for (int z = 0; z < 24; ++z) {
        cryosr::Image section(24, 24);
        for (int y = 0; y < 24; ++y)
            for (int x = 0; x < 24; ++x)
                for (const auto& [cx, cy, cz] : {std::tuple{8, 12, 12}, std::tuple{15, 9, 12}, std::tuple{14, 16, 10}})
                    section.at(x, y) += float(std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz)) / 6.0));
        writer->writeSection(section);
    }
    writer->commit();

    Session s;
    s.wizard()->restart();
    SimulationRequest request;
    request.map = map;
    request.folder = m_dir.filePath("simulated");
    request.count = 2;
    request.size = 128;
    request.particles = 6;
    QSignalSpy ended(&s.training, &TrainingController::simulationEnded);
    QVERIFY2(s.training.simulate(request), qPrintable(s.training.lastError()));
    QVERIFY(ended.wait(kTimeout));
    QVERIFY2(ended[0][1].toString().isEmpty(), qPrintable(ended[0][1].toString()));
    const QStringList files = ended[0][0].toStringList();
    QCOMPARE(files.size(), 2);
    for (const QString& file : files)
        QVERIFY(QFile::exists(QString(file).replace(".mrc", ".clean.mrc")));
    // They are the wizard's data now, with simulated pairs; reading them finds the clean partners.
    QTRY_COMPARE_WITH_TIMEOUT(s.wizard()->fileInfo().size(), 2, kTimeout);
    for (const TrainingFileInfo& info : s.wizard()->fileInfo())
        QVERIFY(info.hasCleanPartner);
    const QJsonObject config = s.wizard()->configuration();
    QCOMPARE(config.value("pairs").toString(), QString("simulated"));
    QCOMPARE(config.value("data").toArray().size() + config.value("validation_data").toArray().size(), 2);
    QTest::mouseClick(s.wizard()->button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(s.wizard()->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(s.wizard()->currentId(), int(TrainingWizard::ModelPage)); // the task page found every partner

    // Asked again, the files already made are kept.
    ended.clear();
    QVERIFY(s.training.simulate(request));
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended[0][0].toStringList(), files);
    request.map = m_dir.filePath("absent.map");
    QVERIFY(!s.training.simulate(request));
    QVERIFY(s.training.lastError().contains("absent.map"));
}

void TestTrainingController::clusterRunsThroughSbatch()
{
    // A stand-in for Slurm's sbatch: runs the script in the background, answers as sbatch does.
    const QString bin = m_dir.filePath("bin");
    QDir().mkpath(bin);
    testsupport::writeBytes(bin + "/sbatch",
                            "#!/bin/sh\necho \"$@\" > sbatch.args\nnohup bash \"$1\" > slurm-4242.out 2>&1 &\n"
                            "echo $! > sbatch.pid\necho \"Submitted batch job 4242\"\n");
    QFile::setPermissions(bin + "/sbatch", QFile::permissions(bin + "/sbatch") | QFile::ExeOwner);
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(bin) + ":" + path);
    Session s;
    const QJsonObject config = tinyConfig("cluster", 20);
    const QString folder = config.value("out").toString();
    const bool launched = s.training.launch(config, true);
    qputenv("PATH", path);
    QVERIFY2(launched, qPrintable(s.training.lastError()));
    // sbatch runs in the background; its answer gives the job number.
    QTRY_COMPARE_WITH_TIMEOUT(s.training.run(folder)->record().jobId, QString("4242"), kTimeout);
    QVERIFY(QFile::exists(folder + "/sbatch.args")); // submitted from the run's folder

    // The script holds the same configuration.
    QFile script(folder + "/cryosr-train.sbatch");
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(script.readAll());
    QVERIFY(text.contains("#SBATCH --job-name=cluster"));
    const qsizetype begin = text.indexOf("<<'CRYOSR_CONFIG'\n") + 18, end = text.indexOf("\nCRYOSR_CONFIG");
    QVERIFY(begin > 18 && end > begin);
    QCOMPARE(QJsonDocument::fromJson(text.mid(begin, end - begin).toUtf8()).object(), config);
    QVERIFY(!text.contains("{{"));

    // Followed through its log to the end, like a local run.
    QTRY_COMPARE_WITH_TIMEOUT(s.training.run(folder)->state(), TrainingMonitor::State::Finished, kTimeout);
    QVERIFY(s.window.trainingView()->findChild<QListWidget*>("trainingRunList")->item(0)->text().contains("Slurm job 4242"));
}

void TestTrainingController::clusterScriptWithoutSlurm()
{
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    Session s;
    const QJsonObject config = tinyConfig("elsewhere", 20);
    const QString folder = config.value("out").toString();
    const bool launched = s.training.launch(config, true);
    qputenv("PATH", path);
    QVERIFY(!launched);
    QVERIFY2(s.training.lastError().contains("sbatch was not found"), qPrintable(s.training.lastError()));
    QVERIFY(!s.training.run(folder)); // no run that could never start
    QVERIFY(!s.window.trainingView()->runs().contains(folder));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestTrainingController::problemsAreExplained()
{
    Session s;
    QJsonObject config = tinyConfig("bad", 20);
    config["patch"] = 30;
    QVERIFY(!s.training.launch(config, false));
    QVERIFY2(s.training.lastError().contains("multiple of"), qPrintable(s.training.lastError()));
    config = tinyConfig("bad", 20);
    config["data"] = QJsonArray{m_dir.filePath("absent.mrc")};
    QVERIFY(!s.training.launch(config, false));
    QVERIFY2(s.training.lastError().contains("absent.mrc"), qPrintable(s.training.lastError()));
    config = tinyConfig("bad", 20);
    config["unknown_key"] = 1;
    QVERIFY(!s.training.launch(config, false));
    QVERIFY2(s.training.lastError().contains("unknown setting unknown_key"), qPrintable(s.training.lastError()));
    QVERIFY(!s.training.attach(m_dir.path()));
    QVERIFY2(s.training.lastError().contains("no training run"), qPrintable(s.training.lastError()));
    QVERIFY(!s.window.trainingView()->runs().contains(m_dir.filePath("runs/bad")));
}

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
