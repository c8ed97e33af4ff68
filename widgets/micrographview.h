#pragma once
// The OpenGL micrograph view: float data as tiled float textures, contrast and colormap in the shader.

#include "colormaps.h"
#include "contrast.h"
#include "floatimage.h"
#include "nativeglwidget.h"
#include "tilepyramid.h"
#include "viewtextures.h"
#include "viewtools.h"
#include "viewtransform.h"

#include <QPolygonF>
#include <cstdint>
#include <memory>
#include <vector>

class QOpenGLShaderProgram;
class QOpenGLVertexArrayObject;

/**
 * Shows a FloatImage of any size at full resolution. Samples go to the card as half-float textures of
 * (value − mean) / σ, each with mipmaps so zoomed-out views are averaged rather than aliased. Images
 * beyond 2048 pixels a side are a pyramid of tiles (TilePyramid): the coarsest level, ≤ 2048 texels a
 * side, is uploaded at once and always drawn where nothing finer is loaded; of the finer levels only the
 * tiles in view at the level the zoom needs are uploaded, between frames in slices of ~15 ms (nearest to
 * the view's centre first), and kept within kTextureBudgetBytes. So a frame never waits for uploads and
 * the textures of a 377 MB frame cost tens of MB, not the 240 MB all of it at full resolution would.
 * Grabs (screenshots, exports, tests) load every tile they show first. Half floats keep 11 significant
 * bits of values already centred and scaled, far finer than the 8-bit screen; hot pixels thousands of σ
 * out stay ordered, just coarser. Contrast and colormap are shader uniforms: changing them never re-uploads.
 *
 * Mouse: wheel (or pinch) zooms at the cursor, left-drag pans (or measures, with the ruler: ViewTools),
 * Shift+drag selects a region (whole pixels, shown with its size), right-drag sets the window/level,
 * double-click fits. Keys: + and − zoom at the centre, 0 fits, 1 shows 1:1, arrows pan, Esc clears the
 * selection and the ruler. A scale bar (from the pixel size, hidden when
 * unknown) is drawn over the image. The FloatImage is shared, never copied or modified.
 */
class MicrographView : public NativeGLWidget {
    Q_OBJECT
public:
    explicit MicrographView(QWidget* parent = nullptr);
    ~MicrographView() override;

    void setImage(const FloatImage& image);
    const FloatImage& image() const { return m_image; }
    void setContrast(const ContrastLimits& limits);
    ContrastLimits contrast() const { return m_contrast; }
    void setColormap(Colormap map);
    Colormap colormap() const { return m_colormap; }
    /// Ångström per pixel for the scale bar; 0 hides it.
    void setPixelSize(double angstrom);
    void setScaleBarVisible(bool visible);
    /// What a left-drag does (pan, or measure); the particle circle follows the cursor.
    void setTool(ViewTool tool);
    void setParticleDiameter(double pixels);
    const ViewTools& tools() const { return m_tools; }
    /// The scale bar's length in Å as last drawn (0 when hidden), for tests and exports.
    double scaleBarAngstrom() const { return m_scaleBarAngstrom; }

    const ViewTransform& transform() const { return m_transform; }
    void fitToWindow();
    void showOneToOne();
    void zoomBy(double factor);
    void zoomAt(const QPointF& anchor, double factor);
    void setScaleAndCentre(double scale, const QPointF& imageCentre);

    /// Comparison: left of the split position (a fraction of the image's width) `image`, of this view's
    /// size and shown with the same contrast, replaces the view's image; a line with the two labels marks
    /// the split. A null image (or another size) removes it; a new image of another size drops it too.
    void setSplitImage(const FloatImage& image, const QString& leftLabel = {}, const QString& rightLabel = {});
    void setSplitPosition(double fraction);
    double splitPosition() const { return m_splitPosition; }
    /// A map of this view's size (e.g. the per-pixel standard deviation of several samples) drawn over
    /// the image in cubehelix from limits.low to limits.high, mixed in at `opacity` (0 … 1); with a split,
    /// only over the view's own image (right of the line).
    /// Overlays are single textures, so each side must be within GL_MAX_TEXTURE_SIZE (16384 or more).
    void setOverlay(const FloatImage& map, const ContrastLimits& limits, double opacity);
    void setOverlayOpacity(double opacity);

    /// Progress of a run over the image in tiles: every tile (image pixels) outlined, the first `done`
    /// shaded as finished in the current pass, and `caption` at the top. No tiles removes it.
    void setTileProgress(const QList<QRectF>& tiles, int done, const QString& caption);
    int tileProgressCount() const { return int(m_progressTiles.size()); }

    /// Curves over the image in image coordinates (pixel (x, y) spans x … x + 1), e.g. the CTF's zeros
    /// on a power spectrum; none removes them, and so does a new image of another size.
    void setCurves(const QList<QPolygonF>& curves);
    const QList<QPolygonF>& curves() const { return m_curves; }

    /// The selected region in image pixels (Shift+drag; Esc clears), empty when there is none.
    QRect selection() const { return m_selection; }
    void setSelection(const QRect& region); ///< clipped to the image

    /// The pixel under widget position `pos`, or (-1, -1) outside the image.
    QPoint imagePixelAt(const QPointF& pos) const { return m_transform.pixelAt(pos); }
    /// Tiles are at most this wide (and GL_MAX_TEXTURE_SIZE); tests make it tiny to exercise tiling.
    void setMaximumTileSize(int size);
    /// Tiles of the image at full resolution (not all of them are ever on the card at once), as of the
    /// last frame drawn.
    int tileCount() const { return int(m_pyramid.tilesOf(0).size()); }
    /// Whether every tile the current view shows is on the card at the resolution it needs.
    bool isFullyLoaded() const;
    /// Whether the last frame drew every tile it showed at the resolution it needed (no coarser cover).
    bool lastFrameWasSharp() const { return m_wasFullyLoaded; }
    /// Tests: grabs show the view as a frame on screen would, loading nothing (true: they load first).
    void setGrabsLoadTiles(bool load) { m_grabsLoadTiles = load; }
    /// Bytes of the image's textures on the card (tiles and their mip levels), as of the last frame drawn.
    std::int64_t textureBytes() const { return m_pyramid.residentBytes(); }
    /// Finer tiles beyond this many bytes of textures are deleted, least recently shown first (the
    /// coarsest level and the tiles in view stay whatever their size).
    static constexpr std::int64_t kTextureBudgetBytes = 32 << 20;
    /// The view as shown, optionally without the scale bar, at the widget's size.
    QImage renderedImage(bool withScaleBar = true);
    QSize sizeHint() const override { return {900, 800}; }

Q_SIGNALS:
    void pixelHovered(const QPoint& pixel, float value);
    void hoverLeft();
    void selectionChanged(const QRect& region);
    /// A right-drag asks for this display window (the contrast panel decides, and sets it back).
    void contrastDragged(const ContrastLimits& limits);
    /// Zoom or pan changed (the visible region is transform().visibleImageRect()).
    void viewChanged();
    /// A frame showed every tile at the resolution it needs (after a new image, a zoom or a pan that
    /// needed tiles loaded); emitted after that frame.
    void fullyLoaded();
    /// A frame was drawn; `milliseconds` is the GPU-finished render time (for benchmarks).
    void framePainted(double milliseconds);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    /// Lays out the pyramid for a new image and uploads its coarsest level; finer tiles follow as needed.
    void planTiles();
    /// The tiles the current zoom and pan show, nearest to the centre first.
    std::vector<TileKey> neededTiles() const;
    bool allResident(const std::vector<TileKey>& keys) const;
    void loadTile(const TileKey& key);
    /// Loads needed tiles for up to kLoadSliceMs, then asks for a frame (between frames, from a timer).
    void loadNeededTiles();
    void deleteTiles();
    QOpenGLExtraFunctions& gl() { return *this; }
    float normalised(float value) const;
    void uploadOverlays();
    void drawScaleBar();
    void drawSplitLine();
    void drawSelection();
    /// The pixels from the one holding image point `a` to the one holding `b`, clipped to the image.
    QRect pixelsBetween(const QPointF& a, const QPointF& b) const;
    void changed();

    FloatImage m_image;
    float m_normalOffset = 0.0f; // textures hold (value - offset) * inverseScale
    float m_normalInverseScale = 1.0f;
    ContrastLimits m_contrast;
    Colormap m_colormap = Colormap::Gray;
    double m_pixelSize = 0.0;
    bool m_scaleBarVisible = true;
    double m_scaleBarAngstrom = 0.0;
    ViewTransform m_transform;
    int m_maximumTileSize = 512; // a few ms to make and upload on a software renderer
    static constexpr int kCoarsestSide = 2048;
    static constexpr int kLoadSliceMs = 15;

    TilePyramid m_pyramid;
    bool m_tilesStale = false;
    bool m_loadScheduled = false;
    bool m_wasFullyLoaded = false; // at the last frame, for fullyLoaded()
    bool m_grabsLoadTiles = true;
    std::vector<float> m_tileTexels; // a tile's texels, then MipmapScratch: kept from tile to tile
    MipmapScratch m_scratch;
    bool m_colormapStale = true;
    unsigned m_colormapTexture = 0;
    struct Layer { // an image drawn over the whole view in one texture
        FloatImage image;
        unsigned texture = 0;
        bool stale = false;
    };
    Layer m_split;
    double m_splitPosition = 0.5;
    std::pair<QString, QString> m_splitLabels;
    void drawTileProgress();
    Layer m_overlay;
    QList<QRectF> m_progressTiles;
    QList<QPolygonF> m_curves;
    int m_progressDone = 0;
    QString m_progressCaption;
    ContrastLimits m_overlayLimits;
    double m_overlayOpacity = 0.0;
    unsigned m_overlayColormapTexture = 0;
    std::unique_ptr<QOpenGLShaderProgram> m_plainProgram; // the image alone
    std::unique_ptr<QOpenGLShaderProgram> m_layeredProgram; // with the split comparison and the overlay
    std::unique_ptr<QOpenGLVertexArrayObject> m_vao;

    QPointF m_dragStart;
    bool m_dragging = false;
    QRect m_selection;
    QPointF m_selectionAnchor; // image coordinates where a Shift+drag began
    bool m_selecting = false;
    ViewTools m_tools;
};
