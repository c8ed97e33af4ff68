#pragma once
// How well a model upscales, measured the way a microscopist would, against the classical methods
// and against strong linear baselines tuned on the truth (oraclefilters.h). Three kinds of reference:
//   self   a high-resolution image is Fourier-cropped by the model's scale and upscaled back; the
//          outputs are compared with the image itself (its noise included)
//   clean  the same, compared with the noise-free image of a simulated micrograph
//   split  a single real micrograph M: A = M[0::2, 0::2] and B = M[1::2, 1::2] hold independent shot
//          noise; A's Fourier crop is upscaled to A's size and compared with B moved half a pixel
//          onto A's grid (a Fourier phase shift), leaving out a 16-pixel border (the shift wraps)
// Plain C++ API for `cryosr-cli eval` and the GUI.

#include "evaluation/metrics.h"
#include "upscaler.h"

#include <optional>
#include <string>
#include <vector>

namespace cryosr {

struct MethodScores {
    std::string method; ///< "diffusion", "diffusion-mean-8", "fourier", "bicubic", "lanczos",
        ///< "gaussian-oracle", "wiener-oracle"
    double psnr = 0; ///< dB
    double ssim = 0;
    FrcCurve frc; ///< against the reference
    std::optional<double> frc0143; ///< cycles per (output) pixel where FRC < 0.143; nullopt: never
    double frcBeyondInputNyquist = 0; ///< correlationBeyondBand with the reference: detail beyond the input's limit
    double consistencyError = 0; ///< see consistencyError(): the output vs its own input
    std::optional<double> parameter; ///< gaussian-oracle: the σ chosen (output pixels)
    std::optional<double> meanStd; ///< K > 1: mean per-pixel standard deviation (calibrated, of one sample)
    std::optional<double> stdErrorRankCorrelation; ///< K > 1: Spearman(std, |mean − reference|) over pixels
    /// K > 1: the share of pixels whose |mean − reference| ≤ 2 · sd · √(1 + 1/K) (the mean of K
    /// samples errs by the posterior's spread, plus the spread of a K-sample mean): ~0.95 when calibrated.
    std::optional<double> coverage;
    /// K > 1: Spearman's correlation over 32 × 32 tiles between the tile's mean sd and its RMSE.
    std::optional<double> tileRankCorrelation;
};

struct ImageEvaluation {
    int width = 0, height = 0; ///< of the scored reference (without the border)
    std::optional<double> pixelSize; ///< Å per output pixel, when known
    std::vector<MethodScores> methods;
};

struct EvaluationSettings {
    UpscaleSettings upscale; ///< sampler and steps; `samples` = K for the mean (1: no mean row)
};

/// What one evaluation compares: the low-resolution input, the reference on the output's grid, and
/// how many output pixels along each edge are left out of every score.
struct EvaluationTask {
    Image low;
    Image reference;
    int border = 0;
};

/// `input` (the high-resolution image) Fourier-cropped by `scale`, against `reference` (the image
/// itself, or its clean version), both cropped to a multiple of 2 · scale. ArgumentError for sizes
/// that differ or an image too small.
EvaluationTask highResolutionTask(const Image& input, const Image& reference, int scale);

/// The split reference of a single micrograph (see the top of this file); `border` 16 by default.
EvaluationTask splitTask(const Image& micrograph, int scale, int border = 16);

/// Runs the model (one sample, and the mean of K) and every baseline on `task` and scores them.
ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const EvaluationTask& task, const EvaluationSettings& settings);

/// highResolutionTask(input, reference, the model's scale), evaluated.
ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const Image& input, const Image& reference,
                                  const EvaluationSettings& settings);

/// The uncertainty scores of a K-sample mean against `reference`: coverage and tile rank correlation
/// (see MethodScores), and the pixel rank correlation and mean sd.
void scoreUncertainty(MethodScores& scores, const Image& mean, const Image& standardDeviation, const Image& reference,
                      int samples);

/// A fit of the standard deviation scale on held-out data (see ModelInfo::standardDeviationScale).
struct CalibrationFit {
    double scale = 1; ///< multiplies the standard deviation the model reports now
    double coverageBefore = 0; ///< share of pixels within 2 · sd · √(1 + 1/K) before the fit
    std::size_t pixels = 0; ///< pixels the fit saw (borders left out)
};

/**
 * Upscales every task with `settings` (K = settings.samples ≥ 2) and finds the factor c for the
 * reported standard deviation that puts a share `target` of all pixels' errors of the K-sample mean
 * within 2 · c · sd · √(1 + 1/K) of the reference: the `target` quantile of |error| / (2 sd √(1 + 1/K)).
 */
CalibrationFit fitStandardDeviationScale(const Upscaler& upscaler, const std::vector<EvaluationTask>& tasks,
                                         const UpscaleSettings& settings, double target = 0.95);

/// A curve's frequency in cycles per pixel as a resolution in Å (pixel size / frequency).
std::optional<double> resolutionInAngstrom(std::optional<double> cyclesPerPixel, std::optional<double> pixelSize);

} // namespace cryosr
