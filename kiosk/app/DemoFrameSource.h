#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/CodeFormat.h"
#include "vision/FrameSource.h"

namespace vax::app {

/// One code the demo camera shows, printed (a slip, a ticket, a pack label) and held under it.
struct DemoShot {
    std::string text;
    CodeFormat format = CodeFormat::QRCode;
};

/// The demo station's and exit's camera, drawn as it plays: an empty scene before each of the
/// shots, in turn, and again. Their codes are signed with the site key the demo makes when it
/// starts, and a vaccine code binds only once, so they cannot come from a video made at build
/// time as the entry camera's do. Frames are drawn a few at a time when a phase begins
/// (capture thread), not at start-up.
class DemoFrameSource : public FrameSource {
public:
    explicit DemoFrameSource(std::vector<DemoShot> shots, double fps = 15);

    std::optional<Frame> next() override;  // runs on the capture thread
    SourceStatus status() const override { return {SourceState::Ok, "demo camera"}; }
    std::string name() const override { return "demo camera"; }

private:
    void beginPhase(int phase);

    std::vector<DemoShot> m_shots;
    std::chrono::nanoseconds m_period;
    std::chrono::steady_clock::time_point m_due{};
    std::int64_t m_index = 0;
    int m_phase = -1;
    int m_framesInPhase = 0;
    std::vector<cv::Mat> m_frames;  // the variations shown in the current phase
};

}  // namespace vax::app
