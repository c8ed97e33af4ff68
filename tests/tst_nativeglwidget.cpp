// NativeGLWidget under a real X server: its frames are drawn in its own native window without making the
// top-level window compose again, grabs show what it draws (shown or not), input that reaches the
// child window reaches the widget, whose window keeps the keyboard focus and its shortcuts, and files
// dropped on it reach the window.

#include "nativeglwidget.h"

#include "openglcheck.h"

#include <QAction>
#include <QDropEvent>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
#include <QOpenGLWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWindow>

namespace {

/// Clears to red and paints a blue 10 × 10 square at the top left with QPainter; records its input.
class PaintedWidget : public NativeGLWidget {
public:
    int frames = 0;
    int presses = 0;
    QPoint lastPress;
    QList<int> keys;

protected:
    void paintGL() override
    {
        ++frames;
        glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        QPainter painter(paintDevice());
        painter.fillRect(QRect(0, 0, 10, 10), Qt::blue);
    }
    void mousePressEvent(QMouseEvent* event) override
    {
        ++presses;
        lastPress = event->position().toPoint();
    }
    void keyPressEvent(QKeyEvent* event) override { keys.append(event->key()); }
};

/// The same frame drawn the QOpenGLWidget way: the control that shows what the frame test measures.
class PaintedOpenGLWidget : public QOpenGLWidget, protected QOpenGLFunctions {
protected:
    void initializeGL() override { initializeOpenGLFunctions(); }
    void paintGL() override
    {
        glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
};

/// Counts the update requests a top-level widget gets: each means composing and flushing the window.
class UpdateRequestCounter : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::UpdateRequest)
            ++count;
        return false;
    }
};

/// A top-level widget that takes dropped URLs, as the main window takes dropped files.
class DropSite : public QWidget {
public:
    QList<QUrl> dropped;

    DropSite() { setAcceptDrops(true); }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        if (event->mimeData()->hasUrls())
            event->acceptProposedAction();
    }
    void dropEvent(QDropEvent* event) override
    {
        dropped = event->mimeData()->urls();
        event->acceptProposedAction();
    }
};

/// A top-level window with a line edit above `view`, shown.
struct Window {
    DropSite top;
    QLineEdit* edit = new QLineEdit;
    explicit Window(QWidget* view)
    {
        auto* layout = new QVBoxLayout(&top);
        layout->addWidget(edit);
        layout->addWidget(view, 1);
        top.resize(320, 240);
        top.show();
    }
};

/// The child windows NativeGLWidgets draw in.
QList<QWindow*> surfaces()
{
    QList<QWindow*> found;
    for (QWindow* window : QGuiApplication::allWindows())
        if (window->objectName() == "NativeGLWidgetSurface")
            found.append(window);
    return found;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 240 && qGreen(pixel) < 16 && qBlue(pixel) < 16;
}

bool isBlue(QRgb pixel)
{
    return qBlue(pixel) > 240 && qRed(pixel) < 16 && qGreen(pixel) < 16;
}

} // namespace

class TestNativeGLWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grabsShowTheFrameShownOrNot();
    void framesDoNotComposeTheWholeWindow();
    void requestsBeforeAFrameMakeOneFrame();
    void inputReachesTheWidgetAndTheWindowKeepsTheFocus();
    void dropsOverTheViewReachTheWindow();
};

void TestNativeGLWidget::initTestCase()
{
    REQUIRE_OPENGL();
}

void TestNativeGLWidget::grabsShowTheFrameShownOrNot()
{
    PaintedWidget hidden;
    hidden.resize(64, 48);
    const QImage frame = hidden.grabFramebuffer(); // never shown: drawn offscreen
    QCOMPARE(frame.size(), QSize(64, 48));
    QVERIFY(isRed(frame.pixel(40, 30)));
    QVERIFY2(isBlue(frame.pixel(2, 2)), "QPainter draws over the GL content, top left up");
    QVERIFY(isRed(frame.pixel(2, 45)));

    auto* view = new PaintedWidget;
    Window window(view);
    QVERIFY(QTest::qWaitForWindowExposed(&window.top));
    // QWidget::grab cannot read a native child window; the widget paints its frame into the grab.
    const QImage grabbed = window.top.grab().toImage();
    const QPoint origin = view->mapTo(&window.top, QPoint(0, 0));
    QVERIFY(isBlue(grabbed.pixel(origin + QPoint(2, 2))));
    QVERIFY(isRed(grabbed.pixel(origin + QPoint(view->width() / 2, view->height() / 2))));
}

void TestNativeGLWidget::framesDoNotComposeTheWholeWindow()
{
    constexpr int kFrames = 8;
    { // the control: each QOpenGLWidget frame makes the top-level window compose and flush again
        auto* control = new PaintedOpenGLWidget;
        Window window(control);
        QVERIFY(QTest::qWaitForWindowExposed(&window.top));
        QSignalSpy swapped(control, &QOpenGLWidget::frameSwapped);
        control->update();
        QVERIFY(swapped.wait()); // shown and drawn
        UpdateRequestCounter counter;
        window.top.installEventFilter(&counter);
        for (int i = 0; i < kFrames; ++i) {
            control->update();
            QVERIFY(swapped.wait());
        }
        QVERIFY2(counter.count >= kFrames, qPrintable(QString::number(counter.count)));
    }
    auto* view = new PaintedWidget;
    Window window(view);
    window.edit->setFocusPolicy(Qt::NoFocus); // no blinking cursor repainting the window meanwhile
    QVERIFY(QTest::qWaitForWindowExposed(&window.top));
    QTRY_VERIFY(view->frames > 0); // the child window's first exposure drew
    QSignalSpy swapped(view, &NativeGLWidget::frameSwapped);
    UpdateRequestCounter counter;
    window.top.installEventFilter(&counter);
    for (int quiet = 0, tries = 0; quiet < 2 && tries < 20; ++tries) { // a window manager's activation settles
        counter.count = 0;
        QTest::qWait(100);
        quiet = counter.count == 0 ? quiet + 1 : 0;
    }
    counter.count = 0;
    for (int i = 0; i < kFrames; ++i) {
        view->requestFrame();
        QVERIFY(swapped.wait());
    }
    QVERIFY2(counter.count < kFrames / 2, qPrintable(QString::number(counter.count))); // one stray repaint may land
}

void TestNativeGLWidget::requestsBeforeAFrameMakeOneFrame()
{
    auto* view = new PaintedWidget;
    Window window(view);
    QVERIFY(QTest::qWaitForWindowExposed(&window.top));
    QTRY_VERIFY(view->frames > 0); // the child window's first exposure drew
    QSignalSpy swapped(view, &NativeGLWidget::frameSwapped);
    QTest::qWait(50); // whatever showing the window asked for is drawn
    const int before = view->frames;
    for (int i = 0; i < 5; ++i)
        view->requestFrame();
    QVERIFY(swapped.wait());
    QTest::qWait(50);
    QCOMPARE(view->frames, before + 1);
}

void TestNativeGLWidget::inputReachesTheWidgetAndTheWindowKeepsTheFocus()
{
    auto* view = new PaintedWidget;
    view->setFocusPolicy(Qt::StrongFocus);
    Window window(view);
    auto* shortcut = new QAction(&window.top);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    window.top.addAction(shortcut);
    QSignalSpy triggered(shortcut, &QAction::triggered);
    window.top.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window.top));
    window.edit->setFocus();

    QCOMPARE(surfaces().size(), 1);
    QWindow* surface = surfaces().front();
    QVERIFY(QTest::qWaitForWindowExposed(surface));
    QCOMPARE(surface->size(), view->size());
    QTest::mouseClick(surface, Qt::LeftButton, {}, QPoint(20, 15));
    QCOMPARE(view->presses, 1);
    QCOMPARE(view->lastPress, QPoint(20, 15));
    QVERIFY(view->hasFocus());

    // Keys go to the top-level window, as the X server sends them: to the widget, and shortcuts fire.
    QTest::keyClick(window.top.windowHandle(), Qt::Key_A);
    QCOMPARE(view->keys, QList<int>{Qt::Key_A});
    QTest::keyClick(window.top.windowHandle(), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(triggered.count(), 1);
    QVERIFY(QGuiApplication::focusWindow() != surface);

    view->setCursor(Qt::CrossCursor); // the pointer over the child window is the widget's
    QCOMPARE(surface->cursor().shape(), Qt::CrossCursor);
}

void TestNativeGLWidget::dropsOverTheViewReachTheWindow()
{
    auto* view = new PaintedWidget;
    Window window(view);
    QVERIFY(QTest::qWaitForWindowExposed(&window.top));
    QCOMPARE(surfaces().size(), 1);
    QWindow* surface = surfaces().front();
    // A Qt drag source drops on the child window itself (it is a drop site of its own).
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile("/data/micrograph.mrc")});
    QDragEnterEvent enter(QPoint(20, 15), Qt::CopyAction, &data, Qt::LeftButton, {});
    QCoreApplication::sendEvent(surface, &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(enter.dropAction(), Qt::CopyAction);
    QDropEvent drop(QPointF(20, 15), Qt::CopyAction, &data, Qt::LeftButton, {});
    QCoreApplication::sendEvent(surface, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(window.top.dropped, QList<QUrl>{QUrl::fromLocalFile("/data/micrograph.mrc")});
}

QTEST_MAIN(TestNativeGLWidget)
#include "tst_nativeglwidget.moc"
