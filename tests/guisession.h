#pragma once
// What the GUI controller tests share: a shown main window with its controllers as `cryosr` makes
// them, scripted (errors are recorded, never a modal dialog), and smooth synthetic micrographs.

#include "appcontrollers.h"
#include "mainwindow.h"

#include "io/imagewriter.h"

#include <cmath>

namespace testsupport {

struct GuiSession {
    MainWindow window;
    AppControllers app{window};
    MicrographController& micrographs = app.micrographs;
    UpscaleController& upscaler = app.upscaler;
    explicit GuiSession(QSize size = QSize(1000, 720))
    {
        app.setInteractive(false);
        window.resize(size);
        window.show();
    }
};

/// A width × height MRC of smooth structure stored as `type`, at `pixelSize` Å.
inline void writeSmoothMicrograph(const QString& file, int width, int height, double pixelSize,
                                  cryosr::SampleType type = cryosr::SampleType::Float32)
{
    cryosr::Image image(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at(x, y) = float(100 + 20 * std::sin(0.3 * x) * std::cos(0.2 * y));
    cryosr::WriteSpec spec;
    spec.width = width;
    spec.height = height;
    spec.type = type;
    spec.pixelSize = {pixelSize, pixelSize, pixelSize};
    auto writer = cryosr::createImageWriter(file.toStdString(), cryosr::FileFormat::Mrc, spec);
    writer->writeSection(image);
    writer->commit();
}

} // namespace testsupport
