// MrcWriter: exact round trips for every writable mode, header statistics and fields, files that
// mrcfile.validate accepts, and crash-safe writing (no partial file, an old file left intact).

#include "testsupport.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"
#include "io/mrcheader.h"

#include <QFile>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cryosr;

namespace {

Image makeRamp(int width, int height, float scale, float offset)
{
    Image image(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at(x, y) = std::round((x * 7 + y * 13) % 61 * scale + offset);
    return image;
}

void writeMrc(const QString& file, const std::vector<Image>& sections, WriteSpec spec)
{
    spec.width = sections.front().width();
    spec.height = sections.front().height();
    auto writer = createImageWriter(file.toStdString(), FileFormat::Mrc, spec);
    for (const Image& s : sections)
        writer->writeSection(s);
    writer->commit();
}

} // namespace

class TestMrcWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsExact_data();
    void roundTripIsExact();
    void headerHoldsStatisticsAndGeometry();
    void writtenFilesPassMrcfileValidate();
    void realFilesRoundTripExactly();
    void nonFiniteSamplesMarkStatisticsUndetermined();
    void saturationIsCounted();
    void failedWriteLeavesNoFileAndKeepsTheOldOne();
    void unwritableFolderIsAFileError();

private:
    QTemporaryDir m_dir;
};

void TestMrcWriter::roundTripIsExact_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("scale");
    QTest::addColumn<float>("offset");
    QTest::newRow("float32") << int(SampleType::Float32) << 0.37f << -5.0f;
    QTest::newRow("float16") << int(SampleType::Float16) << 0.5f << -10.0f;
    QTest::newRow("int16") << int(SampleType::Int16) << 500.0f << -15000.0f;
    QTest::newRow("uint16") << int(SampleType::UInt16) << 1000.0f << 0.0f;
    QTest::newRow("int8") << int(SampleType::Int8) << 4.0f << -120.0f;
}

void TestMrcWriter::roundTripIsExact()
{
    QFETCH(int, type);
    QFETCH(float, scale);
    QFETCH(float, offset);
    std::vector<Image> sections{makeRamp(37, 23, scale, offset), makeRamp(37, 23, scale, offset + 1)};
    if (SampleType(type) == SampleType::Float32)
        sections[0].at(3, 4) = 1.0e-7f; // not representable in 16 bits: must survive float32
    WriteSpec spec;
    spec.type = SampleType(type);
    spec.pixelSize = PixelSize{1.31, 1.31, 1.31};
    const QString file = m_dir.filePath(QString("roundtrip_%1.mrc").arg(type));
    writeMrc(file, sections, spec);

    auto reader = openImageFile(file.toStdString());
    QCOMPARE(reader->info().sampleType, SampleType(type));
    QCOMPARE(reader->info().sections, 2);
    for (int s = 0; s < 2; ++s) {
        const Image back = reader->readSection(s);
        for (std::size_t i = 0; i < back.pixelCount(); ++i)
            QCOMPARE(back.data()[i], sections[s].data()[i]);
    }
    QVERIFY(std::abs(*reader->info().pixelSize.x - 1.31) < 1e-6);
}

void TestMrcWriter::headerHoldsStatisticsAndGeometry()
{
    Image image(4, 2);
    const float values[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    std::copy(values, values + 8, image.data());
    WriteSpec spec;
    spec.pixelSize = PixelSize{2.5, 2.5, std::nullopt};
    spec.start = {10, 20, 0};
    spec.origin = {-1.5f, 2.5f, 0.0f};
    spec.labels = {"first", "", "second"};
    const QString file = m_dir.filePath("header.mrc");
    writeMrc(file, {image}, spec);

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.size(), qint64(1024 + 8 * 4));
    std::array<unsigned char, kMrcHeaderBytes> raw{};
    QCOMPARE(f.read(reinterpret_cast<char*>(raw.data()), kMrcHeaderBytes), qint64(kMrcHeaderBytes));
    const MrcHeader h = parseMrcHeader(raw, file.toStdString());
    QCOMPARE(h.dmin, 1.0f);
    QCOMPARE(h.dmax, 8.0f);
    QCOMPARE(h.dmean, 4.5f);
    QVERIFY(std::abs(h.rms - std::sqrt(5.25f)) < 1e-6f);
    QVERIFY(h.hasMapId());
    QCOMPARE(h.machineStamp, (std::array<std::uint8_t, 4>{0x44, 0x44, 0, 0}));
    QCOMPARE(h.version, 20141);
    QCOMPARE(h.cellLengths[0], 10.0f);
    QCOMPARE(h.cellLengths[1], 5.0f);
    QCOMPARE(h.sampling, (std::array<int, 3>{4, 2, 1}));
    QCOMPARE(h.start, (std::array<int, 3>{10, 20, 0}));
    QCOMPARE(h.origin, (std::array<float, 3>{-1.5f, 2.5f, 0.0f}));
    QCOMPARE(h.labels.size(), std::size_t(2)); // the empty label is dropped so NLABL stays honest
    QCOMPARE(h.labels[1], std::string("second"));
}

void TestMrcWriter::writtenFilesPassMrcfileValidate()
{
    REQUIRE_PYTHON_READERS();
    const SampleType types[] = {SampleType::Float32, SampleType::Float16, SampleType::Int16, SampleType::UInt16,
                                SampleType::Int8};
    for (const SampleType type : types) {
        for (const bool volume : {false, true}) {
            WriteSpec spec;
            spec.type = type;
            spec.volume = volume;
            spec.pixelSize = PixelSize{0.885, 0.885, 0.885};
            spec.labels = {"CryoSR test"};
            const QString file = m_dir.filePath(QString("valid_%1_%2.mrc").arg(int(type)).arg(volume));
            // A large float16 stack: mrcfile's own float16 RMS overflows there, which we must survive.
            const int n = type == SampleType::Float16 ? 256 : 33;
            writeMrc(file, {makeRamp(n, n, 1.0f, -30.0f), makeRamp(n, n, 1.0f, -20.0f), makeRamp(n, n, 1.0f, 0.0f)}, spec);
            const QString report = testsupport::mrcfileValidate(file);
            QVERIFY2(report.isEmpty(), qPrintable(QString::fromLatin1(sampleTypeName(type)) + ": " + report));
        }
    }
}

void TestMrcWriter::realFilesRoundTripExactly()
{
    REQUIRE_SHARED_DATA();
    for (const QString& path : testsupport::sharedImageFiles()) {
        if (path.endsWith(".tif") || path.endsWith(".tiff"))
            continue;
        auto reader = openImageFile(path.toStdString());
        const FileInfo& info = reader->info();
        WriteSpec spec;
        spec.type = losslessStorageType(FileFormat::Mrc, info.sampleType);
        spec.pixelSize = info.pixelSize;
        const QString copy = m_dir.filePath("copy.mrc");
        std::vector<Image> sections;
        for (int s = 0; s < info.sections; ++s)
            sections.push_back(reader->readSection(s));
        writeMrc(copy, sections, spec);
        auto back = openImageFile(copy.toStdString());
        QCOMPARE(back->info().sampleType, spec.type);
        QCOMPARE(back->info().pixelSize.x.has_value(), info.pixelSize.x.has_value());
        for (int s = 0; s < info.sections; ++s) {
            const Image again = back->readSection(s);
            QVERIFY2(std::equal(again.data(), again.data() + again.pixelCount(), sections[s].data()), qPrintable(path));
        }
        if (!testsupport::pythonWithReaders().isEmpty()) {
            const QString report = testsupport::mrcfileValidate(copy);
            QVERIFY2(report.isEmpty(), qPrintable(path + ": " + report));
        }
    }
}

void TestMrcWriter::nonFiniteSamplesMarkStatisticsUndetermined()
{
    Image image(3, 1);
    image.at(0, 0) = 1.0f;
    image.at(1, 0) = std::nanf("");
    image.at(2, 0) = 3.0f;
    const QString file = m_dir.filePath("nan.mrc");
    writeMrc(file, {image}, WriteSpec{});
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    std::array<unsigned char, kMrcHeaderBytes> raw{};
    f.read(reinterpret_cast<char*>(raw.data()), kMrcHeaderBytes);
    const MrcHeader h = parseMrcHeader(raw, file.toStdString());
    QVERIFY(h.dmax < h.dmin);
    QVERIFY(h.rms < 0);
    QVERIFY(std::isnan(openImageFile(file.toStdString())->readSection(0).at(1, 0)));
}

void TestMrcWriter::saturationIsCounted()
{
    Image image(4, 1);
    const float values[4] = {-40000.0f, 12.4f, 40000.0f, std::nanf("")};
    std::copy(values, values + 4, image.data());
    WriteSpec spec;
    spec.type = SampleType::Int16;
    spec.width = 4;
    spec.height = 1;
    auto writer = createImageWriter(m_dir.filePath("clip.mrc").toStdString(), FileFormat::Mrc, spec);
    writer->writeSection(image);
    writer->commit();
    QCOMPARE(writer->clippedSamples(), std::uint64_t(3));
    const Image back = openImageFile(m_dir.filePath("clip.mrc").toStdString())->readSection(0);
    QCOMPARE(back.at(0, 0), -32768.0f);
    QCOMPARE(back.at(1, 0), 12.0f);
    QCOMPARE(back.at(2, 0), 32767.0f);
    QCOMPARE(back.at(3, 0), 0.0f);
}

void TestMrcWriter::failedWriteLeavesNoFileAndKeepsTheOldOne()
{
    const QString file = m_dir.filePath("keep.mrc");
    writeMrc(file, {makeRamp(8, 8, 1.0f, 0.0f)}, WriteSpec{});
    const QByteArray before = [&] {
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    const QStringList entriesBefore = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
    {
        WriteSpec spec;
        spec.width = 8;
        spec.height = 8;
        auto writer = createImageWriter(file.toStdString(), FileFormat::Mrc, spec);
        writer->writeSection(makeRamp(8, 8, 2.0f, 0.0f));
        QVERIFY_THROWS_EXCEPTION(ArgumentError, writer->writeSection(Image(4, 4))); // wrong size
        // destroyed without commit()
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), entriesBefore); // no temporary left
}

void TestMrcWriter::unwritableFolderIsAFileError()
{
    WriteSpec spec;
    spec.width = 2;
    spec.height = 2;
    QVERIFY_THROWS_EXCEPTION(FileError,
                             createImageWriter(m_dir.filePath("missing/dir/out.mrc").toStdString(), FileFormat::Mrc, spec));
    QVERIFY_THROWS_EXCEPTION(FileError, createImageWriter(m_dir.path().toStdString(), FileFormat::Mrc, spec));
}

QTEST_GUILESS_MAIN(TestMrcWriter)
#include "tst_mrcwriter.moc"
