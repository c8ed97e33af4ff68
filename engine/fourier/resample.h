#pragma once
// Fourier-domain resampling, cryo-EM's native interpolation: Fourier cropping (binning without
// aliasing) and Fourier padding (band-limited upsampling), and the data-consistency projection built
// from them. Engine-internal header (LibTorch types). All functions act on the last two dimensions
// of real tensors [..., H, W] and keep the mean of the image.

#include <torch/torch.h>

namespace cryosr {

/**
 * Resizes [..., H, W] to [..., height, width] by cropping or zero-padding its spectrum. Even-size
 * Nyquist bins are split in half when padding and folded back when cropping, so
 * fourierResize(fourierResize(x, larger), original) == x to float precision and results stay real.
 */
torch::Tensor fourierResize(const torch::Tensor& image, std::int64_t height, std::int64_t width);

/// The spectrum (fft2, unshifted) [..., H, W] cropped or zero-padded to [..., height, width] as
/// fourierResize does it, without its normalisation: fourierResize(x) = ifft2(resizeSpectrum(fft2(x)))
/// · (height · width) / (H · W). For work that stays in Fourier space between resizes.
torch::Tensor resizeSpectrum(const torch::Tensor& spectrum, std::int64_t height, std::int64_t width);

/// fourierResize(fourierResize(image, height, width), H, W) — what of [..., H, W] lies within the band
/// of a height × width image — with one transform each way instead of two.
torch::Tensor bandLimit(const torch::Tensor& image, std::int64_t height, std::int64_t width);

/// Bicubic upsampling by `scale` (half-pixel centres, as image software does).
torch::Tensor bicubicUpsample(const torch::Tensor& image, int scale);

/// Lanczos-3 upsampling by `scale` (half-pixel centres, edges replicated), separable, in float64.
torch::Tensor lanczosUpsample(const torch::Tensor& image, int scale);

/// [..., H, W] moved by (dy, dx) pixels (fractions allowed) with a Fourier phase ramp: the content at
/// (y, x) goes to (y + dy, x + dx), wrapping around the edges. Band-limited content moves exactly.
torch::Tensor fourierShift(const torch::Tensor& image, double dy, double dx);

/**
 * Data consistency for super-resolution: replaces the components of `estimate` [..., sH, sW] inside
 * the band of `measured` [..., H, W] by those of `measured`, keeping only detail beyond its Nyquist
 * limit: estimate − P(estimate) + pad(measured), with P = pad ∘ crop the projection onto that band.
 * Fourier-cropping the result back to H × W gives `measured` exactly (to float precision).
 */
torch::Tensor enforceConsistency(const torch::Tensor& estimate, const torch::Tensor& measured);

} // namespace cryosr
