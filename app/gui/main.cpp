// cryosr: the desktop application. Everything lives in cryosr_app; this only parses the command line.

#include "mainwindow.h"
#include "micrographcontroller.h"
#include "micrographview.h"
#include "viewerbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScreen>
#include <QTimer>
#include <cstdio>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "cryosr: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("CryoSR");
    QApplication::setApplicationName("CryoSR");
    QApplication::setApplicationVersion(CRYOSR_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Viewer and diffusion upscaler for cryo-EM micrographs");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("files", "MRC, MRCS, TIFF, PNG or JPEG files to open (default: the bundled sample)",
                                 "[files...]");
    const QCommandLineOption screenshot("screenshot", "Render the window with the first file loaded to OUT.png and exit.",
                                        "OUT.png");
    const QCommandLineOption view("view", "With --screenshot: show the image or its power spectrum.", "image|fft", "image");
    const QCommandLineOption zoom("zoom", "With --screenshot: fit the image to the window or show it 1:1 (centred).",
                                  "fit|1", "fit");
    const QCommandLineOption benchmark("benchmark-frames",
                                       "Developers: time the first frame and N zoom/pan frames, print them and exit.", "N");
    const QCommandLineOption benchmarkWindow("benchmark-window",
                                             "Developers: with --benchmark-frames, make the window (not the view) 1280 x 800.");
    parser.addOptions({screenshot, view, zoom, benchmark, benchmarkWindow});
    parser.process(app);

    const bool scripted = parser.isSet(screenshot) || parser.isSet(benchmark);
    if (parser.value(view) != "image" && parser.value(view) != "fft")
        return fail(QString("--view must be image or fft, not '%1'").arg(parser.value(view)));
    if (parser.value(zoom) != "fit" && parser.value(zoom) != "1")
        return fail(QString("--zoom must be fit or 1, not '%1'").arg(parser.value(zoom)));

    MainWindow window;
    MicrographController controller(&window);
    controller.setInteractive(!scripted);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty() && !bundledSampleMicrograph().isEmpty())
        files << bundledSampleMicrograph();

    if (parser.isSet(benchmark)) {
        if (files.isEmpty())
            return fail("no file to open");
        return runViewerBenchmark(window, controller, files.first(), parser.value(benchmark).toInt(),
                                  parser.isSet(benchmarkWindow), sinceLaunch);
    }

    window.resize(1200, 850);
    window.show();
    bool opened = false;
    for (const QString& file : files)
        opened = controller.openFile(file) || opened;
    if (!parser.isSet(screenshot))
        return QApplication::exec();

    if (files.isEmpty())
        return fail("no file to open");
    if (!opened || !controller.lastError().isEmpty())
        return fail(controller.lastError());
    if (parser.value(zoom) == "1")
        window.imageView()->showOneToOne();
    if (parser.value(view) == "fft") {
        window.setPage(MainWindow::Page::Spectrum);
        if (!controller.lastError().isEmpty())
            return fail(controller.lastError());
    }
    QTimer::singleShot(300, &window, [&] {
        const QString out = parser.value(screenshot);
        const bool saved = window.screen()->grabWindow(window.winId()).save(out);
        if (!saved)
            std::fprintf(stderr, "cryosr: cannot write %s\n", qPrintable(out));
        QApplication::exit(saved ? 0 : 2);
    });
    return QApplication::exec();
}
