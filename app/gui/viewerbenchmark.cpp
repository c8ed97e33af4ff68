#include "viewerbenchmark.h"

#include "mainwindow.h"
#include "micrographcontroller.h"
#include "micrographview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

/// Peak resident set size of this process in MiB (Linux), or -1 when unknown.
double peakResidentMiB()
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

} // namespace

int runViewerBenchmark(MainWindow& window, MicrographController& controller, const QString& file, int frames, bool wholeWindow,
                       const QElapsedTimer& sinceLaunch)
{
    MicrographView* view = window.imageView();
    window.show();
    for (int attempt = 0; attempt < 3; ++attempt) {
        QApplication::processEvents();
        window.resize(wholeWindow ? QSize(1280, 800) : window.size() + QSize(1280, 800) - view->size());
    }
    std::printf("view %dx%d window %dx%d\n", view->width(), view->height(), window.width(), window.height());
    if (!controller.openFile(file)) {
        std::fprintf(stderr, "cryosr: %s\n", qPrintable(controller.lastError()));
        return 2;
    }

    // Each zoom or pan is timed twice: until its first frame is on screen (tiles still loading show their
    // coarser level), and until a frame shows every tile it needs at the resolution it needs ("sharp").
    std::vector<double> times, sharp, paints;
    QObject::connect(view, &MicrographView::framePainted, view, [&](double ms) { paints.push_back(ms); });
    QElapsedTimer frameTimer;
    QRandomGenerator random(1);
    int step = -1;
    bool awaitingFirstFrame = false, nextQueued = false;
    auto next = [&] {
        nextQueued = false;
        ++step;
        if (step >= frames) {
            QApplication::exit(0);
            return;
        }
        frameTimer.start();
        awaitingFirstFrame = true;
        // Alternate zooming at a random point (1/8 … 8 × the fitted scale) with panning.
        const QPointF at(random.bounded(view->width()), random.bounded(view->height()));
        const double fitted =
            std::min(double(view->width()) / view->image().size.width(), double(view->height()) / view->image().size.height());
        if (step % 2 == 0) {
            const bool in = view->transform().scale() < 8 * fitted
                && (random.bounded(2) == 0 || view->transform().scale() < fitted);
            view->zoomAt(at, in ? 1.25 : 0.8);
        } else {
            view->setScaleAndCentre(view->transform().scale(), view->transform().toImage(QPointF(640, 400) + QPointF(30, -20)));
        }
    };
    bool first = true;
    const QMetaObject::Connection framing = QObject::connect(
        view, &MicrographView::frameSwapped, view,
        [&] {
            if (first) { // the image on screen (a huge one as its coarsest level)
                std::printf("first_frame_ms %.0f\n", double(sinceLaunch.elapsed()));
                first = false;
            }
            const double elapsed = frameTimer.nsecsElapsed() / 1e6;
            if (step >= 0 && awaitingFirstFrame)
                times.push_back(elapsed);
            awaitingFirstFrame = false;
            if (view->lastFrameWasSharp() && !nextQueued) { // the next change once this one is sharp
                if (step >= 0)
                    sharp.push_back(elapsed);
                nextQueued = true;
                QTimer::singleShot(0, view, next);
            }
        },
        Qt::DirectConnection); // timed at the swap, before tiles load between frames
    bool sharpOnce = false;
    QObject::connect(view, &MicrographView::fullyLoaded, view, [&] {
        if (!std::exchange(sharpOnce, true)) // the first view, every tile it shows loaded
            std::printf("first_view_sharp_ms %.0f\n", double(sinceLaunch.elapsed()));
    });
    const int status = QApplication::exec();
    QObject::disconnect(framing); // a later frame would otherwise end the spectrum's wait at once
    if (times.empty())
        return 2;

    std::sort(times.begin(), times.end());
    std::sort(sharp.begin(), sharp.end());
    std::sort(paints.begin(), paints.end());
    std::printf("paint_ms_median %.2f\n", paints[paints.size() / 2]);
    std::printf("frames %zu\nframe_ms_median %.2f\nframe_ms_p90 %.2f\nframe_ms_max %.2f\n", times.size(), times[times.size() / 2],
                times[times.size() * 9 / 10], times.back());
    std::printf("sharp_ms_median %.2f\nsharp_ms_p90 %.2f\nsharp_ms_max %.2f\npeak_rss_mib %.0f\n", sharp[sharp.size() / 2],
                sharp[sharp.size() * 9 / 10], sharp.back(), peakResidentMiB());
    // Then the power spectrum of the whole section and its CTF fit, as the spectrum page computes them (a
    // background job), from the request until shown: first while the Upscale panel may still be timing
    // the model (as at launch), then again.
    for (const char* key : {"spectrum_ms", "spectrum_again_ms"}) {
        QElapsedTimer spectrumTimer;
        QEventLoop waitForSpectrum;
        bool shown = false;
        const QMetaObject::Connection ended =
            QObject::connect(&controller, &MicrographController::spectrumEnded, &waitForSpectrum, [&](bool ok) {
                shown = ok;
                waitForSpectrum.quit();
            });
        spectrumTimer.start();
        if (!controller.showSpectrum(false))
            break;
        waitForSpectrum.exec();
        QObject::disconnect(ended);
        if (shown)
            std::printf("%s %.0f\npeak_rss_with_spectrum_mib %.0f\n", key, double(spectrumTimer.elapsed()), peakResidentMiB());
    }
    return status;
}
