// cryosr: the desktop application. Everything lives in cryosr_app; this only parses the command line.

#include "mainwindow.h"
#include "micrographcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("CryoSR");
    QApplication::setApplicationVersion(CRYOSR_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Viewer and diffusion upscaler for cryo-EM micrographs");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", "MRC, MRCS or TIFF file to open (default: the bundled sample)");
    const QCommandLineOption screenshot("screenshot", "Render the window with FILE loaded to OUT.png and exit.", "OUT.png");
    parser.addOption(screenshot);
    parser.process(app);

    MainWindow window;
    MicrographController controller(&window);
    const QStringList files = parser.positionalArguments();
    const QString file = files.isEmpty() ? bundledSampleMicrograph() : files.first();

    if (parser.isSet(screenshot)) {
        controller.setInteractive(false);
        window.resize(1000, 800);
        window.show();
        if (file.isEmpty() || !QFileInfo::exists(file) || !controller.openFile(file)) {
            std::fprintf(stderr, "cryosr: %s\n", qPrintable(file.isEmpty() ? "no file to open" : controller.lastError()));
            return 2;
        }
        QTimer::singleShot(200, &window, [&] {
            const bool saved = window.grab().save(parser.value(screenshot));
            if (!saved)
                std::fprintf(stderr, "cryosr: cannot write %s\n", qPrintable(parser.value(screenshot)));
            QApplication::exit(saved ? 0 : 2);
        });
        return QApplication::exec();
    }

    window.show();
    if (!file.isEmpty())
        controller.openFile(file);
    return QApplication::exec();
}
