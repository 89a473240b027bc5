#pragma once

#include <algorithm>
#include <chrono>
#include <random>

namespace vax {

/// How often and how patiently an idempotent request is retried after a retryable failure.
struct RetryPolicy {
    int maxAttempts = 3;                       ///< tries in all, the first one included
    std::chrono::milliseconds baseDelay{100};  ///< ceiling of the wait before the first retry
    std::chrono::milliseconds maxDelay{2000};  ///< no wait is ever longer than this
};

/// The ceiling of the wait before retry number `retry` (1 = after the first attempt):
/// min(maxDelay, baseDelay * 2^(retry - 1)), never negative.
inline std::chrono::milliseconds backoffCeiling(const RetryPolicy& policy, int retry) noexcept {
    const auto cap = std::max(policy.maxDelay, std::chrono::milliseconds{0});
    auto ceiling = std::clamp(policy.baseDelay, std::chrono::milliseconds{0}, cap);
    // Doubling step by step (instead of a shift) cannot overflow and stops at the cap.
    for (int i = 1; i < retry && ceiling < cap; ++i) {
        ceiling = ceiling > cap / 2 ? cap : ceiling * 2;
    }
    return ceiling;
}

/// "Full jitter" backoff: a wait drawn uniformly from [0, backoffCeiling(policy, retry)], so
/// that kiosks that failed together (an upstream restart) do not retry in lockstep.
template <std::uniform_random_bit_generator Rng>
std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int retry, Rng& rng) {
    std::uniform_int_distribution<std::chrono::milliseconds::rep> pick(
        0, backoffCeiling(policy, retry).count());
    return std::chrono::milliseconds{pick(rng)};
}

}  // namespace vax
