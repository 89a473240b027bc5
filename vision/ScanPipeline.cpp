#include "vision/ScanPipeline.h"

#include <algorithm>
#include <string>

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kFirstFaultPause{20};
constexpr std::chrono::milliseconds kMaxFaultPause{1000};

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::optional<cv::Rect> hintFrom(const std::vector<DecodedCode>& codes) {
    if (codes.empty()) {
        return std::nullopt;
    }
    cv::Rect all = codes.front().bounds();
    for (const auto& code : codes) {
        all |= code.bounds();
    }
    return all;
}

}  // namespace

ScanPipeline::ScanPipeline(std::unique_ptr<FrameSource> source, PipelineOptions options,
                           PipelineCallbacks callbacks)
    : m_source(std::move(source)),
      m_sourceName(m_source->name()),
      m_options(options),
      m_callbacks(std::move(callbacks)) {}

ScanPipeline::~ScanPipeline() {
    stop();
}

void ScanPipeline::start() {
    m_capture = std::thread([this] { captureLoop(); });
    m_decode = std::thread([this] { decodeLoop(); });
}

void ScanPipeline::stop() {
    m_stopping = true;
    m_slot.close();
    if (m_capture.joinable()) {
        m_capture.join();
    }
    if (m_decode.joinable()) {
        m_decode.join();
    }
}

// Each thread catches at its top: a throwing source or decoder must not end the thread (and
// with it the app, through std::terminate). The fault shows as the camera's health, Degraded
// with the message, and the thread carries on; a source that keeps throwing is retried with
// a growing pause, as a lost camera is reopened with backoff.
void ScanPipeline::captureLoop() {
    SourceState last = SourceState::Ok;
    std::chrono::milliseconds pause = kFirstFaultPause;
    while (!m_stopping) {
        try {
            if (!captureOne(last)) {
                break;
            }
            noteStep(Step::Capture, std::nullopt);
            pause = kFirstFaultPause;
        } catch (const std::exception& e) {
            noteStep(Step::Capture, "the camera failed (" + std::string(e.what()) + "); retrying");
            pauseAfterFault(pause);
        } catch (...) {
            noteStep(Step::Capture, "the camera failed; retrying");
            pauseAfterFault(pause);
        }
    }
    m_captureDone = true;
}

bool ScanPipeline::captureOne(SourceState& last) {
    std::optional<Frame> frame = m_source->next();
    if (frame) {
        {
            std::lock_guard lock(m_metricsMutex);
            ++m_counts.framesIn;
        }
        m_slot.put(std::move(*frame));
    }
    const SourceStatus status = m_source->status();
    if (status.state != last) {
        noteSource(status);
        if (m_callbacks.sourceStatus) {
            m_callbacks.sourceStatus(status);
        }
    }
    last = status.state;
    return status.state != SourceState::Ended && status.state != SourceState::Failed;
}

void ScanPipeline::pauseAfterFault(std::chrono::milliseconds& pause) {
    const auto until = Clock::now() + pause;
    while (!m_stopping && Clock::now() < until) {
        std::this_thread::sleep_for(std::min(std::chrono::milliseconds(10), pause));
    }
    pause = std::min(pause * 2, kMaxFaultPause);
}

void ScanPipeline::decodeLoop() {
    CodeConfirmer confirmer(m_options.confirm);
    std::optional<cv::Rect> hint;
    std::int64_t sinceFullPass = 0;
    while (!m_stopping) {
        std::optional<Frame> frame = m_slot.take(std::chrono::milliseconds(50));
        if (!frame) {
            if (m_captureDone) {
                break;  // the source ended and its last frame is done
            }
            continue;
        }
        try {
            decodeOne(*frame, confirmer, hint, sinceFullPass);
            noteStep(Step::Decode, std::nullopt);
        } catch (const std::exception& e) {
            hint.reset();  // the next frame starts afresh
            noteStep(Step::Decode, "decoding failed (" + std::string(e.what()) + ")");
        } catch (...) {
            hint.reset();
            noteStep(Step::Decode, "decoding failed");
        }
    }
    {
        std::lock_guard lock(m_metricsMutex);
        m_decodeDone = true;
    }
    m_drained.notify_all();
}

void ScanPipeline::decodeOne(Frame& frame, CodeConfirmer& confirmer, std::optional<cv::Rect>& hint,
                             std::int64_t& sinceFullPass) {
    DecodeOptions options = m_options.decode;
    const bool costlyTurn = ++sinceFullPass >= std::max(m_options.fullResolutionEvery, 1);
    options.fullResolution = options.fullResolution && costlyTurn;
    options.tryInverted = options.tryInverted && costlyTurn;
    const cv::Mat grey = toGrey(frame.image);
    const auto started = Clock::now();
    DecodeResult result = m_options.decoder ? m_options.decoder(grey, options, hint)
                                            : decodeGrey(grey, options, hint);
    const auto finished = Clock::now();
    if (costlyTurn) {
        sinceFullPass = 0;
    }
    hint = hintFrom(result.codes);

    int fired = 0;
    if (m_callbacks.codesInView) {
        m_callbacks.codesInView({frame.index, grey.size(), result.codes});
    }
    for (const DecodedCode& code : result.codes) {
        if (confirmer.observe(code.text, finished)) {
            ++fired;
            if (m_callbacks.newCode) {
                m_callbacks.newCode(
                    {code.text, std::string(toString(code.format)), m_sourceName, finished});
            }
        }
    }
    std::lock_guard lock(m_metricsMutex);
    ++m_counts.framesDecoded;
    m_counts.framesWithCodes += result.codes.empty() ? 0 : 1;
    m_counts.newCodes += fired;
    m_decodeMs.add(msBetween(started, finished));
    m_latencyMs.add(msBetween(frame.capturedAt, finished));
}

void ScanPipeline::noteStep(Step step, const std::optional<std::string>& fault) {
    DeviceHealth now;
    {
        std::lock_guard lock(m_healthMutex);
        bool& faulty = step == Step::Capture ? m_captureFaulty : m_decodeFaulty;
        if (!fault && !faulty) {
            return;  // the usual good step: nothing changes
        }
        faulty = fault.has_value();
        if (fault) {
            m_health = {DeviceState::Degraded, *fault};
        } else if (!m_captureFaulty && !m_decodeFaulty) {
            m_health = m_sourceHealth;  // recovered: the source's own word again
        } else {
            return;  // the other thread's fault still stands
        }
        now = m_health;
    }
    tellHealth(now);
}

void ScanPipeline::noteSource(const SourceStatus& status) {
    DeviceHealth now;
    {
        std::lock_guard lock(m_healthMutex);
        m_sourceHealth = toDeviceHealth(status);
        if (m_captureFaulty || m_decodeFaulty) {
            return;  // the fault's message stays until it clears
        }
        m_health = m_sourceHealth;
        now = m_health;
    }
    tellHealth(now);
}

void ScanPipeline::tellHealth(const DeviceHealth& health) {
    if (!m_callbacks.health) {
        return;
    }
    try {
        m_callbacks.health(health);
    } catch (...) {
        // Called from the threads' catch handlers too: nothing may escape from here.
    }
}

DeviceHealth ScanPipeline::health() const {
    std::lock_guard lock(m_healthMutex);
    return m_health;
}

bool ScanPipeline::waitUntilDrained(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_metricsMutex);
    return m_drained.wait_for(lock, timeout, [this] { return m_decodeDone; });
}

ScanMetrics ScanPipeline::metrics() const {
    std::lock_guard lock(m_metricsMutex);
    ScanMetrics out = m_counts;
    out.framesDropped = m_slot.dropped();
    out.decodeMsP50 = m_decodeMs.percentile(0.5);
    out.decodeMsP95 = m_decodeMs.percentile(0.95);
    out.decodeMsMax = m_decodeMs.percentile(1.0);
    out.latencyMsP50 = m_latencyMs.percentile(0.5);
    out.latencyMsP95 = m_latencyMs.percentile(0.95);
    return out;
}

}  // namespace vax
