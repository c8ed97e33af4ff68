#pragma once
// A CTF fit to a micrograph's power spectrum, as microscopists judge data by: the defocus with its
// astigmatism, and the resolution to which the Thon rings follow the fitted CTF.

#include "analysis/powerspectrum.h"
#include "simulation/ctf.h"

#include <functional>
#include <utility>
#include <vector>

namespace cryosr {

struct CtfFit {
    CtfParameters ctf; ///< the microscope given, with the fitted defocus and astigmatism
    double defocusU() const { return ctf.defocusAngstrom + ctf.astigmatismAngstrom; } ///< Å, most underfocus
    double defocusV() const { return ctf.defocusAngstrom - ctf.astigmatismAngstrom; } ///< Å
    double score = 0.0; ///< the correlation of the rings with CTF² over the fitted band
    double resolutionAngstrom = 0.0; ///< the finest resolution to which the rings follow the fit; 0: no fit
    bool found() const { return resolutionAngstrom > 0; }
};

/**
 * Fits defocus and astigmatism to the spectrum (computePowerSpectrum's, 512 boxes) of an image of
 * `pixelSize` Å per pixel (the caller's: a header's placeholder is no pixel size): the log power less its
 * smooth radial background, correlated with CTF² (no envelope) between 1/50 Å (or the eighth ring) and
 * where the rings become too fine for the box or Nyquist. Defocus (0.1–10 µm searched) and astigmatism
 * (U − V up to the mean defocus) start from the better of two estimates — the elliptical average that
 * best shows the rings, and 36 sectors' own defocus — and are refined on the 2D spectrum.
 * The resolution is where the equiphase average (astigmatic rings lined up) stops following CTF² in a
 * window sliding outward from the first zero (correlation below 0.3). No fit (resolution 0) when the
 * rings are not seen by the fifth zero, when defocus V comes out below 0.1 µm (an ellipse fitted to
 * something else than rings, such as a lattice's spots), or when the rings may be speckle the search
 * found a CTF in: a fit scoring less than 15 standard deviations above random CTFs stands only if a
 * fit to one of the spectrum's `halves`, agreeing with it within 5 % in U and V, also follows the
 * other half's rings (6 standard deviations). A spectrum without halves (images under 16 pixels
 * along the longer side, or one built by hand) is not checked that way.
 * `microscope` gives voltage, Cs and amplitude contrast. Throws ArgumentError for a pixel size ≤ 0.
 */
CtfFit fitCtf(const Image& image, double pixelSize, const CtfParameters& microscope, const SpectrumProgress& progress = {});

/// Called as a fit to a spectrum passes its stages (the fit, then the check on either half), with the
/// stages done and their total (kCtfFitStages); false cancels the fit (Cancelled is thrown). A fit that
/// needs no halves' check jumps to the total.
using CtfFitProgress = std::function<bool(int stagesDone, int stagesTotal)>;
inline constexpr int kCtfFitStages = 4;

/// The same fit to a spectrum already computed (the GUI's, shown beside it); its pixelSize must be set
/// (ArgumentError otherwise).
CtfFit fitCtf(const PowerSpectrum& spectrum, const CtfParameters& microscope, const CtfFitProgress& progress = {});

/**
 * The rotational average of the log power less its smooth background (the running mean the fit
 * removes), per ring 0 … box/2 in log10 units: Thon rings as oscillations about 0 that stay visible
 * where the falling raw average hides them.
 */
std::vector<double> thonRingProfile(const PowerSpectrum& spectrum);

/// CTF² of `ctf` at the mean defocus, without envelope, at each ring 0 … box/2 of a spectrum of `box`
/// pixels at `pixelSize` Å: the curve the rings are fitted to.
std::vector<double> ctfSquaredProfile(const CtfParameters& ctf, int box, double pixelSize);

/// A polyline in a spectrum's pixel coordinates (zero frequency at (box/2, box/2)).
using SpectrumCurve = std::vector<std::pair<double, double>>;

/**
 * The first `count` zeros of `ctf` as curves over a spectrum of `box` pixels at `pixelSize` Å (ellipses
 * when astigmatic), out to `maxFrequency` 1/Å: where a zero lies beyond it in some directions, only
 * the arcs inside are given. Closed curves repeat their first point.
 */
std::vector<SpectrumCurve> ctfZeroCurves(const CtfParameters& ctf, int box, double pixelSize, double maxFrequency, int count);

} // namespace cryosr
