#include "upscalecontroller.h"

#include "imageconversion.h"
#include "micrographcontroller.h"
#include "micrographview.h"
#include "regionsnap.h"
#include "upscaleview.h"

#include "io/errors.h"
#include "io/imagewriter.h"
#include "io/outputfile.h"
#ifdef CRYOSR_HAVE_GIF
#include "io/gifwriter.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <utility>

namespace {

QString speedKey(const QString& modelFile, const QString& device, const QString& precision)
{
    return modelFile + '|' + device + '|' + precision;
}

/// The panel's precision with "auto" resolved as the command line resolves it (automaticPrecision).
std::optional<cryosr::Precision> precisionOf(const UpscaleOptions& o)
{
    if (o.precision != "auto")
        return cryosr::precisionFromName(o.precision.toStdString());
    const auto device = cryosr::deviceChoiceFromName(o.device.toStdString());
    return device ? std::optional(cryosr::automaticPrecision(*device)) : std::nullopt;
}

QString speedKey(const UpscaleOptions& o)
{
    const auto precision = precisionOf(o);
    return speedKey(o.modelFile, o.device, precision ? QString::fromStdString(cryosr::precisionName(*precision)) : o.precision);
}

QString speedKey(const QString& modelFile, cryosr::DeviceChoice device, cryosr::Precision precision)
{
    return speedKey(modelFile, QString::fromStdString(cryosr::deviceChoiceName(device)),
                    QString::fromStdString(cryosr::precisionName(precision)));
}

/// Where the corrections of `key`'s measured speed are kept, one per number of samples ('/' and '|'
/// escaped: '/' nests settings).
QString correctionGroup(const QString& key)
{
    return "upscale/speedCorrection/" + QString::fromLatin1(key.toUtf8().toPercentEncoding());
}

/// What the GUI's last run with `key` and each number of samples took over what this machine's
/// measurement of that speed estimated for it, kept across sessions: the measurement times steps with
/// the GUI idle, and a run shares the cores with its own drawing (on two cores the measurement alone
/// predicted 0.6 of what a one-sample run took, 0.8 for four samples).
QMap<int, double> rememberedCorrections(const QString& key)
{
    QSettings settings;
    settings.beginGroup(correctionGroup(key));
    QMap<int, double> corrections;
    for (const QString& samples : settings.childKeys()) {
        const double correction = settings.value(samples).toDouble();
        if (samples.toInt() > 0 && std::isfinite(correction) && correction > 0)
            corrections.insert(samples.toInt(), correction);
    }
    return corrections;
}

/// `image` in 8-bit grey under `limits` (as the view shows it with the grey colormap).
std::vector<unsigned char> greyLevels(const cryosr::Image& image, const ContrastLimits& limits)
{
    std::vector<unsigned char> grey(image.pixelCount());
    const float scale = limits.high > limits.low ? 255.0f / (limits.high - limits.low) : 0.0f;
    for (std::size_t i = 0; i < grey.size(); ++i) {
        const float v = image.data()[i];
        grey[i] = std::isfinite(v) ? static_cast<unsigned char>(std::lround(std::clamp((v - limits.low) * scale, 0.0f, 255.0f)))
                                   : 0;
    }
    return grey;
}

/// NAME_sd.EXT beside NAME.EXT.
QString besideFile(const QString& file, const QString& suffix)
{
    const QFileInfo info(file);
    return info.dir().filePath(info.completeBaseName() + suffix + '.' + info.suffix());
}

/// A finished result as it is written, shared with the worker thread that writes it.
struct ResultFile {
    std::shared_ptr<const cryosr::Image> mean;
    std::shared_ptr<const cryosr::Image> standardDeviation; ///< null for one sample
    int scale = 2;
    QString sourceFile;
    QString runLabel; ///< a second header label: the run's settings
};

/// The timeline's frames as they are exported.
struct FrameFiles {
    std::vector<std::shared_ptr<const cryosr::Image>> images;
    bool state = false; ///< x_t rather than the x̂_0 estimates
    ContrastLimits limits; ///< of the baseline view, so every frame has the same grey levels
    int scale = 2;
    QString sourceFile;
    QString runLabel; ///< a second header label: the run's settings
};

/// `result` as NAME.EXT (MRC or TIFF, float32) and, with K > 1, its standard deviation as NAME_sd.EXT.
/// Runs on a worker thread.
void writeResult(const ResultFile& result, const QString& file)
{
    const auto format = cryosr::formatFromExtension(file.toStdString());
    const cryosr::Region region = result.mean->provenance.region; // of the input, in its pixels
    auto write = [&](const cryosr::Image& image, const QString& target, const QString& what) {
        const QString label = QString("CryoSR %1 x%2 of x %3 y %4 %5x%6 of %7")
                                  .arg(what)
                                  .arg(result.scale)
                                  .arg(region.x)
                                  .arg(region.y)
                                  .arg(region.width)
                                  .arg(region.height)
                                  .arg(QFileInfo(result.sourceFile).fileName());
        const cryosr::WriteSpec spec = cryosr::outputSpec(image.width(), image.height(), image.pixelSize, image.provenance,
                                                          {label.toStdString(), result.scale, result.runLabel.toStdString()});
        const auto writer = cryosr::createImageWriter(target.toStdString(), *format, spec);
        writer->writeSection(image);
        writer->commit();
    };
    write(*result.mean, file, "upscaled");
    if (result.standardDeviation)
        write(*result.standardDeviation, besideFile(file, "_sd"), "std dev");
}

/// The timeline's frames as NAME_001.png …, an animated GIF or an MRC stack, by the name's extension.
/// Runs on a worker thread; cancelled between frames (PNGs already written are removed).
void writeFrames(const FrameFiles& frames, const QString& file, JobControl& control)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    const auto total = double(frames.images.size());
    auto next = [&](std::size_t done) {
        if (control.isCancelled())
            throw cryosr::Cancelled();
        control.setProgress(double(done) / total);
    };
    if (suffix == "png") {
        QStringList written;
        try {
            for (std::size_t i = 0; i < frames.images.size(); ++i) {
                next(i);
                const cryosr::Image& frame = *frames.images[i];
                const QString target = besideFile(file, QString("_%1").arg(i + 1, 3, 10, QChar('0')));
                const std::vector<unsigned char> grey = greyLevels(frame, frames.limits);
                const QImage image(grey.data(), frame.width(), frame.height(), frame.width(), QImage::Format_Grayscale8);
                QSaveFile out(target);
                if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit())
                    throw cryosr::FileError(target.toStdString(), out.errorString().toStdString());
                written << target;
            }
        } catch (const cryosr::Cancelled&) {
            for (const QString& target : std::as_const(written))
                QFile::remove(target);
            throw;
        }
        return;
    }
#ifdef CRYOSR_HAVE_GIF
    if (suffix == "gif") {
        std::vector<std::vector<unsigned char>> grey;
        for (std::size_t i = 0; i < frames.images.size(); ++i) {
            next(i);
            grey.push_back(greyLevels(*frames.images[i], frames.limits));
        }
        cryosr::writeAnimatedGif(file.toStdString(), frames.images.front()->width(), frames.images.front()->height(), grey, 10);
        return;
    }
#endif
    const cryosr::Image& first = *frames.images.front();
    const QString label = QString("CryoSR reverse process, %1 per step, x%2 of %3")
                              .arg(frames.state ? "x_t" : "x0 estimate")
                              .arg(frames.scale)
                              .arg(QFileInfo(frames.sourceFile).fileName());
    const cryosr::WriteSpec spec = cryosr::outputSpec(first.width(), first.height(), first.pixelSize, first.provenance,
                                                      {label.toStdString(), frames.scale, frames.runLabel.toStdString()});
    const auto writer = cryosr::createImageWriter(file.toStdString(), *cryosr::formatFromExtension(file.toStdString()), spec);
    for (std::size_t i = 0; i < frames.images.size(); ++i) {
        next(i);
        writer->writeSection(*frames.images[i]);
    }
    writer->commit(); // written to a temporary name until here: a cancelled stack leaves nothing
}

bool sameFile(const QString& a, const QString& b)
{
    return cryosr::isSameFile(a.toStdString(), b.toStdString());
}

} // namespace

UpscaleController::UpscaleController(UpscaleViews views, MicrographController* micrographs, QObject* parent)
    : QObject(parent)
    , m_views(std::move(views))
    , m_micrographs(micrographs)
{
    connectWorker();
    connectViews();
    refreshModels();
}

UpscaleController::~UpscaleController() = default;

QString UpscaleController::userModelFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/models";
}

void UpscaleController::refreshModels()
{
    // The first is what a newcomer starts with. The denoise model missed its goals (docs/models.md: it
    // does not beat the oracle Wiener filter by 1 dB), so the faithful default model comes first.
    QStringList files{"default", "denoise"};
    const QDir folder(userModelFolder());
    for (const QFileInfo& file : folder.entryInfoList({"*.cryosr"}, QDir::Files, QDir::Name))
        files << file.absoluteFilePath();
    m_engine.describeModels(files);
}

void UpscaleController::connectWorker()
{
    UpscaleWorker* worker = m_engine.worker();
    connect(worker, &UpscaleWorker::modelsDescribed, this, &UpscaleController::showModels);
    connect(worker, &UpscaleWorker::calibrated, this, [this](const Calibration& c) {
        const QString key = speedKey(c.modelFile, c.device, c.precision);
        m_speeds.insert(key, c);
        if (key == m_speedKey) // the user may have chosen something else meanwhile
            showSpeed(c);
    });
    connect(worker, &UpscaleWorker::calibrationFailed, this, [this](const QString& modelFile, const QString& message) {
        if (m_speedKey.startsWith(modelFile + '|'))
            m_views.panel->setEstimator({}, tr("No estimate: %1").arg(message));
    });
    connect(worker, &UpscaleWorker::started, this, &UpscaleController::onStarted);
    connect(worker, &UpscaleWorker::baselineReady, this, [this](int id, const std::shared_ptr<const cryosr::Image>& baseline) {
        if (id == m_running)
            m_views.page->setBaseline(sharedView(baseline));
    });
    connect(worker, &UpscaleWorker::stepDone, this, &UpscaleController::onStep);
    connect(worker, &UpscaleWorker::tileProgress, this, &UpscaleController::onTileProgress);
    connect(worker, &UpscaleWorker::finished, this, &UpscaleController::onFinished);
    connect(worker, &UpscaleWorker::cancelled, this, [this](int id, int steps) {
        onEnded(id, steps > 0 ? tr("Cancelled after %n step(s).", nullptr, steps) : tr("Cancelled."), false);
    });
    connect(worker, &UpscaleWorker::failed, this, [this](int id, const QString& message) {
        onEnded(id, message, false);
        fail(message);
    });
}

void UpscaleController::connectViews()
{
    UpscalePanel* panel = m_views.panel;
    connect(panel, &UpscalePanel::upscaleRequested, this, [this, panel] { upscale(panel->region(), panel->options()); });
    connect(panel, &UpscalePanel::cancelRequested, this, &UpscaleController::cancel);
    connect(panel, &UpscalePanel::engineChoiceChanged, this, &UpscaleController::measureSpeed);

    showProgressIn(m_views.progress, &m_exportJob);
    connect(&m_exportJob, &BackgroundJob::finished, this, [this] {
        m_views.panel->showStatus(tr("Exported %1.").arg(m_exporting));
        Q_EMIT exportEnded(m_exporting, true);
    });
    connect(&m_exportJob, &BackgroundJob::failed, this, [this](const QString&, const QString& message) {
        fail(message);
        Q_EMIT exportEnded(m_exporting, false);
    });
    connect(&m_exportJob, &BackgroundJob::cancelled, this, [this] {
        m_lastError = tr("The export of %1 was cancelled.").arg(m_exporting);
        m_views.panel->showStatus(m_lastError);
        Q_EMIT exportEnded(m_exporting, false);
    });
    showProgressIn(m_views.progress, &m_saveJob);
    auto saved = [this](bool succeeded, const QString& message) {
        const int id = std::exchange(m_saving, {}).id;
        onEnded(id, message, succeeded);
    };
    connect(&m_saveJob, &BackgroundJob::failed, this, [this, saved](const QString&, const QString& message) {
        saved(false, message);
        fail(message);
    });
    connect(&m_saveJob, &BackgroundJob::cancelled, this,
            [saved] { saved(false, tr("Cancelled: the whole result was not saved.")); });
    connect(m_micrographs, &MicrographController::backgroundOpenEnded, this, [this, saved](const QString& file, bool opened) {
        if (m_saving.id != 0 && file == m_saving.file)
            saved(opened, opened ? m_saving.message : m_micrographs->lastError());
    });
}

void UpscaleController::showModels(const QList<ModelCard>& cards, const QStringList& gpus, bool cpuBFloat16)
{
    m_cards.clear();
    QList<ModelEntry> entries;
    for (const ModelCard& card : cards) {
        m_cards.insert(card.file, card);
        entries.append({card.name, card.file, card.summary, card.usable, card.description, card.defaultConsistency});
    }
    UpscalePanel* panel = m_views.panel;
    panel->setDevices(gpus, cpuBFloat16);
    panel->setModels(entries); // engineChoiceChanged → measureSpeed
    Q_EMIT modelsListed();
}

void UpscaleController::measureSpeed()
{
    UpscalePanel* panel = m_views.panel;
    const UpscaleOptions options = panel->options();
    const ModelCard card = m_cards.value(options.modelFile);
    if (!card.usable) {
        panel->setEstimator({}, QString());
        return;
    }
    panel->setRegionRules(inputMultiple(card.sizeMultiple, card.scale), card.scale);
    if (speedKey(options) == m_speedKey)
        return;
    m_speedKey = speedKey(options);
    if (m_speeds.contains(m_speedKey)) { // measured before
        showSpeed(m_speeds[m_speedKey]);
        return;
    }
    panel->setEstimator({}, tr("Measuring this device's speed…"));
    m_engine.calibrate(options.modelFile, *cryosr::deviceChoiceFromName(options.device.toStdString()), *precisionOf(options));
}

bool UpscaleController::upscale(const QRect& region, const UpscaleOptions& options)
{
    return submit(region, options, false);
}

bool UpscaleController::upscaleWholeMicrograph(const UpscaleOptions& options)
{
    const std::shared_ptr<const cryosr::Image> section = m_micrographs->currentSection();
    if (!section)
        return fail(tr("Open a micrograph first."));
    return submit(QRect(0, 0, section->width(), section->height()), options, true);
}

QString UpscaleController::resultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/upscaled";
}

bool UpscaleController::submit(const QRect& region, const UpscaleOptions& chosen, bool whole)
{
    const UpscaleOptions options = chosen.forRun();
    const std::shared_ptr<const cryosr::Image> section = m_micrographs->currentSection();
    if (!section)
        return fail(tr("Open a micrograph first."));
    const ModelCard card = m_cards.value(options.modelFile);
    if (!card.usable)
        return fail(
            tr("Choose a usable model in the Upscale panel (%1).").arg(card.summary.isEmpty() ? tr("none found") : card.summary));
    const QRect snapped =
        snapRegion(region, inputMultiple(card.sizeMultiple, card.scale), QSize(section->width(), section->height()));
    if (snapped.isEmpty())
        return fail(tr("Choose a region first: Shift+drag on the image, or type it in the Upscale panel."));
    const auto sampler = cryosr::samplerKindFromName(options.sampler.toStdString());
    const auto device = cryosr::deviceChoiceFromName(options.device.toStdString());
    const auto precision = precisionOf(options);
    if (!sampler || !device || !precision)
        return fail(tr("Unknown sampler, device or precision."));

    UpscaleJob job;
    job.modelFile = card.file;
    job.device = *device;
    job.precision = *precision;
    const quint32 seed = options.randomSeed ? QRandomGenerator::global()->bounded(1u << 31) : options.seed;
    job.settings.sampler = {*sampler, options.steps, options.eta, seed, true};
    job.settings.samples = options.samples;
    job.settings.consistency = options.consistency == "model" ? std::nullopt
                                                              : cryosr::consistencyFromName(options.consistency.toStdString());
    // A whole micrograph's frames would be gigabytes: its progress is shown tile by tile instead.
    job.settings.frames = whole ? cryosr::FrameContent::None : cryosr::FrameContent::Both;
    job.input =
        std::make_shared<const cryosr::Image>(crop(*section, {snapped.x(), snapped.y(), snapped.width(), snapped.height()}));

    JobInfo info;
    info.speedKey = speedKey(options);
    info.steps = options.steps;
    info.region = snapped.size();
    info.samples = options.samples;
    info.scale = card.scale;
    info.outputPixelSize = section->pixelSize.x ? *section->pixelSize.x / card.scale : 0.0;
    info.sourceFile = m_micrographs->currentFile();
    info.title = tr("%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample(s), seed %8", nullptr, options.samples)
                     .arg(QFileInfo(info.sourceFile).fileName())
                     .arg(snapped.x())
                     .arg(snapped.y())
                     .arg(snapped.width())
                     .arg(snapped.height())
                     .arg(options.sampler.toUpper())
                     .arg(options.steps)
                     .arg(seed);
    info.whole = whole;
    try {
        const cryosr::TileLayout layout =
            cryosr::tileLayoutFor(snapped.width() * card.scale, snapped.height() * card.scale, job.settings);
        if (!layout.isSingle()) {
            for (const cryosr::TileRect& t : layout.tiles)
                info.tiles.append(QRectF(snapped.x() + double(t.x) / card.scale, snapped.y() + double(t.y) / card.scale,
                                         double(t.width) / card.scale, double(t.height) / card.scale));
        }
    } catch (const std::exception& e) {
        return fail(QString::fromStdString(e.what()));
    }
    const int id = m_engine.submit(job);
    m_jobs.insert(id, info);
    m_waiting.append(id);
    showQueue();
    if (!m_running) // the page answers the click; a queued region waits behind the one shown
        m_views.reveal(whole ? static_cast<QWidget*>(m_views.image) : m_views.page);
    m_lastError.clear();
    return true;
}

void UpscaleController::cancel()
{
    m_engine.cancel();
}

void UpscaleController::showQueue()
{
    const int waiting = int(m_waiting.size());
    m_views.panel->setRunning(isRunning(), waiting);
}

void UpscaleController::onStarted(int id, int totalSteps, const QString& device)
{
    m_waiting.removeAll(id);
    m_running = id;
    m_frames.clear();
    JobInfo& info = m_jobs[id];
    if (m_speeds.contains(info.speedKey)) { // measured before this job, in queue order
        const Calibration speed =
            m_speeds[info.speedKey].slowedBy(correctionFor(rememberedCorrections(info.speedKey), info.samples));
        info.estimate = speed.seconds(info.region, info.steps, info.samples);
        info.expectedStepSeconds = speed.seconds(info.region, 2, info.samples) - speed.seconds(info.region, 1, info.samples);
    }
    m_views.page->beginRun(totalSteps, info.outputPixelSize, info.title + " · " + device);
    showQueue();
    m_views.panel->showProgress(0, totalSteps, 0.0, 0.0);
}

void UpscaleController::onStep(const UpscaleStep& step)
{
    if (step.id != m_running)
        return;
    if (step.predicted || step.state) {
        m_frames.push_back(step);
        m_views.page->addFrame({sharedView(step.predicted), sharedView(step.state)});
    }
    JobInfo& info = m_jobs[step.id];
    if (step.step == 1)
        info.firstStepSeconds = step.seconds;
    const StepPace pace = paceOf(step.step, step.total, step.seconds, info.firstStepSeconds, info.expectedStepSeconds);
    m_views.panel->showProgress(step.step, step.total, pace.stepsPerSecond, pace.secondsLeft);
}

void UpscaleController::onTileProgress(int id, int step, int totalSteps, int tilesDone, int tilesTotal)
{
    const JobInfo& info = m_jobs.value(id);
    if (id != m_running || info.tiles.isEmpty())
        return;
    const int tiles = int(info.tiles.size()), samples = std::max(1, tilesTotal / tiles);
    const int sample = (tilesDone - 1) / tiles; // 0-based, the sample under way
    QString caption = tr("Step %1 of %2 · tile %3 of %4").arg(step).arg(totalSteps).arg(tilesDone - sample * tiles).arg(tiles);
    if (samples > 1)
        caption += tr(" · sample %1 of %2").arg(sample + 1).arg(samples);
    m_views.image->setTileProgress(info.tiles, tilesDone - sample * tiles, caption);
}

void UpscaleController::saveWholeResult(const UpscaleOutcome& outcome, const QString& finishedMessage)
{
    const QFileInfo source(m_resultInfo.sourceFile);
    QDir().mkpath(resultFolder());
    QString file = QDir(resultFolder()).filePath(QString("%1_x%2.mrc").arg(source.completeBaseName()).arg(m_resultInfo.scale));
    for (int n = 2; QFileInfo::exists(file); ++n)
        file =
            QDir(resultFolder()).filePath(QString("%1_x%2-%3.mrc").arg(source.completeBaseName()).arg(m_resultInfo.scale).arg(n));
    m_saving = {outcome.id, file,
                tr("Whole micrograph upscaled in %1 s on %2; saved as %3 and opened.")
                    .arg(outcome.seconds, 0, 'f', 1)
                    .arg(outcome.device, file)};
    m_views.panel->showStatus(finishedMessage + ' ' + tr("Saving it as %1…").arg(file));
    const ResultFile result{m_mean, m_standardDeviation, m_resultInfo.scale, m_resultInfo.sourceFile, m_resultInfo.runLabel};
    m_saveJob.start(tr("Saving %1").arg(QFileInfo(file).fileName()), [this, result, file](JobControl&) {
        writeResult(result, file);
        return [this, file] {
            m_lastWholeResult = file;
            m_micrographs->openInBackground(file); // backgroundOpenEnded ends the job
        };
    });
}

void UpscaleController::onFinished(const UpscaleOutcome& outcome)
{
    m_mean = outcome.mean;
    m_standardDeviation = outcome.standardDeviation;
    m_resultInfo = m_jobs.value(outcome.id);
    m_resultInfo.runLabel = outcome.runLabel;
    m_lastRunTime = {outcome.seconds, m_resultInfo.estimate};
    learnFromRun(m_resultInfo, outcome);
    m_views.page->setResult(sharedView(outcome.mean), sharedView(outcome.standardDeviation));
    QString message =
        tr("Finished: %n step(s) in %1 s on %2.", nullptr, outcome.steps).arg(outcome.seconds, 0, 'f', 1).arg(outcome.device);
    if (m_resultInfo.whole)
        saveWholeResult(outcome, message); // then opened: the job ends when it shows
    else
        onEnded(outcome.id, message, true);
}

void UpscaleController::learnFromRun(const JobInfo& info, const UpscaleOutcome& outcome)
{
    // The calibration times a few steps with the GUI idle; a real run also shows every frame (a lot with
    // software OpenGL), and large runs use the memory differently. What the run just finished took over
    // what the measurement alone estimated for it scales every part of later estimates with as many
    // samples (and, until they have their own, with the nearest number), in this session and the next:
    // the same run again is estimated as it went, and others in proportion. A whole micrograph draws no
    // frames and spends much of its time on the whole image, so it would mislead the regions' estimates.
    // A run disturbed beyond reason (a suspended laptop) is kept within a factor of 5.
    const auto speed = m_speeds.constFind(info.speedKey);
    if (info.whole || speed == m_speeds.constEnd() || outcome.steps <= 0 || info.steps <= 0)
        return;
    const double measured = speed->seconds(info.region, outcome.steps, info.samples);
    if (measured <= 0 || outcome.seconds <= 0)
        return;
    QSettings().setValue(correctionGroup(info.speedKey) + '/' + QString::number(info.samples),
                         std::clamp(outcome.seconds / measured, 0.2, 5.0));
    if (info.speedKey == m_speedKey)
        showSpeed(*speed);
}

void UpscaleController::showSpeed(const Calibration& speed)
{
    const QMap<int, double> corrections = rememberedCorrections(speedKey(speed.modelFile, speed.device, speed.precision));
    m_views.panel->setEstimator(
        [speed, corrections](QSize region, int steps, int samples) {
            return speed.slowedBy(correctionFor(corrections, samples)).seconds(region, steps, samples);
        },
        speed.deviceDescription);
}

void UpscaleController::onEnded(int id, const QString& message, bool succeeded)
{
    if (!m_jobs.value(id).tiles.isEmpty())
        m_views.image->setTileProgress({}, 0, QString());
    m_jobs.remove(id);
    m_waiting.removeAll(id);
    if (m_running == id)
        m_running = 0;
    showQueue();
    m_views.panel->showStatus(message);
    Q_EMIT jobEnded(succeeded);
}

bool UpscaleController::fail(const QString& message)
{
    m_lastError = message;
    m_views.panel->showStatus(message);
    if (m_interactive)
        m_views.showError(tr("Upscale"), message);
    return false;
}

bool UpscaleController::exportResult(const QString& file)
{
    if (!m_mean)
        return fail(tr("Nothing to export yet: upscale a region first."));
    if (sameFile(file, m_resultInfo.sourceFile) || sameFile(file, m_micrographs->currentFile()))
        return fail(tr("%1 is an open micrograph; CryoSR never overwrites its input. Choose another name.").arg(file));
    const QString title = tr("Exporting %1").arg(QFileInfo(file).fileName());
    if (QFileInfo(file).suffix().toLower() == "png") {
        const QImage shown = m_views.page->resultView()->renderedImage(true); // drawn here, written there
        return startExport(file, title, [shown, file](JobControl&) {
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly) || !shown.save(&out, "PNG") || !out.commit())
                throw cryosr::FileError(file.toStdString(), out.errorString().toStdString());
        });
    }
    if (!cryosr::formatFromExtension(file.toStdString()))
        return fail(tr("Cannot tell the format from the name %1: use .mrc, .tif or .png").arg(file));
    const ResultFile result{m_mean, m_standardDeviation, m_resultInfo.scale, m_resultInfo.sourceFile, m_resultInfo.runLabel};
    return startExport(file, title, [result, file](JobControl&) { writeResult(result, file); });
}

bool UpscaleController::exportFrames(const QString& file)
{
    if (m_frames.empty())
        return fail(tr("No frames to export yet: upscale a region first."));
    if (sameFile(file, m_micrographs->currentFile()))
        return fail(tr("%1 is the open micrograph; CryoSR never overwrites its input").arg(file));
    FrameFiles frames;
    frames.state = m_views.page->content() == UpscaleView::Content::State;
    for (const UpscaleStep& step : m_frames)
        frames.images.push_back(frames.state ? step.state : step.predicted);
    frames.limits = m_views.page->baselineView()->contrast();
    frames.scale = m_resultInfo.scale;
    frames.sourceFile = m_resultInfo.sourceFile;
    frames.runLabel = m_resultInfo.runLabel;
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != "png" && suffix != "gif" && !cryosr::formatFromExtension(file.toStdString()))
        return fail(tr("Cannot tell the format from the name %1: use .mrcs, .gif or .png").arg(file));
#ifndef CRYOSR_HAVE_GIF
    if (suffix == "gif")
        return fail(tr("This build of CryoSR has no GIF support (giflib): export an MRC stack or PNGs"));
#endif
    return startExport(file, tr("Exporting %n frame(s)", nullptr, int(frames.images.size())),
                       [frames, file](JobControl& control) { writeFrames(frames, file, control); });
}

bool UpscaleController::startExport(const QString& file, const QString& title, std::function<void(JobControl&)> write)
{
    const bool started = m_exportJob.start(title, [write = std::move(write)](JobControl& control) {
        write(control);
        return BackgroundJob::Delivery();
    });
    if (!started) // one export at a time
        return fail(tr("%1 is still under way: wait for it, or cancel it in the status bar.").arg(m_exportJob.title()));
    m_exporting = file;
    m_lastError.clear();
    return true;
}
