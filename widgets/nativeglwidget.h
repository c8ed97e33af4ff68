#pragma once
// An OpenGL widget drawn in a native child window of its own, so a frame costs only its own pixels.

#include <QOpenGLExtraFunctions>
#include <QWidget>
#include <memory>

class QOffscreenSurface;
class QOpenGLContext;
class QOpenGLPaintDevice;
class QSurface;
class QWindow;

/**
 * The role of QOpenGLWidget (initializeGL, resizeGL and paintGL; requestFrame for update; grabFramebuffer)
 * without its cost: every frame of a QOpenGLWidget makes Qt compose the whole top-level window again (the
 * widgets' raster content and each OpenGL widget's texture, then the full window pushed to the screen). On
 * a software renderer that costs about 15 ms a frame for a 1875 × 904 window whatever the view draws
 * (docs/performance.md, "The viewer"). Here the frame is drawn straight into a native child window (a
 * QWindow in a window container), so only the view's pixels are drawn and swapped, and the rest of the
 * window is not touched.
 *
 * Input arrives at the child window and is handed to this widget's own handlers (mouse, wheel, keys, enter
 * and leave, gestures), so subclasses handle events as any widget does; drags go to the top-level window
 * as if over this widget. The child window never takes the keyboard focus: a click gives it to this
 * widget, so shortcuts and focus behave as for any widget. What Qt derives from spontaneous input alone
 * (tooltips, underMouse(), context-menu events) does not happen for this widget.
 * The context lives as long as the widget; grabFramebuffer draws a frame into an offscreen framebuffer,
 * so it works before the window is first exposed and while it is hidden.
 */
class NativeGLWidget : public QWidget, protected QOpenGLExtraFunctions {
    Q_OBJECT
public:
    explicit NativeGLWidget(QWidget* parent = nullptr);
    ~NativeGLWidget() override;

    /// Draws a frame at the next pass of the event loop (several requests before it make one frame).
    void requestFrame();
    /// A frame drawn now at the widget's size into an offscreen framebuffer (null without OpenGL).
    QImage grabFramebuffer();
    /// Makes the context current on an offscreen surface (for work outside paintGL, such as deleting
    /// textures); false without OpenGL. initializeGL has run once it returns true.
    bool makeCurrent();
    void doneCurrent();
    QOpenGLContext* context() const { return m_context.get(); }
    /// Whether initializeGL has run (at the first frame shown, grab or makeCurrent).
    bool isValid() const { return m_initialized; }

Q_SIGNALS:
    /// A frame reached the screen.
    void frameSwapped();

protected:
    virtual void initializeGL() {}
    /// At every resize, from the first (before initializeGL, with no context current) on.
    virtual void resizeGL(int w, int h);
    /// Draws the frame into the bound framebuffer, of paintDevice()'s size.
    virtual void paintGL() = 0;
    /// For QPainter over the frame inside paintGL (the bound framebuffer, this widget's size).
    QPaintDevice* paintDevice();
    /// Whether the frame being drawn is for grabFramebuffer (an image kept, not a frame on screen).
    bool isGrabbing() const { return m_grabbing; }

    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    class Surface;
    friend class Surface;
    /// makeCurrent on `surface` (the offscreen one when null), initialising the first time.
    bool makeCurrentOn(QSurface* surface);
    /// Draws a frame of `pixels` into the bound framebuffer, the paint device sized to match.
    void paintFrame(const QSize& pixels, qreal ratio);
    /// Draws and swaps a frame on the child window when it is exposed.
    void renderToWindow();
    /// Called by the child window with the events it receives.
    bool forwardFromWindow(QEvent* event);
    /// A drag over the child window, handed to the top-level window at this widget's position.
    void forwardDragToWindow(QEvent* event);

    std::unique_ptr<QOpenGLContext> m_context;
    std::unique_ptr<QOffscreenSurface> m_offscreen;
    std::unique_ptr<QOpenGLPaintDevice> m_paintDevice;
    Surface* m_window = nullptr; // owned by m_container
    QWidget* m_container = nullptr;
    bool m_initialized = false;
    bool m_framePending = false;
    bool m_grabbing = false;
};
