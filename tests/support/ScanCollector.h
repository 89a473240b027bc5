#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vision/DeviceLoop.h"
#include "vision/ScannedCode.h"

namespace vax::test {

/// Records what a scanner's callbacks deliver (on its reader thread) and lets a test wait
/// for it with a timeout instead of sleeping.
class ScanCollector {
public:
    using Clock = std::chrono::steady_clock;

    CodeCallback codeCallback() {
        return [this](const ScannedCode& code) {
            std::lock_guard lock(m_mutex);
            m_codes.push_back(code);
            m_changed.notify_all();
        };
    }

    StateCallback stateCallback() {
        return [this](ScannerState state, const std::string& message) {
            std::lock_guard lock(m_mutex);
            m_states.emplace_back(state, message);
            m_changed.notify_all();
        };
    }

    /// True once at least `count` codes have arrived, false after `timeout`.
    bool waitForCodes(std::size_t count, std::chrono::milliseconds timeout = kPatience) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_codes.size() >= count; });
    }

    /// Index of the first report of `state` at or after index `from`, once it arrives.
    std::optional<std::size_t> waitForState(ScannerState state, std::size_t from = 0,
                                            std::chrono::milliseconds timeout = kPatience) {
        std::unique_lock lock(m_mutex);
        std::optional<std::size_t> found;
        m_changed.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < m_states.size(); ++i) {
                if (m_states[i].first == state) {
                    found = i;
                    return true;
                }
            }
            return false;
        });
        return found;
    }

    std::vector<std::string> texts() const {
        std::lock_guard lock(m_mutex);
        std::vector<std::string> result;
        for (const ScannedCode& code : m_codes) {
            result.push_back(code.text);
        }
        return result;
    }

    std::vector<ScannedCode> codes() const {
        std::lock_guard lock(m_mutex);
        return m_codes;
    }

    std::vector<std::pair<ScannerState, std::string>> states() const {
        std::lock_guard lock(m_mutex);
        return m_states;
    }

    /// Generous: it bounds waits for things that normally take milliseconds, and sanitizer
    /// builds are slow.
    static constexpr std::chrono::milliseconds kPatience{5000};

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<ScannedCode> m_codes;
    std::vector<std::pair<ScannerState, std::string>> m_states;
};

}  // namespace vax::test
