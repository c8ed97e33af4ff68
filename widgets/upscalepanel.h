#pragma once
// The upscale panel: the region (typed or from the view's selection, snapped to the model's needs), the
// model with its card, the sampler and its settings, the device, and Upscale / Cancel with progress.

#include <QRect>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class LazyProgressBar;

/// A model the user can pick, as the app describes it.
struct ModelEntry {
    QString name;
    QString file;
    QString summary; ///< the model's card: scale, size, training, metadata (or why it is unusable)
    bool usable = true;
    QString description; ///< one line shown with the name ("Denoise and upscale"); may be empty
    QString defaultConsistency; ///< "hard", "noise" or "off": what the model keeps of the measured data by default
};

/// The choices for one run as plain values; the app turns them into engine settings.
struct UpscaleOptions {
    /// Fast mode's steps: deterministic DDIM with so few steps is measured against 50 (docs/models.md).
    static constexpr int kFastSteps = 4;

    QString modelFile;
    /// Fast mode: the run uses DDIM, kFastSteps steps and η 0, whatever sampler, steps and η say (the
    /// choices for the full network, kept for when fast mode is left).
    bool fast = false;
    QString sampler = "ddim"; ///< ddpm | ddim | dpmpp
    int steps = 50;
    double eta = 0.0;
    int samples = 1; ///< K
    bool randomSeed = true;
    quint32 seed = 0;
    QString device = "auto"; ///< auto | cpu | cuda
    QString precision = "auto"; ///< auto | fp32 | bf16 | fp16
    /// How each step keeps the measured data: "model" (the model's own default), "hard", "noise" or "off".
    QString consistency = "model";

    /// What a run does: these options, with fast mode's sampler, steps and η where it is on.
    UpscaleOptions forRun() const;
};

/**
 * Every choice is remembered (QSettings group "upscale") as soon as it is made. A newcomer (nothing
 * remembered) starts with the model named "denoise" when the app offers one. The region is snapped
 * whenever it is set or typed: sides to the model's input multiple, inside the image. Upscale while a
 * run is going queues the region; Cancel stops the run and drops the queue.
 */
class UpscalePanel : public QWidget {
    Q_OBJECT
public:
    explicit UpscalePanel(QWidget* parent = nullptr);

    /// The image regions are taken from (size in pixels, Å per pixel or 0); the region is kept inside it.
    void setImage(const QSize& size, double pixelSize);
    /// Region sides become multiples of `multiple` input pixels; `scale` is the model's factor.
    void setRegionRules(int multiple, int scale);
    QRect region() const { return m_region; }
    /// Snaps and shows `region`; regionChanged follows when the snapped region differs from the last.
    void setRegion(const QRect& region);

    void setModels(const QList<ModelEntry>& models);
    /// The GPUs found, and whether the CPU has bf16 arithmetic (then bf16 is offered for the CPU too).
    void setDevices(const QStringList& names, bool cpuBFloat16 = false);
    /// The choices as made (see UpscaleOptions::forRun for what a run does with them).
    UpscaleOptions options() const;
    void setOptions(const UpscaleOptions& options);

    /// Seconds a run of an input region of this size would take with so many steps and samples (0 when
    /// unknown), from the speed measured on a device (the panel knows no engine).
    using Estimator = std::function<double(QSize region, int steps, int samples)>;
    /// How the panel estimates each run before it starts, measured on `device`; with no estimator the
    /// panel shows `device` as a note instead ("Measuring…").
    void setEstimator(Estimator estimator, const QString& device);
    /// Seconds the current choices should take (0 while unknown).
    double estimatedSeconds() const;
    void setRunning(bool running, int waiting);
    void showProgress(int step, int total, double stepsPerSecond, double secondsLeft);
    void showStatus(const QString& text);
    /// As the buttons do (the menu's shortcuts): nothing when the button is disabled.
    void requestUpscale();
    void requestCancel();
    /// Takes the values typed into the fields but not entered yet (as Enter would); false, with the
    /// field focused and the reason in the status line, when one holds no valid value.
    bool takeTypedValues();

Q_SIGNALS:
    void regionChanged(const QRect& region);
    /// The model, device or precision changed (the app re-measures the run-time estimate).
    void engineChoiceChanged();
    void upscaleRequested();
    void cancelRequested();

private:
    void buildRegionGroup(class QVBoxLayout* layout);
    void buildSamplingGroup(class QVBoxLayout* layout);
    void regionTyped();
    void showRegionSize();
    void showModelCard();
    void showDefaultConsistency();
    void showEstimate();
    void updateEnabledChoices();
    void save() const;
    void restore();

    QSize m_imageSize;
    double m_pixelSize = 0.0;
    int m_multiple = 1;
    int m_scale = 2;
    QRect m_region;
    Estimator m_estimator;
    QString m_speedNote;
    QSpinBox* m_x = nullptr;
    QSpinBox* m_y = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QLabel* m_regionSize = nullptr;
    QLabel* m_estimate = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_modelCard = nullptr;
    QComboBox* m_sampler = nullptr;
    QSpinBox* m_steps = nullptr;
    QCheckBox* m_fast = nullptr;
    QDoubleSpinBox* m_eta = nullptr;
    QSpinBox* m_samples = nullptr;
    QCheckBox* m_randomSeed = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_precision = nullptr;
    QComboBox* m_consistency = nullptr;
    QPushButton* m_upscale = nullptr;
    QPushButton* m_cancel = nullptr;
    LazyProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    bool m_restoring = false;
    bool m_hasGpu = false;
    bool m_cpuBFloat16 = false;
    bool m_devicesKnown = false; ///< setDevices has been called
};
