#include "contrast.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace {

/// Every how many samples to take so at most `maxSamples` are read: 1 for smaller images. The stride
/// shares no factor with the width, so the samples taken do not line up in a few columns.
qsizetype sampleStride(const FloatImage& image, qsizetype maxSamples)
{
    qsizetype stride = image.isNull() ? 1 : std::max<qsizetype>(1, image.count() / maxSamples);
    while (stride > 1 && std::gcd(stride, qsizetype(image.size.width())) != 1)
        ++stride;
    return stride;
}

/// Finite samples, an even subsample of about 256 k for larger images: their percentiles are within
/// ~0.02 % (in rank) of the full image's, far below what a display window shows, and an 8192²
/// result's limits take milliseconds rather than a tenth of a second on the GUI thread.
std::vector<float> finiteSubsample(const FloatImage& image)
{
    const qsizetype n = image.isNull() ? 0 : image.count(), stride = sampleStride(image, 1 << 18);
    std::vector<float> values;
    values.reserve(static_cast<std::size_t>(n / stride + 1));
    const float* data = image.data();
    for (qsizetype i = 0; i < n; i += stride)
        if (std::isfinite(data[i]))
            values.push_back(data[i]);
    return values;
}

ContrastLimits widenIfEmpty(ContrastLimits limits)
{
    if (!(limits.high > limits.low)) {
        limits.low -= 0.5f;
        limits.high = limits.low + 1.0f;
    }
    return limits;
}

ContrastLimits percentilesOf(std::vector<float>& values, double lowPercent, double highPercent)
{
    if (values.empty())
        return {};
    auto at = [&](double percent) {
        const auto k = static_cast<std::size_t>(std::clamp(percent / 100.0, 0.0, 1.0) * (values.size() - 1));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
        return values[k];
    };
    return widenIfEmpty({at(lowPercent), at(highPercent)});
}

} // namespace

ContrastLimits percentileLimits(const FloatImage& image, double lowPercent, double highPercent)
{
    std::vector<float> values = finiteSubsample(image);
    return percentilesOf(values, lowPercent, highPercent);
}

ContrastLimits meanSigmaLimits(const FloatImage& image, double k)
{
    const std::vector<float> values = finiteSubsample(image);
    if (values.empty())
        return {};
    double sum = 0, squares = 0;
    for (float v : values)
        sum += v;
    const double mean = sum / values.size();
    for (float v : values)
        squares += (v - mean) * (v - mean);
    const double sigma = std::sqrt(squares / values.size());
    return widenIfEmpty({float(mean - k * sigma), float(mean + k * sigma)});
}

Histogram histogram(const FloatImage& image, float low, float high, int bins)
{
    Histogram h{low, high, std::vector<double>(static_cast<std::size_t>(std::max(1, bins)), 0.0)};
    if (image.isNull() || !(high > low))
        return h;
    const double perBin = h.counts.size() / (double(high) - low);
    const float* data = image.data();
    // Beyond 1 M samples every n-th one is counted (as n): the shape is the same, in a fraction of the time.
    const qsizetype n = image.count(), stride = sampleStride(image, 1 << 20);
    for (qsizetype i = 0; i < n; i += stride) {
        const double bin = (data[i] - double(low)) * perBin; // NaN fails both tests below
        if (bin >= 0 && bin < double(h.counts.size()))
            h.counts[static_cast<std::size_t>(bin)] += double(stride);
    }
    return h;
}

ContrastLimits histogramRange(const FloatImage& image)
{
    std::vector<float> values = finiteSubsample(image);
    ContrastLimits range = percentilesOf(values, 0.1, 99.9);
    const float margin = 0.2f * (range.high - range.low);
    return {range.low - margin, range.high + margin};
}
