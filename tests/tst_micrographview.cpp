// The OpenGL micrograph view under a real X server: what reaches the framebuffer (contrast, tiles
// beyond GL_MAX_TEXTURE_SIZE, colormaps, mipmapped zoom-out), and real wheel, mouse and key events.

#include "micrographview.h"
#include "viewtextures.h"

#include "openglcheck.h"

#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSignalSpy>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QTest>
#include <QWheelEvent>
#include <cmath>

namespace {

/// width × height image with sample (x, y) = f(x, y).
template <typename F>
FloatImage makeImage(int width, int height, F f)
{
    std::vector<float> values(std::size_t(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            values[std::size_t(y) * width + x] = float(f(x, y));
    return FloatImage::fromValues(QSize(width, height), std::move(values));
}

/// The widget pixel showing the centre of image pixel (x, y).
QPoint widgetPixel(const MicrographView& view, double x, double y)
{
    const QPointF at = view.transform().toWidget(QPointF(x + 0.5, y + 0.5));
    return {int(std::floor(at.x())), int(std::floor(at.y()))};
}

/// Grey level the view should show for `value` under `limits` (colour 0 … 255).
int expectedGrey(float value, ContrastLimits limits)
{
    return int(std::lround(std::clamp((value - limits.low) / (limits.high - limits.low), 0.0f, 1.0f) * 255));
}

/// Whether `frame` shows `value` under `limits` at widget pixel `at`, within 2 grey levels (with a
/// warning saying what it shows when not).
bool greyIsNear(const QImage& frame, QPoint at, float value, ContrastLimits limits)
{
    const int grey = qRed(frame.pixel(at)), expected = expectedGrey(value, limits);
    if (std::abs(grey - expected) <= 2)
        return true;
    qWarning("value %g at (%d, %d): grey %d, expected %d", double(value), at.x(), at.y(), grey, expected);
    return false;
}

} // namespace

class TestMicrographView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void framebufferShowsTheImageWithItsContrast();
    void tilesBeyondTheTextureLimitShowFullResolution();
    void hugeImageShowsItsCoarsestLevelThenTheTilesInView();
    void aFrameNeverWaitsForTiles();
    void aMiddleZoomShowsBlockMeans();
    void partialBlocksAtTheEdgeStayInPlace();
    void aTileStillLoadingShowsTheCoarserLevelInItsPlace();
    void texturesStayWithinTheBudgetWhereverTheViewGoes();
    void colormapsAndContrastNeedNoUpload();
    void zoomedOutViewIsAveragedNotAliased();
    void wheelZoomKeepsThePointUnderTheCursor();
    void pinchZoomsAtItsCentre();
    void draggingPansTheImage();
    void shiftDragSelectsWholePixels();
    void keysZoomFitAndShowOneToOne();
    void scaleBarFollowsThePixelSize();
    void hoverReportsTheFloatValue();
    void splitShowsTheOtherImageLeftOfTheLine();
    void overlayMixesItsColormapAtTheOpacity();
    void tileProgressShadesFinishedTiles();
    void rulerMeasuresTheDragInImagePixels();
    void rightDragProposesAWindowWithoutPanning();
    void selectionsAreClippedToTheImage();
    void particleCircleIsDrawnAroundTheCursor();
    void particleCircleLeavesWithTheCursor();

private:
    /// Moves the mouse over `view` to `to` (widget coordinates) with `buttons` held.
    static void moveMouse(MicrographView& view, QPointF to, Qt::MouseButtons buttons = Qt::NoButton,
                          Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    /// A shown view of `size` holding `image`, its first frame drawn.
    std::unique_ptr<MicrographView> showView(const FloatImage& image, QSize size = {400, 300});
};

void TestMicrographView::moveMouse(MicrographView& view, QPointF to, Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers)
{
    QMouseEvent move(QEvent::MouseMove, to, view.mapToGlobal(to), Qt::NoButton, buttons, modifiers);
    QApplication::sendEvent(&view, &move);
}

void TestMicrographView::initTestCase()
{
    REQUIRE_OPENGL();
}

std::unique_ptr<MicrographView> TestMicrographView::showView(const FloatImage& image, QSize size)
{
    auto view = std::make_unique<MicrographView>();
    view->resize(size);
    view->setImage(image);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

void TestMicrographView::framebufferShowsTheImageWithItsContrast()
{
    // A ramp with an offset far from zero (as counting-mode or integrated data have): 10000 + x + 0.25 y.
    const FloatImage image = makeImage(256, 160, [](int x, int y) { return 10000.0 + x + 0.25 * y; });
    auto view = showView(image);
    QVERIFY(view);
    const ContrastLimits limits{10050.0f, 10200.0f};
    view->setContrast(limits);
    view->setScaleAndCentre(1.0, QPointF(128, 80));
    const QImage frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    int checked = 0;
    for (int y = 10; y < 150; y += 7)
        for (int x = 0; x < 256; x += 5) {
            const QPoint at = widgetPixel(*view, x, y);
            if (!frame.rect().contains(at))
                continue;
            const QRgb pixel = frame.pixel(at);
            const int expected = expectedGrey(image.at(x, y), limits);
            QVERIFY2(std::abs(qRed(pixel) - expected) <= 2 && qRed(pixel) == qGreen(pixel) && qGreen(pixel) == qBlue(pixel),
                     qPrintable(QString("pixel (%1, %2): grey %3, expected %4").arg(x).arg(y).arg(qRed(pixel)).arg(expected)));
            ++checked;
        }
    QVERIFY(checked > 500);
}

void TestMicrographView::tilesBeyondTheTextureLimitShowFullResolution()
{
    // Wider than any texture may be: 1-pixel stripes that alternate, so any resampling would grey them.
    auto probe = showView(makeImage(8, 8, [](int, int) { return 0.0; }));
    QVERIFY(probe);
    probe->makeCurrent();
    int maxTexture = 0;
    QOpenGLContext::currentContext()->functions()->glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    probe->doneCurrent();
    const int width = maxTexture + 300;
    const FloatImage image = makeImage(width, 32, [](int x, int) { return (x % 2) ? 1.0 : 0.0; });
    auto view = showView(image);
    QVERIFY(view);
    view->setContrast({0.0f, 1.0f});
    view->setScaleAndCentre(1.0, QPointF(width - 150, 16)); // the far end, in the second tile
    const QImage frame = view->grabFramebuffer();
    QVERIFY(view->tileCount() >= 2);
    for (int x = width - 250; x < width - 50; ++x) {
        const QPoint at = widgetPixel(*view, x, 16);
        QCOMPARE(qRed(frame.pixel(at)), (x % 2) ? 255 : 0);
    }
    // Small tiles (as on a card with a small limit): the same pixels across many tile borders.
    view->setMaximumTileSize(64);
    const QImage tiled = view->grabFramebuffer();
    QCOMPARE(view->tileCount(), (width + 63) / 64);
    QCOMPARE(tiled, frame);
}

void TestMicrographView::hugeImageShowsItsCoarsestLevelThenTheTilesInView()
{
    // 6000 x 3000 (beyond the 2048-pixel coarsest level): vertical stripes 1 pixel wide, which only the
    // full-resolution tiles can show at 1:1; the coarsest level shows their mean.
    const FloatImage image = makeImage(6000, 3000, [](int x, int) { return x % 2; });
    auto view = std::make_unique<MicrographView>();
    QSignalSpy loaded(view.get(), &MicrographView::fullyLoaded);
    view->resize(300, 200);
    view->setImage(image);
    view->setContrast({0.0f, 1.0f});
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    const QImage first = view->grabFramebuffer();
    QCOMPARE(std::abs(qRed(first.pixel(150, 100)) - 128) <= 6, true); // something is shown at once
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(view->tileCount(), 12 * 6); // 512-pixel tiles at full resolution, of which none is needed yet
    const std::int64_t coarsest = view->textureBytes();
    QVERIFY(coarsest > 1500 * 750 * 2 && coarsest < 1500 * 750 * 2 * 4 / 3 + 4096);
    view->setScaleAndCentre(1.0, QPointF(4100, 2100)); // a view inside one 2 x 2 block of 512-pixel tiles
    QTRY_COMPARE(loaded.count(), 2);
    const QImage frame = view->grabFramebuffer();
    for (int x = 4000; x < 4200; ++x)
        QCOMPARE(qRed(frame.pixel(widgetPixel(*view, x, 2100))), (x % 2) ? 255 : 0);
    // the coarsest level and the 1:1 tiles under the 300 x 200 view (columns 7-8, rows 3-4): nothing else
    QCOMPARE(view->textureBytes(), coarsest + 4 * mipmappedTextureBytes(512, 512));
}

void TestMicrographView::aFrameNeverWaitsForTiles()
{
    // Zooming into a huge image: the next frame shows the coarser level at once, and the tiles follow
    // over later frames, loaded between them, without another request.
    const FloatImage image = makeImage(8000, 4000, [](int x, int) { return x % 2; });
    auto view = showView(image, {600, 400});
    QVERIFY(view);
    view->setContrast({0.0f, 1.0f});
    QTRY_VERIFY(view->lastFrameWasSharp());
    QCoreApplication::processEvents(); // the first view's fullyLoaded(), emitted after its frame
    QSignalSpy swapped(view.get(), &NativeGLWidget::frameSwapped);
    QSignalSpy loaded(view.get(), &MicrographView::fullyLoaded);
    view->setScaleAndCentre(2.0, QPointF(5000, 2500));
    QVERIFY(swapped.wait());
    QVERIFY(!view->isFullyLoaded());
    QTRY_COMPARE(loaded.count(), 1); // at the frame that draws them
    QVERIFY(view->isFullyLoaded());
    const QImage frame = view->grabFramebuffer();
    for (int x = 4950; x < 5050; ++x)
        QCOMPARE(qRed(frame.pixel(widgetPixel(*view, x, 2500))), (x % 2) ? 255 : 0);
}

void TestMicrographView::aMiddleZoomShowsBlockMeans()
{
    // At 1:2 a 6000-pixel-wide ramp is drawn from its level of 2 x 2 means (neither the full resolution
    // nor the coarsest level, 1:4): each screen pixel the mean of the two image columns under it.
    const FloatImage image = makeImage(6000, 3000, [](int x, int y) { return x + (y % 2) * 0.5; });
    auto view = showView(image, {400, 300});
    QVERIFY(view);
    view->setScaleAndCentre(0.5, QPointF(3001, 1501));
    const ContrastLimits limits{2800.0f, 3310.0f};
    view->setContrast(limits);
    const QImage frame = view->grabFramebuffer();
    for (int x = 2840; x < 3280; x += 2) // the 2 x 2 block from (x, 1500), whose mean is x + 0.75
        QVERIFY(greyIsNear(frame, widgetPixel(*view, x + 0.5, 1500.5), x + 0.75f, limits));
    QVERIFY(view->textureBytes() < 2 * mipmappedTextureBytes(1500, 750)); // the coarsest level and a few 1:2 tiles
}

void TestMicrographView::partialBlocksAtTheEdgeStayInPlace()
{
    // 6001 x 3001 at 1:4 (its coarsest level: 1501 x 751 texels, the last of each a block of 1 pixel):
    // a ramp x whose blocks of 4 show their own mean up to the right edge, not drifting by up to 3
    // pixels as they would if the 1501 texels were stretched over 6001 pixels (tried: grey 5 for 2 at
    // x 5801 already).
    const FloatImage image = makeImage(6001, 3001, [](int x, int) { return x; });
    auto view = showView(image, {400, 300});
    QVERIFY(view);
    view->setScaleAndCentre(0.25, QPointF(5900, 2900));
    const ContrastLimits limits{5800.0f, 6000.0f};
    view->setContrast(limits);
    const QImage frame = view->grabFramebuffer();
    for (int x = 5801; x < 6000; x += 4) // the block from x − 1, whose mean is x + 0.5
        QVERIFY(greyIsNear(frame, widgetPixel(*view, x, 2900), x + 0.5f, limits));
}

void TestMicrographView::aTileStillLoadingShowsTheCoarserLevelInItsPlace()
{
    // Left half 0, right half 1, in stripes 1 pixel wide on the right. Zoomed to 1:1 across the border
    // with nothing loaded yet, the frame shows the coarsest level in the tiles' place: black left of the
    // border, the stripes' mean right of it; then the tiles, stripes and all.
    const FloatImage image = makeImage(8192, 4096, [](int x, int) { return x < 4096 ? 0.0 : (x % 2); });
    auto view = showView(image, {400, 300});
    QVERIFY(view);
    view->setContrast({0.0f, 1.0f});
    view->setGrabsLoadTiles(false);
    view->setScaleAndCentre(1.0, QPointF(4096, 2048));
    const QImage covered = view->grabFramebuffer();
    QVERIFY(!view->lastFrameWasSharp());
    for (int x : {3900, 4000, 4090})
        QCOMPARE(qRed(covered.pixel(widgetPixel(*view, x, 2048))), 0);
    for (int x : {4100, 4101, 4200, 4281}) // the cover's texels are means of 8 x 8 blocks: grey
        QVERIFY(std::abs(qRed(covered.pixel(widgetPixel(*view, x, 2048))) - 128) <= 6);
    QTRY_VERIFY(view->isFullyLoaded()); // the timer loads them between frames
    const QImage sharp = view->grabFramebuffer();
    QVERIFY(view->lastFrameWasSharp());
    for (int x = 4096; x < 4290; ++x)
        QCOMPARE(qRed(sharp.pixel(widgetPixel(*view, x, 2048))), (x % 2) ? 255 : 0);
}

void TestMicrographView::texturesStayWithinTheBudgetWhereverTheViewGoes()
{
    // Every part of a 6000 x 4000 image seen at 1:1: all its tiles would take 64 MiB of textures. The
    // view keeps its budget, and every pixel shown is still the image's (blocks of 7 x 5 pixels, so a
    // tile drawn in the wrong place would show).
    auto pattern = [](int x, int y) { return (x / 7 + y / 5) % 2; };
    const FloatImage image = makeImage(6000, 4000, pattern);
    auto view = showView(image, {400, 300});
    QVERIFY(view);
    view->setContrast({0.0f, 1.0f});
    QVERIFY(view->tileCount() * mipmappedTextureBytes(512, 512) > 3 * MicrographView::kTextureBudgetBytes / 2);
    std::int64_t largest = 0;
    for (int cy = 150; cy < 4000; cy += 650)
        for (int cx = 200; cx < 6000; cx += 700) {
            view->setScaleAndCentre(1.0, QPointF(cx, cy));
            const QImage frame = view->grabFramebuffer();
            largest = std::max(largest, view->textureBytes());
            for (int y = cy - 140; y < cy + 140; y += 23)
                for (int x = cx - 190; x < cx + 190; x += 31) {
                    if (x >= 6000 || y >= 4000)
                        continue;
                    QCOMPARE(qRed(frame.pixel(widgetPixel(*view, x, y))), pattern(x, y) ? 255 : 0);
                }
        }
    QVERIFY2(largest <= MicrographView::kTextureBudgetBytes, qPrintable(QString::number(largest)));
    QVERIFY(largest > MicrographView::kTextureBudgetBytes / 2); // tiles were kept, up to the budget
}

void TestMicrographView::colormapsAndContrastNeedNoUpload()
{
    auto view = showView(makeImage(64, 64, [](int x, int) { return x; }), {200, 200});
    QVERIFY(view);
    view->setScaleAndCentre(2.0, QPointF(32, 32));
    view->setContrast({0.0f, 63.0f});
    const QPoint left = widgetPixel(*view, 2, 32);
    QVERIFY(qRed(view->grabFramebuffer().pixel(left)) < 16);
    view->setColormap(Colormap::InvertedGray);
    QVERIFY(qRed(view->grabFramebuffer().pixel(left)) > 239);
    view->setColormap(Colormap::Cubehelix);
    const QImage helix = view->grabFramebuffer();
    const QRgb middle = helix.pixel(widgetPixel(*view, 32, 32));
    QVERIFY2(qRed(middle) != qGreen(middle) || qGreen(middle) != qBlue(middle), "cubehelix is coloured");
    view->setColormap(Colormap::Gray);
    view->setContrast({32.0f, 33.0f}); // a narrow window: left half black, right half white
    const QImage narrow = view->grabFramebuffer();
    QCOMPARE(qRed(narrow.pixel(widgetPixel(*view, 20, 32))), 0);
    QCOMPARE(qRed(narrow.pixel(widgetPixel(*view, 40, 32))), 255);
}

void TestMicrographView::zoomedOutViewIsAveragedNotAliased()
{
    // A 1-pixel checkerboard of 0 and 1 shown at 1/8: every screen pixel must be the mean grey.
    const FloatImage board = makeImage(2048, 2048, [](int x, int y) { return (x + y) % 2; });
    auto view = showView(board, {300, 300});
    QVERIFY(view);
    view->setContrast({0.0f, 1.0f});
    view->setScaleAndCentre(0.125, QPointF(1024, 1024));
    const QImage frame = view->grabFramebuffer();
    for (int y = 30; y < 270; y += 3)
        for (int x = 30; x < 270; x += 3)
            QVERIFY2(std::abs(qRed(frame.pixel(x, y)) - 128) <= 6,
                     qPrintable(QString("grey %1 at (%2, %3)").arg(qRed(frame.pixel(x, y))).arg(x).arg(y)));
}

void TestMicrographView::wheelZoomKeepsThePointUnderTheCursor()
{
    auto view = showView(makeImage(1000, 800, [](int x, int y) { return x + y; }), {500, 400});
    QVERIFY(view);
    const QPointF cursor(123, 301);
    const QPointF before = view->transform().toImage(cursor);
    const double scale = view->transform().scale();
    QWheelEvent wheel(cursor, view->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QSignalSpy changed(view.get(), &MicrographView::viewChanged);
    QApplication::sendEvent(view.get(), &wheel);
    QCOMPARE(view->transform().scale(), scale * 2); // two notches double
    QVERIFY(QLineF(view->transform().toImage(cursor), before).length() < 1e-6);
    QVERIFY(changed.count() >= 1);
    QWheelEvent back(cursor, view->mapToGlobal(cursor), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.get(), &back);
    QVERIFY(std::abs(view->transform().scale() - scale * std::sqrt(2.0)) < 1e-12);
    QVERIFY(QLineF(view->transform().toImage(cursor), before).length() < 1e-6);
}

void TestMicrographView::pinchZoomsAtItsCentre()
{
    auto view = showView(makeImage(1000, 800, [](int x, int y) { return x + y; }), {500, 400});
    QVERIFY(view);
    const QPointF centre(321, 123);
    const QPointF before = view->transform().toImage(centre);
    const double scale = view->transform().scale();
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, centre, centre,
                              view->mapToGlobal(centre), 0.5, QPointF(), 0);
    QApplication::sendEvent(view.get(), &pinch);
    QVERIFY(std::abs(view->transform().scale() - 1.5 * scale) < 1e-12);
    QVERIFY(QLineF(view->transform().toImage(centre), before).length() < 1e-6);
}

void TestMicrographView::draggingPansTheImage()
{
    auto view = showView(makeImage(1000, 800, [](int x, int y) { return x + y; }), {500, 400});
    QVERIFY(view);
    view->setScaleAndCentre(1.0, QPointF(500, 400));
    const QPointF start(200, 200), end(260, 170);
    const QPointF grabbed = view->transform().toImage(start);
    QTest::mousePress(view.get(), Qt::LeftButton, Qt::NoModifier, start.toPoint());
    QMouseEvent move(QEvent::MouseMove, end, view->mapToGlobal(end), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.get(), &move);
    QTest::mouseRelease(view.get(), Qt::LeftButton, Qt::NoModifier, end.toPoint());
    // The image point that was grabbed is now under the cursor.
    QVERIFY(QLineF(view->transform().toImage(end), grabbed).length() < 1e-6);
    // Moving without a button only hovers.
    const QPointF offset = view->transform().offset();
    QMouseEvent hover(QEvent::MouseMove, QPointF(100, 100), view->mapToGlobal(QPointF(100, 100)), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(view.get(), &hover);
    QCOMPARE(view->transform().offset(), offset);
}

void TestMicrographView::shiftDragSelectsWholePixels()
{
    auto view = showView(makeImage(200, 100, [](int x, int y) { return x + y; }), {400, 200}); // 2 px per pixel
    QVERIFY(view);
    QSignalSpy changed(view.get(), &MicrographView::selectionChanged);
    const QPointF offset = view->transform().offset();
    // From inside pixel (10, 20) to inside pixel (29, 44): pixels 10…29 × 20…44 are selected.
    const QPointF from = view->transform().toWidget(QPointF(10.3, 20.6)), to = view->transform().toWidget(QPointF(29.2, 44.1));
    QTest::mousePress(view.get(), Qt::LeftButton, Qt::ShiftModifier, from.toPoint());
    QMouseEvent move(QEvent::MouseMove, to, view->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
    QApplication::sendEvent(view.get(), &move);
    QTest::mouseRelease(view.get(), Qt::LeftButton, Qt::ShiftModifier, to.toPoint());
    QCOMPARE(view->selection(), QRect(10, 20, 20, 25));
    QCOMPARE(changed.last().at(0).toRect(), QRect(10, 20, 20, 25));
    QCOMPARE(view->transform().offset(), offset); // selecting does not pan

    // Beyond the image the selection stops at its edge; Esc clears it.
    const QPointF outside = view->transform().toWidget(QPointF(250, -30));
    QTest::mousePress(view.get(), Qt::LeftButton, Qt::ShiftModifier, from.toPoint());
    QMouseEvent far(QEvent::MouseMove, outside, view->mapToGlobal(outside), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
    QApplication::sendEvent(view.get(), &far);
    QTest::mouseRelease(view.get(), Qt::LeftButton, Qt::ShiftModifier, outside.toPoint());
    QCOMPARE(view->selection(), QRect(10, 0, 190, 21));
    QTest::keyClick(view.get(), Qt::Key_Escape);
    QVERIFY(view->selection().isEmpty());
    view->setSelection(QRect(1, 2, 3, 4));
    QTest::mouseClick(view.get(), Qt::LeftButton, Qt::ShiftModifier, from.toPoint()); // a Shift+click clears too
    QVERIFY(view->selection().isEmpty());
}

void TestMicrographView::keysZoomFitAndShowOneToOne()
{
    auto view = showView(makeImage(1000, 800, [](int x, int y) { return x + y; }), {500, 400});
    QVERIFY(view);
    QCOMPARE(view->transform().scale(), 0.5); // fitted
    QTest::keyClick(view.get(), Qt::Key_1);
    QCOMPARE(view->transform().scale(), 1.0);
    QTest::keyClick(view.get(), Qt::Key_Plus);
    QVERIFY(std::abs(view->transform().scale() - std::sqrt(2.0)) < 1e-12);
    QTest::keyClick(view.get(), Qt::Key_0);
    QCOMPARE(view->transform().scale(), 0.5);
    QCOMPARE(view->transform().visibleImageRect(), QRectF(0, 0, 1000, 800));
}

void TestMicrographView::scaleBarFollowsThePixelSize()
{
    auto view = showView(makeImage(1000, 1000, [](int, int) { return 0.0; }), {600, 600});
    QVERIFY(view);
    view->setContrast({-1.0f, 1.0f}); // the image shows mid grey
    view->grabFramebuffer();
    QCOMPARE(view->scaleBarAngstrom(), 0.0); // pixel size unknown: no bar
    view->setPixelSize(1.5);
    const QImage frame = view->grabFramebuffer();
    // 600 px show 1000 px of 1.5 Å: a sixth of the view is 250 Å, so the bar is 200 Å (20 nm).
    QCOMPARE(view->scaleBarAngstrom(), 200.0);
    const int barPixels = int(std::lround(200.0 / 1.5 * 0.6));
    int white = 0;
    for (int x = 0; x < 600; ++x)
        white += qRed(frame.pixel(x, 600 - 21)) > 250;
    QVERIFY2(std::abs(white - barPixels) <= 3,
             qPrintable(QString("%1 white pixels for a %2-pixel bar").arg(white).arg(barPixels)));
    QCOMPARE(view->renderedImage(false).pixel(16 + barPixels / 2, 600 - 21), frame.pixel(300, 300));
    view->setScaleBarVisible(false);
    view->grabFramebuffer();
    QCOMPARE(view->scaleBarAngstrom(), 0.0);
}

void TestMicrographView::hoverReportsTheFloatValue()
{
    auto view = showView(makeImage(100, 100, [](int x, int y) { return 1e-3 * x + y; }), {400, 400});
    QVERIFY(view);
    QSignalSpy hovered(view.get(), &MicrographView::pixelHovered);
    const QPoint at = widgetPixel(*view, 37, 12);
    QMouseEvent hover(QEvent::MouseMove, QPointF(at), view->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.get(), &hover);
    QVERIFY(!hovered.isEmpty());
    QCOMPARE(hovered.last().at(0).toPoint(), QPoint(37, 12));
    QCOMPARE(hovered.last().at(1).toFloat(), float(1e-3 * 37 + 12)); // the file's float, not the texture's half
}

void TestMicrographView::splitShowsTheOtherImageLeftOfTheLine()
{
    // The view's image is a ramp in x; the other image is its negative, offset so its values differ.
    const FloatImage image = makeImage(200, 100, [](int x, int) { return 1000.0 + x; });
    const FloatImage other = makeImage(200, 100, [](int x, int) { return 1200.0 - x; });
    auto view = showView(image);
    QVERIFY(view);
    const ContrastLimits limits{1000.0f, 1200.0f};
    view->setContrast(limits);
    view->setScaleAndCentre(1.0, QPointF(100, 50));
    view->setSplitImage(other, "baseline", "diffusion");
    view->setSplitPosition(0.25); // x = 50 in image pixels
    QImage frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    for (int x : {5, 30, 45, 55, 120, 190}) {
        const float expected = x < 50 ? other.at(x, 50) : image.at(x, 50);
        const int grey = qRed(frame.pixel(widgetPixel(*view, x, 70)));
        QVERIFY2(std::abs(grey - expectedGrey(expected, limits)) <= 2,
                 qPrintable(QString("x %1: grey %2, expected %3").arg(x).arg(grey).arg(expectedGrey(expected, limits))));
    }
    // A new image of the same size keeps the split, normalised like the new image.
    view->setImage(makeImage(200, 100, [](int x, int) { return 1100.0 + 0.5 * x; }));
    frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(std::abs(qRed(frame.pixel(widgetPixel(*view, 10, 70))) - expectedGrey(other.at(10, 50), limits)) <= 2);
    view->setSplitImage({});
    frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(std::abs(qRed(frame.pixel(widgetPixel(*view, 10, 70))) - expectedGrey(1105.0f, limits)) <= 2);
}

void TestMicrographView::overlayMixesItsColormapAtTheOpacity()
{
    // A grey image (value 0.5 of its window) under a map that is 0 on the left half and 1 on the right.
    const FloatImage image = makeImage(100, 60, [](int, int) { return 5.0; });
    const FloatImage map = makeImage(100, 60, [](int x, int) { return x < 50 ? 0.0 : 1.0; });
    auto view = showView(image);
    QVERIFY(view);
    view->setContrast({0.0f, 10.0f});
    view->setScaleAndCentre(2.0, QPointF(50, 30));
    view->setOverlay(map, {0.0f, 1.0f}, 1.0);
    QImage frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    // At full opacity the map's cubehelix ends show: black at 0, white at 1.
    QCOMPARE(qRed(frame.pixel(widgetPixel(*view, 20, 30))), 0);
    QCOMPARE(qRed(frame.pixel(widgetPixel(*view, 80, 30))), 255);
    view->setOverlayOpacity(0.5);
    frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    const int grey = expectedGrey(5.0f, {0.0f, 10.0f});
    QVERIFY(std::abs(qRed(frame.pixel(widgetPixel(*view, 20, 30))) - grey / 2) <= 2);
    QVERIFY(std::abs(qRed(frame.pixel(widgetPixel(*view, 80, 30))) - (grey + 255) / 2) <= 2);
    view->setOverlayOpacity(0.0);
    frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(std::abs(qRed(frame.pixel(widgetPixel(*view, 80, 30))) - grey) <= 2);
}

void TestMicrographView::tileProgressShadesFinishedTiles()
{
    // Two tiles side by side, the left one finished: tinted blue-ish; the right one only outlined.
    auto view = showView(makeImage(100, 60, [](int, int) { return 5.0; }));
    QVERIFY(view);
    view->setContrast({0.0f, 10.0f});
    view->setScaleAndCentre(2.0, QPointF(50, 30));
    const QRgb before = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32).pixel(widgetPixel(*view, 70, 30));
    view->setTileProgress({QRectF(0, 0, 55, 60), QRectF(45, 0, 55, 60)}, 1, "Step 1 of 2 · tile 1 of 2");
    QImage frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    const QRgb finished = frame.pixel(widgetPixel(*view, 20, 30)), waiting = frame.pixel(widgetPixel(*view, 70, 30));
    QVERIFY2(qBlue(finished) > qRed(finished) + 10, qPrintable(QString::number(finished, 16)));
    QCOMPARE(waiting, before);
    view->setTileProgress({}, 0, QString());
    frame = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(frame.pixel(widgetPixel(*view, 20, 30)), before);
}

void TestMicrographView::rulerMeasuresTheDragInImagePixels()
{
    auto view = showView(makeImage(200, 100, [](int x, int y) { return x + y; }), {400, 200}); // 2 px per pixel
    QVERIFY(view);
    view->zoomAt(QPointF(200, 100), 2.0); // 4 px per pixel: the ruler reads image pixels, not the screen's
    view->setTool(ViewTool::Ruler);
    const QPointF offset = view->transform().offset();
    const QPointF from = view->transform().toWidget(QPointF(60, 30)), to = view->transform().toWidget(QPointF(90, 70));
    QTest::mousePress(view.get(), Qt::LeftButton, {}, from.toPoint());
    moveMouse(*view, to, Qt::LeftButton);
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, to.toPoint());
    QVERIFY(view->tools().ruler());
    QVERIFY2(std::abs(view->tools().ruler()->length() - 50.0) < 0.3,
             qPrintable(QString::number(view->tools().ruler()->length())));
    QCOMPARE(view->transform().offset(), offset); // measuring does not pan
    QVERIFY(view->selection().isEmpty());
    // Shift+drag still selects with the ruler chosen, and leaves the measurement alone.
    QTest::mousePress(view.get(), Qt::LeftButton, Qt::ShiftModifier, from.toPoint());
    moveMouse(*view, to, Qt::LeftButton, Qt::ShiftModifier);
    QTest::mouseRelease(view.get(), Qt::LeftButton, Qt::ShiftModifier, to.toPoint());
    QCOMPARE(view->selection(), QRect(60, 30, 31, 41)); // whole pixels, (90, 70) included
    QVERIFY(view->tools().ruler());
    QTest::keyClick(view.get(), Qt::Key_Escape); // Esc clears both
    QVERIFY(!view->tools().ruler());
    QVERIFY(view->selection().isEmpty());
}

void TestMicrographView::rightDragProposesAWindowWithoutPanning()
{
    auto view = showView(makeImage(200, 100, [](int x, int y) { return x + y; }), {400, 200});
    QVERIFY(view);
    view->setContrast({0.0f, 100.0f});
    QSignalSpy dragged(view.get(), &MicrographView::contrastDragged);
    const QPointF offset = view->transform().offset();
    QTest::mousePress(view.get(), Qt::RightButton, {}, QPoint(200, 100));
    moveMouse(*view, QPointF(300, 100), Qt::RightButton); // a quarter of the width right: half a window up
    QTest::mouseRelease(view.get(), Qt::RightButton, {}, QPoint(300, 100));
    QVERIFY(!dragged.isEmpty());
    const auto window = dragged.last().at(0).value<ContrastLimits>();
    QCOMPARE(window.low, 50.0f);
    QCOMPARE(window.high, 150.0f);
    QCOMPARE(view->contrast(), (ContrastLimits{0.0f, 100.0f})); // the app decides; the view only proposes
    QCOMPARE(view->transform().offset(), offset);
    moveMouse(*view, QPointF(350, 150)); // after the release, moving proposes nothing
    QCOMPARE(dragged.count(), 1);
}

void TestMicrographView::selectionsAreClippedToTheImage()
{
    auto view = showView(makeImage(100, 80, [](int x, int y) { return x + y; }));
    QVERIFY(view);
    QSignalSpy changed(view.get(), &MicrographView::selectionChanged);
    view->setSelection(QRect(-10, -5, 50, 40));
    QCOMPARE(view->selection(), QRect(0, 0, 40, 35));
    QCOMPARE(changed.last().at(0).toRect(), QRect(0, 0, 40, 35));
    view->setSelection(QRect(90, 70, 30, 30));
    QCOMPARE(view->selection(), QRect(90, 70, 10, 10));
    view->setSelection(QRect(500, 500, 10, 10)); // wholly outside: nothing
    QVERIFY(view->selection().isEmpty());
}

void TestMicrographView::particleCircleIsDrawnAroundTheCursor()
{
    auto view = showView(makeImage(200, 100, [](int, int) { return 0.0; }), {400, 200}); // 2 px per pixel, one grey
    QVERIFY(view);
    view->setTool(ViewTool::ParticleCircle);
    view->setParticleDiameter(30); // 30 image pixels: a circle of radius 30 widget pixels
    const QImage before = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    moveMouse(*view, QPointF(200, 100));
    const QImage after = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    const auto changedAt = [&](int x, int y) { return before.pixel(x, y) != after.pixel(x, y); };
    int onCircle = 0;
    for (int degrees = 0; degrees < 360; degrees += 15) {
        const double a = degrees * M_PI / 180;
        const int x = int(std::lround(200 + 30 * std::cos(a))), y = int(std::lround(100 + 30 * std::sin(a)));
        onCircle += changedAt(x, y) || changedAt(x + 1, y) || changedAt(x, y + 1) || changedAt(x - 1, y) || changedAt(x, y - 1);
    }
    QVERIFY2(onCircle >= 20, qPrintable(QString("%1 of 24 points on the circle drawn").arg(onCircle)));
    QVERIFY(!changedAt(200 + 15, 100 + 4)); // inside, away from the label: the image shows through
    QVERIFY(!changedAt(20, 20)); // far from it: nothing
}

void TestMicrographView::particleCircleLeavesWithTheCursor()
{
    auto view = showView(makeImage(200, 100, [](int, int) { return 0.0; }), {400, 200});
    QVERIFY(view);
    const QImage plain = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    view->setTool(ViewTool::ParticleCircle);
    view->setParticleDiameter(30);
    moveMouse(*view, QPointF(200, 100));
    QVERIFY(view->grabFramebuffer().convertToFormat(QImage::Format_RGB32) != plain);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(view.get(), &leave);
    QCOMPARE(view->grabFramebuffer().convertToFormat(QImage::Format_RGB32), plain);
}

QTEST_MAIN(TestMicrographView)
#include "tst_micrographview.moc"
