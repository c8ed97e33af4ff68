#pragma once
// Slow GUI actions off the GUI thread: a power spectrum, saving or opening a large result, exporting
// frames, installing a model. The same shape as UpscaleEngine: the work goes in, started/progress and
// finished/failed/cancelled come out, and the result is handed back on the GUI thread.

#include <QObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

class JobProgress;

/// What the work sees of its job, on the worker thread: whether to stop, and where to say how far it is.
class JobControl {
public:
    bool isCancelled() const { return m_cancelled.load(); }
    /// `fraction` 0…1 of the work done; shown as a percentage. Reports that change nothing are dropped,
    /// and so are those within 250 ms of the last one (except 100 %): every report repaints the window,
    /// which in software OpenGL takes 25–70 ms of the cores the work runs on (a K3 spectrum reports 83
    /// batches). Called from the work's thread only.
    void setProgress(double fraction);

private:
    friend class BackgroundJob;
    explicit JobControl(class BackgroundJob* job)
        : m_job(job)
    {
    }
    BackgroundJob* m_job;
    std::atomic_bool m_cancelled{false};
    std::atomic_int m_percent{-1};
    std::chrono::steady_clock::time_point m_lastReport; ///< of the work's thread
};

/**
 * One job at a time on a thread of its own, which yields the cores to the GUI (yieldCoresToTheGui). The work runs there and returns the delivery: what is to
 * be done with its result on the GUI thread (show it, open it). Engine errors (cryosr::Error, out of
 * memory) become failed() with their message; cryosr::Cancelled thrown by the work becomes cancelled(),
 * and so does a delivery still to run when cancel() came (it is dropped: a stale spectrum is not shown). Destroying the job cancels it and waits for the thread, so
 * a delivery never outlives the object that asked for it.
 */
class BackgroundJob : public QObject {
    Q_OBJECT
public:
    using Delivery = std::function<void()>;
    using Work = std::function<Delivery(JobControl&)>;

    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    /// Starts `work`; false (and nothing starts) while another job of this object runs.
    bool start(const QString& title, Work work);
    bool isRunning() const { return m_control != nullptr; }
    QString title() const { return m_title; }
    /// Asks the running work to stop; cancelled() follows once it has.
    void cancel();

Q_SIGNALS:
    void started(const QString& title);
    void progress(int percent);
    /// After the delivery has run.
    void finished(const QString& title);
    void failed(const QString& title, const QString& message);
    void cancelled(const QString& title);
    /// After any of the three above: the job is over and another may start.
    void ended();

private:
    void end(const Delivery& delivery, const QString& error, bool wasCancelled);

    std::thread m_thread;
    std::unique_ptr<JobControl> m_control; // of the running job; null when idle
    QString m_title;
};

/// Lowers the calling thread to nice +10 (on Linux; the threads it starts afterwards, LibTorch's among
/// them, inherit it). Nice +10 weighs ~10:1 against the GUI thread, so drawing and input are served
/// first while the work still gets every idle cycle (SCHED_IDLE could starve it on a busy machine).
void yieldCoresToTheGui();

/// Reports `job` in the status bar's `view`: its title and progress while it runs, and Cancel.
void showProgressIn(JobProgress* view, BackgroundJob* job);
