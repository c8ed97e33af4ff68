#pragma once
// GUI tests whose windows draw with OpenGL (the micrograph view: 3.3 core) skip, saying why, where no
// such context can be made (no display, a display without GLX, an old driver), instead of failing on
// their first frame. Needs Qt Gui: for the GUI tests only.

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurfaceFormat>
#include <QTest>

namespace testsupport {

/// Empty when an OpenGL 3.3 core context can be made current here; otherwise why not.
inline QString openGLUnavailable()
{
    if (QGuiApplication::platformName() == "offscreen" || QGuiApplication::platformName() == "minimal")
        return QString("the '%1' Qt platform has no OpenGL: run under xvfb-run (scripts/test.sh does)")
            .arg(QGuiApplication::platformName());
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    QOpenGLContext context;
    context.setFormat(format);
    if (!context.create())
        return "no OpenGL context can be made on this display";
    if (context.format().version() < qMakePair(3, 3))
        return QString("this display offers OpenGL %1.%2; the micrograph view needs 3.3 core")
            .arg(context.format().majorVersion())
            .arg(context.format().minorVersion());
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.makeCurrent(&surface))
        return "an OpenGL context was made but cannot be made current";
    context.doneCurrent();
    return {};
}

} // namespace testsupport

/// In initTestCase: skips the whole test executable when OpenGL is not there, with the reason.
#define REQUIRE_OPENGL()                                                                                                         \
    do {                                                                                                                         \
        const QString unavailable = testsupport::openGLUnavailable();                                                            \
        if (!unavailable.isEmpty())                                                                                              \
            QSKIP(qPrintable(unavailable));                                                                                      \
    } while (false)
