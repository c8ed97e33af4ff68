#pragma once
// What the micrograph controller drives: the pages and lists that show open micrographs, their
// sections and power spectra. MainWindow is one; a test can be another, so the controller needs no
// main window.

#include "contrast.h"
#include "floatimage.h"

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QString>
#include <QStringList>
#include <vector>

class MicrographView;

/// What the window shows for one section (the controller builds it from the engine's data).
struct SectionDisplay {
    FloatImage image;
    QString title; ///< for the window title, e.g. the file name
    QString description; ///< one line for the status bar: size, type, pixel size
    QString details; ///< several lines for the info panel: dimensions, type, statistics
    int section = 0;
    int sectionCount = 1;
    double pixelSize = 0.0; ///< Å per pixel, 0 when unknown
};

/// A power spectrum ready to show: log power (zero frequency at the centre) and its rotational average.
struct SpectrumDisplay {
    FloatImage logPower;
    std::vector<double> frequencies; ///< of each ring, in `unit`
    std::vector<double> thonRings; ///< per ring: the mean log10 power less its smooth background
    QString unit; ///< "1/Å", or "1/px" when the pixel size is unknown
    double frequencyStep = 0.0; ///< frequency of one spectrum pixel, in `unit`
    QString caption; ///< what it is of: whole image or region, box, tiles
    // The CTF fit (needs the pixel size); the curves are empty without one.
    std::vector<double> ctfCurve; ///< CTF² of the fit at each ring, 0 … 1
    double fitLimit = 0.0; ///< frequency (in `unit`) to which the rings follow the fit
    QList<QPolygonF> ctfZeros; ///< the fit's zeros over `logPower`, in its pixel coordinates
    QString ctf; ///< the fit in words for the Information panel, or why there is none
};

class MicrographDisplay {
public:
    virtual ~MicrographDisplay() = default;

    virtual void showSection(const SectionDisplay& display) = 0;
    virtual void showSpectrum(const SpectrumDisplay& spectrum) = 0;
    /// The sections of the micrograph shown, reduced for thumbnails: the first `sections.size()` of `total`.
    virtual void showGallery(const QList<FloatImage>& sections, int total) = 0;
    /// Nothing open: empty views, no title, no sections.
    virtual void clear() = 0;
    /// Adds `file` to the list of open micrographs (or updates its entry) and selects it.
    virtual void addMicrograph(const QString& file, const QImage& thumbnail, const QString& tooltip) = 0;
    virtual void removeMicrograph(const QString& file) = 0;
    virtual void setRecentFiles(const QStringList& files) = 0;
    /// The view showing the section: its selection and visible part are the current region.
    virtual MicrographView* imageView() const = 0;
    /// The display window chosen for the section (thumbnails are drawn with it).
    virtual ContrastLimits displayLimits() const = 0;
};
