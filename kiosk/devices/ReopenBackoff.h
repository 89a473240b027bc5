#pragma once

#include <algorithm>
#include <chrono>

namespace vax {

/// When to try opening a lost device again: at once the first time, then after a wait that
/// doubles with each failure up to a maximum, and at once again after a success. Drivers
/// that open lazily on read() ask ready() instead of sleeping, so a read never blocks on it.
class ReopenBackoff {
public:
    using Clock = std::chrono::steady_clock;

    explicit ReopenBackoff(std::chrono::milliseconds initial = std::chrono::milliseconds{250},
                           std::chrono::milliseconds max = std::chrono::milliseconds{5000})
        : m_initial(initial), m_max(max) {}

    /// True when an attempt may be made at `now`.
    bool ready(Clock::time_point now = Clock::now()) const { return now >= m_next; }
    /// Records a failed attempt made at `now`: the next one waits longer.
    void failed(Clock::time_point now = Clock::now()) {
        m_wait = m_failures == 0 ? m_initial : std::min(m_wait * 2, m_max);
        ++m_failures;
        m_next = now + m_wait;
    }
    /// Records a success: the next loss is retried at once.
    void succeeded() {
        m_failures = 0;
        m_wait = m_initial;
        m_next = {};
    }
    /// The time of the next allowed attempt (the epoch when one is allowed now).
    Clock::time_point nextAttempt() const { return m_next; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_max;
    std::chrono::milliseconds m_wait = m_initial;
    int m_failures = 0;
    Clock::time_point m_next{};
};

}  // namespace vax
