#pragma once
// Display contrast from the data: robust limits that hot pixels and dead areas cannot wreck.

#include "floatimage.h"

/// A display window: `low` maps to black, `high` to white.
struct ContrastLimits {
    float low = 0.0f;
    float high = 1.0f;
};

/// Limits at the given percentiles (0-100) of the finite samples; a constant image gets a window of
/// width 1 around its value. Images over ~4 M samples are measured on an even subsample.
ContrastLimits percentileLimits(const FloatImage& image, double lowPercent = 0.5, double highPercent = 99.5);
