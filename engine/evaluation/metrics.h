#pragma once
// Image-quality measures for upscaling: PSNR, SSIM, the Fourier ring correlation (cryo-EM's measure
// of detail) with its 0.143 resolution, the consistency of an output with its low-resolution input,
// and Spearman's rank correlation (is an uncertainty map honest?). Plain C++; all in float64.

#include "io/image.h"

#include <optional>
#include <vector>

namespace cryosr {

/// 10 log10(range² / MSE), range = the reference's max − min (finite samples). Throws ArgumentError
/// for images of different sizes; +inf when they are equal.
double psnr(const Image& estimate, const Image& reference);

/// Mean SSIM (Wang et al. 2004: 11 × 11 Gaussian window, σ 1.5, K1 0.01, K2 0.03, L = the
/// reference's range), over the positions where the window fits.
double ssim(const Image& estimate, const Image& reference);

/// FRC(r) = Re Σ F1 F2* / √(Σ|F1|² Σ|F2|²) over rings of width 1/n (n = the shorter side), from the
/// centre to 0.5 cycles per pixel. Each image's mean is removed first.
struct FrcCurve {
    std::vector<double> frequency; ///< ring centre, cycles per pixel
    std::vector<double> correlation; ///< 0 for a ring where either image has no power
    std::vector<long> samples; ///< Fourier samples in the ring
};
FrcCurve fourierRingCorrelation(const Image& a, const Image& b);

/// The frequency (cycles per pixel) where the curve first falls below `threshold`, interpolated
/// linearly between rings; nullopt when it never does.
std::optional<double> frcCrossing(const FrcCurve& curve, double threshold = 0.143);

/// The correlation Re Σ F1 F2* / √(Σ|F1|² Σ|F2|²) over the Fourier samples outside the square band
/// |fx|, |fy| ≤ `nyquist` (cycles per pixel) that a low-resolution input holds: does detail the
/// input could not contain agree with the reference? 0 for Fourier padding, which has none there.
double correlationBeyondBand(const Image& a, const Image& b, double nyquist);

/// RMS(Fourier crop of `output` to `input`'s size − input) / (standard deviation of `input`): how far
/// an upscaled image is from reproducing its own measurement. Throws ArgumentError unless `output` is
/// an integer multiple of `input` in both sides.
double consistencyError(const Image& output, const Image& input);

/// `input` Fourier-cropped to 1/scale of its size (both sides must divide): cryo-EM's binning.
Image fourierCrop(const Image& input, int scale);

/// Spearman's rank correlation of two equally long lists (average ranks for ties).
double spearmanCorrelation(const std::vector<double>& a, const std::vector<double>& b);

} // namespace cryosr
