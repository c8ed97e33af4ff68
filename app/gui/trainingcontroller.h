#pragma once
// Connects the Training page to training runs: fills the wizard (defaults, presets with measured
// speeds, data files read off the GUI thread, models to fine-tune), launches `cryosr-cli train` as a
// detached child process or through Slurm, follows every run's log, and pauses, resumes and cancels
// them. A finished run's model is evaluated on its validation files (`cryosr-cli eval`) and added to
// the user's model folder with the result on its card. Runs are remembered across restarts.

#include "errorsink.h"
#include "modelinstaller.h"
#include "simulationjob.h"
#include "trainingrun.h"
#include "trainingservices.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

class JobProgress;
class TrainingView;

/**
 * Drives the Training page it is given (`view`), reports model installs in the status bar's
 * `progress` and tells the user of failures through `showError` (a dialog in the app); it knows no
 * main window, so its tests need not build one.
 */
class TrainingController : public QObject {
    Q_OBJECT
public:
    TrainingController(TrainingView* view, JobProgress* progress, ErrorSink showError, QObject* parent = nullptr);

    /// Models the wizard offers to fine-tune: the default and the user's folder (re-read on each call).
    void refreshFineTuneModels();

    /// Starts a run of `config` (the schema of `cryosr-cli train --config`) here or through Slurm;
    /// false (lastError says why) when it could not be started.
    bool launch(const QJsonObject& config, bool cluster);
    bool pause(const QString& folder);
    bool resume(const QString& folder);
    bool cancel(const QString& folder);
    /// Makes simulated data in the background (files already there are kept: a second call finishes an
    /// interrupted one); simulationEnded follows, and the files become the wizard's data.
    bool simulate(const SimulationRequest& request);
    /// Adds an existing run folder (one with a log) to the list.
    bool attach(const QString& folder);
    /// Reads every run's new log lines now (the timer does so every pollInterval).
    void pollNow();
    /// The Training menu's "Follow a Run…": attach, with a user told when it cannot be followed.
    void follow(const QString& folder);
    /// The Training menu's cluster script template, edited in a dialog.
    void editSlurmTemplate();

    const TrainingRun* run(const QString& folder) const;
    QString lastError() const { return m_lastError; }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

Q_SIGNALS:
    /// A finished run's model was added to the user's model folder.
    void modelInstalled(const QString& file);
    /// A simulation finished (error empty) or failed.
    void simulationEnded(const QStringList& files, const QString& error);

private:
    TrainingRun* add(const QString& folder);
    void forget(const QString& folder);
    void saveRunList() const;
    void show(const QString& folder);
    static QString noSbatch();
    void showTitle(const TrainingRun& run);
    void feed(TrainingRun& run, const QList<QJsonObject>& events);
    void showSamples(const TrainingRun& run);
    void updateEntry(const TrainingRun& run);
    bool startLocal(TrainingRun& run, const QStringList& arguments);
    /// Writes the run's script and submits it with sbatch in the background; a `fresh` run that Slurm
    /// refuses is forgotten again.
    bool submit(TrainingRun& run, bool fresh);
    bool signalStop(TrainingRun& run);
    void installed(const QString& folder, const QString& modelFile);
    void askSimulation();
    bool fail(const QString& message);
    /// For what fails later, in the background: recorded, and with a user a dialog.
    void showFailure(const QString& title, const QString& message);

    TrainingView* m_view;
    ErrorSink m_showError;
    TrainingHelper m_helper;
    QHash<QString, std::shared_ptr<TrainingRun>> m_runs; // by folder
    // Runs go on without the GUI (they are detached); evaluations and simulations end with it and run
    // again next time.
    ModelInstaller m_installer;
    SimulationJob m_simulation;
    QTimer m_poll;
    QString m_lastError;
    bool m_interactive = true;
};
