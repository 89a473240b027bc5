#include "DemoFrameSource.h"

#include <algorithm>
#include <thread>

#include "vision/SyntheticFrames.h"

namespace vax::app {

namespace {

const cv::Size kFrameSize(1280, 720);
// Seconds of each phase: nothing (3 s at the start, then 2 s), a code (3 s), and so on.
constexpr double kFirstEmptySeconds = 3.0;
constexpr double kEmptySeconds = 2.0;
constexpr double kCodeSeconds = 3.0;
constexpr int kVariations = 4;  // a hand is never quite still

double phaseSeconds(int phase) {
    return phase % 2 == 1 ? kCodeSeconds : phase == 0 ? kFirstEmptySeconds : kEmptySeconds;
}

}  // namespace

DemoFrameSource::DemoFrameSource(std::vector<DemoShot> shots, double fps)
    : m_shots(std::move(shots)), m_period(std::chrono::nanoseconds(std::int64_t(1e9 / fps))) {}

void DemoFrameSource::beginPhase(int phase) {
    m_phase = phase;
    m_framesInPhase = 0;
    m_frames.clear();
    const bool shows = phase % 2 == 1 && std::size_t(phase / 2) < m_shots.size();
    const DemoShot* shown = shows ? &m_shots[std::size_t(phase / 2)] : nullptr;
    const cv::Mat code = shown ? renderCode(shown->text, shown->format, 6) : cv::Mat();
    for (int i = 0; i < kVariations; ++i) {
        const auto seed = std::uint32_t(m_index + i);
        if (!shows) {
            m_frames.push_back(emptyFrame(kFrameSize, seed));
            continue;
        }
        // Paper held under the camera: flat, turned a little. A 1D label is drawn only 60 px
        // tall: held nearly straight, so a scan line crosses all bars.
        const double degrees = shown->format == CodeFormat::Code128 ? 0.5 * i : 4.0 + i;
        m_frames.push_back(tiltedLabelPhoto(code, degrees, 1.0, kFrameSize, seed));
    }
}

std::optional<Frame> DemoFrameSource::next() {
    const auto now = std::chrono::steady_clock::now();
    if (m_due > now) {
        std::this_thread::sleep_until(m_due);
    }
    m_due = std::max(m_due, now) + m_period;
    const double fps = 1e9 / double(m_period.count());
    if (m_phase < 0 || m_framesInPhase >= int(phaseSeconds(m_phase) * fps)) {
        beginPhase((m_phase + 1) % int(std::max<std::size_t>(2 * m_shots.size(), 2)));
    }
    Frame frame;
    frame.image = m_frames[std::size_t(m_framesInPhase % kVariations)];
    frame.index = m_index++;
    frame.capturedAt = std::chrono::steady_clock::now();
    ++m_framesInPhase;
    return frame;
}

}  // namespace vax::app
