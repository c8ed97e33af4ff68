// The GUI's helper for slow work (app/gui/backgroundjob.h): the work runs off the GUI thread and its
// delivery on it; errors, cancellation and one job at a time; destruction mid-job.

#include "backgroundjob.h"
#include "jobprogress.h"
#include "lazyprogressbar.h"

#include "io/errors.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <atomic>

namespace {

constexpr int kTimeout = 10000;

} // namespace

class TestBackgroundJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workRunsElsewhereAndDeliversOnTheGuiThread();
    void errorsBecomeMessages();
    void cancelStopsTheWorkAndDropsTheDelivery();
    void oneJobAtATime();
    void destroyingAJobWaitsForItsWork();
    void progressIsShownWithCancel();
};

void TestBackgroundJob::workRunsElsewhereAndDeliversOnTheGuiThread()
{
    BackgroundJob job;
    QSignalSpy started(&job, &BackgroundJob::started), finished(&job, &BackgroundJob::finished),
        progress(&job, &BackgroundJob::progress), ended(&job, &BackgroundJob::ended);
    QThread* workThread = nullptr;
    QThread* deliveryThread = nullptr;
    int answer = 0;
    QVERIFY(job.start("Answer", [&](JobControl& control) {
        workThread = QThread::currentThread();
        control.setProgress(0.5);
        control.setProgress(0.5); // unchanged: not reported again
        control.setProgress(1.0);
        const int computed = 42;
        return [&, computed] {
            deliveryThread = QThread::currentThread();
            answer = computed;
        };
    }));
    QCOMPARE(started.size(), 1);
    QVERIFY(job.isRunning());
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(answer, 42);
    QVERIFY(workThread != QThread::currentThread());
    QCOMPARE(deliveryThread, QThread::currentThread());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), QString("Answer"));
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(0).at(0).toInt(), 50);
    QCOMPARE(progress.at(1).at(0).toInt(), 100);
    QVERIFY(!job.isRunning());
}

void TestBackgroundJob::errorsBecomeMessages()
{
    BackgroundJob job;
    QSignalSpy failed(&job, &BackgroundJob::failed), finished(&job, &BackgroundJob::finished), ended(&job, &BackgroundJob::ended);
    bool delivered = false;
    QVERIFY(job.start("Read", [&](JobControl&) -> BackgroundJob::Delivery {
        throw cryosr::FormatError("mic.mrc", "file ends after 1,024 of 4,096 bytes");
    }));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QString("Read"));
    QVERIFY(failed.first().at(1).toString().contains("file ends after 1,024 of 4,096 bytes"));
    QVERIFY(finished.isEmpty());
    // Memory running out is said as such; a delivery that throws fails the job too.
    failed.clear();
    QVERIFY(job.start("Big", [](JobControl&) -> BackgroundJob::Delivery { throw std::bad_alloc(); }));
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(failed.first().at(1).toString(), QString("Not enough memory"));
    failed.clear();
    QVERIFY(job.start("Show", [&](JobControl&) {
        return [&]() {
            delivered = true;
            throw cryosr::ArgumentError("the region is outside the image");
        };
    }));
    QVERIFY(ended.wait(kTimeout));
    QVERIFY(delivered);
    QCOMPARE(failed.first().at(1).toString(), QString("the region is outside the image"));
}

void TestBackgroundJob::cancelStopsTheWorkAndDropsTheDelivery()
{
    BackgroundJob job;
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled), finished(&job, &BackgroundJob::finished),
        ended(&job, &BackgroundJob::ended);
    std::atomic_bool looping{false};
    bool delivered = false;
    // Work that checks isCancelled() and throws Cancelled, as the power spectrum does.
    QVERIFY(job.start("Spectrum", [&](JobControl& control) -> BackgroundJob::Delivery {
        looping = true;
        while (!control.isCancelled())
            QThread::msleep(1);
        throw cryosr::Cancelled();
    }));
    QTRY_VERIFY_WITH_TIMEOUT(looping.load(), kTimeout);
    job.cancel();
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(finished.isEmpty());

    // Work done before the cancel: what it would show is dropped (a stale spectrum is not shown).
    cancelled.clear();
    std::atomic_bool done{false};
    QVERIFY(job.start("Quick", [&](JobControl&) {
        done = true;
        return [&] { delivered = true; };
    }));
    while (!done) // the work has returned; its delivery waits for this thread's event loop
        QThread::msleep(1);
    job.cancel();
    QVERIFY(ended.wait(kTimeout));
    QVERIFY(!delivered);
    QCOMPARE(cancelled.size(), 1);
}

void TestBackgroundJob::oneJobAtATime()
{
    BackgroundJob job;
    QSignalSpy ended(&job, &BackgroundJob::ended);
    std::atomic_bool release{false};
    QVERIFY(job.start("First", [&](JobControl&) {
        while (!release)
            QThread::msleep(1);
        return BackgroundJob::Delivery();
    }));
    QVERIFY(!job.start("Second", [](JobControl&) { return BackgroundJob::Delivery(); }));
    QCOMPARE(job.title(), QString("First"));
    release = true;
    QVERIFY(ended.wait(kTimeout));
    // A delivery may start the next step at once (save, then open).
    bool second = false;
    QVERIFY(job.start("Save", [&](JobControl&) {
        return [&] { QVERIFY(job.start("Open", [&](JobControl&) { return [&] { second = true; }; })); };
    }));
    QTRY_VERIFY_WITH_TIMEOUT(second, kTimeout);
}

void TestBackgroundJob::destroyingAJobWaitsForItsWork()
{
    std::atomic_bool stopped{false};
    bool delivered = false;
    {
        BackgroundJob job;
        QVERIFY(job.start("Long", [&](JobControl& control) {
            while (!control.isCancelled())
                QThread::msleep(1);
            stopped = true;
            return [&] { delivered = true; };
        }));
    } // cancels and joins: no thread outlives the job, no delivery reaches a destroyed owner
    QVERIFY(stopped);
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
}

void TestBackgroundJob::progressIsShownWithCancel()
{
    JobProgress view;
    view.show();
    BackgroundJob job;
    showProgressIn(&view, &job);
    QSignalSpy ended(&job, &BackgroundJob::ended), cancelled(&job, &BackgroundJob::cancelled);
    QVERIFY(job.start("Exporting 50 frames", [&](JobControl& control) -> BackgroundJob::Delivery {
        control.setProgress(0.5);
        while (!control.isCancelled())
            QThread::msleep(1);
        throw cryosr::Cancelled();
    }));
    QVERIFY(view.isVisible());
    QCOMPARE(view.shownTitle(), QString("Exporting 50 frames"));
    auto* bar = view.findChild<LazyProgressBar*>("jobProgressBar");
    QVERIFY(bar);
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 50, kTimeout);
    QTest::mouseClick(view.findChild<QToolButton*>("jobCancelButton"), Qt::LeftButton);
    QVERIFY(ended.wait(kTimeout));
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(view.isHidden());
    QVERIFY(view.shownTitle().isEmpty());
}

QTEST_MAIN(TestBackgroundJob)
#include "tst_backgroundjob.moc"
