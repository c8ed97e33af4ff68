// What the micrograph view paints over the image (widgets/viewoverlays), drawn on a QImage: the scale
// bar's length rule and place, the selection's outline, the split line, a tiled run's progress, and
// curves in image coordinates (a CTF fit's zeros on a power spectrum).

#include "viewoverlays.h"
#include "viewtools.h"

#include <QImage>
#include <QMouseEvent>
#include <QTest>
#include <algorithm>
#include <cmath>

namespace {

/// A 200 × 100 view of a 200 × 100 image at 1:1 (image pixel = view pixel).
ViewTransform oneToOne()
{
    ViewTransform transform;
    transform.setImageSize(QSize(200, 100));
    transform.setViewSize(QSizeF(200, 100));
    transform.setScaleAndCentre(1.0, QPointF(100, 50));
    return transform;
}

QImage grey()
{
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    return image;
}

bool isYellow(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) > 160 && qBlue(c) < 90;
}

QMouseEvent mouse(QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    return QMouseEvent(type, at, at, button, buttons, Qt::NoModifier);
}

int pixelsLike(const QImage& image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue())
                < 60;
        }
    return count;
}

} // namespace

class TestViewOverlays : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scaleBarIsOneTwoOrFiveTimesAPowerOfTen_data();
    void scaleBarIsOneTwoOrFiveTimesAPowerOfTen();
    void scaleBarIsDrawnAtTheBottomLeft();
    void selectionIsOutlinedAndItsInsideLeftAlone();
    void selectionOutlineShowsOnALightImage();
    void splitLineRunsTheViewsHeight();
    void splitLabelsNeverMeet_data();
    void splitLabelsNeverMeet();
    void finishedTilesAreWashedAndOthersNot();
    void rightDragMovesTheLevelAcrossAndTheWidthDown();
    void lengthsAreInAngstromWhenThePixelSizeIsKnown();
    void rulerMeasuresADragAndIsDrawn();
    void particleCircleFollowsTheCursor();
    void curvesFollowTheImageAtAnyZoom();
};

void TestViewOverlays::scaleBarIsOneTwoOrFiveTimesAPowerOfTen_data()
{
    QTest::addColumn<double>("angstromPerViewPixel");
    QTest::addColumn<double>("viewWidth");
    QTest::addColumn<double>("expected");
    QTest::newRow("a sixth is 100 Å") << 1.0 << 600.0 << 100.0;
    QTest::newRow("a sixth is 83 Å") << 1.0 << 500.0 << 50.0;
    QTest::newRow("a sixth is 300 Å") << 1.5 << 1200.0 << 200.0;
    QTest::newRow("a sixth is 0.9 Å") << 0.01 << 540.0 << 0.5;
    QTest::newRow("a sixth is 19,000 Å") << 100.0 << 1140.0 << 10000.0;
}

void TestViewOverlays::scaleBarIsOneTwoOrFiveTimesAPowerOfTen()
{
    QFETCH(double, angstromPerViewPixel);
    QFETCH(double, viewWidth);
    QFETCH(double, expected);
    QCOMPARE(scaleBarLength(angstromPerViewPixel, viewWidth), expected);
}

void TestViewOverlays::scaleBarIsDrawnAtTheBottomLeft()
{
    QImage image = grey();
    {
        QPainter painter(&image);
        drawScaleBar(painter, image.size(), 50.0, 0.5); // 100 view pixels long
    }
    const int y = image.height() - 21; // inside the 6-pixel bar, 24 from the bottom
    QCOMPARE(image.pixel(60, y), qRgb(255, 255, 255));
    QCOMPARE(image.pixel(110, y), qRgb(255, 255, 255));
    QCOMPARE(image.pixel(125, y), qRgb(128, 128, 128)); // past its end
    QCOMPARE(image.pixel(60, 10), qRgb(128, 128, 128)); // nothing at the top
}

void TestViewOverlays::selectionIsOutlinedAndItsInsideLeftAlone()
{
    QImage image = grey();
    {
        QPainter painter(&image);
        drawSelection(painter, oneToOne(), QRect(40, 30, 100, 50), 1.5);
    }
    int yellowOnEdge = 0;
    for (int x = 40; x < 140; ++x)
        yellowOnEdge += isYellow(image.pixel(x, 80)); // the bottom edge, dashed
    QVERIFY2(yellowOnEdge > 30, qPrintable(QString::number(yellowOnEdge)));
    QCOMPARE(image.pixel(90, 55), qRgb(128, 128, 128)); // the region itself is not covered
    QCOMPARE(image.pixel(10, 90), qRgb(128, 128, 128));
}

void TestViewOverlays::selectionOutlineShowsOnALightImage()
{
    // Negative stain is light: along the whole edge, dashes and gaps alike, something dark must show.
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(QColor(235, 235, 225));
    {
        QPainter painter(&image);
        drawSelection(painter, oneToOne(), QRect(40, 30, 100, 50), 1.5);
    }
    for (int x = 45; x < 135; ++x) {
        int darkest = 255;
        for (int y = 77; y <= 83; ++y)
            darkest = std::min(darkest, qGray(image.pixel(x, y)));
        QVERIFY2(darkest < 110, qPrintable(QStringLiteral("x %1: darkest %2").arg(x).arg(darkest)));
    }
}

void TestViewOverlays::splitLineRunsTheViewsHeight()
{
    QImage image = grey();
    {
        QPainter painter(&image);
        drawSplitLine(painter, 100.5, image.size(), "left", "right");
    }
    for (int y : {40, 60, 99})
        QVERIFY2(qGray(image.pixel(100, y)) > 200, qPrintable(QString::number(y)));
    QCOMPARE(image.pixel(50, 60), qRgb(128, 128, 128));
}

void TestViewOverlays::splitLabelsNeverMeet_data()
{
    QTest::addColumn<double>("x");
    QTest::newRow("middle") << 400.0;
    QTest::newRow("near the left edge") << 30.0;
    QTest::newRow("near the right edge") << 770.0;
    QTest::newRow("at the right edge") << 800.0;
}

void TestViewOverlays::splitLabelsNeverMeet()
{
    // "Baseline: classical upscaling" | "Diffusion" in a view 800 px wide.
    QFETCH(double, x);
    const double leftWidth = 190, rightWidth = 60, line = 15;
    const SplitLabelPlaces p = splitLabelPlaces(x, 800, leftWidth, rightWidth, line);
    const QRectF left(p.left - QPointF(0, line), QSizeF(leftWidth, line));
    const QRectF right(p.right - QPointF(0, line), QSizeF(rightWidth, line));
    QVERIFY(!left.intersects(right));
    for (const QRectF& label : {left, right})
        QVERIFY(label.left() >= 0 && label.right() <= 800);
    if (x - leftWidth - 6 >= 4 && x + 6 + rightWidth <= 796) { // room on both sides: beside the line
        QCOMPARE(left.right(), x - 6);
        QCOMPARE(right.left(), x + 6);
        QCOMPARE(p.left.y(), p.right.y());
    }
}

void TestViewOverlays::finishedTilesAreWashedAndOthersNot()
{
    QImage image = grey();
    {
        QPainter painter(&image);
        drawTileProgress(painter, oneToOne(), {QRectF(0, 0, 100, 100), QRectF(100, 0, 100, 100)}, 1, QString());
    }
    const QRgb finished = image.pixel(50, 50), waiting = image.pixel(150, 50);
    QVERIFY2(qBlue(finished) > qRed(finished) + 20, "the finished tile is washed blue");
    QCOMPARE(waiting, qRgb(128, 128, 128));
}

void TestViewOverlays::rightDragMovesTheLevelAcrossAndTheWidthDown()
{
    const ContrastLimits start{0.0f, 100.0f};
    const QSizeF view(400, 300);
    ContrastLimits w = windowLevelDragged(start, QPointF(100, 0), view); // a quarter of the width: half a window up
    QCOMPARE(w.low, 50.0f);
    QCOMPARE(w.high, 150.0f);
    w = windowLevelDragged(start, QPointF(0, 200), view); // 200 px down: twice as wide, same level
    QCOMPARE(w.low, -50.0f);
    QCOMPARE(w.high, 150.0f);
    w = windowLevelDragged(start, QPointF(0, -200), view);
    QCOMPARE(w.low, 25.0f);
    QCOMPARE(w.high, 75.0f);

    ViewTools tools; // the tools pass the drag on as it goes, whatever the left button's tool
    QVERIFY(tools.press(mouse(QEvent::MouseButtonPress, {200, 150}, Qt::RightButton, Qt::RightButton), oneToOne(), start));
    std::optional<ContrastLimits> window;
    QVERIFY(tools.move(mouse(QEvent::MouseMove, {300, 150}, Qt::NoButton, Qt::RightButton), oneToOne(), &window));
    QVERIFY(window);
    QVERIFY(window->low > 0);
    QVERIFY(tools.release(mouse(QEvent::MouseButtonRelease, {300, 150}, Qt::RightButton, Qt::NoButton)));
}

void TestViewOverlays::lengthsAreInAngstromWhenThePixelSizeIsKnown()
{
    QCOMPARE(lengthText(50.0, 2.0), QString("100 Å (50.0 px)"));
    QCOMPARE(lengthText(12.5, 1.2), QString("15.0 Å (12.5 px)"));
    QCOMPARE(lengthText(50.0, 0.0), QString("50.0 px"));
}

void TestViewOverlays::rulerMeasuresADragAndIsDrawn()
{
    ViewTools tools;
    const ViewTransform transform = oneToOne();
    // Panning is the default: a left drag is not the ruler's.
    QVERIFY(!tools.press(mouse(QEvent::MouseButtonPress, {20, 20}, Qt::LeftButton, Qt::LeftButton), transform, {}));
    tools.setTool(ViewTool::Ruler);
    QVERIFY(tools.press(mouse(QEvent::MouseButtonPress, {20, 20}, Qt::LeftButton, Qt::LeftButton), transform, {}));
    std::optional<ContrastLimits> window;
    QVERIFY(tools.move(mouse(QEvent::MouseMove, {50, 60}, Qt::NoButton, Qt::LeftButton), transform, &window));
    QVERIFY(tools.release(mouse(QEvent::MouseButtonRelease, {50, 60}, Qt::LeftButton, Qt::NoButton)));
    QVERIFY(!window);
    QVERIFY(tools.ruler());
    QCOMPARE(tools.ruler()->length(), 50.0); // 30 across, 40 down
    QImage image = grey();
    {
        QPainter painter(&image);
        tools.draw(painter, transform, 2.0);
    }
    QVERIFY(pixelsLike(image, QColor(80, 255, 120)) > 40); // the line and its label
    QCOMPARE(image.pixel(150, 20), qRgb(128, 128, 128));
}

void TestViewOverlays::particleCircleFollowsTheCursor()
{
    ViewTools tools;
    tools.setTool(ViewTool::ParticleCircle);
    tools.setParticleDiameter(40); // image pixels: 40 view pixels at 1:1
    std::optional<ContrastLimits> window;
    tools.move(mouse(QEvent::MouseMove, {100, 55}, Qt::NoButton, Qt::NoButton), oneToOne(), &window);
    QImage image = grey();
    {
        QPainter painter(&image);
        tools.draw(painter, oneToOne(), 1.5);
    }
    const QColor magenta(255, 120, 255);
    int onCircle = 0;
    for (int a = 0; a < 360; a += 10) { // along the radius of 20 px
        const double t = a * M_PI / 180;
        const QPoint on(int(std::lround(100 + 20 * std::cos(t))), int(std::lround(55 + 20 * std::sin(t))));
        onCircle += pixelsLike(image.copy(QRect(on - QPoint(1, 1), QSize(3, 3))), magenta) > 0;
    }
    QVERIFY2(onCircle > 25, qPrintable(QString::number(onCircle)));
    QCOMPARE(image.pixel(100, 55), qRgb(128, 128, 128)); // the particle inside stays visible
    tools.leave();
    QImage after = grey();
    {
        QPainter painter(&after);
        tools.draw(painter, oneToOne(), 1.5);
    }
    QCOMPARE(after, grey());
}

void TestViewOverlays::curvesFollowTheImageAtAnyZoom()
{
    // A vertical line at image x = 80 from y = 20 to 80: at 1:1 it shows at view x 80; zoomed 2× about
    // the image's centre (100, 50), at view x = 100 + 2 · (80 − 100) = 60, from y = −10 to 110.
    const QList<QPolygonF> curves{QPolygonF{QPointF(80, 20), QPointF(80, 80)}};
    const QColor green(80, 255, 120);
    for (const double scale : {1.0, 2.0}) {
        ViewTransform transform = oneToOne();
        transform.setScaleAndCentre(scale, QPointF(100, 50));
        QImage image = grey();
        {
            QPainter painter(&image);
            drawImageCurves(painter, transform, curves, green);
        }
        const int x = qRound(100 + scale * (80 - 100));
        // The line runs between columns x − 1 and x, so each shows it half-covered over the halo.
        auto greenAt = [&](int y) {
            for (const int column : {x - 1, x}) {
                const QColor c = image.pixelColor(column, y);
                if (c.green() - c.red() > 60 && c.green() - c.blue() > 40)
                    return true;
            }
            return false;
        };
        for (const int y : {30, 50, 70})
            QVERIFY2(greenAt(y), qPrintable(QString("at %1×: no curve at x %2, y %3").arg(scale).arg(x).arg(y)));
        if (scale == 1.0)
            QCOMPARE(image.pixel(x, 15), qRgb(128, 128, 128)); // past the curve's end
        QCOMPARE(image.pixel(x + 6, 50), qRgb(128, 128, 128)); // thin: the rings beside it stay visible
    }
    QImage untouched = grey();
    {
        QPainter painter(&untouched);
        drawImageCurves(painter, oneToOne(), {}, green);
    }
    QCOMPARE(untouched, grey());
}

QTEST_MAIN(TestViewOverlays)
#include "tst_viewoverlays.moc"
