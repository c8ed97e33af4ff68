#include "diffusion/normalization.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cryosr {

namespace {
double median(std::vector<double>& values)
{
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}
} // namespace

Normalization robustNormalization(const float* samples, std::size_t count)
{
    constexpr std::size_t kMaxSamples = 1u << 22;
    const std::size_t stride = std::max<std::size_t>(1, count / kMaxSamples);
    std::vector<double> values;
    values.reserve(count / stride + 1);
    for (std::size_t i = 0; i < count; i += stride)
        if (std::isfinite(samples[i]))
            values.push_back(samples[i]);
    if (values.empty())
        return {};

    double mean = 0.0;
    for (const double v : values)
        mean += v;
    mean /= static_cast<double>(values.size());
    double variance = 0.0;
    for (const double v : values)
        variance += (v - mean) * (v - mean);
    const double standardDeviation = std::sqrt(variance / static_cast<double>(values.size()));

    Normalization n;
    n.centre = median(values);
    for (double& v : values)
        v = std::abs(v - n.centre);
    const double mad = 1.4826 * median(values);
    n.scale = mad > 0.0 ? mad : (standardDeviation > 0.0 ? standardDeviation : 1.0);
    return n;
}

void fillNonFinite(float* samples, std::size_t count, double value)
{
    for (std::size_t i = 0; i < count; ++i)
        if (!std::isfinite(samples[i]))
            samples[i] = static_cast<float>(value);
}

void normalize(float* samples, std::size_t count, const Normalization& n)
{
    for (std::size_t i = 0; i < count; ++i)
        samples[i] = static_cast<float>((samples[i] - n.centre) / n.scale);
}

void denormalize(float* samples, std::size_t count, const Normalization& n)
{
    for (std::size_t i = 0; i < count; ++i)
        samples[i] = static_cast<float>(samples[i] * n.scale + n.centre);
}

} // namespace cryosr
