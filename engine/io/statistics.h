#pragma once
// Streaming sample statistics over many sections, in double precision.

#include <cstddef>
#include <cstdint>
#include <limits>

namespace cryosr {

/// Accumulates min/max/mean/standard deviation of finite samples; non-finite ones are counted apart.
/// Sections are merged with Chan's pairwise update so huge stacks keep full precision.
class RunningStatistics {
public:
    void add(const float* samples, std::size_t count);
    void merge(const RunningStatistics& other);

    std::uint64_t count() const { return m_count; } ///< finite samples seen
    std::uint64_t nonFiniteCount() const { return m_nonFinite; } ///< NaN and ±inf samples
    double min() const { return m_min; }
    double max() const { return m_max; }
    double mean() const { return m_mean; }
    /// Population standard deviation (numpy's default, and MRC's RMS field).
    double standardDeviation() const;

private:
    std::uint64_t m_count = 0;
    std::uint64_t m_nonFinite = 0;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
    double m_mean = 0.0;
    double m_sumSquaredDeviations = 0.0;
};

} // namespace cryosr
