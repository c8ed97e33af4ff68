// TIFF reading: real files against the README and an independent reader (tifffile), encodings of
// the same pixels decoding identically, region reads over strips and tiles.

#include "testsupport.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cryosr;

Q_DECLARE_METATYPE(cryosr::Region)

namespace {

std::unique_ptr<ImageReader> openShared(const QString& name)
{
    return openImageFile((testsupport::sharedDataDir() + "/" + name).toStdString());
}

bool sameSamples(ImageReader& a, ImageReader& b)
{
    if (a.info().width != b.info().width || a.info().height != b.info().height || a.info().sections != b.info().sections)
        return false;
    for (int s = 0; s < a.info().sections; ++s) {
        const Image x = a.readSection(s);
        const Image y = b.readSection(s);
        if (!std::equal(x.data(), x.data() + x.pixelCount(), y.data()))
            return false;
    }
    return true;
}

} // namespace

class TestTiffReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realFilesMatchTheirDocumentation_data();
    void realFilesMatchTheirDocumentation();
    void realFilesMatchIndependentReader();
    void encodingsOfTheSamePixelsAgree_data();
    void encodingsOfTheSamePixelsAgree();
    void regionEqualsCropOfSection_data();
    void regionEqualsCropOfSection();
    void regionReadsOnlyItsStrips();

private:
    QTemporaryDir m_dir;
};

void TestTiffReader::realFilesMatchTheirDocumentation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("sections");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<double>("pixelSize"); // Å; 0 = unknown
    // From ../shared/data/real/README.md (pixel sizes derived from the tags it quotes).
    QTest::newRow("TVIPS camera, px/cm") << "tiff_tvips_camera_1024_u8.tif" << 1024 << 1024 << 1 << "uint8" << 14.208;
    QTest::newRow("DM int32, 72 dpi print default") << "tiff_dm_saved_68x68_i32.tif" << 68 << 68 << 1 << "int32" << 0.0;
    QTest::newRow("DM float stack") << "tiff_dm_saved_stack_68x68_f32.tif" << 68 << 68 << 2 << "float32" << 0.0;
    QTest::newRow("ImageJ nm units") << "tiff_imagej_mt_tomo_94x206x36_u8.tif" << 94 << 206 << 36 << "uint8" << 10.52;
    QTest::newRow("ScanImage BigTIFF") << "tiff_scanimage_bigtiff_i16.tif" << 64 << 64 << 4 << "int16" << 42186.0;
    QTest::newRow("GM uint16 big-endian") << "tiff_gm_minisblack_u16.tiff" << 157 << 151 << 1 << "uint16" << 0.0;
    QTest::newRow("GM int16") << "tiff_gm_minisblack_i16.tiff" << 157 << 151 << 1 << "int16" << 0.0;
    QTest::newRow("GM uint8") << "tiff_gm_minisblack_u8.tiff" << 157 << 151 << 1 << "uint8" << 0.0;
    QTest::newRow("float LZW predictor 3") << "tiff_photoshop_f32_lzw_pred3.tif" << 200 << 200 << 1 << "float32" << 0.0;
    QTest::newRow("ZSTD") << "tiff_tifffile_i16_zstd.tif" << 64 << 64 << 1 << "int16" << 0.0;
    QTest::newRow("tiled LZW predictor 2 int8") << "tiff_tiled_lzw_pred2_i8_499x374.tif" << 499 << 374 << 1 << "int8" << 0.0;
    QTest::newRow("12-bit packed") << "tiff_12bit_64x64.tiff" << 64 << 64 << 1 << "uint16" << 0.0;
    QTest::newRow("multipage") << "tiff_seq_u8_multipage.tiff" << 16 << 16 << 3 << "uint8" << 0.0;
    QTest::newRow("BigTIFF") << "tiff_seq_u8_bigtiff.tiff" << 16 << 16 << 1 << "uint8" << 0.0;
    QTest::newRow("float deflate predictor 3") << "tiff_seq_f32_deflate_pred3.tiff" << 16 << 16 << 1 << "float32" << 0.0;
}

void TestTiffReader::realFilesMatchTheirDocumentation()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, sections);
    QFETCH(QString, dtype);
    QFETCH(double, pixelSize);
    auto reader = openShared(file);
    const FileInfo& info = reader->info();
    QCOMPARE(info.format, FileFormat::Tiff);
    QVERIFY(!info.mrc.has_value());
    QCOMPARE(info.width, width);
    QCOMPARE(info.height, height);
    QCOMPARE(info.sections, sections);
    QCOMPARE(QString::fromLatin1(sampleTypeName(info.sampleType)), dtype);
    if (pixelSize == 0.0) {
        QVERIFY(!info.pixelSize.x.has_value());
    } else {
        QVERIFY(info.pixelSize.x.has_value());
        QVERIFY2(std::abs(*info.pixelSize.x - pixelSize) < 1e-3 * pixelSize, qPrintable(QString::number(*info.pixelSize.x)));
    }
    reader->readSection(sections - 1);
}

void TestTiffReader::realFilesMatchIndependentReader()
{
    REQUIRE_SHARED_DATA();
    REQUIRE_PYTHON_READERS();
    QStringList files;
    for (const QString& f : testsupport::sharedImageFiles())
        if (f.endsWith(".tif") || f.endsWith(".tiff"))
            files << f;
    QVERIFY(files.size() >= 21);
    QString error;
    const auto expected = testsupport::independentRead(files, m_dir.path(), &error);
    QVERIFY2(expected.size() == files.size(), qPrintable(error));
    for (int i = 0; i < files.size(); ++i) {
        auto reader = openImageFile(files[i].toStdString());
        const QString difference =
            testsupport::compareWithIndependentReader(*reader, expected[i], testsupport::dumpedSamples(m_dir.path(), i));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

void TestTiffReader::encodingsOfTheSamePixelsAgree_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("variant");
    QTest::newRow("float deflate+pred3") << "tiff_seq_f32_plain.tiff"
                                         << "tiff_seq_f32_deflate_pred3.tiff";
    QTest::newRow("uint16 LZW") << "tiff_seq_u16_bigendian.tiff"
                                << "tiff_seq_u16_lzw.tiff";
    QTest::newRow("uint16 deflate") << "tiff_seq_u16_bigendian.tiff"
                                    << "tiff_seq_u16_deflate.tiff";
    QTest::newRow("uint16 tiled") << "tiff_seq_u16_bigendian.tiff"
                                  << "tiff_seq_u16_tiled.tiff";
    QTest::newRow("uint8 packbits") << "tiff_seq_u8_bigtiff.tiff"
                                    << "tiff_seq_u8_packbits.tiff";
}

void TestTiffReader::encodingsOfTheSamePixelsAgree()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, reference);
    QFETCH(QString, variant);
    auto a = openShared(reference);
    auto b = openShared(variant);
    QCOMPARE(a->info().sampleType, b->info().sampleType);
    QVERIFY(sameSamples(*a, *b));
    // And the content is not trivially constant (a test that cannot fail would prove nothing).
    const Image image = a->readSection(0);
    QVERIFY(*std::max_element(image.data(), image.data() + image.pixelCount())
            > *std::min_element(image.data(), image.data() + image.pixelCount()));
}

void TestTiffReader::regionEqualsCropOfSection_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("section");
    QTest::addColumn<Region>("region");
    QTest::newRow("tiled, oversize tile") << "tiff_tiled_lzw_pred2_i8_499x374.tif" << 0 << Region{100, 50, 399, 324};
    QTest::newRow("tiled, one pixel") << "tiff_tiled_lzw_pred2_i8_499x374.tif" << 0 << Region{498, 373, 1, 1};
    QTest::newRow("one row per strip") << "tiff_tvips_camera_1024_u8.tif" << 0 << Region{900, 10, 124, 300};
    QTest::newRow("12-bit, odd start") << "tiff_12bit_64x64.tiff" << 0 << Region{3, 7, 31, 20};
    QTest::newRow("float LZW") << "tiff_photoshop_f32_lzw_pred3.tif" << 0 << Region{1, 199, 199, 1};
    QTest::newRow("ImageJ page 35") << "tiff_imagej_mt_tomo_94x206x36_u8.tif" << 35 << Region{10, 20, 50, 100};
}

void TestTiffReader::regionEqualsCropOfSection()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(int, section);
    QFETCH(Region, region);
    auto reader = openShared(file);
    const QString difference = testsupport::compareRegionWithCrop(*reader, section, region);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestTiffReader::regionReadsOnlyItsStrips()
{
    if (testsupport::bytesReadSoFar() < 0)
        QSKIP("/proc/self/io is not available here");
    const int n = 4096; // a 64 MB float32 page in 256 KB strips
    const QString file = m_dir.filePath("large.tif");
    WriteSpec spec;
    spec.width = n;
    spec.height = n;
    auto writer = createImageWriter(file.toStdString(), FileFormat::Tiff, spec);
    writer->writeSection(Image(n, n));
    writer->commit();
    auto reader = openImageFile(file.toStdString());
    const qint64 before = testsupport::bytesReadSoFar();
    const Image part = reader->readRegion(0, Region{1000, 2000, 64, 64});
    const qint64 read = testsupport::bytesReadSoFar() - before;
    QCOMPARE(part.height(), 64);
    QVERIFY2(read < 4 * 1024 * 1024, qPrintable(QString("read %1 bytes").arg(read)));
}

QTEST_GUILESS_MAIN(TestTiffReader)
#include "tst_tiffreader.moc"
