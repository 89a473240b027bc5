#include "vision/ScanMetrics.h"

#include <algorithm>

namespace vax {

void SampleWindow::add(double value) {
    if (m_samples.empty()) {
        return;
    }
    m_samples[m_count % m_samples.size()] = value;
    ++m_count;
}

double SampleWindow::percentile(double p) const {
    const std::size_t n = size();
    if (n == 0) {
        return 0;
    }
    std::vector<double> sorted(m_samples.begin(), m_samples.begin() + std::ptrdiff_t(n));
    const auto rank = std::size_t(std::clamp(p, 0.0, 1.0) * double(n - 1) + 0.5);
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(rank), sorted.end());
    return sorted[rank];
}

}  // namespace vax
