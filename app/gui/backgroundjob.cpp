#include "backgroundjob.h"

#include "jobprogress.h"

#include "io/errors.h"

#include <QMetaObject>
#include <algorithm>
#include <cmath>
#include <new>
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

void yieldCoresToTheGui()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

void JobControl::setProgress(double fraction)
{
    const int percent = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 100));
    const auto now = std::chrono::steady_clock::now();
    const bool first = m_percent.load() < 0;
    if (percent == m_percent.load() || (!first && percent < 100 && now - m_lastReport < std::chrono::milliseconds(250)))
        return;
    m_percent = percent;
    m_lastReport = now;
    BackgroundJob* job = m_job;
    QMetaObject::invokeMethod(
        job, [job, percent] { Q_EMIT job->progress(percent); }, Qt::QueuedConnection);
}

BackgroundJob::BackgroundJob(QObject* parent)
    : QObject(parent)
{
}

BackgroundJob::~BackgroundJob()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

bool BackgroundJob::start(const QString& title, Work work)
{
    if (isRunning())
        return false;
    if (m_thread.joinable()) // the last job's thread, already past its work
        m_thread.join();
    m_control.reset(new JobControl(this));
    m_title = title;
    Q_EMIT started(title);
    m_thread = std::thread([this, control = m_control.get(), work = std::move(work)] {
        yieldCoresToTheGui(); // before the work starts LibTorch's threads
        Delivery delivery;
        QString error;
        bool wasCancelled = false;
        try {
            delivery = work(*control);
        } catch (const cryosr::Cancelled&) {
            wasCancelled = true;
        } catch (const std::bad_alloc&) {
            error = tr("Not enough memory");
        } catch (const std::exception& e) { // cryosr::Error and LibTorch's c10::Error: complete messages
            error = QString::fromStdString(e.what());
        }
        wasCancelled = wasCancelled || control->isCancelled();
        QMetaObject::invokeMethod(
            this, [this, delivery, error, wasCancelled] { end(delivery, error, wasCancelled); }, Qt::QueuedConnection);
    });
    return true;
}

void BackgroundJob::cancel()
{
    if (m_control)
        m_control->m_cancelled = true;
}

void BackgroundJob::end(const Delivery& delivery, const QString& error, bool wasCancelled)
{
    m_thread.join();
    // cancel() came after the work was done: what it would show is dropped (what it wrote stays written).
    wasCancelled = wasCancelled || (m_control->isCancelled() && delivery);
    m_control.reset();
    const QString title = m_title;
    if (wasCancelled) {
        Q_EMIT cancelled(title);
    } else if (!error.isEmpty()) {
        Q_EMIT failed(title, error);
    } else {
        try {
            if (delivery)
                delivery();
            Q_EMIT finished(title);
        } catch (const std::exception& e) {
            Q_EMIT failed(title, QString::fromStdString(e.what()));
        }
    }
    Q_EMIT ended();
}

void showProgressIn(JobProgress* view, BackgroundJob* job)
{
    QObject::connect(job, &BackgroundJob::started, view, [view, job](const QString& title) { view->begin(job, title); });
    QObject::connect(job, &BackgroundJob::progress, view, [view, job](int percent) { view->setPercent(job, percent); });
    QObject::connect(job, &BackgroundJob::ended, view, [view, job] {
        if (!job->isRunning()) // a delivery may have started the next step already
            view->end(job);
    });
    QObject::connect(view, &JobProgress::cancelRequested, job, [job](QObject* which) {
        if (which == job)
            job->cancel();
    });
}
