#pragma once
// The micrograph view's tools beyond panning and selecting: right-drag window/level (horizontal moves
// the level, vertical the width, as in 3dmod and ImageJ), a ruler (drag to measure a distance, in Å,
// or px when the pixel size is unknown) and a particle-size circle that follows the cursor, to judge
// picking sizes. The view hands them its mouse events first and has them drawn over the image.

#include "contrast.h"
#include "viewtransform.h"

#include <QLineF>
#include <QString>
#include <optional>

class QMouseEvent;
class QPainter;

enum class ViewTool { Pan, Ruler, ParticleCircle };

/// The window after a right-drag of `delta` view pixels from `start` in a view of `viewSize`: right
/// raises the level by two windows across the view's width; each 200 px down doubles the width, up halves it.
ContrastLimits windowLevelDragged(const ContrastLimits& start, const QPointF& delta, const QSizeF& viewSize);

/// A length of `pixels` image pixels as "123 Å (82 px)", or "82.0 px" when `pixelSize` (Å) is unknown (0).
QString lengthText(double pixels, double pixelSize);

class ViewTools {
public:
    void setTool(ViewTool tool);
    ViewTool tool() const { return m_tool; }
    /// The particle circle's diameter in image pixels.
    void setParticleDiameter(double pixels) { m_diameter = pixels; }
    double particleDiameter() const { return m_diameter; }
    /// The last distance measured, in image coordinates (none before the first, or after Esc).
    std::optional<QLineF> ruler() const { return m_ruler; }
    void clearRuler() { m_ruler.reset(); }

    /// Each returns true when the event was a tool's (the view then does nothing else with it).
    bool press(const QMouseEvent& event, const ViewTransform& transform, const ContrastLimits& contrast);
    /// `window` receives the new display window while a right-drag goes on.
    bool move(const QMouseEvent& event, const ViewTransform& transform, std::optional<ContrastLimits>* window);
    bool release(const QMouseEvent& event);
    /// The cursor left the view: the circle goes with it.
    void leave() { m_cursor.reset(); }
    void draw(QPainter& painter, const ViewTransform& transform, double pixelSize) const;

private:
    ViewTool m_tool = ViewTool::Pan;
    double m_diameter = 0.0;
    std::optional<QLineF> m_ruler;
    bool m_measuring = false;
    std::optional<QPointF> m_cursor; // image coordinates
    std::optional<QPointF> m_windowLevelFrom; // view coordinates where a right-drag began
    ContrastLimits m_windowLevelStart;
};
