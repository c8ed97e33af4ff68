// The animated GIF writer: what giflib reads back (frames, grey palette, delays, the loop block), bad
// arguments, and crash-safe writing (a failed write leaves no file and an old file intact).

#include "io/errors.h"
#include "io/gifwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <gif_lib.h>
#include <memory>

using namespace cryosr;

namespace {

struct GifCloser {
    void operator()(GifFileType* gif) const { DGifCloseFile(gif, nullptr); }
};
using GifFile = std::unique_ptr<GifFileType, GifCloser>;

GifFile readGif(const QString& file)
{
    int error = 0;
    GifFile gif(DGifOpenFileName(QFile::encodeName(file).constData(), &error));
    if (gif && DGifSlurp(gif.get()) != GIF_OK)
        return nullptr;
    return gif;
}

} // namespace

class TestGifWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framesReadBackExactly();
    void badArgumentsAreRefused();
    void failedWriteLeavesNoFileAndKeepsTheOld();
};

void TestGifWriter::framesReadBackExactly()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("run.gif");
    const int width = 7, height = 5;
    std::vector<std::vector<unsigned char>> frames(3, std::vector<unsigned char>(width * height));
    for (int f = 0; f < 3; ++f)
        for (int i = 0; i < width * height; ++i)
            frames[f][i] = static_cast<unsigned char>((i * 37 + f * 101) % 256);
    writeAnimatedGif(file.toStdString(), width, height, frames, 8);

    const GifFile gif = readGif(file);
    QVERIFY(gif);
    QCOMPARE(gif->SWidth, width);
    QCOMPARE(gif->SHeight, height);
    QCOMPARE(gif->ImageCount, 3);
    QVERIFY(gif->SColorMap && gif->SColorMap->ColorCount == 256);
    for (int c = 0; c < 256; ++c) { // grey: palette index = grey level
        const GifColorType colour = gif->SColorMap->Colors[c];
        QVERIFY(colour.Red == c && colour.Green == c && colour.Blue == c);
    }
    bool loops = false;
    for (int f = 0; f < 3; ++f) {
        const SavedImage& image = gif->SavedImages[f];
        QCOMPARE(image.ImageDesc.Width, width);
        QVERIFY(std::equal(frames[f].begin(), frames[f].end(), image.RasterBits));
        GraphicsControlBlock control;
        QCOMPARE(DGifSavedExtensionToGCB(gif.get(), f, &control), GIF_OK);
        QCOMPARE(control.DelayTime, 8);
        for (int e = 0; e < image.ExtensionBlockCount; ++e)
            loops |= image.ExtensionBlocks[e].Function == APPLICATION_EXT_FUNC_CODE
                && QByteArray(reinterpret_cast<const char*>(image.ExtensionBlocks[e].Bytes), 11) == "NETSCAPE2.0";
    }
    QVERIFY(loops);
}

void TestGifWriter::badArgumentsAreRefused()
{
    QTemporaryDir dir;
    const std::string file = dir.filePath("bad.gif").toStdString();
    QVERIFY_THROWS_EXCEPTION(ArgumentError, writeAnimatedGif(file, 4, 4, {}, 10));
    QVERIFY_THROWS_EXCEPTION(ArgumentError, writeAnimatedGif(file, 4, 4, {std::vector<unsigned char>(15)}, 10));
    QVERIFY(!QFile::exists(QString::fromStdString(file)));
}

void TestGifWriter::failedWriteLeavesNoFileAndKeepsTheOld()
{
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(
        FileError, writeAnimatedGif(dir.filePath("missing/run.gif").toStdString(), 2, 2, {std::vector<unsigned char>(4)}, 10));
    // An existing file stays as it was when the new one cannot be made (a frame of the wrong size).
    const QString file = dir.filePath("old.gif");
    writeAnimatedGif(file.toStdString(), 2, 2, {std::vector<unsigned char>(4, 9)}, 10);
    const QByteArray before = [&] {
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    QVERIFY_THROWS_EXCEPTION(
        ArgumentError,
        writeAnimatedGif(file.toStdString(), 2, 2, {std::vector<unsigned char>(4), std::vector<unsigned char>(3)}, 10));
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

QTEST_GUILESS_MAIN(TestGifWriter)
#include "tst_gifwriter.moc"
