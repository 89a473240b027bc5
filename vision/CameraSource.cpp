// A V4L2 camera through OpenCV, reopened with backoff when it goes away.
#include <algorithm>
#include <opencv2/videoio.hpp>
#include <thread>

#include "core/CameraIndex.h"
#include "vision/FrameSource.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

class CameraSource : public FrameSource {
public:
    explicit CameraSource(CameraOptions options)
        : m_options(std::move(options)), m_backoff(m_options.firstBackoff) {
        m_status = {SourceState::Reconnecting, "opening camera " + m_options.device};
    }

    std::optional<Frame> next() override {
        if (!m_capture.isOpened() && !reopen()) {
            return std::nullopt;
        }
        Frame frame;
        if (!m_capture.read(frame.image) || frame.image.empty()) {
            m_capture.release();
            m_status = {SourceState::Reconnecting, "camera " + m_options.device +
                                                       " stopped delivering frames: check its "
                                                       "cable; reconnecting"};
            m_nextAttempt = Clock::now() + m_backoff;
            return std::nullopt;
        }
        frame.index = m_index++;
        frame.capturedAt = Clock::now();
        return frame;
    }

    SourceStatus status() const override { return m_status; }
    std::string name() const override { return "camera " + m_options.device; }

private:
    // Waits for the next attempt (at most one backoff step), then tries to open the device.
    bool reopen() {
        std::this_thread::sleep_until(m_nextAttempt);
        bool opened = false;
        if (isCameraIndex(m_options.device)) {
            const auto index = parseCameraIndex(m_options.device);
            if (!index) {
                // No retry can make the number fit: the configuration has to change.
                m_status = {SourceState::Failed, index.error().message};
                m_nextAttempt = Clock::now() + m_options.maxBackoff;
                return false;
            }
            opened = m_capture.open(*index, cv::CAP_V4L2);
        } else {
            opened = m_capture.open(m_options.device, cv::CAP_V4L2);
        }
        if (!opened) {
            m_status = {SourceState::Reconnecting,
                        "camera " + m_options.device + " not found: is it plugged in? retrying"};
            m_nextAttempt = Clock::now() + m_backoff;
            m_backoff = std::min(m_backoff * 2, m_options.maxBackoff);
            return false;
        }
        if (m_options.preferMjpg) {
            m_capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
        }
        m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_options.width);
        m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_options.height);
        m_capture.set(cv::CAP_PROP_FPS, m_options.fps);
        m_capture.set(cv::CAP_PROP_BUFFERSIZE, 1);  // the newest frame, not a stale queue
        m_status = {SourceState::Ok, "camera " + m_options.device + " delivering"};
        m_backoff = m_options.firstBackoff;
        return true;
    }

    CameraOptions m_options;
    cv::VideoCapture m_capture;
    SourceStatus m_status;
    std::chrono::milliseconds m_backoff;
    Clock::time_point m_nextAttempt = Clock::now();
    std::int64_t m_index = 0;
};

}  // namespace

std::unique_ptr<FrameSource> openCamera(const CameraOptions& options) {
    return std::make_unique<CameraSource>(options);
}

}  // namespace vax
