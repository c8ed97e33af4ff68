#pragma once
// Strong linear baselines for a denoising upscaler, each given the truth to tune itself on (an
// oracle: no real filter could choose as well), applied to the Fourier-padded input. A learned model
// is worth running only where it beats these. Plain C++ API (LibTorch inside).

#include "io/image.h"

#include <vector>

namespace cryosr {

/// The part of an image that is scored: `border` pixels left out on every side.
Image interior(const Image& image, int border);

/// `image` blurred by a Gaussian of standard deviation `sigma` pixels (in Fourier space, periodic).
Image gaussianLowPass(const Image& image, double sigma);

struct OracleResult {
    Image image;
    double parameter = 0; ///< the Gaussian's σ in pixels (unused by the Wiener filter)
};

/**
 * The Gaussian low-pass of `image` whose σ (0 to 6 pixels in steps of 0.25) brings it closest to
 * `reference` (mean squared error over the interior left by `border`). Sizes must match.
 */
OracleResult bestGaussian(const Image& image, const Image& reference, int border = 0);

/**
 * The best linear, rotationally symmetric filter of `image` against `reference`: in each of `rings`
 * rings of |k| (out to the corner), the gain Re(Σ R X*) / Σ |X|² with X, R their spectra.
 */
OracleResult radialWiener(const Image& image, const Image& reference, int rings = 64);

} // namespace cryosr
