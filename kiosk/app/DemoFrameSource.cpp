#include "DemoFrameSource.h"

#include <thread>

#include "vision/SyntheticFrames.h"

namespace vax::app {

namespace {

const cv::Size kFrameSize(1280, 720);
// Seconds of each phase: nothing, health code, nothing, e-ID.
constexpr double kPhaseSeconds[] = {3.0, 3.0, 2.0, 3.0};
constexpr int kVariations = 4;  // a hand is never quite still

}  // namespace

DemoFrameSource::DemoFrameSource(std::function<std::string()> healthCode,
                                 std::string residentIdCode, double fps)
    : m_healthCode(std::move(healthCode)),
      m_residentIdCode(std::move(residentIdCode)),
      m_period(std::chrono::nanoseconds(std::int64_t(1e9 / fps))) {}

void DemoFrameSource::beginPhase(int phase) {
    m_phase = phase;
    m_framesInPhase = 0;
    m_frames.clear();
    const bool shows = phase % 2 == 1;
    const cv::Mat code =
        shows ? renderCode(phase == 1 ? m_healthCode() : m_residentIdCode, CodeFormat::QRCode, 6)
              : cv::Mat();
    for (int i = 0; i < kVariations; ++i) {
        const auto seed = std::uint32_t(m_index + i);
        if (!shows) {
            m_frames.push_back(emptyFrame(kFrameSize, seed));
            continue;
        }
        PhoneShot shot;
        shot.frameSize = kFrameSize;
        shot.seed = seed;
        // A signed code is dense: the phone is held closer and straighter than in vaxctl's
        // demo video, as people do when the kiosk does not react.
        shot.codeFraction = 0.6;
        shot.tiltDegrees = 8;
        shot.rotateDegrees = 2 + i;
        shot.blurSigma = 0.6;
        m_frames.push_back(phoneFrame(code, shot));
    }
}

std::optional<Frame> DemoFrameSource::next() {
    const auto now = std::chrono::steady_clock::now();
    if (m_due > now) {
        std::this_thread::sleep_until(m_due);
    }
    m_due = std::max(m_due, now) + m_period;
    const double fps = 1e9 / double(m_period.count());
    if (m_phase < 0 || m_framesInPhase >= int(kPhaseSeconds[m_phase] * fps)) {
        beginPhase((m_phase + 1) % 4);
    }
    Frame frame;
    frame.image = m_frames[std::size_t(m_framesInPhase % kVariations)];
    frame.index = m_index++;
    frame.capturedAt = std::chrono::steady_clock::now();
    ++m_framesInPhase;
    return frame;
}

}  // namespace vax::app
