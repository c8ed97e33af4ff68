#include "trainingcontroller.h"

#include "detachedprocess.h"
#include "imageconversion.h"
#include "mainwindow.h"
#include "slurmscript.h"
#include "trainingmonitor.h"
#include "trainingview.h"
#include "upscalecontroller.h"

#include "io/imagereader.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QLineEdit>
#include <QHBoxLayout>
#include <QFormLayout>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <csignal>

namespace {

constexpr const char* kRunsKey = "training/runs";
constexpr const char* kOutputFolderKey = "training/outputFolder";

QString configFile(const QString& folder)
{
    return QDir(folder).filePath("config.json");
}

QJsonObject readJson(const QString& file)
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(in.readAll()).object() : QJsonObject();
}

bool writeText(const QString& file, const QByteArray& text)
{
    QSaveFile out(file);
    return out.open(QIODevice::WriteOnly) && out.write(text) >= 0 && out.commit();
}

/// A free name in `folder`: NAME.cryosr, NAME-2.cryosr, …
QString freeModelFile(const QString& folder, const QString& name)
{
    QString file = QDir(folder).filePath(name + ".cryosr");
    for (int i = 2; QFileInfo::exists(file); ++i)
        file = QDir(folder).filePath(QStringLiteral("%1-%2.cryosr").arg(name).arg(i));
    return file;
}

/// One line for the model's card from `cryosr-cli eval --json`.
QString evaluationLine(const QJsonObject& evaluation, int files, const QString& region)
{
    QHash<QString, QJsonObject> methods;
    for (const QJsonValue& m : evaluation.value("mean").toArray())
        methods.insert(m.toObject().value("method").toString(), m.toObject());
    const QJsonObject model = methods.value("diffusion"), fourier = methods.value("fourier");
    if (model.isEmpty())
        return {};
    QString line = QObject::tr("PSNR %1 dB (Fourier padding %2 dB), SSIM %3")
                       .arg(model.value("psnr").toDouble(), 0, 'f', 2)
                       .arg(fourier.value("psnr").toDouble(), 0, 'f', 2)
                       .arg(model.value("ssim").toDouble(), 0, 'f', 3);
    if (model.value("frc_0143_angstrom").isDouble())
        line += QObject::tr(", FRC 0.143 at %1 Å").arg(model.value("frc_0143_angstrom").toDouble(), 0, 'f', 2);
    return line + QObject::tr(" on %n validation file(s) (%1)", nullptr, files).arg(region);
}

} // namespace

TrainingController::TrainingController(MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    TrainingView* view = window->trainingView();
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
    connect(this, &TrainingController::simulationEnded, this, [this, wizard](const QStringList& files, const QString& error) {
        if (error.isEmpty())
            wizard->useSimulatedData(files);
        else if (m_interactive)
            m_window->showError(tr("Simulation failed"), error);
    });
    connect(wizard, &TrainingWizard::launchRequested, this, [this](const QJsonObject& config, bool cluster) {
        if (!launch(config, cluster) && m_interactive)
            m_window->showError(tr("Cannot start the training"), m_lastError);
    });

    TrainingMonitor* monitor = view->monitor();
    const auto onShown = [this, view](bool (TrainingController::*action)(const QString&)) {
        return [this, view, action] {
            if (!(this->*action)(view->shownRun()) && m_interactive)
                m_window->showError(tr("Training"), m_lastError);
        };
    };
    connect(monitor, &TrainingMonitor::pauseRequested, this, onShown(&TrainingController::pause));
    connect(monitor, &TrainingMonitor::resumeRequested, this, onShown(&TrainingController::resume));
    connect(monitor, &TrainingMonitor::cancelRequested, this, onShown(&TrainingController::cancel));
    connect(monitor, &TrainingMonitor::openFolderRequested, this,
            [view] { QDesktopServices::openUrl(QUrl::fromLocalFile(view->shownRun())); });
    connect(view, &TrainingView::runChosen, this, &TrainingController::show);
    connect(view, &TrainingView::forgetRequested, this, &TrainingController::forget);

    if (QMenu* menu = window->menuBar()->findChild<QMenu*>("menuTraining")) {
        menu->addSeparator();
        menu->addAction(tr("&Follow a Run Folder…"), this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Follow a Training Run"));
            if (!folder.isEmpty() && !attach(folder))
                m_window->showError(tr("Cannot follow the run"), m_lastError);
        });
        menu->addAction(tr("Edit Cluster Script &Template…"), this, &TrainingController::editSlurmTemplate)
            ->setObjectName("actionEditSlurmTemplate");
    }

    // Runs of earlier sessions: still running, paused or finished; each can be shown and continued.
    for (const QString& folder : QSettings().value(kRunsKey).toStringList())
        if (QFileInfo(folder).isDir())
            add(folder);
    pollNow();
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &TrainingController::pollNow);
    m_poll.start();
}

TrainingController::~TrainingController()
{
    // Runs go on without the GUI (they are detached); `eval` children end with it and run again next time.
    if (m_simulator) {
        m_simulator->disconnect(this);
        m_simulator->kill();
        m_simulator->waitForFinished(5000);
    }
    for (const QPointer<QProcess>& process : std::as_const(m_evaluations))
        if (process) {
            process->kill();
            process->waitForFinished(5000);
        }
}

void TrainingController::refreshFineTuneModels()
{
    QList<FineTuneModel> models;
    QStringList files;
    for (const std::string& shipped : cryosr::kShippedModels) {
        try {
            files << QString::fromStdString(cryosr::locateModel(shipped).string());
        } catch (const std::exception&) {
            // not installed: only the others
        }
    }
    const QDir folder(UpscaleController::userModelFolder());
    for (const QString& name : folder.entryList({"*.cryosr"}, QDir::Files, QDir::Name))
        files << folder.filePath(name);
    for (const QString& file : files) {
        bool ok = false;
        const FineTuneModel model = fineTuneModel(QFileInfo(file).completeBaseName(), file, &ok);
        if (ok)
            models << model;
    }
    m_window->trainingView()->wizard()->setFineTuneModels(models);
}

bool TrainingController::fail(const QString& message)
{
    m_lastError = message;
    return false;
}

bool TrainingController::launch(const QJsonObject& config, bool cluster)
{
    const QString verdict = checkTrainingConfig(config);
    if (!verdict.isEmpty())
        return fail(verdict);
    const QString folder = QDir::cleanPath(QDir::current().absoluteFilePath(config.value("out").toString()));
    if (m_runs.contains(folder) && !m_runs[folder]->isSettled())
        return fail(tr("%1 is already running").arg(folder));
    if (!QDir().mkpath(folder))
        return fail(tr("The folder %1 cannot be created").arg(folder));
    QJsonObject stored = config;
    stored["out"] = folder;
    if (!writeText(configFile(folder), QJsonDocument(stored).toJson()))
        return fail(tr("%1 cannot be written").arg(configFile(folder)));
    QSettings().setValue(kOutputFolderKey, QFileInfo(folder).path());

    TrainingRunRecord record;
    record.name = QDir(folder).dirName();
    record.where = cluster ? "slurm" : "local";
    record.save(folder);
    TrainingRun* run = add(folder);
    const bool started = cluster ? submit(*run) : startLocal(*run, {"train", "--config", configFile(folder)});
    if (!started) {
        forget(folder);
        return false;
    }
    m_window->trainingView()->showRun(folder);
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

bool TrainingController::submit(TrainingRun& run)
{
    const QString script = QDir(run.folder()).filePath("cryosr-train.sbatch");
    const QString text =
        fillSlurmTemplate(slurmTemplate(), run.record().name, run.folder(), cryosrCliPath(), readJson(configFile(run.folder())));
    if (!writeText(script, text.toUtf8()))
        return fail(tr("%1 cannot be written").arg(script));
    QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner);
    run.record().where = "slurm";
    run.record().cancelled = false;
    const QString sbatch = QStandardPaths::findExecutable("sbatch");
    if (sbatch.isEmpty()) {
        // No Slurm here: the user submits it on the cluster; the log is followed once it appears.
        run.record().jobId.clear();
        run.saveRecord();
        run.restarted();
        if (m_interactive) {
            QDialog dialog(m_window);
            dialog.setWindowTitle(tr("Run on a Cluster"));
            auto* layout = new QVBoxLayout(&dialog);
            auto* note = new QLabel(tr("sbatch is not available on this computer. Submit this script on the cluster "
                                       "(it is saved as %1): CryoSR follows the run's log from its folder.")
                                        .arg(script),
                                    &dialog);
            note->setWordWrap(true);
            note->setTextInteractionFlags(Qt::TextSelectableByMouse);
            auto* edit = new QPlainTextEdit(text, &dialog);
            edit->setReadOnly(true);
            edit->setMinimumSize(640, 420);
            auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
            QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
            connect(copy, &QPushButton::clicked, edit, [edit] {
                edit->selectAll();
                edit->copy();
            });
            connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
            layout->addWidget(note);
            layout->addWidget(edit);
            layout->addWidget(buttons);
            dialog.exec();
        }
        updateEntry(run);
        return true;
    }
    QProcess process;
    process.setWorkingDirectory(run.folder()); // Slurm's own output file lands in the run's folder
    process.start(sbatch, {script});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return fail(tr("sbatch failed: %1").arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
    run.record().jobId = slurmJobId(QString::fromUtf8(process.readAllStandardOutput()));
    run.saveRecord();
    run.restarted();
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
        QProcess process;
        process.start(scancel, {"--batch", "--signal=TERM", run.record().jobId});
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return fail(tr("scancel failed: %1").arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
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
    return run->record().where == "slurm" ? submit(*run) : startLocal(*run, {"train", "--resume", "--out", folder});
}

bool TrainingController::cancel(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return fail(tr("No such run: %1").arg(folder));
    if (m_interactive
        && QMessageBox::question(m_window, tr("Cancel the Training"),
                                 tr("End %1? It stops after the current step; its last checkpoint and model stay in %2.")
                                     .arg(run->record().name, folder))
            != QMessageBox::Yes)
        return true;
    run->record().cancelled = true;
    run->saveRecord();
    if (!run->isSettled() && !signalStop(*run))
        return false;
    updateEntry(*run);
    if (m_window->trainingView()->shownRun() == folder)
        m_window->trainingView()->monitor()->setState(run->state(), run->stateMessage());
    return true;
}

bool TrainingController::attach(const QString& folder)
{
    const QString clean = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    if (!QFileInfo::exists(QDir(clean).filePath("log.jsonl")) && !QFileInfo::exists(configFile(clean)))
        return fail(tr("%1 holds no training run (no log.jsonl)").arg(clean));
    add(clean);
    pollNow();
    m_window->trainingView()->showRun(clean);
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
    m_window->trainingView()->removeRun(folder);
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
    const QString shown = m_window->trainingView()->shownRun();
    for (const auto& run : std::as_const(m_runs)) {
        const bool settledBefore = run->isSettled();
        const QList<QJsonObject> events = run->poll();
        if (!events.isEmpty() || !settledBefore || run->folder() == shown) {
            updateEntry(*run);
            if (run->folder() == shown)
                feed(*run, events);
        }
        // Also for runs that finished while CryoSR was closed, or elsewhere.
        if (run->state() == TrainingMonitor::State::Finished && run->record().installedModel.isEmpty() && !run->record().cancelled
            && !m_evaluations.contains(run->folder()))
            evaluate(*run);
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
    m_window->trainingView()->setRun({run.folder(), run.record().name, state});
}

void TrainingController::show(const QString& folder)
{
    TrainingRun* run = m_runs.value(folder).get();
    TrainingMonitor* monitor = m_window->trainingView()->monitor();
    monitor->clear();
    if (!run)
        return;
    monitor->setTitle(run->record().name,
                      tr("%1\n%2 · %3 training and %4 validation files")
                          .arg(folder)
                          .arg(run->record().where == "slurm" ? tr("on the cluster") : run->device())
                          .arg(run->trainingFiles().size())
                          .arg(run->validationFiles().size()));
    feed(*run, run->events());
}

void TrainingController::feed(TrainingRun& run, const QList<QJsonObject>& events)
{
    TrainingMonitor* monitor = m_window->trainingView()->monitor();
    bool newSamples = false;
    for (const QJsonObject& e : events) {
        const QString kind = e.value("event").toString();
        if (kind == "step")
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
    m_window->trainingView()->monitor()->setSamples(run.latestSamplesStep(), images);
}

void TrainingController::evaluate(TrainingRun& run)
{
    const QString folder = run.folder();
    const QStringList files = run.validationFiles();
    if (files.isEmpty()) {
        install(folder, {}, tr("no validation files"));
        return;
    }
    // A central 256² region of each file keeps this to seconds on a CPU.
    QStringList arguments{"eval",
                          "--model",
                          QDir(folder).filePath("model.pt"),
                          "--samples",
                          "1",
                          "--steps",
                          "20",
                          "--json",
                          "--device",
                          readJson(configFile(folder)).value("device").toString("auto")};
    QString region = tr("whole images");
    try {
        const cryosr::FileInfo info = cryosr::openImageFile(files.first().toStdString())->info();
        if (info.width > 256 && info.height > 256) {
            arguments << "--region" << QStringLiteral("%1,%2,256,256").arg((info.width - 256) / 2).arg((info.height - 256) / 2);
            region = tr("central 256² regions, 20 DDIM steps");
        }
    } catch (const std::exception&) {
        // eval says what is wrong with the file
    }
    arguments << "--inputs" << files;
    auto* process = new QProcess(this);
    m_evaluations.insert(folder, process);
    connect(process, &QProcess::finished, this, [this, process, folder, region, count = int(files.size())](int code) {
        process->deleteLater();
        m_evaluations.remove(folder);
        const QByteArray out = process->readAllStandardOutput();
        if (code != 0) {
            install(folder, {}, tr("evaluation failed: %1").arg(QString::fromUtf8(process->readAllStandardError()).trimmed()));
            return;
        }
        writeText(QDir(folder).filePath("eval.json"), out);
        QJsonObject evaluation = QJsonDocument::fromJson(out).object();
        evaluation["summary"] = evaluationLine(evaluation, count, region);
        install(folder, evaluation, {});
    });
    process->start(cryosrCliPath(), arguments);
}

void TrainingController::install(const QString& folder, const QJsonObject& evaluation, const QString& problem)
{
    TrainingRun* run = m_runs.value(folder).get();
    if (!run)
        return;
    const QJsonObject config = readJson(configFile(folder));
    const double pixelSize = config.value("pixel_size").toDouble();
    QJsonObject card{{"training_run", folder},
                     {"training_data",
                      tr("%n training file(s), %1 validation; %2", nullptr, int(run->trainingFiles().size()))
                          .arg(run->validationFiles().size())
                          .arg(pixelSize > 0 ? tr("%1 Å/px").arg(pixelSize) : tr("pixel size unknown"))},
                     {"evaluation", problem.isEmpty() ? evaluation.value("summary").toString() : problem}};
    const QString userFolder = UpscaleController::userModelFolder();
    QDir().mkpath(userFolder);
    const QString target = freeModelFile(userFolder, run->record().name);
    try {
        cryosr::copyModel(QDir(folder).filePath("model.pt").toStdString(), target.toStdString(),
                          QJsonDocument(card).toJson(QJsonDocument::Compact).toStdString());
    } catch (const std::exception& e) {
        run->record().installedModel.clear();
        m_lastError = tr("The finished model could not be added to %1: %2").arg(userFolder, QString::fromStdString(e.what()));
        if (m_interactive)
            m_window->showError(tr("Training finished"), m_lastError);
        return;
    }
    run->record().installedModel = target;
    run->saveRecord();
    updateEntry(*run);
    if (m_window->trainingView()->shownRun() == folder)
        m_window->trainingView()->monitor()->setState(run->state(), run->stateMessage());
    refreshFineTuneModels();
    Q_EMIT modelInstalled(target);
}

bool TrainingController::simulate(const SimulationRequest& request)
{
    if (m_simulator)
        return fail(tr("A simulation is already running"));
    if (!QFileInfo(request.map).isFile())
        return fail(tr("The map %1 does not exist").arg(request.map));
    if (request.folder.isEmpty() || !QDir().mkpath(request.folder))
        return fail(tr("The folder %1 cannot be created").arg(request.folder));
    m_simulation = request;
    m_simulated.clear();
    simulateNext();
    return true;
}

void TrainingController::simulateNext()
{
    const SimulationRequest& r = m_simulation;
    const QDir folder(r.folder);
    while (m_simulated.size() < r.count) {
        const QString name = QStringLiteral("sim_%1").arg(m_simulated.size() + 1, 3, 10, QChar('0'));
        const QString micrograph = folder.filePath(name + ".mrc"), clean = folder.filePath(name + ".clean.mrc");
        if (!QFileInfo::exists(micrograph) || !QFileInfo::exists(clean)) {
            QStringList arguments{"simulate",
                                  "--map",
                                  r.map,
                                  "-o",
                                  micrograph,
                                  "--clean",
                                  clean,
                                  "--size",
                                  QStringLiteral("%1,%1").arg(r.size),
                                  "--particles",
                                  QString::number(r.particles),
                                  "--dose",
                                  QString::number(r.dose),
                                  "--defocus",
                                  QStringLiteral("%1,%2").arg(r.defocusMin).arg(r.defocusMax),
                                  "--seed",
                                  QString::number(m_simulated.size() + 1)};
            if (r.pixelSize > 0)
                arguments << "--pixel-size" << QString::number(r.pixelSize);
            m_simulator = new QProcess(this);
            connect(m_simulator, &QProcess::finished, this, [this, micrograph](int code, QProcess::ExitStatus status) {
                const QString error = QString::fromUtf8(m_simulator->readAllStandardError()).trimmed();
                m_simulator->deleteLater();
                m_simulator = nullptr;
                if (code != 0 || status != QProcess::NormalExit) {
                    Q_EMIT simulationEnded({}, error.isEmpty() ? tr("cryosr-cli simulate stopped") : error);
                    return;
                }
                m_simulated << micrograph;
                simulateNext();
            });
            m_simulator->start(cryosrCliPath(), arguments);
            return;
        }
        m_simulated << micrograph; // made by an earlier, interrupted simulation
    }
    Q_EMIT simulationEnded(m_simulated, {});
}

void TrainingController::askSimulation()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Simulate Training Data from a Map"));
    auto* form = new QFormLayout(&dialog);
    const auto pathRow = [&](const QString& text, bool folder) {
        auto* edit = new QLineEdit(&dialog);
        auto* browse = new QPushButton(tr("Browse…"), &dialog);
        connect(browse, &QPushButton::clicked, edit, [this, edit, folder] {
            const QString path = folder
                ? QFileDialog::getExistingDirectory(m_window, tr("Folder for the Simulated Data"))
                : QFileDialog::getOpenFileName(m_window, tr("A 3D Map"), {}, tr("Maps (*.mrc *.map *.ccp4);;All files (*)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        form->addRow(text, row);
        return edit;
    };
    QLineEdit* map = pathRow(tr("Map:"), false);
    QLineEdit* folder = pathRow(tr("Into folder:"), true);
    const auto spin = [&](const QString& text, int low, int high, int value) {
        auto* box = new QSpinBox(&dialog);
        box->setRange(low, high);
        box->setValue(value);
        form->addRow(text, box);
        return box;
    };
    QSpinBox* count = spin(tr("Micrographs:"), 1, 10000, 8);
    QSpinBox* size = spin(tr("Size (px):"), 64, 16384, 1024);
    QSpinBox* particles = spin(tr("Particles each:"), 1, 10000, 40);
    auto* pixelSize = new QDoubleSpinBox(&dialog);
    pixelSize->setRange(0, 100);
    pixelSize->setDecimals(3);
    pixelSize->setSpecialValueText(tr("the map's"));
    form->addRow(tr("Pixel size (Å):"), pixelSize);
    auto* dose = new QDoubleSpinBox(&dialog);
    dose->setRange(1, 1000);
    dose->setValue(40);
    form->addRow(tr("Dose (e⁻/Å²):"), dose);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    SimulationRequest request;
    request.map = map->text();
    request.folder = folder->text();
    request.count = count->value();
    request.size = size->value();
    request.particles = particles->value();
    request.pixelSize = pixelSize->value();
    request.dose = dose->value();
    if (!simulate(request))
        m_window->showError(tr("Cannot simulate"), m_lastError);
}

void TrainingController::editSlurmTemplate()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Cluster Script Template"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* note = new QLabel(tr("The Slurm batch script each \"Run on a Cluster\" writes. {{JOB_NAME}}, {{RUN_DIR}}, "
                               "{{CRYOSR_CLI}} and {{CONFIG_JSON}} are filled in for each run."),
                            &dialog);
    note->setWordWrap(true);
    auto* edit = new QPlainTextEdit(slurmTemplate(), &dialog);
    edit->setFont(QFont("monospace"));
    edit->setMinimumSize(700, 480);
    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, &dialog);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, edit,
            [edit] { edit->setPlainText(defaultSlurmTemplate()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(note);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    QString error;
    if (dialog.exec() == QDialog::Accepted && !saveSlurmTemplate(edit->toPlainText(), &error))
        m_window->showError(tr("Cluster Script Template"), error);
}
