// cryosr-cli train, eval and frc as a user runs them: a tiny training on real micrographs that
// leaves a usable model, its log and a checkpoint; resume to a larger total; --print-config and
// --config; bad data and bad options fail before training with clear messages; eval's table and
// JSON on a Fourier-padded (band-limited) image; frc of an image with itself.

#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using testsupport::runCli;

namespace {

/// A network small enough for seconds of training.
const QStringList kTiny{"--base-channels", "8",  "--channel-mults", "1,2", "--res-blocks", "1",  "--attention-levels", "none",
                        "--groups",        "4",  "--batch",         "2",   "--patch",      "32", "--warmup",           "1",
                        "--device",        "cpu"};

QStringList lines(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class TestTrainCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainsResumesAndUpscales();
    void terminateStopsWithACheckpoint();
    void killedRunsResumeFromTheirLastCheckpoint();
    void configFileAndPrintConfig();
    void badDataAndOptions_data();
    void badDataAndOptions();
    void evalOfABandLimitedImage();
    void frcOfAnImageWithItself();

private:
    QTemporaryDir m_dir;
    QString m_real;
    QStringList m_data;
};

void TestTrainCommand::initTestCase()
{
    REQUIRE_SHARED_DATA();
    m_real = testsupport::sharedDataDir();
    m_data = {m_real + "/mic_negstain_07jan05b_512.mrc", m_real + "/mic_holemag_08mar13e_512.mrc",
              m_real + "/mic_leginon_256_mx512.mrc"};
}

void TestTrainCommand::trainsResumesAndUpscales()
{
    const QString out = m_dir.filePath("run");
    auto r = runCli(QStringList{"train", "--data"} + m_data
                    + QStringList{"--out", out, "--steps", "4", "--checkpoint-every", "2", "--validate-every", "4"} + kTiny);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("training on 2 files") && r.out.contains("validating on 1 file"), r.out.constData());
    QVERIFY(r.out.contains("step 4: validation loss"));
    for (const char* name : {"model.pt", "checkpoint.pt", "log.jsonl", "validation/step-0000004.mrc"})
        QVERIFY2(QFile::exists(out + "/" + name), name);
    QCOMPARE(QJsonDocument::fromJson(lines(out + "/log.jsonl").last().toUtf8()).object().value("event").toString(),
             QString("end"));

    // The model is usable at once and says what it was trained with.
    r = runCli({"model", "show", out + "/model.pt", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(shown.value("step").toInt(), 4);
    const QString upscaled = m_dir.filePath("up.mrc");
    r = runCli({"upscale", m_data[0], "--region", "0,0,32,32", "-o", upscaled, "--model", out + "/model.pt", "--steps", "2",
                "--device", "cpu"});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // Resume to a larger total: only the folder and the new total are needed.
    r = runCli({"train", "--resume", "--out", out, "--steps", "6"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("resuming at step 4 of 6"), r.out.constData());
    QVERIFY(r.out.contains("done at step 6"));
    // The habit: the command that started the run again, with --resume and a new total.
    r = runCli(QStringList{"train", "--data"} + m_data
               + QStringList{"--out", out, "--steps", "7", "--checkpoint-every", "2", "--validate-every", "4", "--resume"}
               + kTiny);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("resuming at step 6 of 7"), r.out.constData());
    r = runCli({"train", "--resume", "--out", out, "--base-channels", "16"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--base-channels cannot change when resuming: the run has 8, the command 16"), r.err.constData());
    // A new run never overwrites an old one.
    r = runCli(QStringList{"train", "--data"} + m_data + QStringList{"--out", out, "--steps", "2"} + kTiny);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already holds a training run"), r.err.constData());

    // Fine-tuning starts from the model's weights and takes its architecture; a contradiction is refused.
    const QString tuned = m_dir.filePath("tuned");
    const QStringList fineTune{"train",           "--data",  m_data[0],  m_data[1], "--out", tuned,     "--init-model",
                               out + "/model.pt", "--steps", "2",        "--batch", "2",     "--patch", "32",
                               "--warmup",        "1",       "--device", "cpu"};
    r = runCli(fineTune + QStringList{"--base-channels", "16"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cannot fine-tune") && r.err.contains("architecture"), r.err.constData());
    r = runCli(fineTune);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({"model", "show", tuned + "/model.pt", "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value("parameters"), shown.value("parameters"));
}

void TestTrainCommand::terminateStopsWithACheckpoint()
{
    // SIGTERM (the GUI's Pause, Slurm's scancel) stops after the current step with a checkpoint.
    const QString out = m_dir.filePath("terminated");
    QProcess p;
    p.start(QStringLiteral(CRYOSR_CLI),
            QStringList{"train", "--data"} + m_data + QStringList{"--out", out, "--steps", "100000", "--validate-every", "100000"}
                + kTiny);
    QTRY_VERIFY_WITH_TIMEOUT(lines(out + "/log.jsonl").size() >= 1, 120000); // the start event
    p.terminate();
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 130);
    const QJsonObject end = QJsonDocument::fromJson(lines(out + "/log.jsonl").last().toUtf8()).object();
    QCOMPARE(end.value("reason").toString(), QString("stopped"));
    QVERIFY(QFile::exists(out + "/checkpoint.pt"));
    QVERIFY(runCli({"train", "--resume", "--out", out, "--steps", QString::number(end.value("step").toInt() + 1)}).exitCode == 0);
}

void TestTrainCommand::killedRunsResumeFromTheirLastCheckpoint()
{
    // SIGKILL (out of memory, a node lost, a hard time limit) gives no chance to checkpoint: the run
    // resumes from the last checkpoint it logged, so at most one checkpoint interval is lost. Killed
    // three times at varying moments (the third right after a checkpoint began), once with half a log line.
    const QString out = m_dir.filePath("killed");
    const int interval = 3;
    int lastCheckpoint = 0;
    for (int kill = 0; kill < 3; ++kill) {
        QStringList arguments{"train",
                              "--out",
                              out,
                              "--steps",
                              "100000",
                              "--validate-every",
                              "100000",
                              "--checkpoint-every",
                              QString::number(interval)};
        arguments += kill == 0 ? QStringList{"--data"} + m_data + kTiny : QStringList{"--resume"};
        QProcess p;
        p.start(QStringLiteral(CRYOSR_CLI), arguments);
        const auto checkpoints = [&] {
            QList<int> steps;
            for (const QString& line : lines(out + "/log.jsonl")) {
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
                if (event.value("event") == "checkpoint")
                    steps << event.value("step").toInt();
            }
            return steps;
        };
        const int before = int(checkpoints().size());
        QTRY_VERIFY_WITH_TIMEOUT(checkpoints().size() >= before + 2, 120000);
        QTest::qWait(kill == 2 ? 0 : 150 * kill);
        p.kill();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const int logged = checkpoints().last();
        QVERIFY2(logged > lastCheckpoint, qPrintable(QString("%1 after %2").arg(logged).arg(lastCheckpoint)));
        QCOMPARE(logged % interval, 0);
        lastCheckpoint = logged;
        if (kill == 1) { // as if killed in the middle of writing an event
            QFile log(out + "/log.jsonl");
            QVERIFY(log.open(QIODevice::Append));
            log.write("{\"event\":\"step\",\"st");
        }
        // The files a kill may have hit are whole: the model is readable, no temporary is left.
        const auto shown = runCli({"model", "show", out + "/model.pt", "--json"});
        QVERIFY2(shown.exitCode == 0, shown.err.constData());
        const QStringList debris = QDir(out).entryList(QDir::Files | QDir::Hidden).filter(".cryosr-");
        QVERIFY2(debris.isEmpty(), qPrintable(debris.join(' ')));
    }
    // The last resume continues where the last checkpoint was, and the log reads cleanly around the cut line.
    const auto r = runCli({"train", "--resume", "--out", out, "--steps", QString::number(lastCheckpoint + 1)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(QString("resuming at step %1 of").arg(lastCheckpoint).toUtf8()), r.out.constData());
    const QStringList log = lines(out + "/log.jsonl");
    int broken = 0, starts = 0;
    for (const QString& line : log) {
        const QJsonDocument event = QJsonDocument::fromJson(line.toUtf8());
        broken += event.isObject() ? 0 : 1;
        starts += event.object().value("event") == "start" ? 1 : 0;
    }
    QCOMPARE(broken, 1);
    QCOMPARE(starts, 4); // no event was glued to the cut line
    QCOMPARE(QJsonDocument::fromJson(log.last().toUtf8()).object().value("event").toString(), QString("end"));
}

void TestTrainCommand::configFileAndPrintConfig()
{
    const QString config = m_dir.filePath("config.json");
    auto r = runCli(QStringList{"train", "--data", m_data[0], "--out", "somewhere", "--steps", "123", "--print-config"} + kTiny);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value("steps").toInt(), 123);
    QCOMPARE(json.value("architecture").toObject().value("base_channels").toInt(), 8);
    QCOMPARE(json.value("data").toArray().size(), 1);
    testsupport::writeBytes(config, r.out);

    // The file gives the settings; options on the command line override them.
    r = runCli({"train", "--config", config, "--steps", "7", "--print-config"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value("steps").toInt(), 7);
    QCOMPARE(json.value("patch").toInt(), 32);

    testsupport::writeBytes(config, R"({"steps": 10, "learning_rate": 0.1})");
    r = runCli({"train", "--config", config, "--print-config"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("unknown setting learning_rate"), r.err.constData());

    // Found by fuzz_trainingconfig: a number beyond double's range made the JSON parser throw an error
    // that was not caught, and the program ended with std::terminate.
    testsupport::writeBytes(config, R"({"steps": 10e8888})");
    r = runCli({"train", "--config", config, "--print-config"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not valid JSON") && r.err.contains("10e8888"), r.err.constData());
}

void TestTrainCommand::badDataAndOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no data") << QStringList{"--out", "x"} << 1 << "train needs --data";
    QTest::newRow("missing file") << QStringList{"--data", "/nonexistent/a.mrc", "--out", "x"} << 2 << "does not exist";
    QTest::newRow("not an image") << QStringList{"--data", "NOTIMAGE", "--out", "x"} << 2 << "notimage.mrc";
    QTest::newRow("odd patch") << QStringList{"--data", "REAL", "--out", "x", "--patch", "30"} << 1 << "multiple of 8";
    QTest::newRow("bad pairs") << QStringList{"--data", "REAL", "--out", "x", "--pairs", "both"} << 1 << "--pairs must be";
    QTest::newRow("fp16") << QStringList{"--data", "REAL", "--out", "x", "--precision", "fp16"} << 1 << "use bf16";
    QTest::newRow("nothing to resume") << QStringList{"--resume", "--out", "EMPTY"} << 2 << "checkpoint.pt";
    // A RELION STAR file stands for the micrographs it lists, relative to the project folder.
    QTest::newRow("star: no micrographs") << QStringList{"--data", "PARTICLESSTAR", "--out", "x"} << 2 << "lists no micrographs";
    QTest::newRow("star: a listed file is missing")
        << QStringList{"--data", "MICSSTAR", "--out", "x"} << 2 << "MotionCorr/job002/missing.mrc";
}

void TestTrainCommand::badDataAndOptions()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString bad = m_dir.filePath("notimage.mrc");
    testsupport::writeBytes(bad, QByteArray(4096, 'z'));
    QDir(m_dir.path()).mkpath("empty");
    const QString particles = m_dir.filePath("particles.star"), micrographs = m_dir.filePath("Select/job005/micrographs.star");
    testsupport::writeBytes(particles, "data_particles\nloop_\n_rlnImageName\n1@a.mrcs\n");
    QDir(m_dir.path()).mkpath("Select/job005");
    QDir(m_dir.path()).mkpath("MotionCorr/job002");
    QFile::copy(m_data[0], m_dir.filePath("MotionCorr/job002/present.mrc"));
    testsupport::writeBytes(micrographs,
                            "data_micrographs\nloop_\n_rlnMicrographName #1\n"
                            "MotionCorr/job002/present.mrc\nMotionCorr/job002/missing.mrc\n");
    const QString out = m_dir.filePath("bad-run");
    for (QString& a : args) {
        a.replace("NOTIMAGE", bad).replace("REAL", m_data[0]).replace("EMPTY", m_dir.filePath("empty"));
        a.replace("PARTICLESSTAR", particles).replace("MICSSTAR", micrographs);
        if (a == "x")
            a = out;
    }
    const auto r = runCli(QStringList{"train"} + args + QStringList{"--device", "cpu"});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.err.count('\n') <= 2);
    QVERIFY2(!QFile::exists(out + "/log.jsonl") && !QFile::exists(out + "/model.pt"), "bad data left files behind");
}

void TestTrainCommand::evalOfABandLimitedImage()
{
    // Fourier padding of a 64² crop is band-limited: eval's Fourier row reproduces it to round-off.
    const QString padded = m_dir.filePath("padded.mrc");
    const QString model = m_dir.filePath("tiny.cryosr");
    QCOMPARE(runCli({"baseline", m_data[0], "-o", padded, "--region", "100,100,64,64", "--method", "fourier", "--scale", "2"})
                 .exitCode,
             0);
    QCOMPARE(runCli({"model", "init", "-o", model, "--base-channels", "8", "--channel-mults", "1,2", "--res-blocks", "1",
                     "--groups", "4", "--timesteps", "50"})
                 .exitCode,
             0);
    auto r =
        runCli({"eval", "--model", model, "--inputs", padded, "--samples", "2", "--steps", "2", "--json", "--device", "cpu"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const QJsonArray methods = json.value("inputs").toArray().at(0).toObject().value("methods").toArray();
    QCOMPARE(methods.size(), 7);
    const QJsonObject fourier = methods.at(2).toObject();
    QCOMPARE(fourier.value("method").toString(), QString("fourier"));
    QVERIFY2(fourier.value("psnr").toDouble() > 100, qPrintable(QString::number(fourier.value("psnr").toDouble())));
    QVERIFY(methods.at(3).toObject().value("psnr").toDouble() < 60); // bicubic
    QVERIFY(methods.at(0).toObject().value("consistency_error").toDouble() < 1e-5);
    QCOMPARE(methods.at(2).toObject().value("frc").toObject().value("correlation").toArray().size(), 65);
    QVERIFY(methods.at(1).toObject().value("mean_std").isDouble());
    QVERIFY(methods.at(1).toObject().value("coverage").isDouble());
    QVERIFY(methods.at(1).toObject().value("tile_rank_correlation").isDouble());
    QCOMPARE(methods.at(5).toObject().value("method").toString(), QString("gaussian-oracle"));
    QVERIFY(methods.at(5).toObject().value("gaussian_sigma").isDouble());
    QCOMPARE(methods.at(6).toObject().value("method").toString(), QString("wiener-oracle"));
    // Against the image itself the oracles cannot do worse than Fourier padding (σ = 0, gains of 1 fit).
    QVERIFY(methods.at(6).toObject().value("psnr").toDouble() >= methods.at(2).toObject().value("psnr").toDouble() - 0.01);
    QCOMPARE(json.value("mean").toArray().size(), 7);
    QCOMPARE(json.value("consistency").toString(), QString("hard"));

    r = runCli({"eval", "--model", model, "--inputs", padded, "--samples", "1", "--steps", "2", "--device", "cpu"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("PSNR dB") && r.out.contains("lanczos"), r.out.constData());
    QCOMPARE(runCli({"eval", "--model", model, "--inputs", padded, "--scale", "3"}).exitCode, 1);
    QCOMPARE(runCli({"eval", "--model", model, "--inputs", padded, "--reference", "clean"}).exitCode, 2); // no clean partner
    QCOMPARE(runCli({"eval", "--model", model, "--inputs", padded, "--reference", "other"}).exitCode, 1);

    // The split reference of a real micrograph: halves of 64² from a 128² region, a 16-pixel border out.
    r = runCli({"eval", "--model", model, "--inputs", m_data[0], "--region", "0,0,128,128", "--reference", "split", "--samples",
                "2", "--steps", "2", "--consistency", "noise", "--json", "--device", "cpu"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject split = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(split.value("reference").toString(), QString("split"));
    QCOMPARE(split.value("consistency").toString(), QString("noise"));
    QCOMPARE(split.value("inputs").toArray().at(0).toObject().value("width").toInt(), 64 - 2 * 16);
}

void TestTrainCommand::frcOfAnImageWithItself()
{
    auto r = runCli({"frc", m_data[0], m_data[0], "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QVERIFY(json.value("frc_0143_angstrom").isNull()); // never falls below
    const QJsonArray correlation = json.value("frc").toObject().value("correlation").toArray();
    QCOMPARE(correlation.size(), 257); // rings 0 … 256 of a 512² image
    for (qsizetype ring = 1; ring < correlation.size(); ++ring)
        QVERIFY(std::abs(correlation.at(ring).toDouble() - 1.0) < 1e-5);
    r = runCli({"frc", m_data[0], m_data[2]});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("different sizes"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestTrainCommand)
#include "tst_traincommand.moc"
