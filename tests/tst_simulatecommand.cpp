// cryosr-cli simulate as a user runs it on a real EMDB map: a micrograph and its clean image with the
// asked size and pixel size, valid MRC, reproducible; clear errors for bad maps and settings.

#include "clirunner.h"
#include "testsupport.h"

#include "io/imagereader.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using testsupport::runCli;

class TestSimulateCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulatesARealMap();
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
    const auto r = runCli({"simulate", "--map", map, "-o", mic, "--clean", clean, "--size", "300,200", "--pixel-size",
                           "2.5", "--particles", "5", "--defocus", "1.2,1.2", "--dose", "30", "--seed", "1"});
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
    QCOMPARE(runCli({"simulate", "--map", map, "-o", again, "--size", "300,200", "--pixel-size", "2.5", "--particles",
                     "5", "--defocus", "1.2,1.2", "--dose", "30", "--seed", "1"}).exitCode,
             0);
    const cryosr::Image a = cryosr::openImageFile(mic.toStdString())->readSection(0);
    const cryosr::Image b = cryosr::openImageFile(again.toStdString())->readSection(0);
    QVERIFY(std::equal(a.data(), a.data() + a.pixelCount(), b.data()));
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
