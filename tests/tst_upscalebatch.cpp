// cryosr-cli upscale over many inputs (app/cli/upscalebatch, slurmarray) as a user runs it: files,
// globs and STAR files into one folder, names, skipping what is done, a failing file among good ones,
// the RELION STAR file of the outputs, shards, several workers, and the Slurm job-array script run
// task by task (every input exactly once; resubmitting finishes what is missing).

#include "clirunner.h"
#include "mrctestfiles.h"
#include "testsupport.h"

#include "io/imagereader.h"
#include "io/starfile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

using testsupport::runCli;

namespace {

QString readText(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestUpscaleBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filesGlobsAndStarIntoOneFolder();
    void finishedOutputsAreSkipped();
    void interruptedBatchResumes();
    void aFailingFileDoesNotStopTheRest();
    void namesFollowThePattern();
    void shardsSplitTheList();
    void slurmArrayCoversEveryInputOnce();
    void workersShareTheFiles();
    void mistakesAreExplained_data();
    void mistakesAreExplained();

private:
    testsupport::CliResult batch(const QStringList& inputs, const QString& outDir, const QStringList& extra = {});
    QStringList writtenOutputs(const QByteArray& out) const;

    QTemporaryDir m_dir;
    QString m_model;
    QStringList m_inputs; // in/mic_0.mrc … in/mic_6.mrc, 1.5 Å pixels
};

void TestUpscaleBatch::initTestCase()
{
    m_model = m_dir.filePath("tiny.cryosr");
    const auto r = runCli({"model", "init", "-o", m_model, "--base-channels", "8", "--channel-mults", "1,2", "--res-blocks", "1",
                           "--attention-levels", "none", "--groups", "4", "--timesteps", "100"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QDir(m_dir.path()).mkpath("in");
    for (int i = 0; i < 7; ++i) {
        std::vector<float> values(24 * 20);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 24; ++x)
                values[std::size_t(y * 24 + x)] = float(100 + 10 * std::sin(0.5 * x + i) * std::cos(0.3 * y));
        cryosr::MrcHeader h = mrctestfiles::header(24, 20, 1, 2);
        h.cellLengths = {24 * 1.5f, 20 * 1.5f, 1.5f};
        m_inputs << m_dir.filePath(QString("in/mic_%1.mrc").arg(i));
        testsupport::writeBytes(m_inputs.back(), mrctestfiles::makeMrc(h, mrctestfiles::encode(values), 4));
    }
}

testsupport::CliResult TestUpscaleBatch::batch(const QStringList& inputs, const QString& outDir, const QStringList& extra)
{
    return runCli(QStringList{"upscale"} + inputs + QStringList{"--out-dir", outDir, "--model", m_model, "--steps", "2"} + extra);
}

/// The files a run's "wrote FILE (…)" lines name.
QStringList TestUpscaleBatch::writtenOutputs(const QByteArray& out) const
{
    QStringList files;
    static const QRegularExpression wrote(R"(\] wrote (\S+) \()");
    for (auto it = wrote.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        files << it.next().captured(1);
    return files;
}

void TestUpscaleBatch::filesGlobsAndStarIntoOneFolder()
{
    // A STAR file naming two micrographs relative to the project folder (its own folder here).
    const QString star = m_dir.filePath("micrographs.star");
    testsupport::writeBytes(star, "data_micrographs\nloop_\n_rlnMicrographName #1\nin/mic_5.mrc\nin/mic_6.mrc\n");
    const QString out = m_dir.filePath("all");
    const auto r = batch({m_inputs[0], m_dir.filePath("in/mic_[1-4].mrc"), star, m_inputs[1]}, out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("7 inputs: 7 to upscale, 0 already done"), r.out.constData()); // mic_1 named twice: once
    QVERIFY(r.out.contains("upscaled 7, skipped 0 already done, failed 0"));
    QCOMPARE(writtenOutputs(r.out).size(), 7);
    for (int i = 0; i < 7; ++i) {
        const QString file = out + QString("/mic_%1_x2.mrc").arg(i);
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        const auto info = cryosr::openImageFile(file.toStdString())->info();
        QCOMPARE(info.width, 48);
        QCOMPARE(info.height, 40);
        QCOMPARE(*info.pixelSize.x, 0.75);
        // The settings that decide the numbers, the precision "auto" chose among them.
        const QString run = QString::fromStdString(info.mrc->labels.back());
        QVERIFY2(run.startsWith("run: ") && run.contains(", seed 0, 1 sample, eta 0, ")
                     && run.endsWith("model " + QFileInfo(m_model).completeBaseName()),
                 qPrintable(run));
    }
    // The STAR file for RELION lists every output, with the optics group's pixel size.
    const auto listed = cryosr::starColumn(readText(out + "/micrographs_upscaled.star").toStdString(), "_rlnMicrographName");
    QCOMPARE(int(listed.size()), 7);
    QVERIFY(QString::fromStdString(listed[3]).endsWith("mic_3_x2.mrc"));
    QCOMPARE(cryosr::starColumn(readText(out + "/micrographs_upscaled.star").toStdString(), "_rlnMicrographPixelSize"),
             std::vector<std::string>{"0.75"});
}

void TestUpscaleBatch::finishedOutputsAreSkipped()
{
    const QString out = m_dir.filePath("resume");
    QVERIFY(batch(m_inputs.mid(0, 3), out).exitCode == 0);
    const QByteArray before = testsupport::fileHash(out + "/mic_1_x2.mrc");
    QFile::remove(out + "/mic_2_x2.mrc"); // as if interrupted before it
    const auto r = batch(m_inputs.mid(0, 4), out);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("4 inputs: 2 to upscale, 2 already done"), r.out.constData());
    QCOMPARE(writtenOutputs(r.out), (QStringList{out + "/mic_2_x2.mrc", out + "/mic_3_x2.mrc"}));
    QCOMPARE(testsupport::fileHash(out + "/mic_1_x2.mrc"), before);
}

void TestUpscaleBatch::interruptedBatchResumes()
{
    const QString out = m_dir.filePath("interrupted");
    QProcess p;
    p.start(CRYOSR_CLI,
            QStringList{"upscale"} + m_inputs
                + QStringList{"--out-dir", out, "--model", m_model, "--steps", "100", "--samples", "4"});
    QVERIFY(p.waitForStarted());
    // Ctrl-C once the first file is written: the file under way is dropped, the rest left for later.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out + "/mic_0_x2.mrc"), 120000);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(p.readAllStandardError().contains("run the command again"));
    const int written = int(QDir(out).entryList({"*_x2.mrc"}).size());
    QVERIFY2(written >= 1 && written < 7, qPrintable(QString::number(written)));
    QVERIFY(QDir(out).entryList(QDir::Hidden | QDir::Files).filter(QRegularExpression("^\\.")).isEmpty()); // no debris
    // Running it again finishes the rest.
    const auto r = batch(m_inputs, out);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QString("7 inputs: %1 to upscale, %2 already done").arg(7 - written).arg(written).toUtf8()),
             r.out.constData());
    QCOMPARE(int(QDir(out).entryList({"*_x2.mrc"}).size()), 7);
}

void TestUpscaleBatch::aFailingFileDoesNotStopTheRest()
{
    const QString broken = m_dir.filePath("in/broken.mrc");
    testsupport::writeBytes(broken, QByteArray(300, 'x'));
    const QString out = m_dir.filePath("failing");
    const auto r = batch({m_inputs[0], broken, m_dir.filePath("in/missing.mrc"), m_inputs[1]}, out);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains("upscaled 2, skipped 0 already done, failed 2"), r.out.constData());
    QVERIFY(r.out.contains("failed: " + broken.toUtf8()));
    QVERIFY(r.out.contains("missing.mrc"));
    QVERIFY(QFileInfo::exists(out + "/mic_1_x2.mrc"));
    QCOMPARE(int(cryosr::starColumn(readText(out + "/micrographs_upscaled.star").toStdString(), "_rlnMicrographName").size()), 2);
    QVERIFY(QDir(out).entryList(QDir::Hidden | QDir::Files).filter(QRegularExpression("^\\.")).isEmpty()); // no debris
}

void TestUpscaleBatch::namesFollowThePattern()
{
    const QString out = m_dir.filePath("named");
    const auto r = batch(m_inputs.mid(0, 2), out, {"--name", "{parent}_{index}_{stem}_x{scale}.tif"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo::exists(out + "/in_0_mic_0_x2.tif"));
    QCOMPARE(cryosr::openImageFile((out + "/in_1_mic_1_x2.tif").toStdString())->info().format, cryosr::FileFormat::Tiff);
    // Two inputs to one name, and placeholders that do not exist, are refused before anything runs.
    const auto clash = batch(m_inputs.mid(0, 2), out, {"--name", "same.mrc"});
    QCOMPARE(clash.exitCode, 1);
    QVERIFY2(clash.err.contains("gives") && clash.err.contains("{index}"), clash.err.constData());
    QCOMPARE(batch(m_inputs.mid(0, 2), out, {"--name", "{size}.mrc"}).exitCode, 1);
}

void TestUpscaleBatch::shardsSplitTheList()
{
    // 7 inputs in 3 shards: 2, 2 and 3 of them, in order, none twice (--dry-run lists and writes nothing).
    QStringList seen;
    for (int shard = 0; shard < 3; ++shard) {
        const auto r =
            batch({m_dir.filePath("in/mic_?.mrc")}, m_dir.filePath("dry"), {"--shard", QString("%1/3").arg(shard), "--dry-run"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split('\n').filter(QRegularExpression("^todo "));
        QCOMPARE(lines.size(), shard == 2 ? 3 : 2);
        for (const QString& line : lines)
            seen << line.section(' ', 2, 2);
    }
    QCOMPARE(seen, m_inputs);
    QVERIFY(!QFileInfo::exists(m_dir.filePath("dry")));
}

void TestUpscaleBatch::slurmArrayCoversEveryInputOnce()
{
    const QString out = m_dir.filePath("array");
    const auto made = batch({m_dir.filePath("in/mic_*.mrc")}, out, {"--slurm-array", "3", "--device", "cpu"});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString script = out + "/cryosr-upscale-array.sbatch";
    const QString text = readText(script);
    QVERIFY(text.contains("#SBATCH --array=0-2\n"));
    QVERIFY(!text.contains(QRegularExpression("^#SBATCH --gres", QRegularExpression::MultilineOption))); // --device cpu
    QVERIFY(!text.contains("{{"));
    // Run it as Slurm would: task i with SLURM_ARRAY_TASK_ID=i, from anywhere.
    auto runTask = [&](int task, const QStringList& extra) {
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", QString::number(task));
        bash.setProcessEnvironment(env);
        bash.setWorkingDirectory(QDir::rootPath());
        bash.start("bash", QStringList{script} + extra);
        bash.waitForFinished(300000);
        const QByteArray output = bash.readAllStandardOutput();
        if (bash.exitCode() != 0)
            qWarning("task %d: %s %s", task, output.constData(), bash.readAllStandardError().constData());
        return output;
    };
    // What the tasks would do (--dry-run after the script's name): every input in exactly one task.
    QStringList planned;
    for (int task = 0; task < 3; ++task)
        for (const QString& line :
             QString::fromUtf8(runTask(task, {"--dry-run"})).split('\n').filter(QRegularExpression("^todo ")))
            planned << line.section(QChar(0x20), 2, 2);
    QCOMPARE(planned, m_inputs);
    auto runTasks = [&] {
        QStringList written;
        for (int task = 0; task < 3; ++task)
            written += writtenOutputs(runTask(task, {}));
        return written;
    };
    QStringList written = runTasks();
    written.sort();
    QStringList expected;
    for (int i = 0; i < 7; ++i)
        expected << out + QString("/mic_%1_x2.mrc").arg(i);
    QCOMPARE(written, expected);
    // The last task to finish listed what all tasks wrote.
    QCOMPARE(int(cryosr::starColumn(readText(out + "/micrographs_upscaled.star").toStdString(), "_rlnMicrographName").size()), 7);
    // Submitting again finishes only what is missing.
    QFile::remove(expected[4]);
    QCOMPARE(runTasks().size(), 1);
    QVERIFY(QFileInfo::exists(expected[4]));
}

void TestUpscaleBatch::workersShareTheFiles()
{
    const QString out = m_dir.filePath("workers");
    const auto r = batch(m_inputs, out, {"--devices", "cpu,cpu"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList written = writtenOutputs(r.out);
    QCOMPARE(written.size(), 7);
    written.removeDuplicates();
    QCOMPARE(written.size(), 7);
}

void TestUpscaleBatch::mistakesAreExplained_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no out-dir") << QStringList{"a.mrc", "b.mrc"} << 1 << "--out-dir";
    QTest::newRow("-o with many") << QStringList{"a.mrc", "b.mrc", "-o", "x.mrc", "--out-dir", "o"} << 1 << "--name";
    QTest::newRow("glob matches nothing") << QStringList{"/nowhere/*.mrc", "--out-dir", "o"} << 1 << "no file matches";
    QTest::newRow("shard") << QStringList{"a.mrc", "--out-dir", "o", "--shard", "3/3"} << 1 << "0 ≤ i < n";
    QTest::newRow("devices") << QStringList{"a.mrc", "--out-dir", "o", "--devices", "x"} << 1 << "GPU numbers";
    QTest::newRow("precision") << QStringList{"a.mrc", "--out-dir", "o", "--precision", "fp8"} << 1 << "auto, fp32, bf16 or fp16";
    QTest::newRow("both device options") << QStringList{"a.mrc", "--out-dir", "o", "--devices", "0", "--device", "cpu"} << 1
                                         << "not both";
    QTest::newRow("missing STAR") << QStringList{"/nowhere/m.star", "--out-dir", "o"} << 2 << "m.star";
    QTest::newRow("slurm with shard") << QStringList{"a.mrc", "--out-dir", "o", "--slurm-array", "2", "--shard", "0/2"} << 1
                                      << "leave out --shard";
}

void TestUpscaleBatch::mistakesAreExplained()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QProcess p; // from the test folder, so relative names stay inside it
    p.setWorkingDirectory(m_dir.path());
    p.start(CRYOSR_CLI, QStringList{"upscale", "--model", m_model, "--steps", "2"} + args);
    QVERIFY(p.waitForFinished(120000));
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), exitCode);
    QVERIFY2(err.contains(message.toUtf8()), err.constData());
}

QTEST_GUILESS_MAIN(TestUpscaleBatch)
#include "tst_upscalebatch.moc"
