#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "vision/FrameSource.h"

namespace vax::app {

/// The demo's replayed camera, drawn as it plays: an empty scene, a phone showing a health
/// code, an empty scene, a phone showing an electronic ID, and again. Each round asks for a
/// fresh health code, as a phone app refreshes it, so the kiosk's replay check passes.
/// Frames are drawn a few at a time when a phase begins (capture thread), not at start-up.
class DemoFrameSource : public FrameSource {
public:
    DemoFrameSource(std::function<std::string()> healthCode, std::string residentIdCode,
                    double fps = 15);

    std::optional<Frame> next() override;  // runs on the capture thread
    SourceStatus status() const override { return {SourceState::Ok, "demo camera"}; }
    std::string name() const override { return "demo camera"; }

private:
    void beginPhase(int phase);

    std::function<std::string()> m_healthCode;
    std::string m_residentIdCode;
    std::chrono::nanoseconds m_period;
    std::chrono::steady_clock::time_point m_due{};
    std::int64_t m_index = 0;
    int m_phase = -1;
    int m_framesInPhase = 0;
    std::vector<cv::Mat> m_frames;  // the variations shown in the current phase
};

}  // namespace vax::app
