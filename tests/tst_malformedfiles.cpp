// Bad input never crashes and never allocates more than the file can hold: a suite of malformed
// files made here (truncated, absurd headers, garbage, forged TIFF directories, random mutations),
// each of which must give a cryosr::Error with a message that says what is wrong.

#include "mrctestfiles.h"
#include "testsupport.h"

#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace cryosr;

namespace {

/// Opens `file` and reads every section; returns the error message, or "" when it succeeded.
/// Any exception that is not a cryosr::Error (bad_alloc, out_of_range...) fails the test.
QString readAll(const QString& file)
{
    try {
        auto reader = openImageFile(file.toStdString());
        for (int s = 0; s < reader->info().sections; ++s)
            reader->readSection(s);
        return {};
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
}

/// A classic little-endian TIFF with one IFD of SHORT/LONG entries and `data` after it.
QByteArray makeTiff(QList<QPair<quint16, quint32>> entries, const QByteArray& data)
{
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray out("II\x2A\x00\x08\x00\x00\x00", 8);
    const quint32 dataOffset = 8 + 2 + 12 * entries.size() + 4;
    auto put16 = [&](quint16 v) { out.append(reinterpret_cast<const char*>(&v), 2); };
    auto put32 = [&](quint32 v) { out.append(reinterpret_cast<const char*>(&v), 4); };
    put16(static_cast<quint16>(entries.size()));
    for (const auto& [tag, value] : entries) {
        put16(tag);
        put16(4); // LONG
        put32(1);
        put32(tag == 273 || tag == 324 ? dataOffset : value); // StripOffsets, TileOffsets point at the data
    }
    put32(0);
    return out + data;
}

QList<QPair<quint16, quint32>> tiffEntries(quint32 width, quint32 height, quint32 bits, quint32 samples = 1, quint32 format = 1)
{
    return {{256, width},   {257, height}, {258, bits},
            {259, 1},       {262, 1},      {273, 0},
            {277, samples}, {278, height}, {279, width * height * bits / 8 * samples},
            {339, format}};
}

} // namespace

class TestMalformedFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badFilesGiveClearErrors_data();
    void badFilesGiveClearErrors();
    void tilesUpToAMegapixelAreRead();
    void directoryAndMissingFile();
    void unreadableFile();
    void everyTruncationIsAnErrorOrComplete_data();
    void everyTruncationIsAnErrorOrComplete();
    void randomMutationsNeverCrash_data();
    void randomMutationsNeverCrash();

private:
    QByteArray validMrc() const;
    QByteArray validTiff();

    QTemporaryDir m_dir;
};

void TestMalformedFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QByteArray TestMalformedFiles::validMrc() const
{
    std::vector<std::int16_t> values(13 * 7 * 3);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<std::int16_t>(i * 37 % 1000 - 500);
    return mrctestfiles::makeMrc(mrctestfiles::header(13, 7, 3, 1), mrctestfiles::encode(values), 2);
}

QByteArray TestMalformedFiles::validTiff()
{
    const QString file = m_dir.filePath("valid.tif");
    WriteSpec spec;
    spec.width = 13;
    spec.height = 7;
    spec.type = SampleType::UInt16;
    spec.pixelSize = PixelSize{2.0, 2.0, std::nullopt};
    auto writer = createImageWriter(file.toStdString(), FileFormat::Tiff, spec);
    for (int s = 0; s < 2; ++s) {
        Image page(13, 7);
        for (std::size_t i = 0; i < page.pixelCount(); ++i)
            page.data()[i] = static_cast<float>((i * 101 + s) % 4000);
        writer->writeSection(page);
    }
    writer->commit();
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void TestMalformedFiles::badFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // a phrase the message must contain

    const QByteArray data64(64 * 64 * 4, '\0');
    auto mrc = [](int nx, int ny, int nz, int mode) { return mrctestfiles::header(nx, ny, nz, mode); };

    QTest::newRow("empty .mrc") << "empty.mrc" << QByteArray() << "not an MRC or TIFF file";
    QTest::newRow("text named .mrc") << "notes.mrc" << QByteArray("pixel size 1.06, defocus -1.5 um\n")
                                     << "not an MRC or TIFF file";
    QTest::newRow("long text named .mrc") << "long.mrc" << QByteArray(5000, 'a') << "not an MRC or TIFF file";
    QTest::newRow("text named .tif") << "notes.tif" << QByteArray(3000, 'z') << "not an MRC or TIFF file";
    QTest::newRow("header without data") << "nodata.mrc" << mrctestfiles::makeMrc(mrc(64, 64, 1, 2), {}, 4)
                                         << "file ends after 0 of 16,384 bytes of section 0";
    QTest::newRow("truncated in section 3") << "trunc3.mrc"
                                            << mrctestfiles::makeMrc(mrc(64, 64, 5, 2),
                                                                     data64 + data64 + data64 + QByteArray(1024, 0), 4)
                                            << "file ends after 1,024 of 16,384 bytes of section 3";
    QTest::newRow("negative width") << "negative.mrc" << mrctestfiles::makeMrc(mrc(-5, 64, 1, 2), data64, 4)
                                    << "invalid dimensions -5 x 64 x 1";
    QTest::newRow("zero sections") << "zero.mrc" << mrctestfiles::makeMrc(mrc(64, 64, 0, 2), data64, 4) << "invalid dimensions";
    QTest::newRow("absurd dimensions") << "huge.mrc"
                                       << mrctestfiles::makeMrc(mrc(2147483647, 2147483647, 2147483647, 2), data64, 4)
                                       << "impossibly large";
    QTest::newRow("large dimensions, small file")
        << "large.mrc" << mrctestfiles::makeMrc(mrc(100000, 100000, 1000, 1), data64, 2) << "file ends after";
    QTest::newRow("unknown mode") << "mode7.mrc" << mrctestfiles::makeMrc(mrc(64, 64, 1, 7), data64, 4) << "unknown MRC mode 7";
    QTest::newRow("complex mode") << "mode4.mrc" << mrctestfiles::makeMrc(mrc(64, 64, 1, 4), data64 + data64, 4) << "complex";
    MrcHeader hugeExtended = mrc(64, 64, 1, 2);
    QByteArray hugeNsymbt = mrctestfiles::makeMrc(hugeExtended, data64, 4);
    const qint32 big = 2147483647;
    memcpy(hugeNsymbt.data() + 92, &big, 4);
    QTest::newRow("huge NSYMBT") << "nsymbt.mrc" << hugeNsymbt << "runs past the end";
    QByteArray negativeNsymbt = hugeNsymbt;
    const qint32 negative = -100;
    memcpy(negativeNsymbt.data() + 92, &negative, 4);
    QTest::newRow("negative NSYMBT") << "nsymbt_neg.mrc" << negativeNsymbt << "negative extended header";

    QTest::newRow("TIFF magic then garbage")
        << "garbage.tif" << QByteArray("II\x2A\x00\xFF\xFF\xFF\x7F", 8) + QByteArray(200, '\x55') << "damaged TIFF";
    // Found by fuzz_tiffreader: one strip of 512 bytes for 978,944 strips' worth of rows (libtiff fills the short
    // offset list); 658 bytes made the reader decode 500 MB, 10 s per read.
    QList<QPair<quint16, quint32>> oneStrip = tiffEntries(16, 15663104, 16);
    for (auto& e : oneStrip) {
        if (e.first == 278)
            e.second = 16; // RowsPerStrip: 978,944 strips …
        if (e.first == 279)
            e.second = 512; // … of which one is stored
    }
    QTest::newRow("TIFF with one strip for a million")
        << "onestrip.tif" << makeTiff(oneStrip, QByteArray(512, 7))
        << "uncompressed samples (501,219,328 bytes), more than its 512 stored bytes";
    // Found by fuzz_tiffreader: a 6 x 1 image in tiles of 234,881,025 x 16 made the reader reserve a 7.5 GB
    // tile buffer before reading anything.
    QList<QPair<quint16, quint32>> hugeTile = tiffEntries(6, 1, 16);
    hugeTile.removeIf([](const auto& e) { return e.first == 273 || e.first == 278 || e.first == 279; });
    hugeTile << qMakePair(quint16(322), quint32(234881025)) << qMakePair(quint16(323), quint32(16))
             << qMakePair(quint16(324), quint32(0)) << qMakePair(quint16(325), quint32(512));
    QTest::newRow("TIFF with 7.5 GB tiles") << "hugetile.tif" << makeTiff(hugeTile, QByteArray(512, 3))
                                            << "tiles of 234881025 x 16 pixels, far larger than the 6 x 1 image";
    QTest::newRow("TIFF claiming 100000 x 100000")
        << "forged.tif" << makeTiff(tiffEntries(100000, 100000, 32, 1, 3), QByteArray(64, 0)) << "file ends inside strip 0";
    QList<QPair<quint16, quint32>> forged = tiffEntries(100000, 100000, 32, 1, 3);
    for (auto& e : forged)
        if (e.first == 259)
            e.second = 8; // Deflate: compressed data may be small, but not 40 GB from 64 bytes
        else if (e.first == 279)
            e.second = 64;
    QTest::newRow("compressed TIFF claiming 40 GB")
        << "bomb.tif" << makeTiff(forged, QByteArray(64, 0)) << "more than its 64 stored bytes";
    QTest::newRow("RGB TIFF") << "rgb.tif" << makeTiff(tiffEntries(4, 4, 8, 3), QByteArray(48, 1)) << "samples per pixel";
    QTest::newRow("float64 TIFF") << "double.tif" << makeTiff(tiffEntries(4, 4, 64, 1, 3), QByteArray(128, 0))
                                  << "64-bit floating-point";
    QTest::newRow("signed 12-bit TIFF") << "int12.tif" << makeTiff(tiffEntries(4, 4, 12, 1, 2), QByteArray(24, 0))
                                        << "12-bit signed";
    QTest::newRow("TIFF width 0") << "zero.tif" << makeTiff(tiffEntries(0, 4, 8), QByteArray(16, 0)) << "damaged TIFF";
}

void TestMalformedFiles::badFilesGiveClearErrors()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString file = m_dir.filePath(name);
    testsupport::writeBytes(file, bytes);
    // scripts/fuzz.sh seeds the fuzzers with these cases.
    if (const QString seeds = qEnvironmentVariable("CRYOSR_FUZZ_SEEDS"); !seeds.isEmpty())
        testsupport::writeBytes(seeds + "/" + name, bytes);
    const QString message = readAll(file);
    QVERIFY2(!message.isEmpty(), "the malformed file was accepted");
    QVERIFY2(message.startsWith(file + ": "), qPrintable("message does not name the file: " + message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains('\n'), "messages are one line");
}

/// The bound on tile sizes must not refuse files that fixed-size tilers write for small images.
void TestMalformedFiles::tilesUpToAMegapixelAreRead()
{
    auto tiled = [](quint32 tileWidth, quint32 tileHeight) {
        QList<QPair<quint16, quint32>> entries = tiffEntries(6, 1, 16);
        entries.removeIf([](const auto& e) { return e.first == 273 || e.first == 278 || e.first == 279; });
        const quint32 bytes = tileWidth * tileHeight * 2;
        entries << qMakePair(quint16(322), tileWidth) << qMakePair(quint16(323), tileHeight)
                << qMakePair(quint16(324), quint32(0)) << qMakePair(quint16(325), bytes);
        QByteArray data(static_cast<qsizetype>(bytes), 0);
        for (int x = 0; x < 6; ++x)
            data[2 * x] = static_cast<char>(10 + x);
        return makeTiff(entries, data);
    };
    const QString file = m_dir.filePath("megapixeltile.tif");
    testsupport::writeBytes(file, tiled(1024, 1024));
    const auto reader = openImageFile(file.toStdString());
    const auto pixels = reader->readSection(0);
    QCOMPARE(pixels.width(), 6);
    QCOMPARE(pixels.at(5, 0), 15.0f);

    testsupport::writeBytes(file, tiled(1024, 1040));
    QVERIFY(readAll(file).contains("far larger than the 6 x 1 image"));
}

void TestMalformedFiles::directoryAndMissingFile()
{
    const QString dir = m_dir.filePath("folder.mrc");
    QDir().mkpath(dir);
    QVERIFY(readAll(dir).contains("is a directory"));
    QVERIFY(readAll(m_dir.filePath("missing.mrc")).contains("No such file"));
}

void TestMalformedFiles::unreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("running as root: permissions do not stop root from reading");
    const QString file = m_dir.filePath("secret.mrc");
    testsupport::writeBytes(file, validMrc());
    QFile::setPermissions(file, QFileDevice::Permissions());
    QVERIFY(readAll(file).contains("Permission denied"));
}

void TestMalformedFiles::everyTruncationIsAnErrorOrComplete_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("mrc") << validMrc() << ".mrc";
    QTest::newRow("tiff") << validTiff() << ".tif";
}

void TestMalformedFiles::everyTruncationIsAnErrorOrComplete()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, suffix);
    const QString whole = m_dir.filePath("whole" + suffix);
    testsupport::writeBytes(whole, bytes);
    QCOMPARE(readAll(whole), QString()); // the untruncated file is fine
    const std::vector<Image> expected = [&] {
        auto reader = openImageFile(whole.toStdString());
        std::vector<Image> sections;
        for (int s = 0; s < reader->info().sections; ++s)
            sections.push_back(reader->readSection(s));
        return sections;
    }();

    int errors = 0;
    for (qsizetype cut = 0; cut < bytes.size(); ++cut) {
        const QString file = m_dir.filePath("cut" + suffix);
        testsupport::writeBytes(file, bytes.left(cut));
        if (!readAll(file).isEmpty()) {
            ++errors;
            continue;
        }
        // Should a prefix ever read, it must give exactly the complete file's pixels.
        auto reader = openImageFile(file.toStdString());
        QVERIFY2(reader->info().sections == int(expected.size()),
                 qPrintable(QString("cut at %1 bytes reads %2 sections").arg(cut).arg(reader->info().sections)));
        for (int s = 0; s < reader->info().sections; ++s) {
            const Image image = reader->readSection(s);
            QVERIFY2(std::equal(image.data(), image.data() + image.pixelCount(), expected[s].data()),
                     qPrintable(QString("cut at %1 bytes reads different pixels").arg(cut)));
        }
    }
    QCOMPARE(errors, int(bytes.size())); // and in fact every prefix is caught
}

void TestMalformedFiles::randomMutationsNeverCrash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("mrc") << validMrc() << ".mrc";
    QTest::newRow("tiff") << validTiff() << ".tif";
}

void TestMalformedFiles::randomMutationsNeverCrash()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, suffix);
    QRandomGenerator rng(20261128);
    const QString file = m_dir.filePath("mutant" + suffix);
    int rejected = 0;
    const int rounds = 1500;
    for (int round = 0; round < rounds; ++round) {
        QByteArray mutant = bytes;
        const int edits = 1 + rng.bounded(8);
        for (int e = 0; e < edits; ++e) {
            // Bias edits toward the header/directory where a wrong byte changes the most.
            const qsizetype at = rng.bounded(2) ? rng.bounded(std::min<qsizetype>(mutant.size(), 256))
                                                : rng.bounded(mutant.size());
            mutant[at] = static_cast<char>(rng.bounded(256));
        }
        testsupport::writeBytes(file, mutant);
        if (!readAll(file).isEmpty())
            ++rejected;
    }
    qInfo("%d of %d mutants rejected with an error, the rest read completely", rejected, rounds);
    QVERIFY(rejected > 0);
}

QTEST_GUILESS_MAIN(TestMalformedFiles)
#include "tst_malformedfiles.moc"
