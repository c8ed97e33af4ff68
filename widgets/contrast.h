#pragma once
// Display contrast from the data: robust limits that hot pixels and dead areas cannot wreck.

#include "floatimage.h"

#include <vector>

/// A display window: `low` maps to the colormap's first colour, `high` to its last.
struct ContrastLimits {
    float low = 0.0f;
    float high = 1.0f;
    bool operator==(const ContrastLimits&) const = default;
};

/// How the window is chosen: percentiles of the data (default 0.5 / 99.5 %), mean ± kσ, or by hand.
enum class ContrastMode { Percentiles, MeanSigma, Manual };

/// Limits at the given percentiles (0-100) of the finite samples; a constant image gets a window of
/// width 1 around its value. Images over ~256 k samples are measured on an even subsample.
ContrastLimits percentileLimits(const FloatImage& image, double lowPercent = 0.5, double highPercent = 99.5);
/// mean ± k standard deviations of the finite samples (same subsampling).
ContrastLimits meanSigmaLimits(const FloatImage& image, double k = 3.0);

/// Counts of finite samples in `bins` equal bins over [low, high); samples outside are not counted.
/// Images beyond 1 M samples are counted on an even subsample, each sample standing for its stride.
struct Histogram {
    float low = 0.0f;
    float high = 1.0f;
    std::vector<double> counts;
};
Histogram histogram(const FloatImage& image, float low, float high, int bins = 256);
/// The range a histogram should span: the 0.1-99.9 % range widened by 20 % each side, so the window
/// can be dragged past the bulk of the data while hot pixels (even 0.05 % of them) do not squash the plot.
ContrastLimits histogramRange(const FloatImage& image);
