// MrcReader: real files from ../shared against the README and an independent reader (mrcfile),
// region reads, every mode, both byte orders, odd machine stamps, extended headers.

#include "mrctestfiles.h"
#include "testsupport.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/mrcreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cryosr;

Q_DECLARE_METATYPE(cryosr::Region)

class TestMrcReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realFilesMatchTheirDocumentation_data();
    void realFilesMatchTheirDocumentation();
    void realFilesMatchIndependentReader();
    void headerDetailsAreRecordedNotApplied();
    void regionEqualsCropOfSection_data();
    void regionEqualsCropOfSection();
    void everyModeDecodes_data();
    void everyModeDecodes();
    void byteOrderIsDetectedWhateverTheStamp_data();
    void byteOrderIsDetectedWhateverTheStamp();
    void packedNibblesOddWidth();
    void imodUnsignedBytes();
    void extendedHeaderIsSkipped();
    void pixelSizeRules();
    void outOfRangeRequestsAreErrors();
    void regionReadsOnlyItsRows();
    void aFileDeletedWhileOpenStaysReadable();
    void aFileCutShortWhileOpenIsAClearError();

private:
    QTemporaryDir m_dir;
};

void TestMrcReader::realFilesMatchTheirDocumentation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("sections");
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<int>("mode");
    QTest::addColumn<double>("pixelSize"); // 0 = unknown
    // From ../shared/data/real/README.md.
    QTest::newRow("ucsf micrograph") << "mic_ucsf1142_dw_959x927.mrc" << 959 << 927 << 1 << "float32" << 2 << 1.0;
    QTest::newRow("negative stain") << "mic_negstain_07jan05b_512.mrc" << 512 << 512 << 1 << "float32" << 2 << 1.0;
    QTest::newRow("stamp 00 00 44 44 (hole)") << "mic_holemag_08mar13e_512.mrc" << 512 << 512 << 1 << "float32" << 2 << 1.0;
    QTest::newRow("stamp 00 00 44 44 (square)") << "mic_sqmag_08mar13e_512.mrc" << 512 << 512 << 1 << "float32" << 2 << 1.0;
    QTest::newRow("mx differs from nx") << "mic_leginon_256_mx512.mrc" << 256 << 256 << 1 << "float32" << 2 << 1.0;
    QTest::newRow("int16 atlas") << "atlas_lowmag_20may08a_1024_i16.mrc" << 1024 << 1024 << 1 << "int16" << 1 << 1.0;
    QTest::newRow("cell 0") << "ptcl_empiar10076_320x320x7.mrc" << 320 << 320 << 7 << "float32" << 2 << 0.0;
    QTest::newRow("float16 stack") << "ptcl_betagal_relion5_f16_64x64x242.mrcs" << 64 << 64 << 242 << "float16" << 12 << 3.54;
    QTest::newRow("class averages") << "class2d_betagal_relion5_64x64x50.mrcs" << 64 << 64 << 50 << "float32" << 2 << 3.54;
    QTest::newRow("volume") << "emd_5168_100cube.map" << 100 << 100 << 100 << "float32" << 2 << 1.742;
    QTest::newRow("crystal map") << "emd_3001_microed_p21.map" << 73 << 43 << 25 << "float32" << 2 << 0.44825;
    QTest::newRow("small volume") << "emd_3197_20cube.map" << 20 << 20 << 20 << "float32" << 2 << 11.4;
    QTest::newRow("FEI2 extended header") << "de_haadf_fei2ext_16x16_u16.mrc" << 16 << 16 << 1 << "uint16" << 6 << 56.791313;
    QTest::newRow("negative cell") << "de_roi_movie_negcell_16x16x348_u16.mrc" << 16 << 16 << 348 << "uint16" << 6 << 10.0;
}

void TestMrcReader::realFilesMatchTheirDocumentation()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, sections);
    QFETCH(QString, dtype);
    QFETCH(int, mode);
    QFETCH(double, pixelSize);
    auto reader = openImageFile((testsupport::sharedDataDir() + "/" + file).toStdString());
    const FileInfo& info = reader->info();
    QCOMPARE(info.format, FileFormat::Mrc);
    QCOMPARE(info.width, width);
    QCOMPARE(info.height, height);
    QCOMPARE(info.sections, sections);
    QCOMPARE(QString::fromLatin1(sampleTypeName(info.sampleType)), dtype);
    QCOMPARE(info.mrc->mode, mode);
    if (pixelSize == 0.0) {
        QVERIFY(!info.pixelSize.x.has_value());
    } else {
        QVERIFY(info.pixelSize.x.has_value());
        QVERIFY2(std::abs(*info.pixelSize.x - pixelSize) < 1e-4 * pixelSize, qPrintable(QString::number(*info.pixelSize.x)));
    }
    // The last section reads completely (the size check at open time is what guarantees it).
    const Image last = reader->readSection(sections - 1);
    QCOMPARE(last.width(), width);
}

void TestMrcReader::realFilesMatchIndependentReader()
{
    REQUIRE_SHARED_DATA();
    REQUIRE_PYTHON_READERS();
    QStringList files;
    for (const QString& f : testsupport::sharedImageFiles())
        if (!f.endsWith(".tif") && !f.endsWith(".tiff"))
            files << f;
    QVERIFY(files.size() >= 14);
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

void TestMrcReader::headerDetailsAreRecordedNotApplied()
{
    REQUIRE_SHARED_DATA();
    auto reader = openImageFile((testsupport::sharedDataDir() + "/emd_3001_microed_p21.map").toStdString());
    const MrcDetails& mrc = *reader->info().mrc;
    QCOMPARE(mrc.axisOrder, (std::array<int, 3>{3, 1, 2}));
    QCOMPARE(mrc.spaceGroup, 4);
    QCOMPARE(mrc.extendedHeaderBytes, 160);
    QCOMPARE(mrc.sampling, (std::array<int, 3>{40, 12, 72}));
    QCOMPARE(reader->info().width, 73); // NX as stored, not the MAPC-permuted axis

    auto fei = openImageFile((testsupport::sharedDataDir() + "/de_haadf_fei2ext_16x16_u16.mrc").toStdString());
    QCOMPARE(fei->info().mrc->extendedHeaderType, std::string("FEI2"));
    QCOMPARE(fei->info().mrc->extendedHeaderBytes, 909312);

    auto atlas = openImageFile((testsupport::sharedDataDir() + "/atlas_lowmag_20may08a_1024_i16.mrc").toStdString());
    QCOMPARE(atlas->info().mrc->extendedHeaderType, std::string("MRCO"));
    QCOMPARE(atlas->info().mrc->version, 20140);
}

void TestMrcReader::regionEqualsCropOfSection_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("section");
    QTest::addColumn<Region>("region");
    QTest::newRow("corner") << "mic_negstain_07jan05b_512.mrc" << 0 << Region{0, 0, 17, 9};
    QTest::newRow("far corner") << "mic_negstain_07jan05b_512.mrc" << 0 << Region{500, 490, 12, 22};
    QTest::newRow("one pixel") << "mic_ucsf1142_dw_959x927.mrc" << 0 << Region{958, 926, 1, 1};
    QTest::newRow("full rows") << "atlas_lowmag_20may08a_1024_i16.mrc" << 0 << Region{0, 100, 1024, 33};
    QTest::newRow("odd interior") << "mic_ucsf1142_dw_959x927.mrc" << 0 << Region{101, 203, 301, 157};
    QTest::newRow("float16 last section") << "ptcl_betagal_relion5_f16_64x64x242.mrcs" << 241 << Region{3, 5, 33, 41};
    QTest::newRow("big-endian-less stamp") << "mic_holemag_08mar13e_512.mrc" << 0 << Region{7, 300, 200, 100};
}

void TestMrcReader::regionEqualsCropOfSection()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(int, section);
    QFETCH(Region, region);
    auto reader = openImageFile((testsupport::sharedDataDir() + "/" + file).toStdString());
    const QString difference = testsupport::compareRegionWithCrop(*reader, section, region);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestMrcReader::everyModeDecodes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("sampleBytes");
    QTest::addColumn<QList<float>>("expected");
    const QList<float> values{-3, 0, 7, 100, -128, 127};
    QTest::newRow("0 int8") << 0 << mrctestfiles::encode<std::int8_t>({-3, 0, 7, 100, -128, 127}) << 1 << values;
    QTest::newRow("1 int16") << 1 << mrctestfiles::encode<std::int16_t>({-3, 0, 7, 100, -128, 127}) << 2 << values;
    QTest::newRow("2 float32") << 2 << mrctestfiles::encode<float>({-3, 0, 7, 100, -128, 127}) << 4 << values;
    QTest::newRow("6 uint16") << 6 << mrctestfiles::encode<std::uint16_t>({3, 0, 7, 100, 65535, 127}) << 2
                              << QList<float>{3, 0, 7, 100, 65535, 127};
    // float16 bit patterns of -3, 0, 7, 100, -128, 127
    QTest::newRow("12 float16") << 12 << mrctestfiles::encode<std::uint16_t>({0xC200, 0x0000, 0x4700, 0x5640, 0xD800, 0x57F0})
                                << 2 << values;
}

void TestMrcReader::everyModeDecodes()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, data);
    QFETCH(int, sampleBytes);
    QFETCH(QList<float>, expected);
    for (const bool bigEndian : {false, true}) {
        const QString file = m_dir.filePath(QString("mode%1_%2.mrc").arg(mode).arg(bigEndian));
        const QByteArray stamp = bigEndian ? QByteArray("\x11\x11\x00\x00", 4) : QByteArray("\x44\x44\x00\x00", 4);
        testsupport::writeBytes(file,
                                mrctestfiles::makeMrc(mrctestfiles::header(3, 2, 1, mode), data, sampleBytes, bigEndian, stamp));
        auto reader = openImageFile(file.toStdString());
        QCOMPARE(reader->info().mrc->bigEndian, bigEndian);
        const Image image = reader->readSection(0);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(image.data()[i], expected[i]);
    }
}

void TestMrcReader::byteOrderIsDetectedWhateverTheStamp_data()
{
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<QByteArray>("stamp");
    QTest::newRow("little, standard") << false << QByteArray("\x44\x44\x00\x00", 4);
    QTest::newRow("little, 44 41") << false << QByteArray("\x44\x41\x00\x00", 4);
    QTest::newRow("little, zero stamp") << false << QByteArray(4, '\0');
    QTest::newRow("little, 00 00 44 44") << false << QByteArray("\x00\x00\x44\x44", 4);
    QTest::newRow("little, lying big stamp") << false << QByteArray("\x11\x11\x00\x00", 4);
    QTest::newRow("big, standard") << true << QByteArray("\x11\x11\x00\x00", 4);
    QTest::newRow("big, zero stamp") << true << QByteArray(4, '\0');
    QTest::newRow("big, lying little stamp") << true << QByteArray("\x44\x44\x00\x00", 4);
}

void TestMrcReader::byteOrderIsDetectedWhateverTheStamp()
{
    QFETCH(bool, bigEndian);
    QFETCH(QByteArray, stamp);
    std::vector<float> values(40 * 30);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(i) * 0.25f - 7.0f;
    const QString file = m_dir.filePath(QString("order_%1.mrc").arg(QTest::currentDataTag()).replace(' ', '_'));
    testsupport::writeBytes(
        file, mrctestfiles::makeMrc(mrctestfiles::header(40, 30, 1, 2), mrctestfiles::encode(values), 4, bigEndian, stamp));
    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().width, 40);
    QCOMPARE(reader->info().height, 30);
    const Image image = reader->readSection(0);
    QCOMPARE(image.at(39, 29), values.back());
    QCOMPARE(image.at(1, 0), values[1]);
}

void TestMrcReader::packedNibblesOddWidth()
{
    // 5 x 2 pixels, 3 bytes per row: low nibble first, the last nibble of each row is padding.
    const QByteArray data(
        "\x21\x43\x05"
        "\xBA\xDC\x0E",
        6);
    const QString file = m_dir.filePath("mode101.mrc");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(5, 2, 1, 101), data, 1));
    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().sampleType, SampleType::UInt8);
    const Image image = reader->readSection(0);
    const float expected[10] = {1, 2, 3, 4, 5, 10, 11, 12, 13, 14};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(image.data()[i], expected[i]);
    const Image part = reader->readRegion(0, Region{1, 1, 3, 1}); // starts on a high nibble
    QCOMPARE(part.data()[0], 11.0f);
    QCOMPARE(part.data()[2], 13.0f);
}

void TestMrcReader::imodUnsignedBytes()
{
    MrcHeader h = mrctestfiles::header(2, 1, 1, 0);
    h.imodStamp = kImodStamp; // IMOD without the "signed" flag: bytes are unsigned
    QByteArray bytes = mrctestfiles::makeMrc(h, QByteArray("\xFF\x10", 2), 1);
    // serializeMrcHeader does not write IMOD's fields; put them where IMOD does (152-159).
    const quint32 stamp = kImodStamp;
    memcpy(bytes.data() + 152, &stamp, 4);
    const QString file = m_dir.filePath("imod_unsigned.mrc");
    testsupport::writeBytes(file, bytes);
    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().sampleType, SampleType::UInt8);
    QCOMPARE(reader->readSection(0).data()[0], 255.0f);

    bytes[156] = 1; // flag bit 0: signed
    testsupport::writeBytes(file, bytes);
    QCOMPARE(openImageFile(file.toStdString())->readSection(0).data()[0], -1.0f);
}

void TestMrcReader::extendedHeaderIsSkipped()
{
    MrcHeader h = mrctestfiles::header(2, 2, 1, 2);
    h.extendedHeaderType = {'S', 'E', 'R', 'I'};
    const QString file = m_dir.filePath("extended.mrc");
    testsupport::writeBytes(file,
                            mrctestfiles::makeMrc(h, mrctestfiles::encode<float>({1, 2, 3, 4}), 4, false,
                                                  QByteArray("\x44\x44\x00\x00", 4), QByteArray(1000, 'x')));
    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().mrc->extendedHeaderType, std::string("SERI"));
    QCOMPARE(reader->info().mrc->extendedHeaderBytes, 1000);
    QCOMPARE(reader->readSection(0).at(1, 1), 4.0f);
}

void TestMrcReader::pixelSizeRules()
{
    MrcHeader h = mrctestfiles::header(4, 4, 2, 2);
    h.cellLengths = {-8.0f, 0.0f, 6.0f}; // negative: absolute value; zero: unknown
    h.sampling = {4, 4, 0}; // mz 0: unknown
    const QString file = m_dir.filePath("pixels.mrc");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(h, QByteArray(4 * 4 * 2 * 4, '\0'), 4));
    const PixelSize px = openImageFile(file.toStdString())->info().pixelSize;
    QCOMPARE(px.x, std::optional<double>(2.0));
    QVERIFY(!px.y.has_value());
    QVERIFY(!px.z.has_value());
}

void TestMrcReader::outOfRangeRequestsAreErrors()
{
    const QString file = m_dir.filePath("small.mrc");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(4, 3, 2, 2), QByteArray(4 * 3 * 2 * 4, '\0'), 4));
    auto reader = openImageFile(file.toStdString());
    QVERIFY_THROWS_EXCEPTION(ArgumentError, reader->readSection(2));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, reader->readSection(-1));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, reader->readRegion(0, Region{2, 0, 3, 1}));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, reader->readRegion(0, Region{0, 0, 0, 1}));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, reader->readRegion(0, Region{-1, 0, 2, 1}));
    QCOMPARE(reader->readRegion(1, Region{3, 2, 1, 1}).width(), 1);
}

void TestMrcReader::aFileDeletedWhileOpenStaysReadable()
{
    // The viewer keeps a micrograph's reader open: deleting the file (a cleanup script, another user)
    // takes nothing from what is open; every section still reads.
    const QString file = m_dir.filePath("deleted.mrc");
    std::vector<float> values(6 * 5 * 3);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(i);
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(6, 5, 3, 2), mrctestfiles::encode(values), 4));
    auto reader = openImageFile(file.toStdString());
    QVERIFY(QFile::remove(file));
    QCOMPARE(reader->readSection(2).at(5, 4), values.back());
}

void TestMrcReader::aFileCutShortWhileOpenIsAClearError()
{
    // Another program truncates the file under the open reader (a transfer restarted): no SIGBUS, no
    // garbage, but an error that names the file.
    const QString file = m_dir.filePath("truncated.mrc");
    testsupport::writeBytes(file,
                            mrctestfiles::makeMrc(mrctestfiles::header(64, 64, 3, 2), QByteArray(64 * 64 * 3 * 4, '\1'), 4));
    auto reader = openImageFile(file.toStdString());
    QVERIFY(QFile::resize(file, 1024 + 64 * 64 * 4)); // section 0 stays whole
    reader->readSection(0);
    try {
        reader->readSection(2);
        QFAIL("a section beyond the end of the file was read");
    } catch (const Error& e) {
        QVERIFY2(QString(e.what()).startsWith(file + ": "), e.what());
    }
}

void TestMrcReader::regionReadsOnlyItsRows()
{
    if (testsupport::bytesReadSoFar() < 0)
        QSKIP("/proc/self/io is not available here");
    // A 4096 x 4096 float32 frame (64 MB): a 64 x 64 region must not read the frame.
    const int n = 4096;
    const QString file = m_dir.filePath("large.mrc");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray header = mrctestfiles::makeMrc(mrctestfiles::header(n, n, 1, 2), {}, 4);
        f.write(header);
        QVERIFY(f.resize(header.size() + qint64(n) * n * 4)); // sparse zeros
    }
    auto reader = openImageFile(file.toStdString());
    const qint64 before = testsupport::bytesReadSoFar();
    const Image part = reader->readRegion(0, Region{1000, 2000, 64, 64});
    const qint64 read = testsupport::bytesReadSoFar() - before;
    QCOMPARE(part.width(), 64);
    QVERIFY2(read >= 64 * 64 * 4 && read < 64 * 1024, qPrintable(QString("read %1 bytes").arg(read)));
}

QTEST_GUILESS_MAIN(TestMrcReader)
#include "tst_mrcreader.moc"
