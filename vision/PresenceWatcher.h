#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "vision/FrameSource.h"
#include "vision/PresenceDetector.h"

namespace vax {

/// Settings for PresenceWatcher.
struct PresenceWatchOptions {
    /// Faces are looked for at most this often: a person takes a second to step up, and
    /// checking every frame would keep a core busy while nobody is there.
    double checksPerSecond = 5;
    /// A person counts as gone after no face for this long (a glance away is not leaving).
    std::chrono::milliseconds leaveAfter{1500};
    /// While nobody is there, a frame is searched only when the scene moved (mean absolute
    /// difference of a small thumbnail, in grey levels) or after `idleRecheck`, so an empty
    /// entrance costs almost nothing and a person who arrived while unseen is still found.
    double motionThreshold = 3.0;
    std::chrono::milliseconds idleRecheck{2000};
};

/// Watches a frame source on its own thread and reports when a person arrives at the kiosk
/// (the first frame with a face) and when they leave. Frames between checks are read and
/// dropped so that the source never backs up.
class PresenceWatcher {
public:
    /// Called on the watcher thread: true when a person arrives, false when they leave.
    using Callback = std::function<void(bool present, std::chrono::steady_clock::time_point at)>;

    PresenceWatcher(std::unique_ptr<FrameSource> source, PresenceDetector detector,
                    PresenceWatchOptions options, Callback onChange);
    /// Stops and joins the thread.
    ~PresenceWatcher();
    PresenceWatcher(const PresenceWatcher&) = delete;
    PresenceWatcher& operator=(const PresenceWatcher&) = delete;

    void start();
    void stop();
    /// True while a person is in front of the kiosk.
    bool present() const { return m_present; }
    /// Frames looked at for faces, and frames read in all.
    std::uint64_t framesChecked() const { return m_checked; }
    std::uint64_t framesRead() const { return m_read; }

private:
    void run();  // runs on the watcher thread

    std::unique_ptr<FrameSource> m_source;
    PresenceDetector m_detector;
    const PresenceWatchOptions m_options;
    const Callback m_onChange;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_present{false};
    std::atomic<std::uint64_t> m_checked{0};
    std::atomic<std::uint64_t> m_read{0};
    std::thread m_thread;  // last: joined before the members above go away
};

}  // namespace vax
