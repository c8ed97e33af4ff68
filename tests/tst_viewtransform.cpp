// Zoom and pan arithmetic of the micrograph view, table-driven: fitting, anchored zoom, panning
// limits and the pixel under the cursor.

#include "viewtransform.h"

#include <QLineF>
#include <QTest>
#include <cmath>

class TestViewTransform : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitCentresTheWholeImage_data();
    void fitCentresTheWholeImage();
    void zoomKeepsTheAnchoredPointFixed_data();
    void zoomKeepsTheAnchoredPointFixed();
    void zoomIsClamped();
    void panMovesButKeepsTheImageInView();
    void pixelAtFollowsTheMapping_data();
    void pixelAtFollowsTheMapping();
    void visibleRectAtOneToOne();
    void resizeKeepsTheCentre();
    void aFittedImageStaysFitted();
    void oneToOneKeepsTheCentre();
    void toWidgetUndoesToImage();
    void smallImagesZoomOutNoFurtherThanOneToOne();
    void nonPositiveZoomFactorsAreIgnored();
    void noImageYetIsHarmless();
};

void TestViewTransform::fitCentresTheWholeImage_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QSizeF>("view");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QPointF>("offset");
    QTest::newRow("wide image") << QSize(2000, 1000) << QSizeF(1000, 1000) << 0.5 << QPointF(0, 250);
    QTest::newRow("tall image") << QSize(1000, 4000) << QSizeF(1000, 1000) << 0.25 << QPointF(375, 0);
    QTest::newRow("K3 super-resolution") << QSize(11520, 8184) << QSizeF(1280, 800) << 800.0 / 8184
                                         << QPointF((1280 - 11520 * 800.0 / 8184) / 2, 0);
    QTest::newRow("small image enlarged") << QSize(100, 50) << QSizeF(400, 400) << 4.0 << QPointF(0, 100);
}

void TestViewTransform::fitCentresTheWholeImage()
{
    QFETCH(QSize, image);
    QFETCH(QSizeF, view);
    QFETCH(double, scale);
    QFETCH(QPointF, offset);
    ViewTransform t;
    t.setViewSize(view);
    t.setImageSize(image);
    QCOMPARE(t.scale(), scale);
    QVERIFY(qAbs(t.offset().x() - offset.x()) < 1e-9);
    QVERIFY(qAbs(t.offset().y() - offset.y()) < 1e-9);
}

void TestViewTransform::zoomKeepsTheAnchoredPointFixed_data()
{
    QTest::addColumn<QPointF>("anchor");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at centre") << QPointF(500, 500) << 2.0;
    QTest::newRow("in at corner") << QPointF(10, 990) << 1.25;
    QTest::newRow("in off-centre, far") << QPointF(700, 200) << 16.0;
    QTest::newRow("out off-centre") << QPointF(300, 600) << 0.8;
}

void TestViewTransform::zoomKeepsTheAnchoredPointFixed()
{
    QFETCH(QPointF, anchor);
    QFETCH(double, factor);
    ViewTransform t;
    t.setViewSize(QSizeF(1000, 1000));
    t.setImageSize(QSize(4000, 4000)); // fitted at 0.25
    const QPointF before = t.toImage(anchor);
    const double scale = t.scale();
    t.zoomAt(anchor, factor);
    QCOMPARE(t.scale(), scale * factor);
    const QPointF after = t.toImage(anchor);
    QVERIFY2(QLineF(before, after).length() < 1e-9, qPrintable(QString("moved by %1").arg(QLineF(before, after).length())));
}

void TestViewTransform::zoomIsClamped()
{
    ViewTransform t;
    t.setViewSize(QSizeF(800, 800));
    t.setImageSize(QSize(1600, 1600));
    t.zoomAt(QPointF(400, 400), 1e6);
    QCOMPARE(t.scale(), ViewTransform::kMaximumScale);
    t.zoomAt(QPointF(400, 400), 1e-9);
    QCOMPARE(t.scale(), 0.125); // a quarter of the fitted 0.5
    QCOMPARE(t.minimumScale(), 0.125);
}

void TestViewTransform::panMovesButKeepsTheImageInView()
{
    ViewTransform t;
    t.setViewSize(QSizeF(1000, 1000));
    t.setImageSize(QSize(1000, 1000));
    t.oneToOne();
    QCOMPARE(t.offset(), QPointF(0, 0));
    t.pan(QPointF(120, -30));
    QCOMPARE(t.offset(), QPointF(120, -30));
    QCOMPARE(t.toImage(QPointF(620, 470)), QPointF(500, 500));
    t.pan(QPointF(1e6, 1e6)); // far away: stopped with a quarter of the view still showing the image
    QCOMPARE(t.offset(), QPointF(750, 750));
    t.pan(QPointF(-1e7, -1e7));
    QCOMPARE(t.offset(), QPointF(250 - 1000, 250 - 1000));
}

void TestViewTransform::pixelAtFollowsTheMapping_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<QPointF>("widget");
    QTest::addColumn<QPoint>("pixel");
    // View 100 x 100 showing image pixel (50, 50)'s corner at the centre.
    QTest::newRow("1:1 centre") << 1.0 << QPointF(50.5, 50.5) << QPoint(50, 50);
    QTest::newRow("1:1 just left") << 1.0 << QPointF(49.99, 50.0) << QPoint(49, 50);
    QTest::newRow("4x inside one pixel") << 4.0 << QPointF(53.9, 50.1) << QPoint(50, 50);
    QTest::newRow("4x next pixel") << 4.0 << QPointF(54.0, 46.0) << QPoint(51, 49);
    QTest::newRow("0.5x") << 0.5 << QPointF(51, 49) << QPoint(52, 48);
}

void TestViewTransform::pixelAtFollowsTheMapping()
{
    QFETCH(double, scale);
    QFETCH(QPointF, widget);
    QFETCH(QPoint, pixel);
    ViewTransform t;
    t.setViewSize(QSizeF(100, 100));
    t.setImageSize(QSize(100, 100));
    t.setScaleAndCentre(scale, QPointF(50, 50));
    QCOMPARE(t.pixelAt(widget), pixel);
    QCOMPARE(t.pixelAt(QPointF(-1000, -1000)), QPoint(-1, -1));
}

void TestViewTransform::visibleRectAtOneToOne()
{
    ViewTransform t;
    t.setViewSize(QSizeF(1280, 800));
    t.setImageSize(QSize(11520, 8184));
    t.setScaleAndCentre(1.0, QPointF(5760, 4092));
    QCOMPARE(t.visibleImageRect(), QRectF(5760 - 640, 4092 - 400, 1280, 800));
    t.fit();
    QCOMPARE(t.visibleImageRect(), QRectF(0, 0, 11520, 8184));
}

void TestViewTransform::resizeKeepsTheCentre()
{
    ViewTransform t;
    t.setViewSize(QSizeF(400, 400));
    t.setImageSize(QSize(1000, 1000));
    t.setScaleAndCentre(2.0, QPointF(300, 700));
    t.setViewSize(QSizeF(800, 600));
    QCOMPARE(t.scale(), 2.0);
    QCOMPARE(t.toImage(QPointF(400, 300)), QPointF(300, 700));
}

void TestViewTransform::aFittedImageStaysFitted()
{
    // A view on a page not shown yet gets a provisional size first (the image arrived then), its real one later.
    ViewTransform t;
    t.setViewSize(QSizeF(640, 480));
    t.setImageSize(QSize(48, 48));
    QCOMPARE(t.scale(), 10.0);
    t.setViewSize(QSizeF(780, 655));
    QCOMPARE(t.scale(), 655.0 / 48);
    QCOMPARE(t.centre(), QPointF(24, 24));
    t.pan(QPointF(10, 0)); // no longer fitted: the next resize keeps scale and centre
    t.setViewSize(QSizeF(1000, 1000));
    QCOMPARE(t.scale(), 655.0 / 48);
    QCOMPARE(t.centre(), QPointF(24 - 10 / (655.0 / 48), 24)); // 10 widget px to the right
}

void TestViewTransform::oneToOneKeepsTheCentre()
{
    ViewTransform t;
    t.setViewSize(QSizeF(1000, 800));
    t.setImageSize(QSize(4000, 4000));
    t.zoomAt(QPointF(700, 300), 1.5);
    const QPointF centre = t.centre();
    t.oneToOne();
    QCOMPARE(t.scale(), 1.0);
    QVERIFY2(QLineF(t.centre(), centre).length() < 1e-9,
             qPrintable(QString("moved by %1").arg(QLineF(t.centre(), centre).length())));
    QVERIFY(!t.isFitted());
    t.fit();
    QVERIFY(t.isFitted());
    QCOMPARE(t.scale(), 0.2);
}

void TestViewTransform::toWidgetUndoesToImage()
{
    ViewTransform t;
    t.setViewSize(QSizeF(1280, 800));
    t.setImageSize(QSize(959, 927));
    t.setScaleAndCentre(3.7, QPointF(123.4, 567.8));
    for (const QPointF image : {QPointF(0, 0), QPointF(123.4, 567.8), QPointF(958.5, 926.5), QPointF(-3, 2000)}) {
        const QPointF back = t.toImage(t.toWidget(image));
        QVERIFY2(QLineF(back, image).length() < 1e-9, qPrintable(QString("%1, %2").arg(back.x()).arg(back.y())));
    }
    QCOMPARE(t.toWidget(QPointF(123.4, 567.8)), QPointF(640, 400)); // the chosen centre is the view's
}

void TestViewTransform::smallImagesZoomOutNoFurtherThanOneToOne()
{
    // A 48² particle fitted into a large view is enlarged ten times; zooming out stops at 1:1, where
    // it is still visible, not at a quarter of the fit.
    ViewTransform t;
    t.setViewSize(QSizeF(640, 480));
    t.setImageSize(QSize(48, 48));
    QCOMPARE(t.minimumScale(), 1.0);
    t.zoomAt(QPointF(320, 240), 1e-3);
    QCOMPARE(t.scale(), 1.0);
    QCOMPARE(t.pixelAt(QPointF(320, 240)), QPoint(24, 24));
}

void TestViewTransform::nonPositiveZoomFactorsAreIgnored()
{
    ViewTransform t;
    t.setViewSize(QSizeF(500, 500));
    t.setImageSize(QSize(1000, 1000));
    const double scale = t.scale();
    const QPointF offset = t.offset();
    for (const double factor : {0.0, -2.0, std::nan("")}) {
        t.zoomAt(QPointF(100, 100), factor);
        QCOMPARE(t.scale(), scale);
        QCOMPARE(t.offset(), offset);
        QVERIFY(t.isFitted());
    }
}

void TestViewTransform::noImageYetIsHarmless()
{
    // The view exists before anything is opened: its events must find finite numbers.
    ViewTransform t;
    t.setViewSize(QSizeF(800, 600));
    QVERIFY(!t.isFitted());
    QCOMPARE(t.minimumScale(), 1.0 / 1024);
    t.zoomAt(QPointF(400, 300), 2.0);
    t.pan(QPointF(10, 10));
    QVERIFY(std::isfinite(t.scale()) && std::isfinite(t.offset().x()) && std::isfinite(t.offset().y()));
    QCOMPARE(t.pixelAt(QPointF(400, 300)), QPoint(-1, -1));
    QCOMPARE(t.visibleImageRect(), QRectF());
    t.setImageSize(QSize(100, 100)); // the first image is fitted
    QVERIFY(t.isFitted());
    QCOMPARE(t.scale(), 6.0);
}

QTEST_APPLESS_MAIN(TestViewTransform)
#include "tst_viewtransform.moc"
