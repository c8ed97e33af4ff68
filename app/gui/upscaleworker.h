#pragma once
// The GUI's engine worker: one long-lived object in its own QThread that loads models and runs the
// diffusion upscaler, streaming each step's frames back to the GUI thread. No engine call runs on
// the GUI thread.

#include "computedevice.h"
#include "upscaler.h"

#include <QObject>
#include <QSize>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <memory>
#include <mutex>
#include <stop_token>

/// What to upscale and how. `input` is the region (with its pixel size and provenance), never modified.
struct UpscaleJob {
    int id = 0; ///< set by UpscaleEngine::submit
    QString modelFile;
    cryosr::DeviceChoice device = cryosr::DeviceChoice::Auto;
    cryosr::Precision precision = cryosr::Precision::Float32;
    cryosr::UpscaleSettings settings;
    std::shared_ptr<const cryosr::Image> input;
    int cancelGeneration = 0; ///< UpscaleEngine's count of cancels when submitted
};

/// One step of a run: its frames as shared, immutable images (null when the job did not ask for them).
struct UpscaleStep {
    int id = 0;
    int step = 0; ///< 1 … total
    int total = 0;
    double seconds = 0.0; ///< since sampling started
    std::shared_ptr<const cryosr::Image> predicted; ///< x̂_0
    std::shared_ptr<const cryosr::Image> state; ///< x_t
};

/// What the upscale panel shows of a model file (read by the worker, never on the GUI thread).
struct ModelCard {
    QString file;
    QString name; ///< a shipped model's name ("default", "denoise") or the file's base name
    QString description; ///< one line for the shipped models, empty for others
    QString summary; ///< one paragraph: scale, size, training, metadata; or why it cannot be used
    QString defaultConsistency; ///< "hard", "noise" or "off"
    bool usable = false;
    int scale = 2;
    int sizeMultiple = 1; ///< the network's side multiple at the output resolution
};

/// A measured step time, for the run-time estimate shown before a run.
struct Calibration {
    QString modelFile;
    cryosr::DeviceChoice device = cryosr::DeviceChoice::Auto;
    cryosr::Precision precision = cryosr::Precision::Float32;
    QString deviceDescription;
    /// One step takes secondsPerStep + secondsPerTeraflop × the step's network TFLOPs, counted with
    /// `cost` over the run's tiles and statistics windows (cryosr::stepFlops).
    double secondsPerStep = 0.0;
    double secondsPerTeraflop = 0.0;
    /// The first step also pays secondsSetupPerTeraflop × the TFLOPs of the run's largest network pass:
    /// fresh memory for its activations (each job hands its heap back when it ends) and kernels for new
    /// shapes. A 4-sample run's first step took three times a later one's.
    double secondsSetupPerTeraflop = 0.0;
    cryosr::NetworkCost cost;
    int scale = 2;

    /// Network TFLOPs of one step upscaling an input of `region` (the GUI's tiling) with `samples` samples.
    double teraflopsPerStep(QSize region, int samples) const;
    /// TFLOPs of that step's largest single network pass (one tile or statistics window, all samples).
    double teraflopsOfLargestPass(QSize region, int samples) const;
    /// Seconds of `steps` steps of that run (0 when the region is empty or cannot be tiled).
    double seconds(QSize region, int steps, int samples) const;
    /// This measurement with every part of a run's time multiplied by `factor` (what a run took over
    /// what this measurement estimated for it).
    Calibration slowedBy(double factor) const;
};

/// Of `corrections` (what runs with a number of samples took over what the measurement alone estimated,
/// by that number), the one for the sample count nearest `samples` by ratio (on a tie, the fewer
/// samples); 1 when there is none.
/// A run's own drawing costs the same per step whatever the samples, so a correction depends on them.
double correctionFor(const QMap<int, double>& corrections, int samples);

/// How fast a run goes, for its progress read-out.
struct StepPace {
    double stepsPerSecond = 0.0;
    double secondsLeft = 0.0;
};
/// The pace after `step` of `total` steps, `seconds` since the run started, of which the first step
/// took `firstStepSeconds`. The first step also sets up (fresh memory, new kernels: three later steps'
/// time for 4 samples), so the pace comes from the later steps; after the first step alone, from
/// `expectedStepSeconds` (the calibration's later step) when there is one.
StepPace paceOf(int step, int total, double seconds, double firstStepSeconds, double expectedStepSeconds);

/// A finished run.
struct UpscaleOutcome {
    int id = 0;
    std::shared_ptr<const cryosr::Image> mean; ///< pixel size ÷ scale, the region's provenance
    std::shared_ptr<const cryosr::Image> standardDeviation; ///< null for one sample
    int steps = 0;
    double seconds = 0.0;
    QString device;
    QString runLabel = {}; ///< Upscaler::runLabel, for the exported files' headers
};

/**
 * Lives in UpscaleEngine's thread. run() keeps the last model loaded (reloading only when the file,
 * device or precision change). Exactly one of finished, cancelled or failed ends every job. Errors
 * never escape the thread: they become failed() with a message that says what to do.
 */
class UpscaleWorker : public QObject {
    Q_OBJECT
public:
    /// Stops the running job within one step; safe from any thread (the worker's event loop is busy
    /// while it runs, so a queued request could not reach it).
    void stopRunningJob();

public Q_SLOTS:
    void run(const UpscaleJob& job);
    /// Reads each model's description (a shipped model's name, "default" or "denoise", is located); answers with
    /// modelsDescribed (bad files get a card saying why).
    void describeModels(const QStringList& files);
    /// Loads the model on the device and times real steps at two sizes; answers with calibrated or
    /// calibrationFailed. Request `request` (UpscaleEngine's count) is dropped without an answer, before
    /// it starts or at its next step, once a later one has been made (the user has chosen something else
    /// since) — unless a job was queued after it (the job's estimate needs it).
    void calibrate(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision, int request);

Q_SIGNALS:
    void started(int id, int totalSteps, const QString& device);
    /// The region upscaled the classical way the model's condition is made (Fourier padding or bicubic),
    /// for comparison; sent once per job, before the first step.
    void baselineReady(int id, const std::shared_ptr<const cryosr::Image>& baseline);
    void stepDone(const UpscaleStep& step);
    /// Within a step of a tiled run: tiles done (all samples' tiles counted, in the layout's order).
    void tileProgress(int id, int step, int totalSteps, int tilesDone, int tilesTotal);
    void finished(const UpscaleOutcome& outcome);
    void cancelled(int id, int stepsDone);
    void failed(int id, const QString& message);
    void modelsDescribed(const QList<ModelCard>& cards, const QStringList& gpus, bool cpuBFloat16);
    void calibrated(const Calibration& calibration);
    void calibrationFailed(const QString& modelFile, const QString& message);

private:
    friend class UpscaleEngine;
    const cryosr::Upscaler& upscalerFor(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision);

    std::unique_ptr<cryosr::Upscaler> m_upscaler;
    QString m_loadedModel;
    cryosr::DeviceChoice m_loadedDevice = cryosr::DeviceChoice::Auto;
    cryosr::Precision m_loadedPrecision = cryosr::Precision::Float32;
    std::mutex m_stopMutex;
    std::stop_source m_stop;
    std::stop_source m_closing; // requested once, when the engine is destroyed
    std::atomic<int> m_cancelGeneration{0};
    std::atomic<int> m_latestCalibration{0}; // the number of the last speed measurement asked for
    std::atomic<int> m_calibrationForAJob{0}; // the last one asked for before a job was queued
};

/**
 * Owns the worker and its thread. Jobs run one after another in submission order; cancel() stops the
 * running one and drops those waiting. Destroying the engine cancels and waits for the thread, so
 * closing the app during a run shuts down cleanly.
 */
class UpscaleEngine : public QObject {
    Q_OBJECT
public:
    explicit UpscaleEngine(QObject* parent = nullptr);
    ~UpscaleEngine() override;

    /// Queues `job` and returns its id.
    int submit(UpscaleJob job);
    void cancel();
    /// Both answered by the worker's signals, after any jobs already queued. A speed measurement not yet
    /// finished is abandoned at its next step when the next is asked for, unless a job has been queued
    /// since it was asked for (UpscaleWorker::calibrate).
    void describeModels(const QStringList& files);
    void calibrate(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision);
    UpscaleWorker* worker() const { return m_worker; }

Q_SIGNALS:
    void runRequested(const UpscaleJob& job);
    void describeRequested(const QStringList& files);
    void calibrateRequested(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision, int request);

private:
    QThread m_thread;
    UpscaleWorker* m_worker;
    int m_nextId = 1;
};
