#pragma once
// A CTF fit to a micrograph's power spectrum, as microscopists judge data by: the defocus with its
// astigmatism, and the resolution to which the Thon rings follow the fitted CTF.

#include "analysis/powerspectrum.h"
#include "simulation/ctf.h"

namespace cryosr {

struct CtfFit {
    CtfParameters ctf; ///< the microscope given, with the fitted defocus and astigmatism
    double defocusU() const { return ctf.defocusAngstrom + ctf.astigmatismAngstrom; } ///< Å, most underfocus
    double defocusV() const { return ctf.defocusAngstrom - ctf.astigmatismAngstrom; } ///< Å
    double score = 0.0; ///< the correlation of the rings with CTF² over the fitted band
    double resolutionAngstrom = 0.0; ///< the finest resolution to which the rings follow the fit
};

/**
 * Fits defocus and astigmatism to the spectrum (computePowerSpectrum's, 512 boxes) of an image of
 * `pixelSize` Å per pixel (the caller's: a header's placeholder is no pixel size): the log power less its smooth radial background, correlated with CTF² (no
 * envelope) between 1/50 Å (or the eighth ring) and where the rings become too fine for the box or
 * Nyquist. The mean defocus comes from the rotational average (0.1–10 µm searched), the astigmatism
 * from the 2D spectrum (its direction from the defocus of 36 sectors, then refined). The resolution is
 * that of the last band of ten rings (averaged in 36 sectors, against speckle) where the correlation
 * stays above 0.3, counted outward without a gap. `microscope` gives voltage, Cs and amplitude
 * contrast. Throws ArgumentError for a pixel size ≤ 0; `score` near 0 means no fit.
 */
CtfFit fitCtf(const Image& image, double pixelSize, const CtfParameters& microscope, const SpectrumProgress& progress = {});

} // namespace cryosr
