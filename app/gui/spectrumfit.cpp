#include "spectrumfit.h"

#include "imageconversion.h"

#include "analysis/ctffit.h"

#include <QCoreApplication>

namespace {

/// The fit's zeros out to the fitted resolution on the left half of the log-power image (the right half
/// shows the rings unobscured, to compare), whose pixel (x, y) spans x … x + 1: the spectrum's pixel
/// centres are half a pixel in.
QList<QPolygonF> zeroCurves(const cryosr::CtfFit& fit, int box, double pixelSize)
{
    QList<QPolygonF> curves;
    const double centre = box / 2.0;
    for (const cryosr::SpectrumCurve& curve : cryosr::ctfZeroCurves(fit.ctf, box, pixelSize, 1.0 / fit.resolutionAngstrom, 40)) {
        QPolygonF arc;
        for (const auto& [x, y] : curve) {
            if (x <= centre) {
                arc << QPointF(x + 0.5, y + 0.5);
            } else if (!arc.isEmpty()) {
                curves << arc;
                arc.clear();
            }
        }
        if (arc.size() > 1)
            curves << arc;
    }
    return curves;
}

QString fitText(const cryosr::CtfFit& fit)
{
    const cryosr::CtfParameters& c = fit.ctf;
    // Short lines: the Information panel must not widen the window (German runs longer).
    return QCoreApplication::translate("SpectrumFit",
                                       "CTF fit at %1 kV, Cs %2 mm,\n"
                                       "  amplitude contrast %3:\n"
                                       "  Underfocus U %4 µm, V %5 µm\n"
                                       "  Astigmatism %6 µm, U along %7°\n"
                                       "  Rings follow the fit to %8 Å")
        .arg(c.voltageKv, 0, 'g', 4)
        .arg(c.sphericalAberrationMm, 0, 'g', 3)
        .arg(c.amplitudeContrast, 0, 'g', 3)
        .arg(fit.defocusU() / 1e4, 0, 'f', 4)
        .arg(fit.defocusV() / 1e4, 0, 'f', 4)
        .arg(c.astigmatismAngstrom / 1e4, 0, 'f', 4)
        .arg(c.astigmatismAngleDegrees, 0, 'f', 1)
        .arg(fit.resolutionAngstrom, 0, 'f', 1);
}

} // namespace

SpectrumDisplay spectrumDisplay(const std::shared_ptr<const cryosr::PowerSpectrum>& spectrum, const QString& what,
                                const cryosr::CtfParameters& microscope, const cryosr::CtfFitProgress& progress)
{
    SpectrumDisplay display;
    // The image shares the spectrum's samples: the pointer keeps them alive while shown.
    display.logPower = sharedView(std::shared_ptr<const cryosr::Image>(spectrum, &spectrum->logPower));
    for (std::size_t r = 0; r < spectrum->radialAverage.size(); ++r)
        display.frequencies.push_back(spectrum->frequencyOf(int(r)));
    display.thonRings = cryosr::thonRingProfile(*spectrum);
    display.unit = spectrum->pixelSize ? QStringLiteral("1/Å") : QStringLiteral("1/px");
    display.frequencyStep = spectrum->frequencyOf(1);
    display.caption =
        QCoreApplication::translate("MicrographController", "%1: mean of %2 periodograms of %3 × %3 pixels; Nyquist %4")
            .arg(what)
            .arg(spectrum->tiles)
            .arg(spectrum->box)
            .arg(spectrum->pixelSize
                     ? QCoreApplication::translate("MicrographController", "%1 Å").arg(2 * *spectrum->pixelSize, 0, 'f', 2)
                     : QCoreApplication::translate("MicrographController", "0.5 1/px"));
    if (!spectrum->pixelSize) {
        display.ctf =
            QCoreApplication::translate("SpectrumFit", "No CTF fit: the pixel size is unknown\n(View › Set Pixel Size…).");
        return display;
    }
    const cryosr::CtfFit fit = cryosr::fitCtf(*spectrum, microscope, progress);
    if (!fit.found()) {
        display.ctf =
            QCoreApplication::translate("SpectrumFit", "No CTF fit: no Thon rings follow\na defocus of 0.1–10 µm here.");
        return display;
    }
    display.ctf = fitText(fit);
    display.ctfCurve = cryosr::ctfSquaredProfile(fit.ctf, spectrum->box, *spectrum->pixelSize);
    display.fitLimit = 1.0 / fit.resolutionAngstrom;
    display.ctfZeros = zeroCurves(fit, spectrum->box, *spectrum->pixelSize);
    return display;
}
