// cryosr-cli info/convert as a user runs them: JSON against an independent reader, conversions
// that keep data and pixel size, exit statuses, one-line errors, no partial output, input untouched.

#include "clirunner.h"
#include "mrctestfiles.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {

using testsupport::CliResult;
using testsupport::fileHash;
using testsupport::runCli;

QJsonObject infoJson(const QString& file)
{
    const CliResult r = runCli({"info", "--json", file});
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void infoJsonMatchesIndependentReader();
    void infoJsonHasEveryKey();
    void infoTableIsReadable();
    void badFilesExitTwoWithOneLineEach();
    void convertKeepsDataAndPixelSize_data();
    void convertKeepsDataAndPixelSize();
    void convertOneSection();
    void convertDtypeWarnsAboutClipping();
    void convertedMrcValidates();
    void convertNeverOverwritesInput();
    void failedConvertLeavesNoOutput();
    void usageErrorsExitOne_data();
    void usageErrorsExitOne();
    void everyCommandHasItsOwnHelp();
    void aFullDiskIsSaidAndLosesNothing_data();
    void aFullDiskIsSaidAndLosesNothing();

private:
    QString makeStack(const QString& name);
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY(QFileInfo(CRYOSR_CLI).isExecutable());
}

QString TestCli::makeStack(const QString& name)
{
    std::vector<float> values(31 * 17 * 3);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = std::sin(static_cast<float>(i) * 0.37f) * 100.0f;
    cryosr::MrcHeader h = mrctestfiles::header(31, 17, 3, 2);
    h.cellLengths = {31 * 1.06f, 17 * 1.06f, 3 * 1.06f};
    const QString file = m_dir.filePath(name);
    testsupport::writeBytes(file, mrctestfiles::makeMrc(h, mrctestfiles::encode(values), 4));
    return file;
}

void TestCli::infoJsonMatchesIndependentReader()
{
    REQUIRE_SHARED_DATA();
    REQUIRE_PYTHON_READERS();
    const QStringList files = testsupport::sharedImageFiles();
    QString error;
    const auto expected = testsupport::independentRead(files, QString(), &error);
    QVERIFY2(expected.size() == files.size(), qPrintable(error));
    const CliResult r = runCli(QStringList{"info", "--json"} + files);
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), files.size());
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject ours = QJsonDocument::fromJson(lines[i]).object();
        const QJsonObject theirs = expected[i];
        const QString name = QFileInfo(files[i]).fileName();
        QCOMPARE(ours["file"].toString(), files[i]);
        for (const char* key : {"format", "dtype"})
            QVERIFY2(ours[key] == theirs[key], qPrintable(name + " " + key));
        for (const char* key : {"width", "height", "sections", "mrc_mode"})
            QVERIFY2(ours[key] == theirs[key], qPrintable(name + " " + key));
        // Extremes are samples: printed with 9 digits they must be the very same float32.
        for (const char* key : {"min", "max"})
            QVERIFY2(float(ours[key].toDouble()) == float(theirs[key].toDouble()), qPrintable(name + " " + key));
        for (const char* key : {"mean", "std"}) {
            const double a = ours[key].toDouble(), b = theirs[key].toDouble();
            QVERIFY2(std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)), qPrintable(name + " " + key));
        }
        const QJsonValue px = theirs["pixel_size_xyz"].toArray()[0];
        QCOMPARE(ours["pixel_size"].isNull(), px.isNull());
        if (!px.isNull())
            QVERIFY2(std::abs(ours["pixel_size"].toDouble() - px.toDouble()) < 1e-6 * px.toDouble(), qPrintable(name));
    }
}

void TestCli::infoJsonHasEveryKey()
{
    const QJsonObject o = infoJson(makeStack("keys.mrc"));
    for (const char* key :
         {"file", "format", "width", "height", "sections", "dtype", "mrc_mode", "pixel_size", "min", "max", "mean", "std"})
        QVERIFY2(o.contains(key), key);
    QCOMPARE(o["format"].toString(), QString("mrc"));
    QCOMPARE(o["sections"].toInt(), 3);
    QCOMPARE(o["dtype"].toString(), QString("float32"));
    QVERIFY(std::abs(o["pixel_size"].toDouble() - 1.06) < 1e-6);
}

void TestCli::infoTableIsReadable()
{
    const CliResult r = runCli({"info", makeStack("table.mrc")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // a header and one row
    QVERIFY(lines[0].startsWith("FORMAT"));
    const QList<QByteArray> cells = lines[1].simplified().split(' ');
    QCOMPARE(cells.mid(0, 7), (QList<QByteArray>{"mrc", "31", "17", "3", "float32", "2", "1.06"}));
    QVERIFY(lines[1].endsWith("table.mrc"));
}

void TestCli::badFilesExitTwoWithOneLineEach()
{
    const QString good = makeStack("good.mrc");
    const QString bad = m_dir.filePath("bad.mrc");
    testsupport::writeBytes(bad, "this is not a micrograph");
    const QString missing = m_dir.filePath("missing.tif");
    const CliResult r = runCli({"info", "--json", bad, good, missing});
    QCOMPARE(r.exitCode, 2);
    const QList<QByteArray> errors = r.err.trimmed().split('\n');
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors[0].contains(bad.toUtf8()) && errors[0].contains("not an MRC or TIFF file"));
    QVERIFY(errors[1].contains(missing.toUtf8()) && errors[1].contains("No such file"));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(QJsonDocument::fromJson(lines[0]).object().contains("error"));
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object()["width"].toInt(), 31); // the good file is still reported
    QVERIFY(QJsonDocument::fromJson(lines[2]).object().contains("error"));
}

void TestCli::convertKeepsDataAndPixelSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("float16 stack") << "ptcl_betagal_relion5_f16_64x64x242.mrcs";
    QTest::newRow("int16 atlas") << "atlas_lowmag_20may08a_1024_i16.mrc";
    QTest::newRow("uint16 negative cell") << "de_roi_movie_negcell_16x16x348_u16.mrc";
    QTest::newRow("TVIPS uint8 TIFF") << "tiff_tvips_camera_1024_u8.tif";
    QTest::newRow("ImageJ stack") << "tiff_imagej_mt_tomo_94x206x36_u8.tif";
    QTest::newRow("12-bit TIFF") << "tiff_12bit_64x64.tiff";
}

void TestCli::convertKeepsDataAndPixelSize()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    const QString in = testsupport::sharedDataDir() + "/" + file;
    const bool tiffIn = file.endsWith(".tif") || file.endsWith(".tiff");
    const QString middle = m_dir.filePath(tiffIn ? "middle.mrc" : "middle.tiff");
    const QString back = m_dir.filePath(tiffIn ? "back.tif" : "back.mrc");
    QCOMPARE(runCli({"convert", in, middle}).exitCode, 0);
    QCOMPARE(runCli({"convert", middle, back}).exitCode, 0);
    const QJsonObject a = infoJson(in), b = infoJson(middle), c = infoJson(back);
    for (const char* key : {"width", "height", "sections", "min", "max", "mean", "std"}) {
        QVERIFY2(a[key] == b[key], key);
        QVERIFY2(a[key] == c[key], key);
    }
    // A type both formats store is kept all the way; others are widened losslessly once.
    const QString dtype = a["dtype"].toString();
    if (dtype == "int16" || dtype == "uint16" || dtype == "float32")
        QCOMPARE(c["dtype"], a["dtype"]);
    else if (dtype == "uint8")
        QCOMPARE(b["dtype"].toString(), QString("uint16")); // MRC has no unsigned byte mode
    else if (dtype == "float16")
        QCOMPARE(b["dtype"].toString(), QString("float32")); // TIFF readers rarely take 16-bit floats
    QCOMPARE(b["pixel_size"].isNull(), a["pixel_size"].isNull());
    if (!a["pixel_size"].isNull())
        QVERIFY(std::abs(c["pixel_size"].toDouble() / a["pixel_size"].toDouble() - 1.0) < 1e-6);
}

void TestCli::convertOneSection()
{
    const QString in = makeStack("sections.mrc");
    const QString out = m_dir.filePath("section2.tif");
    const CliResult r = runCli({"convert", in, out, "--section", "2"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = infoJson(out);
    QCOMPARE(o["sections"].toInt(), 1);
    QCOMPARE(o["format"].toString(), QString("tiff"));
    QCOMPARE(o["dtype"].toString(), QString("float32"));
    // Section 2 of the stack has the values i = 2*31*17 ... : compare its first sample.
    const CliResult back = runCli({"convert", out, m_dir.filePath("section2.mrc")});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(infoJson(m_dir.filePath("section2.mrc"))["min"], o["min"]);
    QCOMPARE(runCli({"convert", in, m_dir.filePath("nope.mrc"), "--section", "3"}).exitCode, 2);
    QVERIFY(!QFileInfo::exists(m_dir.filePath("nope.mrc")));
}

void TestCli::convertDtypeWarnsAboutClipping()
{
    const QString in = makeStack("clip.mrc"); // values in -100..100, not integers
    const CliResult r = runCli({"convert", in, m_dir.filePath("clip_u16.mrc"), "--dtype", "uint16"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("clipped"), r.err.constData()); // negatives cannot be uint16
    const QJsonObject o = infoJson(m_dir.filePath("clip_u16.mrc"));
    QCOMPARE(o["dtype"].toString(), QString("uint16"));
    QCOMPARE(o["min"].toDouble(), 0.0);
    QCOMPARE(o["mrc_mode"].toInt(), 6);
    const CliResult f16 = runCli({"convert", in, m_dir.filePath("half.mrcs"), "--dtype", "float16"});
    QCOMPARE(f16.exitCode, 0);
    QCOMPARE(infoJson(m_dir.filePath("half.mrcs"))["mrc_mode"].toInt(), 12);
}

void TestCli::convertedMrcValidates()
{
    REQUIRE_SHARED_DATA();
    REQUIRE_PYTHON_READERS();
    for (const QString& file : testsupport::sharedImageFiles()) {
        const QString out = m_dir.filePath("validate.mrc");
        const CliResult r = runCli({"convert", file, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString report = testsupport::mrcfileValidate(out);
        QVERIFY2(report.isEmpty(), qPrintable(QFileInfo(file).fileName() + ": " + report));
    }
}

void TestCli::convertNeverOverwritesInput()
{
    const QString in = makeStack("precious.mrc");
    const QByteArray before = fileHash(in);
    const QString sameViaOtherPath = m_dir.path() + "/./precious.mrc";
    for (const QString& out : {in, sameViaOtherPath}) {
        const CliResult r = runCli({"convert", in, out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("never overwrites its input"));
    }
    QCOMPARE(fileHash(in), before);
}

void TestCli::failedConvertLeavesNoOutput()
{
    QTemporaryDir dir;
    const QString in = dir.filePath("cut.mrc");
    QByteArray bytes = mrctestfiles::makeMrc(mrctestfiles::header(64, 64, 4, 2), QByteArray(64 * 64 * 3 * 4 + 100, 1), 4);
    testsupport::writeBytes(in, bytes);
    const CliResult r = runCli({"convert", in, dir.filePath("out.tif")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.contains("file ends after 100 of 16,384 bytes of section 3"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"cut.mrc"});
}

void TestCli::usageErrorsExitOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{"frobnicate"};
    QTest::newRow("info without files") << QStringList{"info", "--json"};
    QTest::newRow("unknown option") << QStringList{"info", "--yaml", "x.mrc"};
    QTest::newRow("unknown output extension") << QStringList{"convert", "in.mrc", "out.png"};
    QTest::newRow("bad dtype") << QStringList{"convert", "in.mrc", "out.mrc", "--dtype", "float64"};
    QTest::newRow("float16 TIFF") << QStringList{"convert", "in.mrc", "out.tif", "--dtype", "float16"};
    QTest::newRow("negative section") << QStringList{"convert", "in.mrc", "out.mrc", "--section", "-1"};
    QTest::newRow("missing OUT") << QStringList{"convert", "in.mrc"};
}

void TestCli::usageErrorsExitOne()
{
    QFETCH(QStringList, args);
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
}

void TestCli::everyCommandHasItsOwnHelp()
{
    // The overview lists every command; each one's --help (and -h) gives its usage line, says what it does
    // and what its exit status means, on stdout with status 0, so `cryosr-cli X --help | less` works.
    const testsupport::CliResult overview = testsupport::runCli({"--help"});
    QCOMPARE(overview.exitCode, 0);
    QStringList commands;
    bool inList = false;
    for (const QByteArray& line : overview.out.split('\n')) {
        if (line.startsWith("Commands:"))
            inList = true;
        else if (inList && line.trimmed().isEmpty())
            break;
        else if (inList)
            commands << QString::fromUtf8(line.trimmed()).section(' ', 0, 0);
    }
    commands.sort();
    QCOMPARE(
        commands,
        (QStringList{"baseline", "bench", "convert", "ctf", "eval", "frc", "info", "model", "simulate", "train", "upscale"}));
    for (const QString& command : commands) {
        for (const char* option : {"--help", "-h"}) {
            const testsupport::CliResult help = testsupport::runCli({command, option});
            const QString text = QString::fromUtf8(help.out);
            QVERIFY2(help.exitCode == 0, qPrintable(command + ": exit " + QString::number(help.exitCode)));
            QVERIFY2(text.startsWith("usage: cryosr-cli " + command), qPrintable(command + ": " + text.left(80)));
            QVERIFY2(text.contains("Exit status"), qPrintable(command + " --help does not explain its exit status"));
            QVERIFY2(text.count('\n') >= 5, qPrintable(command + " --help is a usage line only"));
        }
    }
}

void TestCli::aFullDiskIsSaidAndLosesNothing_data()
{
    QTest::addColumn<QStringList>("command"); // OUT stands for the output on the full disk
    QTest::addColumn<QString>("output");
    QTest::newRow("convert to MRC") << QStringList{"convert", "INPUT", "OUT"} << "out.mrc";
    QTest::newRow("convert to TIFF") << QStringList{"convert", "INPUT", "OUT"} << "out.tif";
    QTest::newRow("upscale") << QStringList{"upscale", "INPUT", "-o", "OUT", "--region", "0,0,200,200", "--steps", "1"}
                             << "out.mrc";
}

void TestCli::aFullDiskIsSaidAndLosesNothing()
{
    // A 256 KiB file system (tmpfs in a private mount namespace: no root needed) that holds a previous
    // output: the write fails with the system's reason, the previous file is intact, nothing else is left.
    QFETCH(QStringList, command);
    QFETCH(QString, output);
    if (QStandardPaths::findExecutable("unshare").isEmpty())
        QSKIP("unshare (util-linux) is not installed");
    const QString input = m_dir.filePath("fulldisk_in.mrc");
    const QString full = m_dir.filePath("full");
    QVERIFY(QDir().mkpath(full));
    command.replaceInStrings("INPUT", input).replaceInStrings("OUT", full + "/" + output);
    // Make the input large enough not to fit: 400 x 400 float32 = 625 KiB.
    std::vector<float> values(400 * 400, 1.5f);
    testsupport::writeBytes(input, mrctestfiles::makeMrc(mrctestfiles::header(400, 400, 1, 2), mrctestfiles::encode(values), 4));
    QStringList quoted;
    for (const QString& argument : command)
        quoted << "'" + argument + "'";
    const QString script = QStringLiteral(
                               "mount -t tmpfs -o size=256k none '%1' && printf previous > '%1/%2' && "
                               "'%3' %4; echo \"exit $?\"; ls -A '%1'; cat '%1/%2'")
                               .arg(full, output, QStringLiteral(CRYOSR_CLI), quoted.join(' '));
    QProcess shell;
    shell.start("unshare", {"--user", "--map-root-user", "--mount", "sh", "-c", script});
    QVERIFY(shell.waitForFinished(300000));
    const QString out = QString::fromUtf8(shell.readAllStandardOutput());
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    if (err.contains("unshare failed") || err.contains("Operation not permitted"))
        QSKIP(qPrintable("no private mount namespace here: " + err));
    QVERIFY2(out.startsWith("exit 2\n"), qPrintable(out + err));
    QVERIFY2(err.contains(output + ": cannot write: No space left on device"), qPrintable(err));
    QCOMPARE(out.mid(7), output + "\nprevious"); // only the previous file, unchanged
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
