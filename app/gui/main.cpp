// cryosr: the desktop application. Everything lives in cryosr_app; this only parses the command line.

#include "appcontrollers.h"
#include "deviceinfo.h"
#include "mainwindow.h"
#include "micrographview.h"
#include "preferences.h"
#include "trainingview.h"
#include "upscaleview.h"
#include "viewerbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QTimer>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "cryosr: %s\n", qPrintable(message));
    return 2;
}

/// "x,y,w,h" as a rectangle; empty when it is not four non-negative integers with w, h > 0.
QRect parseRegion(const QString& text)
{
    const QStringList parts = text.split(',');
    if (parts.size() != 4)
        return {};
    int values[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts[i].trimmed().toInt(&ok);
        if (!ok || values[i] < 0)
            return {};
    }
    return {values[0], values[1], values[2], values[3]};
}

/// Saves the window in a moment (once queued layout and data changes have been handled); then quits unless
/// `andQuit` is false. The window is drawn, not read back from the screen: under a shared X server (the test
/// suite's) other programs' windows may cover it.
void saveWindowSoon(MainWindow& window, const QString& out, bool andQuit = true)
{
    QTimer::singleShot(300, &window, [&window, out, andQuit] {
        const bool saved = window.renderedWindow().save(out);
        if (!saved)
            std::fprintf(stderr, "cryosr: cannot write %s\n", qPrintable(out));
        if (andQuit || !saved)
            QApplication::exit(saved ? 0 : 2);
    });
}

/// Saves the window once mid-run: halfway through the first step's tiles, or, when the image is one
/// tile (no tile progress), halfway through the steps.
void saveProgressOnce(MainWindow& window, const UpscaleWorker* worker, const QString& out)
{
    auto saved = std::make_shared<bool>(false);
    const auto saveIf = [&window, out, saved](bool halfway) {
        if (halfway && !*saved) {
            *saved = true;
            saveWindowSoon(window, out, false);
        }
    };
    QObject::connect(worker, &UpscaleWorker::tileProgress, &window,
                     [saveIf](int, int step, int, int done, int total) { saveIf(step == 1 && 2 * done >= total); });
    QObject::connect(worker, &UpscaleWorker::stepDone, &window,
                     [saveIf](const UpscaleStep& s) { saveIf(2 * s.step >= s.total); });
}

} // namespace

int main(int argc, char** argv)
{
    cryosr::shareOneHeapBetweenThreads(); // before Qt and the engine start threads
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    // --help and --version answer without a display (e.g. on a cluster's login node), so they get a
    // QCoreApplication; everything else needs the windowing system.
    bool textOnly = false;
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"--help", "-h", "--help-all", "--version", "-v"})
            textOnly = textOnly || std::strcmp(argv[i], option) == 0;
    const std::unique_ptr<QCoreApplication> application = textOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                                   : std::make_unique<QApplication>(argc, argv);
    QCoreApplication& app = *application;
    QApplication::setOrganizationName("CryoSR");
    QApplication::setApplicationName("CryoSR");
    QApplication::setApplicationVersion(CRYOSR_VERSION);
    // The installed desktop entry and icon (packaging/linux), for the window's icon and Wayland's matching.
    if (!textOnly) {
        QGuiApplication::setDesktopFileName("io.github.cryosr.CryoSR");
        QApplication::setWindowIcon(QIcon::fromTheme("io.github.cryosr.CryoSR"));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription("Viewer and diffusion upscaler for cryo-EM micrographs");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("files", "MRC, MRCS, TIFF, PNG or JPEG files to open (default: the bundled sample)",
                                 "[files...]");
    const QCommandLineOption screenshot("screenshot", "Render the window with the first file loaded to OUT.png and exit.",
                                        "OUT.png");
    const QCommandLineOption view("view",
                                  "With --screenshot: show the image, its power spectrum or the training page (its newest run).",
                                  "image|fft|training", "image");
    const QCommandLineOption zoom("zoom", "With --screenshot: fit the image to the window or show it 1:1 (centred).", "fit|1",
                                  "fit");
    const QCommandLineOption benchmark("benchmark-frames",
                                       "Developers: time the first frame and N zoom/pan frames, print them and exit.", "N");
    const QCommandLineOption benchmarkWindow("benchmark-window",
                                             "Developers: with --benchmark-frames, make the window (not the view) 1280 x 800.");
    const QCommandLineOption upscaleRegion(
        "upscale-region", "With --screenshot: upscale this region of the first file and save the window when it is done.",
        "x,y,w,h");
    const QCommandLineOption upscaleWhole(
        "upscale-whole", "With --screenshot: upscale the whole first file in tiles, open the result and save the window.");
    const QCommandLineOption progressShot(
        "progress-screenshot", "With --upscale-whole: also save the window once mid-run, showing the tiles' progress.", "FILE");
    const QCommandLineOption steps(
        "steps", "With --upscale-region: sampling steps (default: the panel's, 4 when its Fast is ticked).", "N");
    const QCommandLineOption seed("seed", "With --upscale-region: the random seed (default: a random one).", "S");
    const QCommandLineOption showStep("show-step",
                                      "With --upscale-region: show step N of the reverse process "
                                      "(1 = the first) instead of the result.",
                                      "N");
    const QCommandLineOption showState("show-state",
                                       "With --show-step: show the noisy state x_t, not the predicted "
                                       "clean image.");
    const QCommandLineOption samples("samples", "With --upscale-region: number of samples K (default: the panel's).", "K");
    const QCommandLineOption compare("compare",
                                     "With --upscale-region: show the result alone, beside the baseline, "
                                     "split with it, or the difference.",
                                     "result|side|split|difference", "result");
    const QCommandLineOption uncertainty("uncertainty",
                                         "With --upscale-region and --samples K > 1: lay the "
                                         "standard-deviation map over the result at this opacity (0-1).",
                                         "opacity");
    const QCommandLineOption language("language",
                                      "Show the interface in this language for this run (de, ja, zh_CN, en; "
                                      "default: the one chosen in Preferences, else the system's).",
                                      "code");
    parser.addOptions({language, screenshot, view, zoom, upscaleRegion, upscaleWhole, progressShot, steps, seed, samples, compare,
                       uncertainty, showStep, showState, benchmark, benchmarkWindow});
    parser.process(app);

    const bool scripted = parser.isSet(screenshot) || parser.isSet(benchmark);
    if (!QStringList{"image", "fft", "training"}.contains(parser.value(view)))
        return fail(QString("--view must be image, fft or training, not '%1'").arg(parser.value(view)));
    if (parser.value(zoom) != "fit" && parser.value(zoom) != "1")
        return fail(QString("--zoom must be fit or 1, not '%1'").arg(parser.value(zoom)));

    UpscaleOptions overrides; // --steps, --seed, --samples over the panel's remembered choices
    bool numbersOk = true;
    auto number = [&](const QCommandLineOption& option, int low, int fallback) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        numbersOk &= ok && value >= low;
        return value;
    };
    const QRect region = parseRegion(parser.value(upscaleRegion));
    if (parser.isSet(upscaleRegion) && (region.isEmpty() || !parser.isSet(screenshot)))
        return fail("--upscale-region needs x,y,w,h (w, h > 0) and --screenshot");
    if (parser.isSet(upscaleWhole) && (!parser.isSet(screenshot) || parser.isSet(upscaleRegion)))
        return fail("--upscale-whole needs --screenshot (and no --upscale-region)");
    const QStringList compareModes{"result", "side", "split", "difference"};
    if (!compareModes.contains(parser.value(compare)))
        return fail(QString("--compare must be result, side, split or difference, not '%1'").arg(parser.value(compare)));
    const int shownStep = number(showStep, 1, 0);
    if (!numbersOk || (parser.isSet(showStep) && !parser.isSet(upscaleRegion)))
        return fail("--show-step needs a step number ≥ 1 and --upscale-region");
    bool opacityOk = true;
    const double opacity = parser.isSet(uncertainty) ? parser.value(uncertainty).toDouble(&opacityOk) : 0.0;
    if (!opacityOk || opacity < 0 || opacity > 1)
        return fail("--uncertainty must be an opacity from 0 to 1");

    const QString shownLanguage = installTranslations(parser.isSet(language) ? parser.value(language) : storedLanguage());
    if (parser.isSet(language) && QLocale(shownLanguage).language() != QLocale(parser.value(language)).language())
        std::fprintf(stderr, "cryosr: no translation for '%s'; showing English\n", qPrintable(parser.value(language)));
    MainWindow window;
    QObject::connect(&window, &MainWindow::preferencesRequested, &window, [&window] {
        if (showPreferences(&window))
            window.refreshSpectrum(); // fitted with the old microscope
    });
    AppControllers controllers(window);
    MicrographController& controller = controllers.micrographs;
    UpscaleController& upscaler = controllers.upscaler;
    controllers.setInteractive(!scripted);
    overrides = window.upscalePanel()->options();
    if (parser.isSet(steps))
        overrides.fast = false; // a step count asked for is run, not fast mode's
    overrides.steps = number(steps, 1, overrides.steps);
    overrides.samples = number(samples, 1, overrides.samples);
    if (parser.isSet(seed)) {
        overrides.randomSeed = false;
        overrides.seed = quint32(number(seed, 0, 0));
    }
    if (!numbersOk)
        return fail("--steps and --samples must be positive integers, --seed a non-negative one");
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
    if (parser.value(view) == "training") {
        window.setPage(MainWindow::Page::Training);
        if (const QStringList runs = window.trainingView()->runs(); !runs.isEmpty())
            window.trainingView()->showRun(runs.first());
    }
    if (parser.value(view) == "fft") { // the spectrum is computed in the background: saved once shown
        QObject::connect(&controller, &MicrographController::spectrumEnded, &window, [&](bool shown) {
            if (shown)
                saveWindowSoon(window, parser.value(screenshot));
            else
                QApplication::exit(fail(controller.lastError()));
        });
        window.setPage(MainWindow::Page::Spectrum);
        return QApplication::exec();
    }
    if (!parser.isSet(upscaleRegion) && !parser.isSet(upscaleWhole)) {
        saveWindowSoon(window, parser.value(screenshot));
        return QApplication::exec();
    }
    if (parser.isSet(progressShot))
        saveProgressOnce(window, upscaler.engine().worker(), parser.value(progressShot));
    // Upscale once the models are known, then save the window when the run has ended.
    QObject::connect(
        &upscaler, &UpscaleController::modelsListed, &window,
        [&] {
            overrides.modelFile = window.upscalePanel()->options().modelFile;
            if (parser.isSet(upscaleRegion))
                window.upscalePanel()->setRegion(region); // shown as the image's selection too
            const bool queued = parser.isSet(upscaleWhole) ? upscaler.upscaleWholeMicrograph(overrides)
                                                           : upscaler.upscale(region, overrides);
            if (!queued) {
                std::fprintf(stderr, "cryosr: %s\n", qPrintable(upscaler.lastError()));
                QApplication::exit(2);
            }
        },
        Qt::SingleShotConnection);
    QObject::connect(&upscaler, &UpscaleController::jobEnded, &window, [&](bool succeeded) {
        if (succeeded) {
            const UpscaleController::RunTime time = upscaler.lastRunTime();
            std::printf("cryosr: upscaled in %.2f s (estimated %.2f s)\n", time.seconds, time.estimatedSeconds);
            if (parser.isSet(upscaleWhole))
                std::printf("cryosr: saved the whole result as %s\n", qPrintable(upscaler.lastWholeResult()));
            std::fflush(stdout);
            window.upscaleView()->setCompare(UpscaleView::Compare(compareModes.indexOf(parser.value(compare))));
            if (parser.isSet(uncertainty))
                window.upscaleView()->setUncertaintyShown(true, opacity);
            if (parser.isSet(showStep)) {
                window.upscaleView()->setContent(parser.isSet(showState) ? UpscaleView::Content::State
                                                                         : UpscaleView::Content::PredictedX0);
                window.upscaleView()->setPosition(shownStep - 1);
            }
            saveWindowSoon(window, parser.value(screenshot));
        } else {
            std::fprintf(stderr, "cryosr: the upscale did not finish: %s\n", qPrintable(upscaler.lastError()));
            QApplication::exit(2);
        }
    });
    return QApplication::exec();
}
