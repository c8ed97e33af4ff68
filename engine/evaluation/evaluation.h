#pragma once
// How well a model upscales, measured the way a microscopist would: each high-resolution image is
// Fourier-cropped by the model's scale, upscaled back by the model (one sample and the mean of K)
// and by Fourier padding, bicubic and Lanczos, and every result is compared with the original (or
// with a clean reference, for simulated data). Plain C++ API for `cryosr-cli eval` and the GUI.

#include "evaluation/metrics.h"
#include "upscaler.h"

#include <optional>
#include <string>
#include <vector>

namespace cryosr {

struct MethodScores {
    std::string method;               ///< "diffusion", "diffusion-mean-8", "fourier", "bicubic", "lanczos"
    double psnr = 0;                  ///< dB
    double ssim = 0;
    FrcCurve frc;                     ///< against the reference
    std::optional<double> frc0143;    ///< cycles per (output) pixel where FRC < 0.143; nullopt: never
    double frcBeyondInputNyquist = 0; ///< correlationBeyondBand with the reference: detail beyond the input's limit
    double consistencyError = 0;      ///< see consistencyError(): the output vs its own input
    std::optional<double> meanStd;    ///< K > 1: mean per-pixel standard deviation of the samples
    std::optional<double> stdErrorRankCorrelation; ///< K > 1: Spearman(std, |mean − reference|)
};

struct ImageEvaluation {
    int width = 0, height = 0;           ///< of the reference (cropped to a multiple of the scale)
    std::optional<double> pixelSize;     ///< Å per output pixel, when known
    std::vector<MethodScores> methods;
};

struct EvaluationSettings {
    UpscaleSettings upscale;  ///< sampler and steps; `samples` = K for the mean (1: no mean row)
};

/**
 * `input` is the high-resolution image the low-resolution one is made from; `reference` is what the
 * outputs are compared with (the same image, or its clean version). Both are cropped to a multiple of
 * the scale. Throws ArgumentError for different sizes or images too small for the model.
 */
ImageEvaluation evaluateUpscaling(const Upscaler& upscaler, const Image& input, const Image& reference,
                                  const EvaluationSettings& settings);

/// A curve's frequency in cycles per pixel as a resolution in Å (pixel size / frequency).
std::optional<double> resolutionInAngstrom(std::optional<double> cyclesPerPixel, std::optional<double> pixelSize);

} // namespace cryosr
