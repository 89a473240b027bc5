#include "vision/ScanPipeline.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

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

void ScanPipeline::captureLoop() {
    SourceState last = SourceState::Ok;
    while (!m_stopping) {
        std::optional<Frame> frame = m_source->next();
        if (frame) {
            {
                std::lock_guard lock(m_metricsMutex);
                ++m_counts.framesIn;
            }
            m_slot.put(std::move(*frame));
        }
        const SourceStatus status = m_source->status();
        if (status.state != last && m_callbacks.sourceStatus) {
            m_callbacks.sourceStatus(status);
        }
        last = status.state;
        if (status.state == SourceState::Ended || status.state == SourceState::Failed) {
            break;
        }
    }
    m_captureDone = true;
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
        DecodeOptions options = m_options.decode;
        const bool costlyTurn = ++sinceFullPass >= std::max(m_options.fullResolutionEvery, 1);
        options.fullResolution = options.fullResolution && costlyTurn;
        options.tryInverted = options.tryInverted && costlyTurn;
        const cv::Mat grey = toGrey(frame->image);
        const auto started = Clock::now();
        DecodeResult result = decodeGrey(grey, options, hint);
        const auto finished = Clock::now();
        if (costlyTurn) {
            sinceFullPass = 0;
        }
        hint = hintFrom(result.codes);

        int fired = 0;
        if (m_callbacks.codesInView) {
            m_callbacks.codesInView({frame->index, grey.size(), result.codes});
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
        m_latencyMs.add(msBetween(frame->capturedAt, finished));
    }
    {
        std::lock_guard lock(m_metricsMutex);
        m_decodeDone = true;
    }
    m_drained.notify_all();
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
