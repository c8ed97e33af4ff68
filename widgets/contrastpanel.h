#pragma once
// The contrast controls: automatic (percentiles or mean ± kσ) or manual limits, a histogram with
// draggable limits, and the colormap.

#include "contrast.h"
#include "micrographview.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QStackedWidget;
class HistogramWidget;

/**
 * Holds the display window for the current image and says when it changes (contrastChanged). A new
 * image re-applies the automatic mode; in manual mode the limits stay, so sections of a stack can be
 * compared under one window. Editing the limits (typing them or dragging the histogram) switches to
 * manual.
 */
class ContrastPanel : public QWidget {
    Q_OBJECT
public:
    explicit ContrastPanel(QWidget* parent = nullptr);

    void setImage(const FloatImage& image);
    ContrastMode mode() const;
    void setMode(ContrastMode mode);
    ContrastLimits limits() const { return m_limits; }
    void setLimits(const ContrastLimits& limits); ///< switches to manual
    Colormap colormap() const;
    HistogramWidget* histogramWidget() const { return m_histogram; }

Q_SIGNALS:
    void contrastChanged(const ContrastLimits& limits);
    void colormapChanged(Colormap map);

private:
    void applyMode();
    void show(const ContrastLimits& limits);

    FloatImage m_image;
    ContrastLimits m_limits;
    QComboBox* m_mode = nullptr;
    QStackedWidget* m_parameters = nullptr;
    QDoubleSpinBox* m_lowPercent = nullptr;
    QDoubleSpinBox* m_highPercent = nullptr;
    QDoubleSpinBox* m_sigmas = nullptr;
    QDoubleSpinBox* m_low = nullptr;
    QDoubleSpinBox* m_high = nullptr;
    HistogramWidget* m_histogram = nullptr;
    QComboBox* m_colormap = nullptr;
};
