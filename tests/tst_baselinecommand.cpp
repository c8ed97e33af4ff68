// cryosr-cli baseline: classical upscaling as a user runs it. Fourier padding keeps every input
// frequency and adds none; bicubic and Lanczos keep flat areas flat; sizes, pixel size and errors.

#include "clirunner.h"
#include "mrctestfiles.h"
#include "testsupport.h"

#include "io/imagereader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using testsupport::runCli;

class TestBaselineCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fourierReproducesABandLimitedImage();
    void everyMethodKeepsFlatAreasFlat_data();
    void everyMethodKeepsFlatAreasFlat();
    void regionAndPixelSize();
    void errors_data();
    void errors();

private:
    QString write(const QString& name, int width, int height, const std::function<float(int, int)>& value);
    QTemporaryDir m_dir;
    QString m_wave;
};

QString TestBaselineCommand::write(const QString& name, int width, int height, const std::function<float(int, int)>& value)
{
    std::vector<float> values;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            values.push_back(value(x, y));
    const QString file = m_dir.filePath(name);
    testsupport::writeBytes(file,
                            mrctestfiles::makeMrc(mrctestfiles::header(width, height, 1, 2), mrctestfiles::encode(values), 4));
    return file;
}

void TestBaselineCommand::initTestCase()
{
    // A periodic wave well below Nyquist on a 24 × 18 grid: its band-limited interpolation is known.
    m_wave = write("wave.mrc", 24, 18,
                   [](int x, int y) { return float(10 + 3 * std::cos(2 * M_PI * (2.0 * x / 24 + 3.0 * y / 18))); });
}

void TestBaselineCommand::fourierReproducesABandLimitedImage()
{
    const QString out = m_dir.filePath("wave-x3.mrc");
    const auto r = runCli({"baseline", m_wave, "-o", out, "--scale", "3", "--method", "fourier"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const cryosr::Image up = cryosr::openImageFile(out.toStdString())->readSection(0);
    QCOMPARE(up.width(), 72);
    QCOMPARE(up.height(), 54);
    double worst = 0;
    for (int y = 0; y < 54; ++y)
        for (int x = 0; x < 72; ++x)
            worst = std::max(worst, std::abs(up.at(x, y) - (10 + 3 * std::cos(2 * M_PI * (2.0 * x / 72 + 3.0 * y / 54)))));
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
}

void TestBaselineCommand::everyMethodKeepsFlatAreasFlat_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fourier") << "fourier";
    QTest::newRow("bicubic") << "bicubic";
    QTest::newRow("lanczos") << "lanczos";
}

void TestBaselineCommand::everyMethodKeepsFlatAreasFlat()
{
    QFETCH(QString, method);
    const QString flat = write("flat.mrc", 11, 7, [](int, int) { return 42.0f; });
    const QString out = m_dir.filePath("flat-" + method + ".mrc");
    QCOMPARE(runCli({"baseline", flat, "-o", out, "--scale", "2", "--method", method}).exitCode, 0);
    const cryosr::Image up = cryosr::openImageFile(out.toStdString())->readSection(0);
    QCOMPARE(up.width(), 22);
    for (std::size_t i = 0; i < up.pixelCount(); ++i)
        QVERIFY2(std::abs(up.data()[i] - 42.0f) < 1e-4, qPrintable(QString("pixel %1: %2").arg(i).arg(up.data()[i])));
}

void TestBaselineCommand::regionAndPixelSize()
{
    const QString out = m_dir.filePath("region.mrc");
    QCOMPARE(runCli({"baseline", m_wave, "-o", out, "--scale", "2", "--method", "lanczos", "--region", "4,5,6,3"}).exitCode, 0);
    const auto reader = cryosr::openImageFile(out.toStdString());
    QCOMPARE(reader->info().width, 12);
    QCOMPARE(reader->info().height, 6);
    QCOMPARE(*reader->info().pixelSize.x, 1.0); // mrctestfiles: 2 Å pixels
    QCOMPARE(reader->info().mrc->start, (std::array<int, 3>{8, 10, 0}));
}

void TestBaselineCommand::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no scale") << QStringList{"--method", "fourier"} << 1 << "--scale";
    QTest::newRow("scale 0") << QStringList{"--scale", "0", "--method", "fourier"} << 1 << "--scale";
    QTest::newRow("method") << QStringList{"--scale", "2", "--method", "nearest"} << 1 << "fourier, bicubic or lanczos";
    QTest::newRow("region") << QStringList{"--scale", "2", "--method", "fourier", "--region", "20,0,10,10"} << 1
                            << "is not inside";
}

void TestBaselineCommand::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString out = m_dir.filePath("error.mrc");
    const auto r = runCli(QStringList{"baseline", m_wave, "-o", out} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(runCli({"baseline", m_wave, "-o", m_wave, "--scale", "2", "--method", "fourier"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestBaselineCommand)
#include "tst_baselinecommand.moc"
