// cryosr-cli simulate as a user runs it on a real EMDB map: a micrograph and its clean image with the
// asked size and pixel size, valid MRC, reproducible; clear errors for bad maps and settings.

#include "clirunner.h"
#include "testsupport.h"

#include "io/imagereader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using testsupport::runCli;

class TestSimulateCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulatesARealMap();
    void simulatesAtomicModels();
    void writesACorpus();
    void errors_data();
    void errors();

private:
    QTemporaryDir m_dir;
};

void TestSimulateCommand::simulatesARealMap()
{
    REQUIRE_SHARED_DATA();
    const QString map = testsupport::sharedDataDir() + "/emd_5168_100cube.map";
    const QString mic = m_dir.filePath("mic.mrc"), clean = m_dir.filePath("clean.mrc");
    const auto r = runCli({"simulate", "--map", map, "-o", mic, "--clean", clean, "--size", "300,200", "--pixel-size", "2.5",
                           "--particles", "5", "--defocus", "1.2,1.2", "--dose", "30", "--seed", "1"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("defocus 1.2 um"));
    for (const QString& file : {mic, clean}) {
        const auto reader = cryosr::openImageFile(file.toStdString());
        QCOMPARE(reader->info().width, 300);
        QCOMPARE(reader->info().height, 200);
        QCOMPARE(*reader->info().pixelSize.x, 2.5);
        if (!testsupport::pythonWithReaders().isEmpty())
            QCOMPARE(testsupport::mrcfileValidate(file), QString());
    }
    // Electrons per pixel: about dose × pixel area on average.
    const cryosr::Image image = cryosr::openImageFile(clean.toStdString())->readSection(0);
    double mean = 0;
    for (std::size_t i = 0; i < image.pixelCount(); ++i)
        mean += image.data()[i] / double(image.pixelCount());
    QVERIFY2(std::abs(mean - 30 * 2.5 * 2.5) < 0.1 * 30 * 2.5 * 2.5, qPrintable(QString::number(mean)));
    // The same seed, the same micrograph.
    const QString again = m_dir.filePath("again.mrc");
    QCOMPARE(runCli({"simulate", "--map", map, "-o", again, "--size", "300,200", "--pixel-size", "2.5", "--particles", "5",
                     "--defocus", "1.2,1.2", "--dose", "30", "--seed", "1"})
                 .exitCode,
             0);
    const cryosr::Image a = cryosr::openImageFile(mic.toStdString())->readSection(0);
    const cryosr::Image b = cryosr::openImageFile(again.toStdString())->readSection(0);
    QVERIFY(std::equal(a.data(), a.data() + a.pixelCount(), b.data()));
}

void TestSimulateCommand::simulatesAtomicModels()
{
    REQUIRE_SHARED_DATA();
    const QString structures = testsupport::sharedDataDir() + "/../structures";
    const QString mic = m_dir.filePath("atoms.mrc"), clean = m_dir.filePath("atoms.clean.mrc");
    const auto r = runCli({"simulate",
                           "--structure",
                           structures + "/1J6Z.pdb",
                           "--structure",
                           structures + "/2DQJ.pdb",
                           "--assembly",
                           "ring:3",
                           "-o",
                           mic,
                           "--clean",
                           clean,
                           "--size",
                           "256,256",
                           "--pixel-size",
                           "2",
                           "--coverage",
                           "0.2",
                           "--astigmatism",
                           "0.1",
                           "--carbon-edge",
                           "--contamination",
                           "1",
                           "--illumination-gradient",
                           "0.05",
                           "--binning",
                           "2",
                           "--seed",
                           "3"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QRegularExpression placed("(\\d+) particles");
    const auto match = placed.match(QString::fromUtf8(r.out));
    QVERIFY2(match.hasMatch() && match.captured(1).toInt() > 0, r.out.constData());
    QVERIFY(r.out.contains("pixel SNR"));
    const auto reader = cryosr::openImageFile(clean.toStdString());
    QCOMPARE(reader->info().width, 256);
    QCOMPARE(*reader->info().pixelSize.x, 2.0);
    // Atomic models need no pixel size of their own, and a bad assembly or element is said.
    QCOMPARE(runCli({"simulate", "--structure", structures + "/1akeA.pdb", "-o", m_dir.filePath("one.mrc"), "--size", "128,128",
                     "--particles", "2"})
                 .exitCode,
             0);
    auto bad =
        runCli({"simulate", "--structure", structures + "/1akeA.pdb", "--assembly", "ring:1", "-o", m_dir.filePath("x.mrc")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("ring:N"), bad.err.constData());
    testsupport::writeBytes(m_dir.filePath("nothing.pdb"), "HEADER    NO ATOMS\nEND\n");
    bad = runCli({"simulate", "--structure", m_dir.filePath("nothing.pdb"), "-o", m_dir.filePath("x.mrc")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("holds no atoms"), bad.err.constData());
    QVERIFY(!QFileInfo::exists(m_dir.filePath("x.mrc")));
}

void TestSimulateCommand::writesACorpus()
{
    REQUIRE_SHARED_DATA();
    const QString structures = testsupport::sharedDataDir() + "/../structures";
    const QString dir = m_dir.filePath("corpus");
    const QStringList args{"simulate",
                           "--structure",
                           structures + "/1ggg.pdb",
                           "--map",
                           testsupport::sharedDataDir() + "/emd_3197_20cube.map",
                           "--corpus",
                           "3",
                           "--out-dir",
                           dir,
                           "--size",
                           "96,96",
                           "--seed",
                           "5"};
    auto r = runCli(args + QStringList{"--shard", "1/2"}); // the second part: micrographs 2 and 3
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo::exists(dir + "/mic_0002.mrc") && QFileInfo::exists(dir + "/mic_0002.clean.mrc"));
    QVERIFY(QFileInfo::exists(dir + "/mic_0003.mrc") && !QFileInfo::exists(dir + "/mic_0001.mrc"));
    r = runCli(args); // finishes the rest, keeps what is there
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("mic_0001") && !r.out.contains("mic_0003"));
    QFile conditions(dir + "/conditions.jsonl");
    QVERIFY(conditions.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = conditions.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (const QByteArray& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY(o.value("pixel_size").toDouble() >= 0.5 && o.value("pixel_size").toDouble() <= 15);
        QVERIFY(o.value("dose").toDouble() >= 10 && o.value("dose").toDouble() <= 80);
        QVERIFY(o.value("species").toArray().size() >= 1);
    }
    QCOMPARE(runCli({"simulate", "--map", testsupport::sharedDataDir() + "/emd_3197_20cube.map", "--corpus", "2"}).exitCode,
             1); // no --out-dir
}

void TestSimulateCommand::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no map") << QStringList{} << 1 << "--map";
    QTest::newRow("missing map") << QStringList{"--map", "/no/such/map.mrc"} << 2 << "/no/such/map.mrc";
    QTest::newRow("size") << QStringList{"--map", "M", "--size", "300x200"} << 1 << "two numbers";
    QTest::newRow("defocus reversed") << QStringList{"--map", "M", "--defocus", "3,1"} << 1 << "MIN,MAX";
    QTest::newRow("too small") << QStringList{"--map", "M", "--size", "64,64", "--pixel-size", "1"} << 1 << "does not fit";
    QTest::newRow("an image, not a map") << QStringList{"--map", "IMAGE"} << 1 << "not a 3D map";
}

void TestSimulateCommand::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString data = testsupport::sharedDataDir();
    if ((args.contains("M") || args.contains("IMAGE")) && data.isEmpty())
        QSKIP("needs ../shared/data/real");
    args.replaceInStrings(QRegularExpression("^M$"), data + "/emd_5168_100cube.map");
    args.replaceInStrings(QRegularExpression("^IMAGE$"), data + "/mic_leginon_256_mx512.mrc");
    const QString out = m_dir.filePath("error.mrc");
    const auto r = runCli(QStringList{"simulate", "-o", out} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_GUILESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"
