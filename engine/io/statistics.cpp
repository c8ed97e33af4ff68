#include "io/statistics.h"

#include <algorithm>
#include <cmath>

namespace cryosr {

void RunningStatistics::add(const float* samples, std::size_t count)
{
    // One block: a plain two-pass mean/variance, then merged into the running totals.
    RunningStatistics block;
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const float v = samples[i];
        if (!std::isfinite(v)) {
            ++block.m_nonFinite;
            continue;
        }
        ++block.m_count;
        sum += v;
        block.m_min = std::min<double>(block.m_min, v);
        block.m_max = std::max<double>(block.m_max, v);
    }
    if (block.m_count > 0) {
        block.m_mean = sum / static_cast<double>(block.m_count);
        double squares = 0.0;
        for (std::size_t i = 0; i < count; ++i) {
            if (std::isfinite(samples[i])) {
                const double d = samples[i] - block.m_mean;
                squares += d * d;
            }
        }
        block.m_sumSquaredDeviations = squares;
    }
    merge(block);
}

void RunningStatistics::merge(const RunningStatistics& other)
{
    m_nonFinite += other.m_nonFinite;
    if (other.m_count == 0)
        return;
    if (m_count == 0) {
        const std::uint64_t nonFinite = m_nonFinite;
        *this = other;
        m_nonFinite = nonFinite;
        return;
    }
    const double n = static_cast<double>(m_count + other.m_count);
    const double delta = other.m_mean - m_mean;
    m_mean += delta * static_cast<double>(other.m_count) / n;
    m_sumSquaredDeviations += other.m_sumSquaredDeviations
        + delta * delta * static_cast<double>(m_count) * static_cast<double>(other.m_count) / n;
    m_count += other.m_count;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

double RunningStatistics::standardDeviation() const
{
    if (m_count == 0)
        return 0.0;
    return std::sqrt(m_sumSquaredDeviations / static_cast<double>(m_count));
}

} // namespace cryosr
