// The main window driven as a user would: open the bundled sample and a stack, step through
// sections, hover for pixel values, and meet a bad file with a dialog instead of a crash.

#include "mrctestfiles.h"
#include "testsupport.h"

#include "imageview.h"
#include "mainwindow.h"
#include "micrographcontroller.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>

namespace {

/// Grey-level standard deviation of what the view shows: a blank or one-colour view has none.
double renderedContrast(QWidget* view)
{
    const QImage shot = view->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    double sum = 0, squares = 0;
    const int n = shot.width() * shot.height();
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const double v = shot.constScanLine(y)[x];
            sum += v;
            squares += v * v;
        }
    return std::sqrt(squares / n - (sum / n) * (sum / n));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensTheBundledSample();
    void stepsThroughSections();
    void hoverShowsPixelValue();
    void badFileGivesADialogAndKeepsTheImage();

private:
    QTemporaryDir m_dir;
    QString makeStack();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFileInfo::exists(CRYOSR_SAMPLE));
}

QString TestMainWindow::makeStack()
{
    // Three 40 x 20 sections: section s is a ramp along x with offset 1000 * s.
    std::vector<float> values;
    for (int s = 0; s < 3; ++s)
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 40; ++x)
                values.push_back(1000.0f * s + x);
    const QString file = m_dir.filePath("stack.mrcs");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(40, 20, 3, 2), mrctestfiles::encode(values), 4));
    return file;
}

void TestMainWindow::opensTheBundledSample()
{
    MainWindow window;
    MicrographController controller(&window);
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QCOMPARE(window.imageView()->image().size, QSize(1024, 1024));
    QVERIFY(window.windowTitle().contains("sample_micrograph.mrc"));
    const auto* description = window.findChild<QLabel*>("descriptionLabel");
    QVERIFY(description->text().contains("1024 × 1024 × 1"));
    QVERIFY(description->text().contains("1.5 Å/px"));
    QVERIFY2(renderedContrast(window.imageView()) > 10.0, "the view shows no image");
    QVERIFY(!window.findChild<QSpinBox*>("sectionSpinBox")->isEnabled()); // one section: nothing to step
}

void TestMainWindow::stepsThroughSections()
{
    MainWindow window;
    MicrographController controller(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    auto* spin = window.findChild<QSpinBox*>("sectionSpinBox");
    QVERIFY(spin->isEnabled());
    QCOMPARE(spin->maximum(), 2);
    QCOMPARE(window.imageView()->image().at(5, 3), 5.0f);
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 1005.0f);
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 2005.0f);
    QTest::keyClick(spin, Qt::Key_Up); // already at the last section
    QCOMPARE(spin->value(), 2);
}

void TestMainWindow::hoverShowsPixelValue()
{
    MainWindow window;
    MicrographController controller(&window);
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    ImageView* view = window.imageView();
    // Find the widget position of image pixel (30, 10) by scanning, then hover there.
    QPoint target(-1, -1);
    for (int x = 0; x < view->width() && target.x() < 0; ++x)
        for (int y = 0; y < view->height(); ++y)
            if (view->imagePixelAt(QPointF(x + 0.5, y + 0.5)) == QPoint(30, 10)) {
                target = QPoint(x, y);
                break;
            }
    QVERIFY(target.x() >= 0);
    QTest::mouseMove(view, target);
    auto* pixel = window.findChild<QLabel*>("pixelLabel");
    QTRY_VERIFY(pixel->text().contains("x 30"));
    QVERIFY(pixel->text().contains("y 10"));
    QVERIFY(pixel->text().contains("value 30"));
    QVERIFY(pixel->text().contains("(60.0, 20.0 Å)")); // 2 Å per pixel in the stack's header
}

void TestMainWindow::badFileGivesADialogAndKeepsTheImage()
{
    MainWindow window;
    MicrographController controller(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    const QString bad = m_dir.filePath("broken.mrc");
    testsupport::writeBytes(bad, QByteArray(2048, 'x'));

    QString dialogText;
    QTimer::singleShot(0, this, [&] {
        // The dialog is modal: read and close it from inside its event loop.
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        dialogText = box->text();
        box->accept();
    });
    QVERIFY(!controller.openFile(bad));
    QVERIFY(dialogText.contains("broken.mrc"));
    QVERIFY(dialogText.contains("not an MRC or TIFF file"));
    QCOMPARE(window.imageView()->image().size, QSize(40, 20)); // the previous image is still shown
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
