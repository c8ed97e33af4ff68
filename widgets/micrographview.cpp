#include "micrographview.h"

#include "viewoverlays.h"
#include "viewshaders.h"
#include "viewtextures.h"

#include <QElapsedTimer>
#include <QGestureEvent>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

MicrographView::MicrographView(QWidget* parent)
    : NativeGLWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    grabGesture(Qt::PinchGesture);
}

MicrographView::~MicrographView()
{
    if (!context() || !makeCurrent())
        return;
    deleteTiles();
    for (unsigned* texture : {&m_colormapTexture, &m_split.texture, &m_overlay.texture, &m_overlayColormapTexture})
        if (*texture)
            glDeleteTextures(1, texture);
    m_plainProgram.reset();
    m_layeredProgram.reset();
    m_vao.reset();
    doneCurrent();
}

void MicrographView::setImage(const FloatImage& image)
{
    const bool sameSize = image.size == m_image.size;
    if (!sameSize)
        setSelection({}); // a selection belongs to images of one size (the sections of a stack keep it)
    m_image = image;
    const auto [mean, sigma] = roughMoments(image);
    m_normalOffset = float(mean);
    m_normalInverseScale = float(1.0 / sigma);
    m_tilesStale = true;
    m_split.stale = true; // normalised like the image
    if (!sameSize) { // a new section of the same stack keeps the user's zoom and pan
        m_split.image = {};
        m_overlay.image = {};
        m_curves.clear();
        m_transform.setImageSize(image.size);
        Q_EMIT viewChanged();
    }
    requestFrame();
}

void MicrographView::setSplitImage(const FloatImage& image, const QString& leftLabel, const QString& rightLabel)
{
    m_split.image = image.size == m_image.size ? image : FloatImage();
    m_split.stale = true;
    m_splitLabels = {leftLabel, rightLabel};
    requestFrame();
}

void MicrographView::setSplitPosition(double fraction)
{
    m_splitPosition = std::clamp(fraction, 0.0, 1.0);
    requestFrame();
}

void MicrographView::setOverlay(const FloatImage& map, const ContrastLimits& limits, double opacity)
{
    m_overlay.image = map.size == m_image.size ? map : FloatImage();
    m_overlayLimits = limits;
    m_overlay.stale = true;
    setOverlayOpacity(opacity);
}

void MicrographView::setOverlayOpacity(double opacity)
{
    m_overlayOpacity = std::clamp(opacity, 0.0, 1.0);
    requestFrame();
}

void MicrographView::setContrast(const ContrastLimits& limits)
{
    m_contrast = limits;
    requestFrame();
}

void MicrographView::setColormap(Colormap map)
{
    m_colormap = map;
    m_colormapStale = true;
    requestFrame();
}

void MicrographView::setPixelSize(double angstrom)
{
    m_pixelSize = angstrom;
    requestFrame();
}

void MicrographView::setScaleBarVisible(bool visible)
{
    m_scaleBarVisible = visible;
    requestFrame();
}

void MicrographView::setMaximumTileSize(int size)
{
    m_maximumTileSize = std::max(16, size);
    m_tilesStale = true;
    requestFrame();
}

void MicrographView::changed()
{
    requestFrame();
    Q_EMIT viewChanged();
}

void MicrographView::fitToWindow()
{
    m_transform.fit();
    changed();
}

void MicrographView::showOneToOne()
{
    m_transform.oneToOne();
    changed();
}

void MicrographView::zoomBy(double factor)
{
    zoomAt(QPointF(width() / 2.0, height() / 2.0), factor);
}

void MicrographView::zoomAt(const QPointF& anchor, double factor)
{
    m_transform.zoomAt(anchor, factor);
    changed();
}

void MicrographView::setScaleAndCentre(double scale, const QPointF& imageCentre)
{
    m_transform.setScaleAndCentre(scale, imageCentre);
    changed();
}

QImage MicrographView::renderedImage(bool withScaleBar)
{
    const bool shown = m_scaleBarVisible;
    m_scaleBarVisible = withScaleBar;
    QImage image = grabFramebuffer();
    m_scaleBarVisible = shown;
    requestFrame();
    return image;
}

void MicrographView::initializeGL()
{
    auto makeProgram = [](bool layers) {
        auto program = std::make_unique<QOpenGLShaderProgram>();
        const QByteArray fragment = QByteArray(kFragmentPreamble) + (layers ? kLayersDefine : "") + kViewFragmentShader;
        if (!program->addShaderFromSourceCode(QOpenGLShader::Vertex, kViewVertexShader)
            || !program->addShaderFromSourceCode(QOpenGLShader::Fragment, fragment) || !program->link())
            qWarning("MicrographView: shaders failed: %s", qPrintable(program->log()));
        return program;
    };
    m_plainProgram = makeProgram(false);
    m_layeredProgram = makeProgram(true);
    m_vao = std::make_unique<QOpenGLVertexArrayObject>();
    m_vao->create();
    m_tilesStale = true;
    m_colormapStale = true;
    m_split.stale = m_overlay.stale = true;
}

void MicrographView::resizeGL(int w, int h)
{
    Q_UNUSED(w)
    Q_UNUSED(h)
    m_transform.setViewSize(QSizeF(width(), height()));
    Q_EMIT viewChanged();
}

void MicrographView::deleteTiles()
{
    for (unsigned texture : m_pyramid.takeAll())
        glDeleteTextures(1, &texture);
}

float MicrographView::normalised(float value) const
{
    const float v = (value - m_normalOffset) * m_normalInverseScale;
    // Non-finite samples show as the mean; beyond half's range, saturate.
    return std::isfinite(v) ? std::clamp(v, -65000.0f, 65000.0f) : 0.0f;
}

void MicrographView::planTiles()
{
    deleteTiles();
    m_tilesStale = false;
    m_wasFullyLoaded = false;
    if (m_image.isNull()) {
        m_pyramid = {};
        return;
    }
    GLint maxTexture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    const int tileSize = std::min(m_maximumTileSize, std::max(64, int(maxTexture)));
    m_pyramid = TilePyramid(m_image.size, tileSize, kCoarsestSide, kTextureBudgetBytes);
    for (const TileKey& key : m_pyramid.tilesOf(m_pyramid.coarsestLevel()))
        loadTile(key);
}

std::vector<TileKey> MicrographView::neededTiles() const
{
    const int level = m_pyramid.levelFor(m_transform.scale() * devicePixelRatioF());
    return m_pyramid.tilesIn(m_transform.visibleImageRect(), level);
}

void MicrographView::loadTile(const TileKey& key)
{
    const QSize size = m_pyramid.textureSize(key);
    std::vector<float>& texels = m_tileTexels;
    blockMeans(
        m_image, m_pyramid.imageRect(key), key.level, [this](float v) { return normalised(v); }, texels);
    const unsigned texture = createMipmappedTexture(
        gl(), size.width(), size.height(), [&](int x, int y) { return texels[std::size_t(y) * size.width() + x]; }, m_scratch);
    m_pyramid.insert(key, texture, mipmappedTextureBytes(size.width(), size.height()));
}

void MicrographView::loadNeededTiles()
{
    m_loadScheduled = false;
    if (m_tilesStale || !makeCurrent())
        return;
    QElapsedTimer slice;
    slice.start();
    for (const TileKey& key : neededTiles())
        if (!m_pyramid.isResident(key) && slice.elapsed() < kLoadSliceMs)
            loadTile(key);
    requestFrame();
}

bool MicrographView::isFullyLoaded() const
{
    if (m_tilesStale)
        return false;
    return allResident(neededTiles());
}

bool MicrographView::allResident(const std::vector<TileKey>& keys) const
{
    return std::all_of(keys.begin(), keys.end(), [this](const TileKey& key) { return m_pyramid.isResident(key); });
}

void MicrographView::uploadOverlays()
{
    GLint maxTexture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    auto upload = [&](Layer& layer, const auto& sample) {
        layer.stale = false;
        if (layer.texture)
            glDeleteTextures(1, &layer.texture);
        layer.texture = 0;
        const QSize size = layer.image.size;
        if (layer.image.isNull() || size.width() > maxTexture || size.height() > maxTexture)
            return; // one texture per layer: comparisons are of regions, far below the limit
        MipmapScratch scratch;
        layer.texture = createMipmappedTexture(
            gl(), size.width(), size.height(),
            [&](int x, int y) { return sample(layer.image.data()[qsizetype(y) * size.width() + x]); }, scratch);
    };
    if (m_split.stale)
        upload(m_split, [this](float v) { return normalised(v); });
    if (m_overlay.stale) {
        const float low = float(m_overlayLimits.low);
        const float scale = m_overlayLimits.high > m_overlayLimits.low ? float(1.0 / (m_overlayLimits.high - m_overlayLimits.low))
                                                                       : 0.0f;
        upload(m_overlay, [=](float v) { return std::isfinite(v) ? std::clamp((v - low) * scale, 0.0f, 1.0f) : 0.0f; });
    }
    if (!m_overlayColormapTexture)
        uploadColormapTexture(gl(), Colormap::Cubehelix, m_overlayColormapTexture);
}

void MicrographView::paintGL()
{
    QElapsedTimer timer;
    timer.start();
    if (m_tilesStale)
        planTiles();
    const std::vector<TileKey> needed = neededTiles();
    if (isGrabbing() && m_grabsLoadTiles) // a screenshot or an export shows the view as it will be
        for (const TileKey& key : needed)
            if (!m_pyramid.isResident(key))
                loadTile(key);
    // Where a tile is still loading, the coarser one covering it is drawn (first, each once, coarsest
    // first); it is in use as much as the tiles.
    std::vector<TileKey> covers;
    for (const TileKey& key : needed)
        if (!m_pyramid.isResident(key)) {
            const TileKey cover = m_pyramid.residentCover(key);
            if (std::find(covers.begin(), covers.end(), cover) == covers.end())
                covers.push_back(cover);
        }
    std::sort(covers.begin(), covers.end(), [](const TileKey& a, const TileKey& b) { return a.level > b.level; });
    std::vector<TileKey> used = covers;
    used.insert(used.end(), needed.begin(), needed.end());
    m_pyramid.markUsed(used);
    if (m_colormapStale) {
        m_colormapStale = false;
        uploadColormapTexture(gl(), m_colormap, m_colormapTexture);
    }
    if (m_split.stale || m_overlay.stale || !m_overlayColormapTexture)
        uploadOverlays();
    glClearColor(0.125f, 0.125f, 0.125f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    QOpenGLShaderProgram* program = m_split.texture || (m_overlay.texture && m_overlayOpacity > 0) ? m_layeredProgram.get()
                                                                                                   : m_plainProgram.get();
    if (!m_image.isNull() && program->isLinked()) {
        program->bind();
        m_vao->bind();
        const float low = (m_contrast.low - m_normalOffset) * m_normalInverseScale;
        const float high = (m_contrast.high - m_normalOffset) * m_normalInverseScale;
        program->setUniformValue("window", low, high > low ? 1.0f / (high - low) : 1e30f);
        program->setUniformValue("transform", float(m_transform.scale()), float(m_transform.offset().x()),
                                 float(m_transform.offset().y()));
        program->setUniformValue("viewSize", float(width()), float(height()));
        program->setUniformValue("imageSize", float(m_image.size.width()), float(m_image.size.height()));
        program->setUniformValue("splitX", m_split.texture ? float(m_splitPosition * m_image.size.width()) : -1.0f);
        program->setUniformValue("overlayOpacity", m_overlay.texture ? float(m_overlayOpacity) : 0.0f);
        const std::array<std::pair<const char*, unsigned>, 4> bound{{{"colormap", m_colormapTexture},
                                                                     {"splitSamples", m_split.texture},
                                                                     {"overlay", m_overlay.texture},
                                                                     {"overlayColormap", m_overlayColormapTexture}}};
        for (int unit = 1; unit <= int(bound.size()); ++unit) {
            program->setUniformValue(bound[unit - 1].first, unit);
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, bound[unit - 1].second);
        }
        glActiveTexture(GL_TEXTURE0);
        program->setUniformValue("samples", 0);
        auto draw = [&](const TileKey& key) {
            const QRect rect = m_pyramid.imageRect(key);
            const QSize texels = m_pyramid.textureSize(key);
            glBindTexture(GL_TEXTURE_2D, m_pyramid.texture(key));
            program->setUniformValue("tileRect", float(rect.x()), float(rect.y()), float(rect.width()), float(rect.height()));
            program->setUniformValue("texelShare", float(rect.width()) / float(texels.width() << key.level),
                                     float(rect.height()) / float(texels.height() << key.level));
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        };
        for (const TileKey& key : covers)
            draw(key);
        for (const TileKey& key : needed)
            if (m_pyramid.isResident(key))
                draw(key);
        glBindTexture(GL_TEXTURE_2D, 0);
        m_vao->release();
        program->release();
    }
    drawSplitLine();
    drawTileProgress();
    drawSelection();
    {
        QPainter painter(paintDevice());
        drawImageCurves(painter, m_transform, m_curves, QColor(80, 255, 120));
        m_tools.draw(painter, m_transform, m_pixelSize);
    }
    drawScaleBar();

    if (isSignalConnected(QMetaMethod::fromSignal(&MicrographView::framePainted))) {
        glFinish();
        Q_EMIT framePainted(timer.nsecsElapsed() / 1e6);
    }
    for (unsigned texture : m_pyramid.evictable())
        glDeleteTextures(1, &texture);
    const bool loaded = allResident(needed);
    if (!loaded && !m_loadScheduled) { // load between frames, so input is handled in between
        m_loadScheduled = true;
        QTimer::singleShot(0, this, &MicrographView::loadNeededTiles);
    }
    if (loaded && !m_wasFullyLoaded && !m_image.isNull()) // after this frame, so no slot runs inside paintGL
        QTimer::singleShot(0, this, &MicrographView::fullyLoaded);
    m_wasFullyLoaded = loaded;
}

void MicrographView::drawScaleBar()
{
    m_scaleBarAngstrom = 0.0;
    if (!m_scaleBarVisible || m_pixelSize <= 0 || m_image.isNull())
        return;
    const double angstromPerViewPixel = m_pixelSize / m_transform.scale();
    m_scaleBarAngstrom = scaleBarLength(angstromPerViewPixel, width());
    QPainter painter(paintDevice());
    ::drawScaleBar(painter, size(), m_scaleBarAngstrom, angstromPerViewPixel);
}

bool MicrographView::event(QEvent* event)
{
    if (event->type() == QEvent::Gesture) { // a touchscreen pinch
        if (auto* pinch = static_cast<QPinchGesture*>(static_cast<QGestureEvent*>(event)->gesture(Qt::PinchGesture))) {
            zoomAt(mapFromGlobal(pinch->centerPoint()), pinch->scaleFactor());
            return true;
        }
    }
    if (event->type() == QEvent::NativeGesture) { // a touchpad pinch (macOS, Wayland)
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(gesture->position(), 1.0 + gesture->value());
            return true;
        }
    }
    return NativeGLWidget::event(event);
}

void MicrographView::wheelEvent(QWheelEvent* event)
{
    // One notch (120) zooms by √2, so two notches double; trackpads send smaller steps.
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0)
        zoomAt(event->position(), std::pow(2.0, notches / 2));
    event->accept();
}

void MicrographView::setSelection(const QRect& region)
{
    const QRect clipped = region.intersected(QRect(QPoint(0, 0), m_image.size));
    if (clipped == m_selection)
        return;
    m_selection = clipped;
    requestFrame();
    Q_EMIT selectionChanged(m_selection);
}

QRect MicrographView::pixelsBetween(const QPointF& a, const QPointF& b) const
{
    // Both end pixels included: the pixel under the pointer where the drag starts and where it ends.
    const int x0 = int(std::floor(std::min(a.x(), b.x()))), y0 = int(std::floor(std::min(a.y(), b.y())));
    const int x1 = int(std::floor(std::max(a.x(), b.x()))), y1 = int(std::floor(std::max(a.y(), b.y())));
    return QRect(QPoint(x0, y0), QPoint(x1, y1)).intersected(QRect(QPoint(0, 0), m_image.size));
}

void MicrographView::drawSplitLine()
{
    if (!m_split.texture)
        return;
    QPainter painter(paintDevice());
    ::drawSplitLine(painter, m_transform.toWidget(QPointF(m_splitPosition * m_image.size.width(), 0)).x(), size(),
                    m_splitLabels.first, m_splitLabels.second);
}

void MicrographView::setTileProgress(const QList<QRectF>& tiles, int done, const QString& caption)
{
    m_progressTiles = tiles;
    m_progressDone = done;
    m_progressCaption = caption;
    requestFrame();
}

void MicrographView::setCurves(const QList<QPolygonF>& curves)
{
    m_curves = curves;
    requestFrame();
}

void MicrographView::drawTileProgress()
{
    if (m_progressTiles.isEmpty())
        return;
    QPainter painter(paintDevice());
    ::drawTileProgress(painter, m_transform, m_progressTiles, m_progressDone, m_progressCaption);
}

void MicrographView::drawSelection()
{
    if (m_selection.isEmpty())
        return;
    QPainter painter(paintDevice());
    ::drawSelection(painter, m_transform, m_selection, m_pixelSize);
}

void MicrographView::mousePressEvent(QMouseEvent* event)
{
    if (!m_image.isNull() && m_tools.press(*event, m_transform, m_contrast)) {
        requestFrame();
        return;
    }
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier) && !m_image.isNull()) {
        m_selecting = true;
        m_selectionAnchor = m_transform.toImage(event->position());
        setSelection({});
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MicrographView::mouseMoveEvent(QMouseEvent* event)
{
    std::optional<ContrastLimits> window;
    if (m_tools.move(*event, m_transform, &window) || m_tools.tool() == ViewTool::ParticleCircle)
        requestFrame();
    if (window)
        Q_EMIT contrastDragged(*window);
    if (m_selecting)
        setSelection(pixelsBetween(m_selectionAnchor, m_transform.toImage(event->position())));
    if (m_dragging) {
        m_transform.pan(event->position() - m_dragStart);
        m_dragStart = event->position();
        changed();
    }
    const QPoint pixel = imagePixelAt(event->position());
    if (pixel.x() < 0 || m_image.isNull())
        Q_EMIT hoverLeft();
    else
        Q_EMIT pixelHovered(pixel, m_image.at(pixel.x(), pixel.y()));
}

void MicrographView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_tools.release(*event)) {
        requestFrame();
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        const QPointF end = m_transform.toImage(event->position());
        const bool click = QLineF(m_transform.toWidget(m_selectionAnchor), event->position()).length() < 3;
        setSelection(click ? QRect() : pixelsBetween(m_selectionAnchor, end)); // a Shift+click clears
    }
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
    }
}

void MicrographView::mouseDoubleClickEvent(QMouseEvent*)
{
    fitToWindow();
}

void MicrographView::keyPressEvent(QKeyEvent* event)
{
    const double step = 0.1 * std::min(width(), height());
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(std::sqrt(2.0));
        break;
    case Qt::Key_Minus:
        zoomBy(1 / std::sqrt(2.0));
        break;
    case Qt::Key_0:
        fitToWindow();
        break;
    case Qt::Key_Escape:
        setSelection({});
        m_tools.clearRuler();
        requestFrame();
        break;
    case Qt::Key_1:
        showOneToOne();
        break;
    case Qt::Key_Left:
        m_transform.pan(QPointF(step, 0));
        changed();
        break;
    case Qt::Key_Right:
        m_transform.pan(QPointF(-step, 0));
        changed();
        break;
    case Qt::Key_Up:
        m_transform.pan(QPointF(0, step));
        changed();
        break;
    case Qt::Key_Down:
        m_transform.pan(QPointF(0, -step));
        changed();
        break;
    default:
        NativeGLWidget::keyPressEvent(event);
    }
}

void MicrographView::leaveEvent(QEvent*)
{
    m_tools.leave();
    requestFrame();
    Q_EMIT hoverLeft();
}

void MicrographView::setTool(ViewTool tool)
{
    m_tools.setTool(tool);
    setCursor(tool == ViewTool::Pan ? Qt::ArrowCursor : Qt::CrossCursor);
    requestFrame();
}

void MicrographView::setParticleDiameter(double pixels)
{
    m_tools.setParticleDiameter(pixels);
    requestFrame();
}
