#pragma once
// The power spectrum of a micrograph as microscopists judge it: Thon rings, astigmatism, drift.

#include "io/image.h"

#include <functional>
#include <optional>
#include <vector>

namespace cryosr {

/**
 * The mean periodogram of box × box tiles (Welch's method: averaging tiles trades frequency resolution
 * for far less speckle, as CTFFIND and Gctf do), with its rotational average.
 */
struct PowerSpectrum {
    int box = 0; ///< tile side (even)
    int tiles = 0; ///< tiles averaged
    Image logPower; ///< box × box log10 power, zero frequency at (box/2, box/2)
    std::vector<double> radialAverage; ///< mean power (linear) in rings of radius 0 … box/2 spectrum pixels
    std::optional<double> pixelSize; ///< Å per pixel of the image, when known
    /**
     * The same average over the tiles wholly in either half of the image (split across its longer
     * side): two spectra whose noise is independent, so that a fit to one can be checked on the other
     * (fitCtf). Where a half holds no tile of `box`, the halves are tiled with the largest box that
     * fits. Empty for images under 16 pixels along the longer side; the halves have none of their own.
     */
    std::vector<PowerSpectrum> halves;

    /// Spatial frequency of ring `r`: in 1/Å when the pixel size is known, else in 1/pixel.
    double frequencyOf(int ring) const;
};

/// Hears how many of the spectrum's tiles are done; returning false stops the computation.
using SpectrumProgress = std::function<bool(int tilesDone, int tilesTotal)>;

/**
 * Averages the power spectra of tiles of side `box` (or the largest even side that fits, at least 8)
 * laid over the whole image, overlapping by half, each with its mean removed and its edges tapered (a
 * cosine over the outer eighth, scaled to keep the power of white noise). Works in batches, so a 377 MB
 * frame needs well under its own size in extra memory. Throws ArgumentError for images smaller than
 * 8 × 8. The zero-frequency pixel, empty after the mean is removed, takes its neighbours' mean so the
 * log scale is not dominated by it.
 * The halves (PowerSpectrum::halves) come from the same tiles where each half of the longer side
 * holds one of `box`; smaller images are tiled again for them, with the largest box a half holds.
 * `progress` (optional) hears of each batch of tiles done; when it returns false the computation stops
 * and throws Cancelled (the GUI runs this on a worker thread with a Cancel button).
 */
PowerSpectrum computePowerSpectrum(const Image& image, int box = 512, const SpectrumProgress& progress = {});

} // namespace cryosr
