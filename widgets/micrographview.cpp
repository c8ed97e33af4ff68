#include "micrographview.h"

#include <QElapsedTimer>
#include <QFloat16>
#include <QGestureEvent>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>
#include <thread>

namespace {

// Draws one tile as a quad generated from gl_VertexID (no vertex buffer needed).
constexpr const char* kVertexShader = R"(#version 330 core
uniform vec4 tileRect;   // x, y, width, height in image pixels
uniform vec3 transform;  // widget = image * transform.x + transform.yz (logical pixels)
uniform vec2 viewSize;   // logical pixels
out vec2 uv;
out vec2 imagePos;       // image pixels, for the overlays that cover the whole image
void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    uv = corner;
    imagePos = tileRect.xy + corner * tileRect.zw;
    vec2 widget = (tileRect.xy + corner * tileRect.zw) * transform.x + transform.yz;
    gl_Position = vec4(widget.x / viewSize.x * 2.0 - 1.0, 1.0 - widget.y / viewSize.y * 2.0, 0.0, 1.0);
})";

// Window/level and colormap: the only per-frame work, so contrast changes cost one redraw.
constexpr const char* kFragmentShader = R"(#version 330 core
uniform sampler2D samples;  // (value - mean) / sigma, half float
uniform sampler2D colormap; // 256 x 1 RGBA
uniform vec2 window;        // low, 1 / (high - low), in the textures' units
uniform vec2 imageSize;
uniform sampler2D splitSamples;    // another image of this size, normalised like `samples`
uniform float splitX;              // image x left of which splitSamples is shown; < 0: no split
uniform sampler2D overlay;         // 0 … 1 within the overlay's limits
uniform sampler2D overlayColormap;
uniform float overlayOpacity;      // 0: no overlay
in vec2 uv;
in vec2 imagePos;
out vec4 colour;
vec3 lookUp(sampler2D map, float t) {
    return texture(map, vec2((clamp(t, 0.0, 1.0) * 255.0 + 0.5) / 256.0, 0.5)).rgb;
}
void main() {
    vec2 whole = imagePos / imageSize;
    float value = imagePos.x < splitX ? texture(splitSamples, whole).r : texture(samples, uv).r;
    vec3 rgb = lookUp(colormap, (value - window.x) * window.y);
    if (overlayOpacity > 0.0 && imagePos.x >= splitX) // the overlay belongs to the view's own image
        rgb = mix(rgb, lookUp(overlayColormap, texture(overlay, whole).r), overlayOpacity);
    colour = vec4(rgb, 1.0);
})";

constexpr int kColormapSize = 256;

std::array<unsigned char, 4> colormapEntry(Colormap map, double t)
{
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    switch (map) {
    case Colormap::InvertedGray:
        return {byte(1 - t), byte(1 - t), byte(1 - t), 255};
    case Colormap::Cubehelix: {
        // Green (2011), Bull. Astr. Soc. India 39, 289: start 0.5, rotations -1.5, hue 1, gamma 1.
        const double amplitude = t * (1 - t) / 2, phi = 2 * M_PI * (0.5 / 3 - 1.5 * t);
        const double c = std::cos(phi), s = std::sin(phi);
        return {byte(t + amplitude * (-0.14861 * c + 1.78277 * s)), byte(t + amplitude * (-0.29227 * c - 0.90649 * s)),
                byte(t + amplitude * (1.97294 * c)), 255};
    }
    case Colormap::Gray:
        break;
    }
    return {byte(t), byte(t), byte(t), 255};
}

/// Runs body(row) for rows 0 … rows − 1, split into contiguous bands over the machine's cores.
template <typename Body>
void forRowsInParallel(int rows, const Body& body)
{
    const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
    if (threads == 1 || rows < 64) {
        for (int y = 0; y < rows; ++y)
            body(y);
        return;
    }
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int y = rows * t / threads; y < rows * (t + 1) / threads; ++y)
                body(y);
        });
    for (int y = 0; y < rows / threads; ++y)
        body(y);
    for (std::thread& worker : workers)
        worker.join();
}

/// Bold text with a dark outline, readable over any part of a micrograph.
void drawOutlinedText(QPainter& painter, const QPointF& baseline, const QString& text, const QColor& colour)
{
    QFont font = painter.font();
    font.setBold(true);
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.strokePath(path, QPen(Qt::black, 3));
    painter.fillPath(path, colour);
}

/// Mean and standard deviation of an even subsample of finite values (the textures' normalisation).
std::pair<double, double> roughMoments(const FloatImage& image)
{
    const qsizetype n = image.count(), stride = std::max<qsizetype>(1, n / (1 << 20));
    double sum = 0, squares = 0, count = 0;
    for (qsizetype i = 0; i < n; i += stride) {
        const double v = image.data()[i];
        if (std::isfinite(v)) {
            sum += v;
            squares += v * v;
            count += 1;
        }
    }
    if (count == 0)
        return {0.0, 1.0};
    const double mean = sum / count, variance = std::max(0.0, squares / count - mean * mean);
    const double sigma = std::sqrt(variance);
    return {mean, sigma > 1e-30 * std::max(1.0, std::abs(mean)) ? sigma : 1.0};
}

} // namespace

MicrographView::MicrographView(QWidget* parent)
    : QOpenGLWidget(parent)
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    setFormat(format);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    grabGesture(Qt::PinchGesture);
}

MicrographView::~MicrographView()
{
    if (!context())
        return;
    makeCurrent();
    deleteTiles();
    for (unsigned* texture : {&m_colormapTexture, &m_split.texture, &m_overlay.texture, &m_overlayColormapTexture})
        if (*texture)
            glDeleteTextures(1, texture);
    m_program.reset();
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
        m_transform.setImageSize(image.size);
        Q_EMIT viewChanged();
    }
    update();
}

void MicrographView::setSplitImage(const FloatImage& image, const QString& leftLabel, const QString& rightLabel)
{
    m_split.image = image.size == m_image.size ? image : FloatImage();
    m_split.stale = true;
    m_splitLabels = {leftLabel, rightLabel};
    update();
}

void MicrographView::setSplitPosition(double fraction)
{
    m_splitPosition = std::clamp(fraction, 0.0, 1.0);
    update();
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
    update();
}

void MicrographView::setContrast(const ContrastLimits& limits)
{
    m_contrast = limits;
    update();
}

void MicrographView::setColormap(Colormap map)
{
    m_colormap = map;
    m_colormapStale = true;
    update();
}

void MicrographView::setPixelSize(double angstrom)
{
    m_pixelSize = angstrom;
    update();
}

void MicrographView::setScaleBarVisible(bool visible)
{
    m_scaleBarVisible = visible;
    update();
}

void MicrographView::setMaximumTileSize(int size)
{
    m_maximumTileSize = std::max(16, size);
    m_tilesStale = true;
    update();
}

void MicrographView::changed()
{
    update();
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
    update();
    return image;
}

void MicrographView::initializeGL()
{
    initializeOpenGLFunctions();
    m_program = std::make_unique<QOpenGLShaderProgram>();
    if (!m_program->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader)
        || !m_program->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader) || !m_program->link())
        qWarning("MicrographView: shaders failed: %s", qPrintable(m_program->log()));
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
    for (Tile& tile : m_tiles)
        if (tile.texture)
            glDeleteTextures(1, &tile.texture);
    m_tiles.clear();
    if (m_overview)
        glDeleteTextures(1, &m_overview);
    m_overview = 0;
}

template <typename Sample>
unsigned MicrographView::createTexture(int width, int height, const Sample& sample)
{
    // Level 0 from `sample` (normalised floats), then 2 x 2 means for each smaller level, made here:
    // two CPU threads beat the software renderer's glGenerateMipmap by 4x on a 377 MB frame.
    int levels = 1;
    while ((std::max(width, height) >> levels) > 0)
        ++levels;
    unsigned texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexStorage2D(GL_TEXTURE_2D, levels, GL_R16F, width, height); // all levels allocated once
    std::vector<qfloat16> halves(std::size_t(width) * height);
    forRowsInParallel(height, [&](int y) {
        float row[256];
        for (int x = 0; x < width; x += 256) {
            const int n = std::min(256, width - x);
            for (int i = 0; i < n; ++i)
                row[i] = sample(x + i, y);
            qFloatToFloat16(halves.data() + std::size_t(y) * width + x, row, n);
        }
    });
    glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RED, GL_HALF_FLOAT, halves.data());
    std::vector<float> level, next;
    for (int l = 1, w = width, h = height; l < levels; ++l) {
        const int nw = std::max(1, w / 2), nh = std::max(1, h / 2);
        next.resize(std::size_t(nw) * nh);
        forRowsInParallel(nh, [&](int y) {
            const int ya = std::min(2 * y, h - 1), yb = std::min(2 * y + 1, h - 1);
            for (int x = 0; x < nw; ++x) {
                const int xa = std::min(2 * x, w - 1), xb = std::min(2 * x + 1, w - 1);
                auto at = [&](int xx, int yy) { return l == 1 ? sample(xx, yy) : level[std::size_t(yy) * w + xx]; };
                next[std::size_t(y) * nw + x] = 0.25f * (at(xa, ya) + at(xb, ya) + at(xa, yb) + at(xb, yb));
            }
            qFloatToFloat16(halves.data() + std::size_t(y) * nw, next.data() + std::size_t(y) * nw, nw);
        });
        glTexSubImage2D(GL_TEXTURE_2D, l, 0, 0, nw, nh, GL_RED, GL_HALF_FLOAT, halves.data());
        std::swap(level, next);
        w = nw;
        h = nh;
    }
    // Pixels stay crisp squares when zoomed in; zoomed out, mip levels average them.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
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
    if (m_image.isNull())
        return;
    GLint maxTexture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    const int tileSize = std::min(m_maximumTileSize, std::max(64, int(maxTexture)));
    const int w = m_image.size.width(), h = m_image.size.height();
    for (int y0 = 0; y0 < h; y0 += tileSize)
        for (int x0 = 0; x0 < w; x0 += tileSize)
            m_tiles.push_back({QRect(x0, y0, std::min(tileSize, w - x0), std::min(tileSize, h - y0)), 0});

    // Beyond kOverviewSize, a reduced copy (means of 2^k x 2^k blocks) is shown first, so a huge frame
    // appears at once and its full-resolution tiles follow over the next frames.
    int shift = 0;
    while ((w >> shift) > kOverviewSize || (h >> shift) > kOverviewSize)
        ++shift;
    if (shift == 0)
        return;
    const int block = 1 << shift, ow = std::max(1, w >> shift), oh = std::max(1, h >> shift);
    std::vector<float> overview(std::size_t(ow) * oh);
    forRowsInParallel(oh, [&](int oy) {
        for (int ox = 0; ox < ow; ++ox) {
            float sum = 0;
            for (int y = oy * block; y < std::min(h, (oy + 1) * block); ++y) {
                const float* row = m_image.data() + qsizetype(y) * w;
                for (int x = ox * block; x < std::min(w, (ox + 1) * block); ++x)
                    sum += normalised(row[x]);
            }
            overview[std::size_t(oy) * ow + ox] = sum / float(block * block);
        }
    });
    m_overviewCoverage = QSizeF(double(ow) * block, double(oh) * block);
    m_overview = createTexture(ow, oh, [&](int x, int y) { return overview[std::size_t(y) * ow + x]; });
}

void MicrographView::uploadPendingTiles()
{
    // Without an overview every tile is needed now; with one, visible tiles first, ~30 ms per frame.
    QElapsedTimer budget;
    budget.start();
    const QRectF visible = m_transform.visibleImageRect();
    const int w = m_image.size.width();
    for (bool visibleOnly : {true, false})
        for (Tile& tile : m_tiles) {
            if (tile.texture || (visibleOnly && !visible.intersects(QRectF(tile.rect))))
                continue;
            if (m_overview && budget.elapsed() > 30)
                return;
            const float* source = m_image.data() + qsizetype(tile.rect.y()) * w + tile.rect.x();
            tile.texture = createTexture(tile.rect.width(), tile.rect.height(),
                                         [&](int x, int y) { return normalised(source[qsizetype(y) * w + x]); });
        }
}

bool MicrographView::isFullyLoaded() const
{
    return std::all_of(m_tiles.begin(), m_tiles.end(), [](const Tile& tile) { return tile.texture != 0; });
}

void MicrographView::uploadColormap(Colormap map, unsigned& texture)
{
    std::vector<unsigned char> rgba;
    for (int i = 0; i < kColormapSize; ++i) {
        const auto entry = colormapEntry(map, i / double(kColormapSize - 1));
        rgba.insert(rgba.end(), entry.begin(), entry.end());
    }
    if (!texture)
        glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kColormapSize, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
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
        layer.texture = createTexture(size.width(), size.height(),
                                      [&](int x, int y) { return sample(layer.image.data()[qsizetype(y) * size.width() + x]); });
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
        uploadColormap(Colormap::Cubehelix, m_overlayColormapTexture);
}

void MicrographView::paintGL()
{
    QElapsedTimer timer;
    timer.start();
    if (m_tilesStale)
        planTiles();
    const bool wasLoaded = isFullyLoaded();
    if (!wasLoaded)
        uploadPendingTiles();
    if (m_colormapStale) {
        m_colormapStale = false;
        uploadColormap(m_colormap, m_colormapTexture);
    }
    if (m_split.stale || m_overlay.stale || !m_overlayColormapTexture)
        uploadOverlays();
    glClearColor(0.125f, 0.125f, 0.125f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    if (!m_tiles.empty() && m_program->isLinked()) {
        m_program->bind();
        m_vao->bind();
        const float low = (m_contrast.low - m_normalOffset) * m_normalInverseScale;
        const float high = (m_contrast.high - m_normalOffset) * m_normalInverseScale;
        m_program->setUniformValue("window", low, high > low ? 1.0f / (high - low) : 1e30f);
        m_program->setUniformValue("transform", float(m_transform.scale()), float(m_transform.offset().x()),
                                   float(m_transform.offset().y()));
        m_program->setUniformValue("viewSize", float(width()), float(height()));
        m_program->setUniformValue("imageSize", float(m_image.size.width()), float(m_image.size.height()));
        m_program->setUniformValue("splitX", m_split.texture ? float(m_splitPosition * m_image.size.width()) : -1.0f);
        m_program->setUniformValue("overlayOpacity", m_overlay.texture ? float(m_overlayOpacity) : 0.0f);
        const std::array<std::pair<const char*, unsigned>, 4> bound{{{"colormap", m_colormapTexture},
                                                                     {"splitSamples", m_split.texture},
                                                                     {"overlay", m_overlay.texture},
                                                                     {"overlayColormap", m_overlayColormapTexture}}};
        for (int unit = 1; unit <= int(bound.size()); ++unit) {
            m_program->setUniformValue(bound[unit - 1].first, unit);
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, bound[unit - 1].second);
        }
        glActiveTexture(GL_TEXTURE0);
        m_program->setUniformValue("samples", 0);
        auto draw = [&](unsigned texture, const QRectF& rect) {
            glBindTexture(GL_TEXTURE_2D, texture);
            m_program->setUniformValue("tileRect", float(rect.x()), float(rect.y()), float(rect.width()), float(rect.height()));
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        };
        if (m_overview && !isFullyLoaded())
            draw(m_overview, QRectF(QPointF(0, 0), m_overviewCoverage));
        const QRectF visible = m_transform.visibleImageRect();
        for (const Tile& tile : m_tiles)
            if (tile.texture && visible.intersects(QRectF(tile.rect)))
                draw(tile.texture, QRectF(tile.rect));
        glBindTexture(GL_TEXTURE_2D, 0);
        m_vao->release();
        m_program->release();
    }
    drawSplitLine();
    drawTileProgress();
    drawSelection();
    drawScaleBar();

    if (isSignalConnected(QMetaMethod::fromSignal(&MicrographView::framePainted))) {
        glFinish();
        Q_EMIT framePainted(timer.nsecsElapsed() / 1e6);
    }
    if (!isFullyLoaded())
        QTimer::singleShot(0, this, qOverload<>(&QWidget::update)); // keep loading between user events
    else if (!wasLoaded)
        Q_EMIT fullyLoaded();
}

void MicrographView::drawScaleBar()
{
    m_scaleBarAngstrom = 0.0;
    if (!m_scaleBarVisible || m_pixelSize <= 0 || m_image.isNull())
        return;
    // The longest 1, 2 or 5 × 10^n Å that fits in a sixth of the view.
    const double angstromPerWidgetPixel = m_pixelSize / m_transform.scale();
    const double target = width() / 6.0 * angstromPerWidgetPixel;
    const double decade = std::pow(10.0, std::floor(std::log10(target)));
    double length = decade;
    for (double step : {2.0, 5.0})
        if (step * decade <= target)
            length = step * decade;
    m_scaleBarAngstrom = length;
    const double barWidth = length / angstromPerWidgetPixel;
    const QString label = length >= 100 ? QStringLiteral("%1 nm").arg(length / 10) : QStringLiteral("%1 Å").arg(length);

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(16, height() - 24, barWidth, 6);
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(Qt::white);
    painter.drawRect(bar);
    drawOutlinedText(painter, QPointF(bar.left(), bar.top() - 6), label, Qt::white);
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
    return QOpenGLWidget::event(event);
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
    update();
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
    QPainter painter(this);
    const double x = m_transform.toWidget(QPointF(m_splitPosition * m_image.size.width(), 0)).x();
    painter.setPen(QPen(QColor(255, 255, 255, 200), 1.5));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    const int textWidth = painter.fontMetrics().horizontalAdvance(m_splitLabels.second);
    drawOutlinedText(painter, QPointF(x - 6 - painter.fontMetrics().horizontalAdvance(m_splitLabels.first), 18),
                     m_splitLabels.first, Qt::white);
    drawOutlinedText(painter, QPointF(std::min(x + 6, width() - 4.0 - textWidth), 18), m_splitLabels.second, Qt::white);
}

void MicrographView::setTileProgress(const QList<QRectF>& tiles, int done, const QString& caption)
{
    m_progressTiles = tiles;
    m_progressDone = done;
    m_progressCaption = caption;
    update();
}

void MicrographView::drawTileProgress()
{
    if (m_progressTiles.isEmpty())
        return;
    QPainter painter(this);
    const QColor finished(60, 200, 255);
    for (int i = 0; i < m_progressTiles.size(); ++i) {
        const QRectF& t = m_progressTiles[i];
        const QRectF frame(m_transform.toWidget(t.topLeft()), m_transform.toWidget(t.bottomRight()));
        // Overlapping tiles: a light wash for the finished ones, so overlaps read darker, not opaque.
        painter.fillRect(frame, i < m_progressDone ? QColor(60, 200, 255, 45) : QColor(0, 0, 0, 0));
        painter.setPen(QPen(i < m_progressDone ? finished : QColor(255, 255, 255, 110), i == m_progressDone - 1 ? 2.5 : 1.0));
        painter.drawRect(frame);
    }
    if (!m_progressCaption.isEmpty())
        drawOutlinedText(painter, QPointF(12, 22), m_progressCaption, finished);
}

void MicrographView::drawSelection()
{
    if (m_selection.isEmpty())
        return;
    QPainter painter(this);
    const QRectF frame(
        m_transform.toWidget(QPointF(m_selection.topLeft())),
        m_transform.toWidget(QPointF(m_selection.left() + m_selection.width(), m_selection.top() + m_selection.height())));
    painter.setPen(QPen(QColor(255, 210, 0), 1.5, Qt::DashLine));
    painter.drawRect(frame);
    QString label = QStringLiteral("%1 × %2 px").arg(m_selection.width()).arg(m_selection.height());
    if (m_pixelSize > 0)
        label += QStringLiteral("  %1 × %2 Å")
                     .arg(m_selection.width() * m_pixelSize, 0, 'f', 0)
                     .arg(m_selection.height() * m_pixelSize, 0, 'f', 0);
    drawOutlinedText(painter, frame.topLeft() + QPointF(2, -5), label, QColor(255, 210, 0));
}

void MicrographView::mousePressEvent(QMouseEvent* event)
{
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
        QOpenGLWidget::keyPressEvent(event);
    }
}

void MicrographView::leaveEvent(QEvent*)
{
    Q_EMIT hoverLeft();
}
