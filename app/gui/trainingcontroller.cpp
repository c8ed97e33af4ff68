#include "trainingcontroller.h"

#include "detachedprocess.h"
#include "imageconversion.h"
#include "scriptdialogs.h"
#include "slurmscript.h"
#include "trainingmonitor.h"
#include "trainingview.h"
#include "upscalecontroller.h"

#include "io/imagereader.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <csignal>

namespace {

constexpr const char* kRunsKey = "training/runs";
constexpr const char* kOutputFolderKey = "training/outputFolder";

} // namespace

TrainingController::TrainingController(TrainingView* view, JobProgress* progress, ErrorSink showError, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_showError(std::move(showError))
{
    TrainingWizard* wizard = view->wizard();
    wizard->setServices({&expandTrainingPath, &checkTrainingConfig});
    wizard->setDefaults(defaultTrainingConfig());
    wizard->setPresets(trainingPresets());
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    wizard->setOutputFolder(QSettings().value(kOutputFolderKey, home).toString());
    refreshFineTuneModels();

    connect(wizard, &TrainingWizard::inspectionRequested, &m_helper, &TrainingHelper::inspect);
    connect(&m_helper, &TrainingHelper::inspected, wizard, &TrainingWizard::setFileInfo);
    connect(wizard, &TrainingWizard::speedRequested, this,
            [this, wizard](int preset, int batch, int patch, const QString& device) {
                m_helper.measure(preset, wizard->presets().value(preset).architecture, batch, patch, device);
            });
    connect(&m_helper, &TrainingHelper::measured, wizard, &TrainingWizard::setPresetSpeed);
    connect(wizard, &TrainingWizard::simulationRequested, this, &TrainingController::askSimulation);
    connect(&m_simulation, &SimulationJob::ended, this, &TrainingController::simulationEnded);
    connect(&m_installer, &ModelInstaller::installed, this, &TrainingController::installed);
    showProgressIn(progress, m_installer.copyJob());
    connect(&m_installer, &ModelInstaller::failed, this, [this](const QString&, const QString& message) {
        m_lastError = message;
        if (m_interactive)
            m_showError(tr("Training finished"), message);
    });
    connect(this, &TrainingController::simulationEnded, this, [this, wizard](const QStringList& files, const QString& error) {
        if (error.isEmpty())
            wizard->useSimulatedData(files);
        else if (m_interactive)
            m_showError(tr("Simulation failed"), error);
    });
    connect(wizard, &TrainingWizard::launchRequested, this, [this](const QJsonObject& config, bool cluster) {
        if (!launch(config, cluster) && m_interactive)
            m_showError(tr("Cannot start the training"), m_lastError);
    });

    TrainingMonitor* monitor = view->monitor();
    const auto onShown = [this, view](bool (TrainingController::*action)(const QString&)) {
        return [this, view, action] {
            if (!(this->*action)(view->shownRun()) && m_interactive)
                m_showError(tr("Training"), m_lastError);
        };
    };
    connect(monitor, &TrainingMonitor::pauseRequested, this, onShown(&TrainingController::pause));
    connect(monitor, &TrainingMonitor::resumeRequested, this, onShown(&TrainingController::resume));
    connect(monitor, &TrainingMonitor::cancelRequested, this, onShown(&TrainingController::cancel));
    connect(monitor, &TrainingMonitor::openFolderRequested, this,
            [view] { QDesktopServices::openUrl(QUrl::fromLocalFile(view->shownRun())); });
    connect(view, &TrainingView::runChosen, this, &TrainingController::show);
    connect(view, &TrainingView::forgetRequested, this, &TrainingController::forget);

    // Runs of earlier sessions: still running, paused or finished; each can be shown and continued.
    for (const QString& folder : QSettings().value(kRunsKey).toStringList())
        if (QFileInfo(folder).isDir())
            add(folder);
    pollNow();
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &TrainingController::pollNow);
    m_poll.start();
}

void TrainingController::refreshFineTuneModels()
{
    m_view->wizard()->setFineTuneModels(fineTuneModels(UpscaleController::userModelFolder()));
}

bool TrainingController::fail(const QString& message)
{
    m_lastError = message;
    return false;
}

void TrainingController::showFailure(const QString& title, const QString& message)
{
    fail(message);
    if (m_interactive)
        m_showError(title, message);
}

QString TrainingController::noSbatch()
{
    return tr(
        "sbatch was not found on this computer: Run on a Cluster submits the run with Slurm, so start "
        "CryoSR on the cluster's login node (or a computer with Slurm's commands), or use Launch to "
        "train here.");
}

bool TrainingController::launch(const QJsonObject& config, bool cluster)
{
    const QString verdict = checkTrainingConfig(config);
    if (!verdict.isEmpty())
        return fail(verdict);
    if (cluster && QStandardPaths::findExecutable("sbatch").isEmpty())
        return fail(noSbatch()); // before anything is created: no run that could never start
    const QString folder = QDir::cleanPath(QDir::current().absoluteFilePath(config.value("out").toString()));
    if (m_runs.contains(folder) && !m_runs[folder]->isSettled())
        return fail(tr("%1 is already running").arg(folder));
    if (!QDir().mkpath(folder))
        return fail(tr("The folder %1 cannot be created").arg(folder));
    QJsonObject stored = config;
    stored["out"] = folder;
    if (!writeTextFile(runConfigFile(folder), QJsonDocument(stored).toJson()))
        return fail(tr("%1 cannot be written").arg(runConfigFile(folder)));
    QSettings().setValue(kOutputFolderKey, QFileInfo(folder).path());

    TrainingRunRecord record;
    record.name = QDir(folder).dirName();
    record.where = cluster ? "slurm" : "local";
    record.save(folder);
    TrainingRun* run = add(folder);
    const bool started = cluster ? submit(*run, true) : startLocal(*run, {"train", "--config", runConfigFile(folder)});
    if (!started) {
        forget(folder);
        return false;
    }
    m_view->showRun(folder);
    return true;
}

bool TrainingController::startLocal(TrainingRun& run, const QStringList& arguments)
{
    const QString cli = cryosrCliPath();
    if (cli.isEmpty())
        return fail(tr("cryosr-cli was not found beside CryoSR or on the PATH"));
    // Detached: the run goes on when CryoSR closes (or crashes); the log is how we follow it.
    QString error;
    const qint64 pid = spawnDetached(cli, arguments, run.folder(), QDir(run.folder()).filePath("train.out"), &error);
    if (pid == 0)
        return fail(tr("%1 could not be started: %2").arg(cli, error));
    run.record().where = "local";
    run.record().pid = pid;
    run.record().cancelled = false;
    run.saveRecord();
    run.restarted();
    updateEntry(run);
    return true;
}

bool TrainingController::submit(TrainingRun& run, bool fresh)
{
    const QString script = QDir(run.folder()).filePath("cryosr-train.sbatch");
    const QString text =
        fillSlurmTemplate(slurmTemplate(), run.record().name, run.folder(), cryosrCliPath(), readRunConfig(run.folder()));
    if (!writeTextFile(script, text.toUtf8()))
        return fail(tr("%1 cannot be written").arg(script));
    QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner);
    run.record().where = "slurm";
    run.record().cancelled = false;
    const QString sbatch = QStandardPaths::findExecutable("sbatch");
    if (sbatch.isEmpty())
        return fail(noSbatch());
    // Asynchronously: sbatch waits for the controller, which can take a while on a busy cluster.
    const QString folder = run.folder();
    auto* process = startSlurmCommand(this, sbatch, {script}, [this, folder, fresh](const QString& output, const QString& error) {
        TrainingRun* submitted = m_runs.value(folder).get();
        if (!submitted)
            return;
        if (!error.isEmpty()) {
            if (fresh)
                forget(folder);
            showFailure(tr("Cannot start the training"), tr("sbatch failed: %1").arg(error));
            return;
        }
        submitted->record().jobId = slurmJobId(output);
        submitted->saveRecord();
        submitted->restarted();
        updateEntry(*submitted);
    });
    process->setWorkingDirectory(folder); // Slurm's own output file lands in the run's folder
    process->start();
    run.record().jobId.clear();
    run.saveRecord();
    updateEntry(run);
    return true;
}

bool TrainingController::signalStop(TrainingRun& run)
{
    if (run.record().where == "local" && run.record().pid <= 0)
        return fail(
            tr("This run was not started by CryoSR: stop it where it runs (Ctrl-C or kill -TERM); it "
               "checkpoints and stops"));
    if (run.record().where == "local") {
        if (!run.processAlive() || ::kill(static_cast<pid_t>(run.record().pid), SIGTERM) != 0)
            return fail(tr("The training process is not running"));
    } else {
        const QString scancel = QStandardPaths::findExecutable("scancel");
        if (scancel.isEmpty() || run.record().jobId.isEmpty())
            return fail(
                tr("Stop the job on the cluster with: scancel --batch --signal=TERM JOB (it checkpoints "
                   "and stops)"));
        const QString folder = run.folder();
        startSlurmCommand(this, scancel, {"--batch", "--signal=TERM", run.record().jobId},
                          [this, folder](const QString&, const QString& error) {
                              TrainingRun* stopping = m_runs.value(folder).get();
                              if (error.isEmpty() || !stopping)
                                  return;
                              stopping->setStopping(false);
                              updateEntry(*stopping);
                              showFailure(tr("Training"), tr("scancel failed: %1").arg(error));
                          })
            ->start();
    }
    run.setStopping(true);
    updateEntry(run);
    return true;
}

bool TrainingController::pause(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return fail(tr("No such run: %1").arg(folder));
    return signalStop(*run);
}

bool TrainingController::resume(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return fail(tr("No such run: %1").arg(folder));
    if (!run->isSettled())
        return fail(tr("The run is still going"));
    if (!QFileInfo::exists(QDir(folder).filePath("checkpoint.pt")))
        return fail(tr("%1 has no checkpoint to resume from; start a new run").arg(folder));
    return run->record().where == "slurm" ? submit(*run, false) : startLocal(*run, {"train", "--resume", "--out", folder});
}

bool TrainingController::cancel(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return fail(tr("No such run: %1").arg(folder));
    if (m_interactive
        && QMessageBox::question(m_view->window(), tr("Cancel the Training"),
                                 tr("End %1? It stops after the current step; its last checkpoint and model stay in %2.")
                                     .arg(run->record().name, folder))
            != QMessageBox::Yes)
        return true;
    run->record().cancelled = true;
    run->saveRecord();
    if (!run->isSettled() && !signalStop(*run))
        return false;
    updateEntry(*run);
    if (m_view->shownRun() == folder)
        m_view->monitor()->setState(run->state(), run->stateMessage());
    return true;
}

bool TrainingController::attach(const QString& folder)
{
    const QString clean = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (!QFileInfo::exists(QDir(clean).filePath("log.jsonl")) && !QFileInfo::exists(runConfigFile(clean)))
        return fail(tr("%1 holds no training run (no log.jsonl)").arg(clean));
    add(clean);
    pollNow();
    m_view->showRun(clean);
    return true;
}

TrainingRun* TrainingController::add(const QString& folder)
{
    auto& run = m_runs[folder];
    if (!run) {
        run = std::make_shared<TrainingRun>(folder);
        run->poll();
        saveRunList();
    }
    updateEntry(*run);
    return run.get();
}

void TrainingController::forget(const QString& folder)
{
    m_runs.remove(folder);
    saveRunList();
    m_view->removeRun(folder);
}

void TrainingController::saveRunList() const
{
    QStringList folders = m_runs.keys();
    folders.sort();
    QSettings().setValue(kRunsKey, folders);
}

const TrainingRun* TrainingController::run(const QString& folder) const
{
    return m_runs.value(folder).get();
}

void TrainingController::pollNow()
{
    const QString shown = m_view->shownRun();
    for (const auto& run : std::as_const(m_runs)) {
        const bool settledBefore = run->isSettled();
        const QList<QJsonObject> events = run->poll();
        if (!events.isEmpty() || !settledBefore || run->folder() == shown) {
            updateEntry(*run);
            if (run->folder() == shown)
                feed(*run, events);
        }
        // Also for runs that finished while CryoSR was closed, or elsewhere.
        if (run->state() == TrainingMonitor::State::Finished && run->record().installedModel.isEmpty()
            && !run->record().cancelled)
            m_installer.install({run->folder(), run->record().name, int(run->trainingFiles().size()), run->validationFiles()});
    }
}

void TrainingController::updateEntry(const TrainingRun& run)
{
    static const QHash<TrainingMonitor::State, QString> names{
        {TrainingMonitor::State::Starting, tr("Starting")},        {TrainingMonitor::State::Running, tr("Running")},
        {TrainingMonitor::State::Stopping, tr("Stopping")},        {TrainingMonitor::State::Paused, tr("Paused")},
        {TrainingMonitor::State::Finished, tr("Finished")},        {TrainingMonitor::State::Failed, tr("Failed")},
        {TrainingMonitor::State::Cancelled, tr("Cancelled")},      {TrainingMonitor::State::Waiting, tr("Waiting")},
        {TrainingMonitor::State::Lost, tr("Stopped unexpectedly")}};
    QString state = names.value(run.state());
    if (run.totalSteps() > 0)
        state += tr(", step %1/%2").arg(run.step()).arg(run.totalSteps());
    if (run.record().where == "slurm")
        state += run.record().jobId.isEmpty() ? tr(" (cluster)") : tr(" (Slurm job %1)").arg(run.record().jobId);
    m_view->setRun({run.folder(), run.record().name, state});
}

void TrainingController::show(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    TrainingMonitor* monitor = m_view->monitor();
    monitor->clear();
    if (!run)
        return;
    showTitle(*run);
    feed(*run, run->events());
}

void TrainingController::showTitle(const TrainingRun& run)
{
    m_view->monitor()->setTitle(run.record().name,
                                tr("%1\n%2 · %3 training and %4 validation files")
                                    .arg(run.folder())
                                    .arg(run.record().where == "slurm" ? tr("on the cluster") : run.device())
                                    .arg(run.trainingFiles().size())
                                    .arg(run.validationFiles().size()));
}

void TrainingController::feed(TrainingRun& run, const QList<QJsonObject>& events)
{
    TrainingMonitor* monitor = m_view->monitor();
    bool newSamples = false;
    for (const QJsonObject& e : events) {
        const QString kind = e.value("event").toString();
        if (kind == "start") // the device and the files, known once the trainer has started
            showTitle(run);
        else if (kind == "step")
            monitor->addLoss(e.value("step").toInteger(), e.value("loss").toDouble());
        else if (kind == "validation") {
            monitor->addValidation(e.value("step").toInteger(), e.value("val_loss").toDouble(), e.value("val_psnr").toDouble(),
                                   e.value("val_psnr_fourier").toDouble());
            newSamples = true;
        }
    }
    monitor->setProgress(run.step(), std::max<qint64>(run.totalSteps(), 1), run.isSettled() ? 0.0 : run.stepsPerSecond(),
                         run.secondsLeft());
    monitor->setState(run.state(), run.stateMessage());
    if (newSamples)
        showSamples(run);
}

void TrainingController::showSamples(const TrainingRun& run)
{
    QList<FloatImage> images;
    try {
        auto reader = cryosr::openImageFile(run.latestSamples().toStdString());
        for (int i = 0; i < reader->info().sections; ++i)
            images << sharedView(std::make_shared<const cryosr::Image>(reader->readSection(i)));
    } catch (const std::exception&) {
        images.clear(); // written by the trainer after the log line; the next validation brings new ones
    }
    m_view->monitor()->setSamples(run.latestSamplesStep(), images);
}

void TrainingController::installed(const QString& folder, const QString& modelFile)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return;
    run->record().installedModel = modelFile;
    run->saveRecord();
    updateEntry(*run);
    if (m_view->shownRun() == folder)
        m_view->monitor()->setState(run->state(), run->stateMessage());
    refreshFineTuneModels();
    Q_EMIT modelInstalled(modelFile);
}

bool TrainingController::simulate(const SimulationRequest& request)
{
    return m_simulation.start(request, &m_lastError);
}

void TrainingController::askSimulation()
{
    SimulationDialog dialog(m_view->window());
    if (dialog.exec() == QDialog::Accepted && !simulate(dialog.request()))
        m_showError(tr("Cannot simulate"), m_lastError);
}

void TrainingController::follow(const QString& folder)
{
    if (!attach(folder))
        m_showError(tr("Cannot follow the run"), m_lastError);
}

void TrainingController::editSlurmTemplate()
{
    ScriptTemplateDialog dialog(slurmTemplate(), defaultSlurmTemplate(), m_view->window());
    QString error;
    if (dialog.exec() == QDialog::Accepted && !saveSlurmTemplate(dialog.text(), &error))
        m_showError(tr("Cluster Script Template"), error);
}
