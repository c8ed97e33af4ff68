// TIFF writing: exact round trips, resolution tags, multi-page stacks readable by tifffile, and
// MRC -> TIFF -> MRC round trips of the real files.

#include "testsupport.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cryosr;

namespace {

Image pattern(int width, int height, float scale, float offset)
{
    Image image(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at(x, y) = std::round(((x * 31 + y * 17) % 97) * scale + offset);
    return image;
}

void copyFile(ImageReader& reader, const QString& target, FileFormat format, SampleType type)
{
    const FileInfo& info = reader.info();
    WriteSpec spec;
    spec.width = info.width;
    spec.height = info.height;
    spec.type = type;
    spec.pixelSize = info.pixelSize;
    auto writer = createImageWriter(target.toStdString(), format, spec);
    for (int s = 0; s < info.sections; ++s)
        writer->writeSection(reader.readSection(s));
    writer->commit();
}

} // namespace

class TestTiffWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsExact_data();
    void roundTripIsExact();
    void tifffileReadsWhatWeWrite();
    void mrcToTiffToMrcIsExact();
    void float16IsRefused();

private:
    QTemporaryDir m_dir;
};

void TestTiffWriter::roundTripIsExact_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("scale");
    QTest::addColumn<float>("offset");
    QTest::newRow("float32") << int(SampleType::Float32) << 0.001f << -0.05f;
    QTest::newRow("uint16") << int(SampleType::UInt16) << 600.0f << 0.0f;
    QTest::newRow("int16") << int(SampleType::Int16) << 600.0f << -30000.0f;
    QTest::newRow("uint8") << int(SampleType::UInt8) << 2.0f << 0.0f;
    QTest::newRow("int32") << int(SampleType::Int32) << 1000.0f << -50000.0f;
}

void TestTiffWriter::roundTripIsExact()
{
    QFETCH(int, type);
    QFETCH(float, scale);
    QFETCH(float, offset);
    std::vector<Image> pages{pattern(301, 257, scale, offset), pattern(301, 257, scale, offset + 3)};
    if (SampleType(type) == SampleType::Float32)
        pages[1].at(5, 5) = 0.123456789f;
    WriteSpec spec;
    spec.width = 301;
    spec.height = 257;
    spec.type = SampleType(type);
    spec.pixelSize = PixelSize{0.885, 0.885, std::nullopt};
    const QString file = m_dir.filePath(QString("rt_%1.tif").arg(type));
    auto writer = createImageWriter(file.toStdString(), FileFormat::Tiff, spec);
    for (const Image& p : pages)
        writer->writeSection(p);
    writer->commit();

    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().format, FileFormat::Tiff);
    QCOMPARE(reader->info().sampleType, SampleType(type));
    QCOMPARE(reader->info().sections, 2);
    QVERIFY(std::abs(*reader->info().pixelSize.x - 0.885) < 1e-6);
    QVERIFY(std::abs(*reader->info().pixelSize.y - 0.885) < 1e-6);
    for (int s = 0; s < 2; ++s) {
        const Image back = reader->readSection(s);
        QVERIFY(std::equal(back.data(), back.data() + back.pixelCount(), pages[s].data()));
    }
}

void TestTiffWriter::tifffileReadsWhatWeWrite()
{
    REQUIRE_PYTHON_READERS();
    WriteSpec spec;
    spec.width = 64;
    spec.height = 48;
    spec.type = SampleType::UInt16;
    spec.pixelSize = PixelSize{14.2, 14.2, std::nullopt};
    const QString file = m_dir.filePath("for_tifffile.tiff");
    auto writer = createImageWriter(file.toStdString(), FileFormat::Tiff, spec);
    for (int s = 0; s < 3; ++s)
        writer->writeSection(pattern(64, 48, 100.0f, 10.0f * s));
    writer->commit();

    QString error;
    const auto found = testsupport::independentRead({file}, m_dir.path(), &error);
    QVERIFY2(found.size() == 1, qPrintable(error));
    QCOMPARE(found[0]["width"].toInt(), 64);
    QCOMPARE(found[0]["height"].toInt(), 48);
    QCOMPARE(found[0]["sections"].toInt(), 3);
    QCOMPARE(found[0]["dtype"].toString(), QString("uint16"));
    QVERIFY(std::abs(found[0]["pixel_size_xyz"].toArray()[0].toDouble() - 14.2) < 1e-4);
    const QList<float> samples = testsupport::dumpedSamples(m_dir.path(), 0);
    const Image third = pattern(64, 48, 100.0f, 20.0f);
    QVERIFY(std::equal(third.data(), third.data() + third.pixelCount(), samples.begin() + 2 * 64 * 48));
}

void TestTiffWriter::mrcToTiffToMrcIsExact()
{
    REQUIRE_SHARED_DATA();
    int checked = 0;
    for (const QString& path : testsupport::sharedImageFiles()) {
        if (path.endsWith(".tif") || path.endsWith(".tiff"))
            continue;
        auto original = openImageFile(path.toStdString());
        const SampleType tiffType = losslessStorageType(FileFormat::Tiff, original->info().sampleType);
        const QString tiff = m_dir.filePath("via.tif");
        const QString mrc = m_dir.filePath("back.mrc");
        copyFile(*original, tiff, FileFormat::Tiff, tiffType);
        auto middle = openImageFile(tiff.toStdString());
        copyFile(*middle, mrc, FileFormat::Mrc, original->info().sampleType);
        auto back = openImageFile(mrc.toStdString());
        QCOMPARE(back->info().sampleType, original->info().sampleType);
        QCOMPARE(back->info().sections, original->info().sections);
        QCOMPARE(back->info().pixelSize.x.has_value(), original->info().pixelSize.x.has_value());
        if (original->info().pixelSize.x)
            QVERIFY(std::abs(*back->info().pixelSize.x - *original->info().pixelSize.x) < 1e-6 * *original->info().pixelSize.x);
        for (int s = 0; s < original->info().sections; ++s) {
            const Image a = original->readSection(s);
            const Image b = back->readSection(s);
            QVERIFY2(std::equal(a.data(), a.data() + a.pixelCount(), b.data(),
                                [](float x, float y) { return x == y || (std::isnan(x) && std::isnan(y)); }),
                     qPrintable(QFileInfo(path).fileName()));
        }
        ++checked;
    }
    QVERIFY(checked >= 14);
}

void TestTiffWriter::float16IsRefused()
{
    WriteSpec spec;
    spec.width = 2;
    spec.height = 2;
    spec.type = SampleType::Float16;
    QVERIFY_THROWS_EXCEPTION(ArgumentError, createImageWriter(m_dir.filePath("x.tif").toStdString(), FileFormat::Tiff, spec));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("x.tif")));
}

QTEST_GUILESS_MAIN(TestTiffWriter)
#include "tst_tiffwriter.moc"
