#include "upscaleworker.h"

#include "io/errors.h"

#include <QElapsedTimer>
#include <exception>
#include <new>

namespace {

/// The engine's message, with what to do when the device ran out of memory.
QString explain(const std::exception& e)
{
    QString message = QString::fromStdString(e.what()).section('\n', 0, 0); // LibTorch appends a C++ trace
    if (message.contains("out of memory", Qt::CaseInsensitive))
        message += QObject::tr(" — choose a smaller region, fewer samples, or bf16 precision.");
    return message;
}

} // namespace

void UpscaleWorker::stopRunningJob()
{
    const std::lock_guard lock(m_stopMutex);
    m_stop.request_stop();
}

const cryosr::Upscaler& UpscaleWorker::upscalerFor(const UpscaleJob& job)
{
    if (!m_upscaler || m_loadedModel != job.modelFile || m_loadedDevice != job.device || m_loadedPrecision != job.precision) {
        m_upscaler.reset(); // free the old model's memory before loading the next
        m_upscaler = std::make_unique<cryosr::Upscaler>(job.modelFile.toStdString(), job.device, job.precision);
        m_loadedModel = job.modelFile;
        m_loadedDevice = job.device;
        m_loadedPrecision = job.precision;
    }
    return *m_upscaler;
}

void UpscaleWorker::run(const UpscaleJob& job)
{
    if (job.cancelGeneration < m_cancelGeneration.load()) { // cancelled while waiting in the queue
        Q_EMIT cancelled(job.id, 0);
        return;
    }
    std::stop_token stop;
    {
        const std::lock_guard lock(m_stopMutex);
        m_stop = std::stop_source();
        stop = m_stop.get_token();
    }
    try {
        if (!job.input)
            throw cryosr::ArgumentError("no region to upscale");
        const cryosr::Upscaler& upscaler = upscalerFor(job);
        const QString device = QString::fromStdString(upscaler.deviceDescription());
        Q_EMIT started(job.id, job.settings.sampler.steps, device);
        QElapsedTimer clock;
        clock.start();
        const cryosr::UpscaleResult result =
            upscaler.upscale(*job.input, job.settings, stop, [&](const cryosr::UpscaleFrame& frame) {
                UpscaleStep step{job.id, frame.step, frame.total, clock.nsecsElapsed() / 1e9, nullptr, nullptr};
                if (frame.predicted)
                    step.predicted = std::make_shared<const cryosr::Image>(*frame.predicted);
                if (frame.state)
                    step.state = std::make_shared<const cryosr::Image>(*frame.state);
                Q_EMIT stepDone(step);
            });
        if (result.cancelled) {
            Q_EMIT cancelled(job.id, result.stepsDone);
            return;
        }
        UpscaleOutcome outcome{job.id, std::make_shared<const cryosr::Image>(result.mean), nullptr, result.stepsDone,
                               clock.nsecsElapsed() / 1e9, device};
        if (!result.standardDeviation.isEmpty())
            outcome.standardDeviation = std::make_shared<const cryosr::Image>(result.standardDeviation);
        Q_EMIT finished(outcome);
    } catch (const std::bad_alloc&) {
        Q_EMIT failed(job.id, tr("Not enough memory — choose a smaller region or fewer samples."));
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
    m_thread.start();
}

UpscaleEngine::~UpscaleEngine()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

int UpscaleEngine::submit(UpscaleJob job)
{
    job.id = m_nextId++;
    job.cancelGeneration = m_worker->m_cancelGeneration.load();
    Q_EMIT runRequested(job);
    return job.id;
}

void UpscaleEngine::cancel()
{
    ++m_worker->m_cancelGeneration;
    m_worker->stopRunningJob();
}
