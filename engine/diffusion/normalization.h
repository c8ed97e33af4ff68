#pragma once
// Robust per-image normalisation: micrographs carry hot pixels, dead areas and arbitrary units, so the
// network sees (x − median) / (1.4826 · MAD) and results are mapped back to the input's units.

#include <cstddef>

namespace cryosr {

/// x_normalised = (x − centre) / scale.
struct Normalization {
    double centre = 0.0;
    double scale = 1.0;
};

/**
 * Median and 1.4826 × median absolute deviation (the standard deviation for Gaussian data) of the
 * finite samples; hot pixels barely move either. When the MAD is 0 (mostly constant images) the
 * standard deviation is used, and 1 when that is 0 too. Images over ~4 M samples are measured on an
 * even subsample.
 */
Normalization robustNormalization(const float* samples, std::size_t count);

/// Sets every non-finite sample to `value` (the median, typically), so a NaN cannot spread through an FFT.
void fillNonFinite(float* samples, std::size_t count, double value);

void normalize(float* samples, std::size_t count, const Normalization& n);
void denormalize(float* samples, std::size_t count, const Normalization& n);

} // namespace cryosr
