#include "vision/PresenceWatcher.h"

#include <opencv2/imgproc.hpp>

namespace vax {

PresenceWatcher::PresenceWatcher(std::unique_ptr<FrameSource> source, PresenceDetector detector,
                                 PresenceWatchOptions options, Callback onChange)
    : m_source(std::move(source)),
      m_detector(std::move(detector)),
      m_options(options),
      m_onChange(std::move(onChange)) {}

PresenceWatcher::~PresenceWatcher() {
    stop();
}

void PresenceWatcher::start() {
    if (m_thread.joinable()) {
        return;
    }
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void PresenceWatcher::stop() {
    m_stop = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void PresenceWatcher::run() {
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / std::max(0.1, m_options.checksPerSecond)));
    Clock::time_point nextCheck{};
    Clock::time_point lastFace{};
    Clock::time_point lastSearch{};
    cv::Mat lastThumb;
    while (!m_stop) {
        auto frame = m_source->next();
        if (!frame) {
            const SourceState state = m_source->status().state;
            if (state == SourceState::Ended || state == SourceState::Failed) {
                break;
            }
            continue;  // reconnecting: next() returns within its backoff step
        }
        ++m_read;
        const Clock::time_point at = frame->capturedAt;
        if (at < nextCheck) {
            continue;
        }
        nextCheck = at + interval;
        if (!m_present) {
            // Nobody there: search only when the scene moved, or now and then.
            cv::Mat grey;
            const cv::Mat& image = frame->image;
            if (image.channels() == 1) {
                cv::resize(image, grey, cv::Size(64, 36), 0, 0, cv::INTER_AREA);
            } else {
                cv::Mat small;
                cv::resize(image, small, cv::Size(64, 36), 0, 0, cv::INTER_AREA);
                cv::cvtColor(small, grey,
                             image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
            }
            const bool moved =
                lastThumb.empty() || cv::norm(grey, lastThumb, cv::NORM_L1) / double(grey.total()) >
                                         m_options.motionThreshold;
            lastThumb = grey;
            if (!moved && at - lastSearch < m_options.idleRecheck) {
                continue;
            }
        }
        lastSearch = at;
        ++m_checked;
        if (m_detector.present(frame->image)) {
            lastFace = at;
            if (!m_present.exchange(true) && m_onChange) {
                m_onChange(true, at);
            }
        } else if (m_present && at - lastFace >= m_options.leaveAfter) {
            m_present = false;
            if (m_onChange) {
                m_onChange(false, at);
            }
        }
    }
}

}  // namespace vax
