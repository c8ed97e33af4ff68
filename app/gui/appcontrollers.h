#pragma once
// The application's controllers as main() builds them: each is given the parts of the main window it
// drives, and the window's menus and requests are connected to them here. Tests of the whole
// application build the same.

#include "micrographcontroller.h"
#include "trainingcontroller.h"
#include "upscalecontroller.h"

class MainWindow;

/// Connects the window's requests about micrographs (open, select, close, section, spectrum, region
/// export, recent files) to `micrographs`.
void connectMicrographRequests(MainWindow& window, MicrographController& micrographs);
/// What the window shows its error dialogs with: MainWindow::showError.
ErrorSink dialogsOf(MainWindow& window);

struct AppControllers {
    explicit AppControllers(MainWindow& window);
    /// Scripted runs (`--screenshot`) and tests: errors are recorded, never a modal dialog.
    void setInteractive(bool interactive);

    MicrographController micrographs;
    UpscaleController upscaler;
    TrainingController training;
};
