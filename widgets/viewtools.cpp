#include "viewtools.h"

#include "viewoverlays.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>

ContrastLimits windowLevelDragged(const ContrastLimits& start, const QPointF& delta, const QSizeF& viewSize)
{
    const double width = std::max(double(start.high - start.low), 1e-12);
    const double level = 0.5 * (start.low + start.high) + 2.0 * width * delta.x() / std::max(viewSize.width(), 1.0);
    const double newWidth = width * std::pow(2.0, delta.y() / 200.0);
    return {float(level - 0.5 * newWidth), float(level + 0.5 * newWidth)};
}

QString lengthText(double pixels, double pixelSize)
{
    if (pixelSize > 0)
        return QObject::tr("%1 Å (%2 px)")
            .arg(pixels * pixelSize, 0, 'f', pixels * pixelSize < 100 ? 1 : 0)
            .arg(pixels, 0, 'f', 1);
    return QObject::tr("%1 px").arg(pixels, 0, 'f', 1);
}

void ViewTools::setTool(ViewTool tool)
{
    m_tool = tool;
    m_measuring = false;
}

bool ViewTools::press(const QMouseEvent& event, const ViewTransform& transform, const ContrastLimits& contrast)
{
    if (event.button() == Qt::RightButton) {
        m_windowLevelFrom = event.position();
        m_windowLevelStart = contrast;
        return true;
    }
    if (event.button() == Qt::LeftButton && m_tool == ViewTool::Ruler && !(event.modifiers() & Qt::ShiftModifier)) {
        const QPointF at = transform.toImage(event.position());
        m_ruler = QLineF(at, at);
        m_measuring = true;
        return true;
    }
    return false;
}

bool ViewTools::move(const QMouseEvent& event, const ViewTransform& transform, std::optional<ContrastLimits>* window)
{
    m_cursor = transform.toImage(event.position());
    if (m_windowLevelFrom && (event.buttons() & Qt::RightButton)) {
        *window = windowLevelDragged(m_windowLevelStart, event.position() - *m_windowLevelFrom, transform.viewSize());
        return true;
    }
    if (m_measuring) {
        m_ruler->setP2(*m_cursor);
        return true;
    }
    return false;
}

bool ViewTools::release(const QMouseEvent& event)
{
    if (event.button() == Qt::RightButton && m_windowLevelFrom) {
        m_windowLevelFrom.reset();
        return true;
    }
    if (event.button() == Qt::LeftButton && m_measuring) {
        m_measuring = false;
        return true;
    }
    return false;
}

void ViewTools::draw(QPainter& painter, const ViewTransform& transform, double pixelSize) const
{
    if (m_ruler && m_tool == ViewTool::Ruler)
        drawRuler(painter, QLineF(transform.toWidget(m_ruler->p1()), transform.toWidget(m_ruler->p2())),
                  lengthText(m_ruler->length(), pixelSize));
    if (m_cursor && m_tool == ViewTool::ParticleCircle && m_diameter > 0) {
        const double radius = 0.5 * m_diameter * transform.scale();
        drawParticleCircle(painter, transform.toWidget(*m_cursor), radius,
                           QObject::tr("⌀ %1").arg(lengthText(m_diameter, pixelSize)));
    }
}
