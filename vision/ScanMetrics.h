#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vax {

/// Keeps the last N samples of a duration (ms) for percentiles, in fixed memory.
class SampleWindow {
public:
    explicit SampleWindow(std::size_t capacity = 1024) : m_samples(capacity) {}
    void add(double value);
    std::size_t size() const { return m_count < m_samples.size() ? m_count : m_samples.size(); }
    /// Percentile (0..1) of the kept samples, nearest rank; 0 when empty.
    double percentile(double p) const;

private:
    std::vector<double> m_samples;
    std::size_t m_count = 0;
};

/// A snapshot of the pipeline's figures.
struct ScanMetrics {
    std::int64_t framesIn = 0;       ///< captured
    std::int64_t framesDecoded = 0;  ///< run through the decoder
    std::int64_t framesDropped = 0;  ///< replaced before the decoder took them
    std::int64_t framesWithCodes = 0;
    std::int64_t newCodes = 0;  ///< "new code" events
    double decodeMsP50 = 0;
    double decodeMsP95 = 0;
    double decodeMsMax = 0;
    double latencyMsP50 = 0;  ///< capture to decoded result
    double latencyMsP95 = 0;
};

}  // namespace vax
