#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

#include "vision/FrameSource.h"

namespace vax {

/// A one-frame mailbox between the capture and decode threads: the newest frame wins. Capture
/// never waits for decoding; a frame replaced before it was taken is dropped and counted.
class LatestFrameSlot {
public:
    /// Puts a frame in, replacing (and dropping) one not yet taken. Runs on the capture thread.
    void put(Frame frame) {
        {
            std::lock_guard lock(m_mutex);
            if (m_frame) {
                ++m_dropped;
            }
            m_frame = std::move(frame);
        }
        m_ready.notify_one();
    }

    /// Takes the newest frame, waiting up to `timeout`; nullopt on timeout or close().
    /// Runs on the decode thread.
    std::optional<Frame> take(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, timeout, [this] { return m_frame.has_value() || m_closed; });
        std::optional<Frame> out = std::move(m_frame);
        m_frame.reset();
        return out;
    }

    /// Wakes the taker for good (shutdown).
    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }

    std::int64_t dropped() const {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::optional<Frame> m_frame;
    std::int64_t m_dropped = 0;
    bool m_closed = false;
};

}  // namespace vax
