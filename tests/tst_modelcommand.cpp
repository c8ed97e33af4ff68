// cryosr-cli model init/show as a user runs them: the flags reach the file, show reports what init
// wrote, `default` is found (or its absence explained), bad input exits 1 or 2 with one line.

#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using testsupport::runCli;

class TestModelCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initWritesWhatTheFlagsSay();
    void showJsonHasTheDocumentedKeys();
    void showTextIsReadable();
    void defaultIsFoundThroughModelDir();
    void shippedModelsAreFound_data();
    void shippedModelsAreFound();
    void badArchitecturesExitOne_data();
    void badArchitecturesExitOne();
    void foreignFilesExitTwo();
    void convertRefusesWhatItCannotConvert();
    void calibrateWritesTheScale();

private:
    QJsonObject show(const QString& file, const QProcessEnvironment& env = {});
    QTemporaryDir m_dir;
};

QJsonObject TestModelCommand::show(const QString& file, const QProcessEnvironment& env)
{
    const testsupport::CliResult r = runCli({"model", "show", file, "--json"}, env);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

void TestModelCommand::initWritesWhatTheFlagsSay()
{
    const QString file = m_dir.filePath("flags.cryosr");
    const QStringList flags{"--scale",      "3",   "--base-channels",    "16",     "--channel-mults", "1,2",
                            "--res-blocks", "1",   "--attention-levels", "none",   "--groups",        "4",
                            "--timesteps",  "200", "--schedule",         "cosine", "--condition",     "bicubic",
                            "--seed",       "7"};
    const auto r = runCli(QStringList{"model", "init", "-o", file} + flags);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("untrained 3x model"));
    const QJsonObject o = show(file);
    QCOMPARE(o["scale"].toInt(), 3);
    QCOMPARE(o["step"].toInt(), 0);
    QCOMPARE(o["condition_upsampling"].toString(), QString("bicubic"));
    const QJsonObject a = o["architecture"].toObject();
    QCOMPARE(a["base_channels"].toInt(), 16);
    QCOMPARE(a["channel_multipliers"].toArray(), QJsonArray({1, 2}));
    QCOMPARE(a["res_blocks"].toInt(), 1);
    QCOMPARE(a["attention_levels"].toArray(), QJsonArray());
    QCOMPARE(a["groups"].toInt(), 4);
    const QJsonObject s = o["schedule"].toObject();
    QCOMPARE(s["kind"].toString(), QString("cosine"));
    QCOMPARE(s["timesteps"].toInt(), 200);
    // The parameter count init prints is the one show reads back from the weights.
    const QString printed = QString::fromUtf8(r.out).section('(', 1).section(' ', 0, 0).remove(',');
    QCOMPARE(o["parameters"].toVariant().toLongLong(), printed.toLongLong());

    // The same seed gives the same weights: the files are identical apart from nothing.
    const QString again = m_dir.filePath("again.cryosr");
    QCOMPARE(runCli(QStringList{"model", "init", "-o", again} + flags).exitCode, 0);
    QCOMPARE(testsupport::fileHash(again), testsupport::fileHash(file));
}

void TestModelCommand::showJsonHasTheDocumentedKeys()
{
    const QString file = m_dir.filePath("keys.cryosr");
    QCOMPARE(runCli({"model", "init", "-o", file, "--base-channels", "8", "--channel-mults", "1,2"}).exitCode, 0);
    const QJsonObject o = show(file);
    for (const char* key : {"file", "scale", "parameters", "architecture", "schedule", "step", "format_version", "normalization",
                            "metadata", "prediction", "consistency", "condition_filtered", "sd_scale"})
        QVERIFY2(o.contains(key), key);
    QCOMPARE(o["prediction"].toString(), QString("epsilon"));
    QCOMPARE(o["consistency"].toString(), QString("hard"));
    QVERIFY(o["sd_scale"].isNull()); // not calibrated
    QCOMPARE(o["file"].toString(), file);
    QVERIFY(o["parameters"].toInt() > 1000);
    QCOMPARE(o["scale"].toInt(), 2); // the default
    QCOMPARE(o["schedule"].toObject()["kind"].toString(), QString("linear"));
    QCOMPARE(o["schedule"].toObject()["beta_end"].toDouble(), 0.02);
    QVERIFY(o["metadata"].isObject());
}

void TestModelCommand::showTextIsReadable()
{
    const QString file = m_dir.filePath("text.cryosr");
    QCOMPARE(runCli({"model", "init", "-o", file, "--base-channels", "8", "--channel-mults", "1,2"}).exitCode, 0);
    const auto r = runCli({"model", "show", file});
    QCOMPARE(r.exitCode, 0);
    for (const char* line : {"scale         2x", "training      untrained", "mults 1-2", "linear, T = 1000",
                             "predicts      epsilon", "data term     hard", "uncertainty   not calibrated"})
        QVERIFY2(r.out.contains(line), line);
}

void TestModelCommand::calibrateWritesTheScale()
{
    REQUIRE_SHARED_DATA();
    // Two small simulated micrographs with their clean images; an untrained model's spread is fitted.
    const QString map = testsupport::sharedDataDir() + "/emd_3197_20cube.map";
    QStringList inputs;
    for (int i = 0; i < 2; ++i) {
        const QString mic = m_dir.filePath(QString("calib%1.mrc").arg(i));
        QCOMPARE(runCli({"simulate", "--map", map, "-o", mic, "--clean", m_dir.filePath(QString("calib%1.clean.mrc").arg(i)),
                         "--size", "64,64", "--pixel-size", "8", "--particles", "2", "--seed", QString::number(i)})
                     .exitCode,
                 0);
        inputs << mic;
    }
    const QString model = m_dir.filePath("uncalibrated.cryosr"), out = m_dir.filePath("calibrated.cryosr");
    QCOMPARE(runCli({"model", "init", "-o", model, "--base-channels", "8", "--channel-mults", "1,2", "--res-blocks", "1",
                     "--groups", "4", "--timesteps", "50"})
                 .exitCode,
             0);
    const auto r =
        runCli(QStringList{"model", "calibrate", model, "-o", out, "--samples", "3", "--steps", "2", "--inputs"} + inputs);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("standard deviation scale"), r.out.constData());
    const QJsonObject o = show(out);
    QVERIFY(o["sd_scale"].toDouble() > 0);
    const QJsonObject how = o["metadata"].toObject()["calibration"].toObject();
    QCOMPARE(how["samples"].toInt(), 3);
    QCOMPARE(how["files"].toArray().size(), 2);
    QVERIFY(how["coverage_before"].isDouble());
    QVERIFY(show(model)["sd_scale"].isNull()); // the input model is left as it was
    QCOMPARE(runCli({"model", "calibrate", model, "-o", model, "--inputs", inputs[0]}).exitCode, 2); // never over the input
    QCOMPARE(runCli({"model", "calibrate", model, "-o", out}).exitCode, 1); // no inputs
}

void TestModelCommand::defaultIsFoundThroughModelDir()
{
    QTemporaryDir models;
    const QString file = models.filePath("default.cryosr");
    QCOMPARE(runCli({"model", "init", "-o", file, "--base-channels", "8", "--channel-mults", "1"}).exitCode, 0);
    QProcessEnvironment env;
    env.insert("CRYOSR_MODEL_DIR", models.path());
    QCOMPARE(show("default", env)["file"].toString(), file);
}

void TestModelCommand::shippedModelsAreFound_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("prediction");
    QTest::addColumn<QString>("consistency");
    QTest::addColumn<bool>("calibrated");
    QTest::newRow("default: faithful") << "default"
                                       << "epsilon"
                                       << "hard" << false;
    QTest::newRow("denoise") << "denoise"
                             << "v"
                             << "noise" << true;
}

void TestModelCommand::shippedModelsAreFound()
{
    // With an empty CRYOSR_MODEL_DIR the search goes on to the installation and the build tree,
    // where the shipped, trained 2x models live (resources/models/, cards in docs/models.md).
    QFETCH(QString, name);
    QTemporaryDir empty;
    QProcessEnvironment env;
    env.insert("CRYOSR_MODEL_DIR", empty.path());
    const QJsonObject shown = show(name, env);
    QVERIFY2(shown["file"].toString().endsWith("models/" + name + ".cryosr"), qPrintable(shown["file"].toString()));
    QCOMPARE(shown["scale"].toInt(), 2);
    QVERIFY(shown["step"].toInt() > 0); // trained, not a placeholder
    QVERIFY(shown["metadata"].toObject().contains("config"));
    QTEST(shown["prediction"].toString(), "prediction");
    QTEST(shown["consistency"].toString(), "consistency");
    QFETCH(bool, calibrated);
    QCOMPARE(shown["sd_scale"].isDouble(), calibrated);
}

void TestModelCommand::badArchitecturesExitOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("groups do not divide") << QStringList{"--base-channels", "12", "--groups", "8"} << "do not divide";
    QTest::newRow("malformed mults") << QStringList{"--channel-mults", "1,,2"} << "comma-separated";
    QTest::newRow("attention level missing") << QStringList{"--attention-levels", "5"} << "does not exist";
    QTest::newRow("schedule") << QStringList{"--schedule", "sigmoid"} << "linear or cosine";
    QTest::newRow("beta end below start") << QStringList{"--beta-start", "0.1", "--beta-end", "0.01"} << "";
    QTest::newRow("scale") << QStringList{"--scale", "0"} << "--scale";
    QTest::newRow("no output") << QStringList{} << "-o FILE";
}

void TestModelCommand::badArchitecturesExitOne()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString file = m_dir.filePath("bad.cryosr");
    const QStringList output = args.isEmpty() ? QStringList{} : QStringList{"-o", file};
    const auto r = runCli(QStringList{"model", "init"} + output + args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFileInfo::exists(file));
}

void TestModelCommand::foreignFilesExitTwo()
{
    const QString text = m_dir.filePath("notes.cryosr");
    testsupport::writeBytes(text, "not a model\n");
    auto r = runCli({"model", "show", text});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("not a CryoSR model file"));
    QCOMPARE(r.err.count('\n'), 1);
    r = runCli({"model", "init", "-o", m_dir.filePath("no/such/folder/m.cryosr")});
    QCOMPARE(r.exitCode, 2);
}

// The conversion itself (bit-exact weights from an earlier CryoSR's archive) is tested in tst_modelfile,
// which can write such an archive; here what a user may get wrong.
void TestModelCommand::convertRefusesWhatItCannotConvert()
{
    const QString current = m_dir.filePath("current.cryosr");
    QCOMPARE(runCli({"model", "init", "-o", current, "--base-channels", "8", "--channel-mults", "1,2", "--groups", "4"}).exitCode,
             0);
    const QByteArray before = [&] {
        QFile f(current);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const QString out = m_dir.filePath("converted.cryosr");

    auto r = runCli({"model", "convert", current, "-o", out});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not a model file of an earlier CryoSR"), r.err.constData());
    r = runCli({"model", "convert", current, "-o", current});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("is the input file"), r.err.constData());
    r = runCli({"model", "convert", current});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("needs -o NEW"));
    r = runCli({"model", "convert", "-o", out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo::exists(out));
    QFile f(current);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    r = runCli({"model", "--help"});
    QVERIFY(r.out.contains("cryosr-cli model convert OLD -o NEW"));
}

QTEST_GUILESS_MAIN(TestModelCommand)
#include "tst_modelcommand.moc"
