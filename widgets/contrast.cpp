#include "contrast.h"

#include <algorithm>
#include <cmath>
#include <vector>

ContrastLimits percentileLimits(const FloatImage& image, double lowPercent, double highPercent)
{
    constexpr qsizetype kMaxSamples = 1 << 22;
    const qsizetype n = image.samples.size();
    const qsizetype stride = std::max<qsizetype>(1, n / kMaxSamples);
    std::vector<float> values;
    values.reserve(static_cast<std::size_t>(n / stride + 1));
    for (qsizetype i = 0; i < n; i += stride)
        if (std::isfinite(image.samples[i]))
            values.push_back(image.samples[i]);
    if (values.empty())
        return {};
    auto at = [&](double percent) {
        const auto k = static_cast<std::size_t>(std::clamp(percent / 100.0, 0.0, 1.0) * (values.size() - 1));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
        return values[k];
    };
    ContrastLimits limits{at(lowPercent), at(highPercent)};
    if (!(limits.high > limits.low)) {
        limits.low -= 0.5f;
        limits.high = limits.low + 1.0f;
    }
    return limits;
}
