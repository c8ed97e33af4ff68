#pragma once
// The arithmetic of a network's forward pass as a formula in the input's size, so that a run's FLOPs can
// be counted without the network (in the GUI thread, for a time estimate). Plain C++.

#include <algorithm>

namespace cryosr {

/**
 * A forward pass on [batch, ·, height, width], padded up to a multiple of sizeMultiple (P pixels), costs
 * batch × (perPixel · P + perPixelSquared · P² + fixed) FLOPs: the convolutions, attention's two
 * products, the time embedding's linear layers (normalisation and activations, a few percent, left out).
 */
struct NetworkCost {
    double perPixel = 0.0;
    double perPixelSquared = 0.0;
    double fixed = 0.0;
    int sizeMultiple = 1;

    double forward(long long batch, int height, int width) const
    {
        const long long multiple = std::max(1, sizeMultiple);
        const double pixels = double((height + multiple - 1) / multiple * multiple)
            * double((width + multiple - 1) / multiple * multiple);
        return double(batch) * (perPixel * pixels + perPixelSquared * pixels * pixels + fixed);
    }
};

} // namespace cryosr
