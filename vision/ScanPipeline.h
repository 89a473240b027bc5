#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "vision/BarcodeDecoder.h"
#include "vision/CodeConfirmer.h"
#include "vision/FrameSource.h"
#include "vision/LatestFrameSlot.h"
#include "vision/ScanMetrics.h"
#include "vision/ScannedCode.h"

namespace vax {

struct PipelineOptions {
    DecodeOptions decode;
    ConfirmOptions confirm;
    /// With nothing in view, the costly passes (full resolution, inverted) run on every Nth
    /// frame only, so an idle kiosk does not burn a core; a code in view is found by the
    /// cheaper passes.
    int fullResolutionEvery = 4;
};

/// The codes on one decoded frame, for the overlay.
struct CodesInView {
    std::int64_t frameIndex = 0;
    cv::Size frameSize;
    std::vector<DecodedCode> codes;
};

struct PipelineCallbacks {
    /// Every decoded frame (also when empty, so the overlay clears). Decode thread.
    std::function<void(const CodesInView&)> codesInView;
    /// A confirmed new code: the business action. Decode thread.
    std::function<void(const ScannedCode&)> newCode;
    /// The source's state changed. Capture thread.
    std::function<void(const SourceStatus&)> sourceStatus;
};

/// Capture thread -> newest-frame slot -> decode thread. Capture never blocks on decoding;
/// frames that arrive while the decoder is busy replace each other and are counted as dropped.
class ScanPipeline {
public:
    ScanPipeline(std::unique_ptr<FrameSource> source, PipelineOptions options,
                 PipelineCallbacks callbacks);
    ~ScanPipeline();
    ScanPipeline(const ScanPipeline&) = delete;
    ScanPipeline& operator=(const ScanPipeline&) = delete;

    void start();
    /// Stops both threads and joins them. Safe to call twice.
    void stop();
    /// Waits until the source ended (a file played out) and its last frame was decoded.
    bool waitUntilDrained(std::chrono::milliseconds timeout);
    ScanMetrics metrics() const;

private:
    void captureLoop();  // runs on the capture thread
    void decodeLoop();   // runs on the decode thread

    std::unique_ptr<FrameSource> m_source;
    std::string m_sourceName;
    PipelineOptions m_options;
    PipelineCallbacks m_callbacks;
    LatestFrameSlot m_slot;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_captureDone{false};
    std::thread m_capture;
    std::thread m_decode;

    mutable std::mutex m_metricsMutex;
    std::condition_variable m_drained;
    bool m_decodeDone = false;
    ScanMetrics m_counts;
    SampleWindow m_decodeMs;
    SampleWindow m_latencyMs;
};

}  // namespace vax
