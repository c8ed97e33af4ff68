#pragma once
// The upscale page: the reverse process as it runs and afterwards (a timeline of every step's frames),
// the result beside or over its classical baseline, their difference, and the uncertainty of K samples.

#include "contrast.h"
#include "floatimage.h"

#include <QWidget>
#include <optional>
#include <vector>

class ColourBar;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class MicrographView;

/**
 * Frames are kept as the shared buffers they arrive in (nothing is copied), so a run can be replayed
 * and scrubbed while it is still going. The timeline's positions are the steps (1 … N) and, once the
 * run has finished, the result (the mean of the samples). While the timeline sits on its last position
 * it follows new frames; moved back, it stays where the user put it.
 *
 * Comparisons: the result alone; side by side with the baseline (zoom and pan synchronised); a split
 * view (baseline left of a movable line); or the difference result − baseline. With several samples the
 * per-pixel standard deviation can be laid over the result in cubehelix with adjustable opacity.
 */
class UpscaleView : public QWidget {
    Q_OBJECT
public:
    enum class Compare { Result, SideBySide, Split, Difference };
    enum class Content { PredictedX0, State };
    struct Frame {
        FloatImage predicted; ///< x̂_0
        FloatImage state; ///< x_t
    };

    explicit UpscaleView(QWidget* parent = nullptr);

    /// Clears the previous run. `pixelSize` is the output's (Å, 0 when unknown).
    void beginRun(int totalSteps, double pixelSize, const QString& title);
    void setBaseline(const FloatImage& baseline);
    /// The source image's display window: by default the baseline, the result and every frame are
    /// shown with it (the results are in the source's units), so the animation and the comparison show
    /// real differences; unlinked, all of them share the baseline's 0.5-99.5 % window.
    void setLinkedContrast(const ContrastLimits& limits);
    void addFrame(const Frame& frame);
    void setResult(const FloatImage& mean, const FloatImage& standardDeviation);

    const std::vector<Frame>& frames() const { return m_frames; }
    FloatImage baseline() const { return m_baseline; }
    FloatImage result() const { return m_result; }
    FloatImage standardDeviation() const { return m_standardDeviation; }
    bool hasResult() const { return !m_result.isNull(); }
    /// Timeline position: 0 … frames − 1 are steps, frames() is the result once there is one.
    int position() const;
    void setPosition(int position);
    Content content() const;
    void setContent(Content content);
    Compare compare() const;
    void setCompare(Compare compare);
    void setPlaying(bool playing);
    bool isPlaying() const;
    void setUncertaintyShown(bool shown, double opacity);
    /// What the main view shows at the current position (a frame, the result, or the difference).
    FloatImage shownImage() const;

    MicrographView* resultView() const { return m_resultView; }
    MicrographView* baselineView() const { return m_baselineView; }

Q_SIGNALS:
    /// The view shows another image (a step, the result, a new comparison).
    void shownImageChanged();

private:
    QWidget* buildCompareBar();
    QWidget* buildTimeline();
    void showCurrent();
    void updateTimeline();
    void advance();
    void synchronise(MicrographView* from, MicrographView* to);

    std::vector<Frame> m_frames;
    int m_totalSteps = 0;
    FloatImage m_baseline;
    FloatImage m_result;
    FloatImage m_standardDeviation;
    FloatImage m_shown;
    ContrastLimits m_uncertaintyLimits;
    bool m_overlayShown = false;
    bool m_following = true;
    bool m_synchronising = false;

    MicrographView* m_resultView = nullptr;
    MicrographView* m_baselineView = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_baselineCaption = nullptr;
    QLabel* m_resultCaption = nullptr;
    QComboBox* m_compare = nullptr;
    QSlider* m_split = nullptr;
    QCheckBox* m_uncertainty = nullptr;
    QCheckBox* m_linkContrast = nullptr;
    std::optional<ContrastLimits> m_linkedContrast;
    ContrastLimits pageContrast() const;
    ColourBar* m_differenceBar = nullptr;
    ColourBar* m_uncertaintyBar = nullptr;
    QSlider* m_opacity = nullptr;
    QToolButton* m_play = nullptr;
    QSlider* m_timeline = nullptr;
    QLabel* m_stepLabel = nullptr;
    QComboBox* m_speed = nullptr;
    QCheckBox* m_loop = nullptr;
    QComboBox* m_content = nullptr;
    QTimer* m_player = nullptr;
};
