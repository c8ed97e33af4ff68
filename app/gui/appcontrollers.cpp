#include "appcontrollers.h"

#include "mainwindow.h"
#include "micrographview.h"
#include "upscalepanel.h"

namespace {

UpscaleViews upscaleViewsOf(MainWindow& window)
{
    UpscaleViews views;
    views.panel = window.upscalePanel();
    views.page = window.upscaleView();
    views.image = window.imageView();
    views.progress = window.jobProgress();
    views.reveal = [&window](QWidget* widget) {
        window.setPage(widget == window.imageView() ? MainWindow::Page::Image : MainWindow::Page::Upscale);
    };
    views.showError = dialogsOf(window);
    return views;
}

} // namespace

ErrorSink dialogsOf(MainWindow& window)
{
    return [&window](const QString& title, const QString& message) { window.showError(title, message); };
}

void connectMicrographRequests(MainWindow& window, MicrographController& micrographs)
{
    QObject::connect(&window, &MainWindow::openRequested, &micrographs, &MicrographController::openFile);
    QObject::connect(&window, &MainWindow::micrographSelected, &micrographs, &MicrographController::select);
    QObject::connect(&window, &MainWindow::closeRequested, &micrographs, &MicrographController::closeFile);
    QObject::connect(&window, &MainWindow::sectionRequested, &micrographs, &MicrographController::showSection);
    QObject::connect(&window, &MainWindow::spectrumRequested, &micrographs, &MicrographController::showSpectrum);
    QObject::connect(&window, &MainWindow::exportRegionRequested, &micrographs, &MicrographController::exportRegion);
    QObject::connect(&window, &MainWindow::clearRecentRequested, &micrographs, &MicrographController::clearRecentFiles);
    QObject::connect(&window, &MainWindow::pixelSizeSetRequested, &micrographs, &MicrographController::setPixelSize);
    QObject::connect(&window, &MainWindow::galleryRequested, &micrographs, &MicrographController::showGallery);
}

AppControllers::AppControllers(MainWindow& window)
    : micrographs(&window, window.jobProgress(), dialogsOf(window))
    , upscaler(upscaleViewsOf(window), &micrographs)
    , training(window.trainingView(), window.jobProgress(), dialogsOf(window))
{
    connectMicrographRequests(window, micrographs);
    QObject::connect(&window, &MainWindow::wholeMicrographUpscaleRequested, &upscaler,
                     [this, &window] { upscaler.upscaleWholeMicrograph(window.upscalePanel()->options()); });
    QObject::connect(&window, &MainWindow::exportUpscaleRequested, &upscaler, &UpscaleController::exportResult);
    QObject::connect(&window, &MainWindow::exportFramesRequested, &upscaler, &UpscaleController::exportFrames);

    QObject::connect(&training, &TrainingController::modelInstalled, &upscaler, &UpscaleController::refreshModels);
    QObject::connect(&window, &MainWindow::followRunRequested, &training, &TrainingController::follow);
    QObject::connect(&window, &MainWindow::slurmTemplateEditRequested, &training, &TrainingController::editSlurmTemplate);
}

void AppControllers::setInteractive(bool interactive)
{
    micrographs.setInteractive(interactive);
    upscaler.setInteractive(interactive);
    training.setInteractive(interactive);
}
