#include "nativeglwidget.h"

#include <QBackingStore>
#include <QCoreApplication>
#include <QDropEvent>
#include <QExposeEvent>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLPaintDevice>
#include <QPainter>
#include <QWindow>

namespace {

QSurfaceFormat surfaceFormat()
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8); // QPainter fills paths through the stencil
    return format;
}

} // namespace

/// The native child window: draws on exposure and on requested frames, and hands its input to the widget.
class NativeGLWidget::Surface : public QWindow {
public:
    explicit Surface(NativeGLWidget& owner)
        : m_owner(owner)
    {
        setSurfaceType(QSurface::OpenGLSurface);
        setFormat(surfaceFormat());
        setFlag(Qt::WindowDoesNotAcceptFocus); // the widget keeps the focus, so shortcuts see a widget
        setObjectName("NativeGLWidgetSurface");
    }

protected:
    void exposeEvent(QExposeEvent*) override
    {
        if (isExposed())
            m_owner.renderToWindow();
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::UpdateRequest) {
            m_owner.m_framePending = false;
            m_owner.renderToWindow();
            return true;
        }
        return m_owner.forwardFromWindow(event) || QWindow::event(event);
    }

private:
    NativeGLWidget& m_owner;
};

NativeGLWidget::NativeGLWidget(QWidget* parent)
    : QWidget(parent)
{
    m_window = new Surface(*this);
    m_container = QWidget::createWindowContainer(m_window, this);
    m_container->setFocusPolicy(Qt::NoFocus);
    // A container takes drags to hand them to its window; ours hands them back to the top-level window
    // (forwardDragToWindow), so the container must not be their target or a drag would go round forever.
    m_container->setAcceptDrops(false);
}

NativeGLWidget::~NativeGLWidget()
{
    if (m_initialized && makeCurrent()) {
        m_paintDevice.reset(); // its paint engine holds the context's resources
        doneCurrent();
    }
    delete m_container; // and the child window with it, whose last events must not reach a destroyed widget
}

bool NativeGLWidget::makeCurrent()
{
    return makeCurrentOn(nullptr);
}

bool NativeGLWidget::makeCurrentOn(QSurface* surface)
{
    if (!m_context) {
        m_context = std::make_unique<QOpenGLContext>();
        m_context->setFormat(surfaceFormat());
        if (!m_context->create())
            qWarning("NativeGLWidget: no OpenGL context; nothing will be drawn");
        m_offscreen = std::make_unique<QOffscreenSurface>();
        m_offscreen->setFormat(m_context->format());
        m_offscreen->create();
    }
    if (!m_context->isValid() || !m_context->makeCurrent(surface ? surface : m_offscreen.get()))
        return false;
    if (!m_initialized) {
        m_initialized = true;
        initializeOpenGLFunctions();
        m_paintDevice = std::make_unique<QOpenGLPaintDevice>(); // belongs to the context current now
        initializeGL();
        resizeGL(width(), height());
    }
    return true;
}

void NativeGLWidget::resizeGL(int, int)
{
}

void NativeGLWidget::doneCurrent()
{
    if (m_context)
        m_context->doneCurrent();
}

void NativeGLWidget::requestFrame()
{
    if (m_framePending)
        return;
    m_framePending = true;
    // Low priority, as QWidget::update's own request: pending input is handled before the frame.
    QCoreApplication::postEvent(m_window, new QEvent(QEvent::UpdateRequest), Qt::LowEventPriority);
}

QPaintDevice* NativeGLWidget::paintDevice()
{
    return m_paintDevice.get();
}

void NativeGLWidget::renderToWindow()
{
    if (!m_window->isExposed() || !makeCurrentOn(m_window))
        return;
    glBindFramebuffer(GL_FRAMEBUFFER, m_context->defaultFramebufferObject());
    paintFrame(m_window->size() * m_window->devicePixelRatio(), m_window->devicePixelRatio());
    m_context->swapBuffers(m_window);
    Q_EMIT frameSwapped();
}

void NativeGLWidget::paintFrame(const QSize& pixels, qreal ratio)
{
    m_paintDevice->setSize(pixels);
    m_paintDevice->setDevicePixelRatio(ratio);
    glViewport(0, 0, pixels.width(), pixels.height());
    paintGL();
}

QImage NativeGLWidget::grabFramebuffer()
{
    if (!makeCurrent())
        return {};
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (size() * ratio).expandedTo(QSize(1, 1));
    QOpenGLFramebufferObject framebuffer(pixels, QOpenGLFramebufferObject::CombinedDepthStencil);
    framebuffer.bind(); // QPainter on the paint device draws into the bound framebuffer
    m_grabbing = true;
    paintFrame(pixels, ratio);
    m_grabbing = false;
    QImage image = framebuffer.toImage();
    framebuffer.release();
    image.setDevicePixelRatio(ratio);
    return image;
}

void NativeGLWidget::paintEvent(QPaintEvent*)
{
    // On screen the child window covers this widget, so nothing is painted into the window's backing
    // store; QWidget::grab and render paint into another device, and get the frame the child window shows.
    QBackingStore* store = window()->backingStore();
    if (store && redirected(nullptr) == store->paintDevice())
        return;
    QPainter painter(this);
    painter.drawImage(rect(), grabFramebuffer());
}

void NativeGLWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_container->setGeometry(rect()); // now, not at the next layout pass: a grab right after a resize fits
    if (m_initialized)
        makeCurrent();
    resizeGL(width(), height());
    requestFrame();
}

bool NativeGLWidget::event(QEvent* event)
{
    if (event->type() == QEvent::CursorChange) // the child window shows the pointer over this widget
        m_window->setCursor(cursor());
    return QWidget::event(event);
}

bool NativeGLWidget::forwardFromWindow(QEvent* event)
{
    // The window's coordinates are this widget's: the container covers it exactly.
    switch (event->type()) {
    case QEvent::MouseMove: // a window sees every move; a widget only with mouse tracking or a button held
        if (!hasMouseTracking() && static_cast<QMouseEvent*>(event)->buttons() == Qt::NoButton)
            return true;
        break;
    case QEvent::MouseButtonPress: // sent on, it is no longer spontaneous, and QApplication would give no focus
        if (focusPolicy() & Qt::ClickFocus)
            setFocus(Qt::MouseFocusReason);
        break;
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::DragLeave:
    case QEvent::Drop:
        forwardDragToWindow(event);
        return true;
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::Enter:
    case QEvent::Leave:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
    case QEvent::NativeGesture:
        break;
    default:
        return false;
    }
    QCoreApplication::sendEvent(this, event);
    return true;
}

void NativeGLWidget::forwardDragToWindow(QEvent* event)
{
    // The child window is a drop site of its own (a Qt drag source finds it): the top-level window's
    // widgets decide, as if the drag were over this widget, so a window that takes dropped files
    // takes them over the view too. The answer goes back on the original event.
    QWindow* top = window()->windowHandle();
    if (!top)
        return;
    if (event->type() == QEvent::DragLeave) {
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(top, &leave);
        return;
    }
    auto* drop = static_cast<QDropEvent*>(event);
    const QPointF at = mapTo(window(), drop->position());
    std::unique_ptr<QDropEvent> forwarded;
    if (event->type() == QEvent::DragEnter)
        forwarded = std::make_unique<QDragEnterEvent>(at.toPoint(), drop->possibleActions(), drop->mimeData(), drop->buttons(),
                                                      drop->modifiers());
    else if (event->type() == QEvent::DragMove)
        forwarded = std::make_unique<QDragMoveEvent>(at.toPoint(), drop->possibleActions(), drop->mimeData(), drop->buttons(),
                                                     drop->modifiers());
    else
        forwarded =
            std::make_unique<QDropEvent>(at, drop->possibleActions(), drop->mimeData(), drop->buttons(), drop->modifiers());
    forwarded->setAccepted(false);
    QCoreApplication::sendEvent(top, forwarded.get());
    drop->setDropAction(forwarded->dropAction());
    drop->setAccepted(forwarded->isAccepted());
}
