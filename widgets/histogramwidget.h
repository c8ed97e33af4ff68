#pragma once
// A histogram of the image with the display window's two limits as handles the user drags.

#include "contrast.h"

#include <QWidget>

/**
 * Paints log(1 + count) bars over the histogram's range and the current window as two vertical
 * lines. Dragging a line moves that limit; dragging between them moves the window. The widget only
 * reports (limitsEdited); whoever owns the contrast decides and calls setLimits.
 */
class HistogramWidget : public QWidget {
    Q_OBJECT
public:
    explicit HistogramWidget(QWidget* parent = nullptr);

    void setHistogram(const Histogram& histogram);
    const Histogram& histogram() const { return m_histogram; }
    void setLimits(const ContrastLimits& limits);
    ContrastLimits limits() const { return m_limits; }

    /// Widget x of a data value and back (the plot spans the widget's width).
    double xOf(float value) const;
    float valueAt(double x) const;
    QSize sizeHint() const override { return {260, 110}; }

Q_SIGNALS:
    void limitsEdited(const ContrastLimits& limits);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Grip { None, Low, High, Window };
    Grip gripAt(double x) const;

    Histogram m_histogram;
    ContrastLimits m_limits;
    Grip m_grip = Grip::None;
    double m_lastX = 0.0;
};
