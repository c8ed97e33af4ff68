#include "upscaleworker.h"

#include "backgroundjob.h"

#include "classicalupscale.h"
#include "deviceinfo.h"
#include "errormessage.h"
#include "io/errors.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <algorithm>
#include <cmath>
#include <exception>
#include <new>
#include <optional>
#include <vector>

namespace {

/// The engine's message; running out of memory says how much more was needed and what to do.
QString explain(const std::exception& e)
{
    if (const auto* memory = dynamic_cast<const cryosr::OutOfMemoryError*>(&e)) {
        const QString device = memory->onGpu() ? QStringLiteral("GPU") : QStringLiteral("CPU");
        if (memory->amountNeeded().empty())
            return QObject::tr(
                       "Not enough memory on the %1: choose a smaller region, fewer samples, or bf16 precision "
                       "on a GPU.")
                .arg(device);
        return QObject::tr(
                   "Not enough memory on the %1 (%2 more were needed): choose a smaller region, fewer "
                   "samples, or bf16 precision on a GPU.")
            .arg(device, QString::fromStdString(memory->amountNeeded()));
    }
    return QString::fromStdString(cryosr::errorMessage(e)); // one line, without LibTorch's C++ trace
}

/// The line for a key the trainer writes (engine/training/trainer.cpp), empty to leave it out (the
/// configuration: the card's first line already gives what it decided); nothing for other keys.
std::optional<QString> trainerLine(const QString& key, const QJsonValue& value)
{
    // The calibrations ("calibration", and "calibration_4_steps" and the like from `model calibrate
    // --steps`) have their effect on a line of their own.
    if (key == "config" || key.startsWith("calibration"))
        return QString();
    if (key == "files") {
        const QJsonObject files = value.toObject();
        return QObject::tr("Trained on %1 files, validated on %2 (file names: cryosr-cli model show)")
            .arg(files.value("training").toArray().size())
            .arg(files.value("validation").toArray().size());
    }
    if (key == "device")
        return QObject::tr("Trained on %1").arg(value.toString());
    if (key == "wall_seconds") {
        const int minutes = int(value.toDouble() / 60 + 0.5);
        return QObject::tr("Training time %1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    if (key == "last_validation") {
        const QJsonObject v = value.toObject();
        if (!v.contains("val_psnr"))
            return QString();
        return QObject::tr("Validation at step %1: PSNR %2 dB (Fourier padding %3 dB)")
            .arg(v.value("step").toInteger())
            .arg(v.value("val_psnr").toDouble(), 0, 'f', 1)
            .arg(v.value("val_psnr_fourier").toDouble(), 0, 'f', 1);
    }
    return std::nullopt;
}

/// The model's metadata (JSON) as readable lines: the trainer's keys in words, the card lines the
/// wizard adds as they are, other keys as "key: value" with long values shortened (the full text is in
/// `cryosr-cli model show`); the text itself when it is not an object.
QString readableMetadata(const std::string& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!document.isObject())
        return QString::fromStdString(json);
    QStringList lines;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (const std::optional<QString> line = trainerLine(it.key(), value)) {
            if (!line->isEmpty())
                lines << *line;
            continue;
        }
        QString text = value.isArray() ? QObject::tr("%n item(s)", nullptr, int(value.toArray().size()))
            : value.isObject()         ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                                       : value.toVariant().toString();
        if (text.size() > (value.isString() ? 240 : 60)) // sentences (the wizard's card lines) stay readable
            text = text.left(value.isString() ? 237 : 57) + "…";
        lines << it.key() + ": " + text;
    }
    return lines.join('\n');
}

/// Input sides the calibration times steps at: large enough that a step is mostly network, as in real
/// runs, and the larger no larger: its pass is the app's largest allocation while a micrograph opens
/// (80² against 128²: 40 MiB less at the viewer's peak, estimates as good; docs/performance.md).
constexpr int kSmallSide = 32, kLargeSide = 80;

} // namespace

/// The GUI's tiling of an input of `region` at `scale` (nullopt when it cannot be tiled).
static std::optional<cryosr::TileLayout> layoutFor(QSize region, int scale)
{
    if (region.isEmpty())
        return std::nullopt;
    try {
        return cryosr::tileLayoutFor(region.width() * scale, region.height() * scale, cryosr::UpscaleSettings{});
    } catch (const std::exception&) { // too large to tile: no estimate
        return std::nullopt;
    }
}

double Calibration::teraflopsPerStep(QSize region, int samples) const
{
    const auto layout = layoutFor(region, scale);
    return layout ? cryosr::stepFlops(cost, *layout, samples) / 1e12 : 0.0;
}

double Calibration::teraflopsOfLargestPass(QSize region, int samples) const
{
    const auto layout = layoutFor(region, scale);
    if (!layout)
        return 0.0;
    double largest = 0.0;
    auto consider = [&](const cryosr::TileRect& pass) {
        largest = std::max(largest, cost.forward(samples, pass.height, pass.width));
    };
    consider(layout->tiles.front()); // the tiles share one size
    if (!layout->isSingle())
        for (const cryosr::TileRect& window : cryosr::statisticsWindows(*layout).tiles)
            consider(window);
    return largest / 1e12;
}

double Calibration::seconds(QSize region, int steps, int samples) const
{
    const double teraflops = teraflopsPerStep(region, samples);
    if (teraflops <= 0 || steps <= 0)
        return 0.0;
    return steps * (secondsPerStep + secondsPerTeraflop * teraflops)
        + secondsSetupPerTeraflop * teraflopsOfLargestPass(region, samples);
}

Calibration Calibration::slowedBy(double factor) const
{
    Calibration slower = *this;
    slower.secondsPerStep *= factor;
    slower.secondsPerTeraflop *= factor;
    slower.secondsSetupPerTeraflop *= factor;
    return slower;
}

double correctionFor(const QMap<int, double>& corrections, int samples)
{
    // Distances as ratios larger / smaller, compared as fractions (a/b < c/d as a·d < c·b), in order of
    // sample count, so that a tie goes to the fewer samples.
    samples = std::max(samples, 1);
    double correction = 1.0;
    long long bestLarger = 0, bestSmaller = 1;
    for (auto it = corrections.begin(); it != corrections.end(); ++it) {
        const long long larger = std::max(it.key(), samples), smaller = std::min(it.key(), samples);
        if (bestLarger == 0 || larger * bestSmaller < bestLarger * smaller) {
            bestLarger = larger;
            bestSmaller = smaller;
            correction = it.value();
        }
    }
    return correction;
}

StepPace paceOf(int step, int total, double seconds, double firstStepSeconds, double expectedStepSeconds)
{
    double stepSeconds = 0.0;
    if (step >= 2 && seconds > firstStepSeconds)
        stepSeconds = (seconds - firstStepSeconds) / (step - 1);
    else if (step == 1)
        stepSeconds = expectedStepSeconds > 0 ? expectedStepSeconds : seconds;
    if (stepSeconds <= 0)
        return {};
    return {1.0 / stepSeconds, std::max(0, total - step) * stepSeconds};
}

void UpscaleWorker::stopRunningJob()
{
    const std::lock_guard lock(m_stopMutex);
    m_stop.request_stop();
}

const cryosr::Upscaler& UpscaleWorker::upscalerFor(const QString& modelFile, cryosr::DeviceChoice device,
                                                   cryosr::Precision precision)
{
    if (!m_upscaler || m_loadedModel != modelFile || m_loadedDevice != device || m_loadedPrecision != precision) {
        m_upscaler.reset(); // free the old model's memory before loading the next
        m_upscaler = std::make_unique<cryosr::Upscaler>(modelFile.toStdString(), device, precision);
        m_loadedModel = modelFile;
        m_loadedDevice = device;
        m_loadedPrecision = precision;
    }
    return *m_upscaler;
}

void UpscaleWorker::describeModels(const QStringList& files)
{
    QList<ModelCard> cards;
    for (const QString& file : files) {
        ModelCard card;
        card.file = file;
        card.name = QFileInfo(file).completeBaseName();
        if (file == "default")
            card.description = tr("Faithful upscale: keeps the measured data, noise included");
        else if (file == "denoise")
            card.description = tr("Denoise and upscale");
        try {
            if (card.description.size()) { // a shipped model, wherever this installation keeps it
                std::filesystem::path located;
                try {
                    located = cryosr::locateModel(file.toStdString());
                } catch (const cryosr::FileError&) {
                    if (file == "denoise")
                        continue; // an installation without it lists only the default model
                    throw;
                }
                card.file = QString::fromStdString(located.string());
            }
            const cryosr::ModelInfo info = cryosr::readModelInfo(card.file.toStdString());
            card.usable = true;
            card.defaultConsistency = QString::fromStdString(cryosr::consistencyName(info.consistency));
            card.scale = info.scale;
            card.sizeMultiple = info.architecture.sizeMultiple();
            const QString condition = QString::fromStdString(cryosr::conditionUpsamplingName(info.condition));
            card.summary = tr("%1× upscaling, %2 M parameters, %3 training steps, %4 condition.\n%5")
                               .arg(info.scale)
                               .arg(info.parameters / 1e6, 0, 'f', 2)
                               .arg(info.trainingSteps)
                               .arg(info.filteredCondition ? tr("%1 + Wiener-filtered").arg(condition) : condition)
                               .arg(readableMetadata(info.metadata));
            if (info.standardDeviationScale)
                card.summary += "\n"
                    + tr("Uncertainty calibrated on held-out simulations (spread × %1).")
                          .arg(*info.standardDeviationScale, 0, 'f', 2);
            for (const auto& [steps, scale] : info.stepStandardDeviationScales)
                if (scale != info.standardDeviationScale)
                    card.summary += " "
                        + tr("For %n step(s) (half to twice as many): spread × %1.", nullptr, steps).arg(scale, 0, 'f', 2);
        } catch (const std::exception& e) {
            card.summary = tr("Cannot be used: %1").arg(explain(e));
        }
        cards.append(card);
    }
    QStringList gpus;
    const cryosr::DeviceInfo devices = cryosr::queryDevices();
    for (const std::string& name : devices.cudaDevices)
        gpus << QString::fromStdString(name);
    Q_EMIT modelsDescribed(cards, gpus, devices.cpuBFloat16);
}

void UpscaleWorker::calibrate(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision, int request)
{
    // A measurement the user has moved on from (another model or device chosen) stops at its next step
    // rather than hold up the one now wanted for seconds, unless a job queued after it needs its figure
    // for its own estimate; every measurement stops when the app closes.
    std::stop_source dropped;
    const std::stop_callback closing(m_closing.get_token(), [&dropped] { dropped.request_stop(); });
    auto superseded = [&] { return request != m_latestCalibration.load() && request > m_calibrationForAJob.load(); };
    if (superseded())
        return;
    // Between jobs the viewer needs the memory more than the next run's speed does (a run keeps up to
    // 1 GiB of freed heap for its own next step): each job gives it back when it ends, however it ends.
    const auto release = qScopeGuard(&cryosr::releaseFreedMemory);
    try {
        const cryosr::Upscaler& upscaler = upscalerFor(modelFile, device, precision);
        // Whole steps (network, sampler, consistency, frames) at two sizes give the fixed part of a
        // step and the part that grows with the network's arithmetic (tiles and statistics windows
        // counted, so whole micrographs are estimated too); the median of the later steps is what a
        // run's steps take (the quickest is the least disturbed, but runs are disturbed), the first
        // step's excess its setting up.
        struct StepTimes {
            double first = 0.0, typical = 0.0;
        };
        auto timeSteps = [&](int side) {
            cryosr::Image input(side, side);
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x)
                    input.at(x, y) = float(std::sin(0.37 * x) * std::cos(0.23 * y));
            cryosr::UpscaleSettings settings;
            settings.sampler = {cryosr::SamplerKind::Ddim, 4, 0.0, 1, true};
            settings.frames = cryosr::FrameContent::Both;
            QElapsedTimer clock; // started where run() starts its own
            clock.start();
            double previous = 0.0;
            std::vector<double> seconds;
            upscaler.upscale(input, settings, dropped.get_token(), [&](const cryosr::UpscaleFrame&) {
                const double now = clock.nsecsElapsed() / 1e9;
                seconds.push_back(now - previous);
                previous = now;
                if (superseded())
                    dropped.request_stop();
            });
            if (seconds.size() < 2 || dropped.stop_requested())
                return StepTimes{};
            std::vector<double> later(seconds.begin() + 1, seconds.end());
            std::nth_element(later.begin(), later.begin() + later.size() / 2, later.end());
            const double typical = later[later.size() / 2];
            return StepTimes{seconds.front(), typical};
        };
        Calibration c;
        c.modelFile = modelFile;
        c.device = device;
        c.precision = precision;
        c.deviceDescription = QString::fromStdString(upscaler.deviceDescription());
        c.cost = upscaler.networkCost();
        c.scale = upscaler.model().scale;
        const double smallTeraflops = c.teraflopsPerStep({kSmallSide, kSmallSide}, 1);
        const double largeTeraflops = c.teraflopsPerStep({kLargeSide, kLargeSide}, 1);
        const StepTimes small = timeSteps(kSmallSide);
        const StepTimes large = dropped.stop_requested() ? StepTimes{} : timeSteps(kLargeSide);
        if (dropped.stop_requested())
            return; // nobody waits for this figure
        c.secondsPerTeraflop = std::max(0.0, (large.typical - small.typical) / (largeTeraflops - smallTeraflops));
        c.secondsPerStep = std::max(0.0, small.typical - c.secondsPerTeraflop * smallTeraflops);
        c.secondsSetupPerTeraflop = std::max(0.0, (large.first - large.typical) / largeTeraflops); // one pass at this size
        Q_EMIT calibrated(c);
    } catch (const std::exception& e) {
        if (!superseded())
            Q_EMIT calibrationFailed(modelFile, explain(e));
    }
}

void UpscaleWorker::run(const UpscaleJob& job)
{
    if (job.cancelGeneration < m_cancelGeneration.load()) { // cancelled while waiting in the queue
        Q_EMIT cancelled(job.id, 0);
        return;
    }
    const auto release = qScopeGuard(&cryosr::releaseFreedMemory); // as calibrate's
    std::stop_token stop;
    {
        const std::lock_guard lock(m_stopMutex);
        m_stop = std::stop_source();
        stop = m_stop.get_token();
    }
    try {
        if (!job.input)
            throw cryosr::ArgumentError("no region to upscale");
        const cryosr::Upscaler& upscaler = upscalerFor(job.modelFile, job.device, job.precision);
        const QString device = QString::fromStdString(upscaler.deviceDescription());
        Q_EMIT started(job.id, job.settings.sampler.steps, device);
        const auto method = upscaler.model().condition == cryosr::ConditionUpsampling::Fourier ? cryosr::ClassicalMethod::Fourier
                                                                                               : cryosr::ClassicalMethod::Bicubic;
        Q_EMIT baselineReady(
            job.id,
            std::make_shared<const cryosr::Image>(cryosr::upscaleClassically(*job.input, upscaler.model().scale, method)));
        QElapsedTimer clock;
        clock.start();
        const cryosr::UpscaleResult result = upscaler.upscale(
            *job.input, job.settings, stop,
            [&](const cryosr::UpscaleFrame& frame) {
                UpscaleStep step{job.id, frame.step, frame.total, clock.nsecsElapsed() / 1e9, nullptr, nullptr};
                if (frame.predicted)
                    step.predicted = std::make_shared<const cryosr::Image>(*frame.predicted);
                if (frame.state)
                    step.state = std::make_shared<const cryosr::Image>(*frame.state);
                Q_EMIT stepDone(step);
            },
            [&](const cryosr::TileProgress& p) { Q_EMIT tileProgress(job.id, p.step, p.total, p.tilesDone, p.tilesTotal); });
        if (result.cancelled) {
            Q_EMIT cancelled(job.id, result.stepsDone);
            return;
        }
        UpscaleOutcome outcome{job.id,
                               std::make_shared<const cryosr::Image>(result.mean),
                               nullptr,
                               result.stepsDone,
                               clock.nsecsElapsed() / 1e9,
                               device,
                               QString::fromStdString(upscaler.runLabel(job.settings, result))};
        if (!result.standardDeviation.isEmpty())
            outcome.standardDeviation = std::make_shared<const cryosr::Image>(result.standardDeviation);
        Q_EMIT finished(outcome);
    } catch (const std::bad_alloc&) { // copying a frame or the result, outside the engine
        Q_EMIT failed(job.id, explain(cryosr::OutOfMemoryError(false, {})));
    } catch (const std::exception& e) {
        Q_EMIT failed(job.id, explain(e));
    }
}

UpscaleEngine::UpscaleEngine(QObject* parent)
    : QObject(parent)
    , m_worker(new UpscaleWorker)
{
    m_thread.setObjectName("UpscaleEngine");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &UpscaleEngine::runRequested, m_worker, &UpscaleWorker::run, Qt::QueuedConnection);
    connect(this, &UpscaleEngine::describeRequested, m_worker, &UpscaleWorker::describeModels, Qt::QueuedConnection);
    connect(this, &UpscaleEngine::calibrateRequested, m_worker, &UpscaleWorker::calibrate, Qt::QueuedConnection);
    m_thread.start();
    // First thing in the thread, before LibTorch starts its CPU threads (which inherit it).
    QMetaObject::invokeMethod(m_worker, &yieldCoresToTheGui, Qt::QueuedConnection);
}

UpscaleEngine::~UpscaleEngine()
{
    m_worker->m_closing.request_stop(); // a speed measurement stops too (seconds of sampling on a busy CPU)
    cancel();
    m_thread.quit();
    m_thread.wait();
}

int UpscaleEngine::submit(UpscaleJob job)
{
    job.id = m_nextId++;
    job.cancelGeneration = m_worker->m_cancelGeneration.load();
    m_worker->m_calibrationForAJob = m_worker->m_latestCalibration.load(); // the job's estimate comes from it
    Q_EMIT runRequested(job);
    return job.id;
}

void UpscaleEngine::describeModels(const QStringList& files)
{
    Q_EMIT describeRequested(files);
}

void UpscaleEngine::calibrate(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision)
{
    Q_EMIT calibrateRequested(modelFile, device, precision, ++m_worker->m_latestCalibration);
}

void UpscaleEngine::cancel()
{
    ++m_worker->m_cancelGeneration;
    m_worker->stopRunningJob();
}
