#pragma once
// Connects the upscale panel and page to the engine worker: finds the models, keeps the run-time
// estimate measured, turns the panel's choices into jobs, streams each step into the page, and
// exports results and frames.

#include "backgroundjob.h"
#include "errorsink.h"
#include "upscalepanel.h"
#include "upscaleworker.h"

#include <QHash>
#include <QObject>
#include <QRect>
#include <memory>
#include <vector>

class JobProgress;
class MicrographController;
class MicrographView;
class UpscaleView;

/// The parts of the window the upscale controller drives.
struct UpscaleViews {
    UpscalePanel* panel = nullptr; ///< choices, model card, progress and status
    UpscaleView* page = nullptr; ///< the run's frames and its result
    MicrographView* image = nullptr; ///< the micrograph, with a whole-micrograph run's tile progress
    JobProgress* progress = nullptr; ///< the status bar's background jobs (exports, saving results)
    /// Brings the page holding `widget` (`page` or `image`) to the front when a run starts.
    std::function<void(QWidget* widget)> reveal;
    ErrorSink showError;
};

/**
 * One job at a time runs in the engine's thread; more regions wait in its queue. The page shows the
 * running job; the last finished result stays until the next run starts. Errors go to the panel's
 * status and, with a user, a dialog that says what to do.
 */
class UpscaleController : public QObject {
    Q_OBJECT
public:
    UpscaleController(UpscaleViews views, MicrographController* micrographs, QObject* parent = nullptr);
    ~UpscaleController() override;

    /// The user's own models: every *.cryosr in this folder is offered beside the default.
    static QString userModelFolder();
    /// Re-reads the model list (the default plus the user's folder); modelsListed follows.
    void refreshModels();

    /// Queues an upscale of `region` (snapped like the panel's) of the section shown, with `options`;
    /// false (lastError says why) when nothing is open, the region is empty or no model is usable.
    bool upscale(const QRect& region, const UpscaleOptions& options);
    /// Queues the whole section shown, denoised in overlapping tiles (the Image page shows each tile's
    /// progress); the result is saved into resultFolder() and opened as a new image, both on worker
    /// threads, before jobEnded.
    bool upscaleWholeMicrograph(const UpscaleOptions& options);
    /// Where whole-micrograph results are saved (NAME_x2.mrc, numbered when taken).
    static QString resultFolder();
    /// The file the last whole-micrograph result was saved to (empty before one finished).
    QString lastWholeResult() const { return m_lastWholeResult; }
    void cancel();
    bool isRunning() const { return m_running != 0 || !m_waiting.isEmpty(); }

    /// Starts writing the finished result on a worker thread: MRC/TIFF (float32; with K > 1 the
    /// standard deviation beside it as NAME_sd.EXT) or PNG as displayed. Never the open micrograph;
    /// written to a temporary name first. False (lastError says why) when it cannot start;
    /// exportEnded follows otherwise.
    bool exportResult(const QString& file);
    /// Starts writing the timeline's frames (x̂_0 or x_t, as shown) on a worker thread: .mrcs/.mrc
    /// stack, .gif animation, or NAME_001.png … for NAME.png; exportEnded follows.
    bool exportFrames(const QString& file);

    QString lastError() const { return m_lastError; }
    /// The last finished run: its sampling time and what the measured speed predicted (0 if unknown).
    struct RunTime {
        double seconds = 0.0;
        double estimatedSeconds = 0.0;
    };
    RunTime lastRunTime() const { return m_lastRunTime; }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    UpscaleEngine& engine() { return m_engine; }

Q_SIGNALS:
    void modelsListed();
    /// A job ended: finished, cancelled or failed (for scripted runs).
    void jobEnded(bool succeeded);
    /// An export started by exportResult or exportFrames was written (or failed: lastError says why).
    void exportEnded(const QString& file, bool succeeded);

private:
    struct JobInfo {
        QString title;
        int scale = 2;
        double outputPixelSize = 0.0;
        QString sourceFile;
        QString speedKey;
        int steps = 0;
        int samples = 1;
        QSize region; ///< the input's size
        double estimate = 0.0; ///< seconds, from the speed measured for its model and device
        double expectedStepSeconds = 0.0; ///< a step after the first, from the same measurement
        double firstStepSeconds = 0.0; ///< as it went
        bool whole = false; ///< the whole section, saved and opened when finished
        QList<QRectF> tiles; ///< of a tiled run, in the input's pixels
        QString runLabel; ///< the finished run's settings for its files' headers (Upscaler::runLabel)
    };
    bool submit(const QRect& region, const UpscaleOptions& options, bool whole);
    void onTileProgress(int id, int step, int totalSteps, int tilesDone, int tilesTotal);
    /// Saves the finished whole-micrograph result into resultFolder(), then opens it (both in the background).
    void saveWholeResult(const UpscaleOutcome& outcome, const QString& finishedMessage);
    bool startExport(const QString& file, const QString& title, std::function<void(JobControl&)> write);
    void connectWorker();
    void connectViews();
    void showModels(const QList<ModelCard>& cards, const QStringList& gpus, bool cpuBFloat16);
    void measureSpeed();
    /// The panel's estimates from now on come from `speed` (as measured), corrected by the runs made with it.
    void showSpeed(const Calibration& speed);
    void onStarted(int id, int totalSteps, const QString& device);
    void onStep(const UpscaleStep& step);
    void onFinished(const UpscaleOutcome& outcome);
    void onEnded(int id, const QString& message, bool succeeded);
    void learnFromRun(const JobInfo& info, const UpscaleOutcome& outcome);
    bool fail(const QString& message);
    void showQueue();

    UpscaleViews m_views;
    MicrographController* m_micrographs;
    UpscaleEngine m_engine;
    QHash<QString, ModelCard> m_cards; // by file
    QHash<int, JobInfo> m_jobs;
    QList<int> m_waiting;
    int m_running = 0;
    std::vector<UpscaleStep> m_frames; // of the run shown, as shared buffers
    QString m_speedKey; // model/device/precision whose speed the panel shows
    QHash<QString, Calibration> m_speeds; // by speed key, as measured (uncorrected)
    RunTime m_lastRunTime;
    std::shared_ptr<const cryosr::Image> m_mean;
    std::shared_ptr<const cryosr::Image> m_standardDeviation;
    JobInfo m_resultInfo;
    QString m_lastError;
    QString m_lastWholeResult;
    bool m_interactive = true;
    BackgroundJob m_exportJob; // the user's exports
    QString m_exporting; // the file m_exportJob writes
    BackgroundJob m_saveJob; // whole-micrograph results
    struct Saving {
        int id = 0;
        QString file;
        QString message; ///< for the panel once it is open
    } m_saving;
};
