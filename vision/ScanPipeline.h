#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "vision/BarcodeDecoder.h"
#include "vision/CodeConfirmer.h"
#include "vision/FrameSource.h"
#include "vision/LatestFrameSlot.h"
#include "vision/ScanMetrics.h"
#include "vision/ScannedCode.h"

namespace vax {

/// Decodes one grey frame; decodeGrey unless a test or a second decoder stands in.
using FrameDecoder = std::function<DecodeResult(const cv::Mat& grey, const DecodeOptions& options,
                                                std::optional<cv::Rect> hint)>;

struct PipelineOptions {
    DecodeOptions decode;
    FrameDecoder decoder;  ///< empty: decodeGrey
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
    /// The camera's health changed: the source's state (toDeviceHealth), or Degraded with the
    /// message while capturing or decoding throws (both threads catch and carry on). Capture
    /// or decode thread.
    std::function<void(const DeviceHealth&)> health;
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
    /// The camera's health now (as the `health` callback last said). Any thread.
    DeviceHealth health() const;

private:
    void captureLoop();  // runs on the capture thread
    void decodeLoop();   // runs on the decode thread
    enum class Step { Capture, Decode };
    bool captureOne(SourceState& last);  // false: the source ended or failed; capture thread
    void decodeOne(Frame& frame, CodeConfirmer& confirmer, std::optional<cv::Rect>& hint,
                   std::int64_t& sinceFullPass);  // decode thread
    // A step ended: `fault` says why it threw (Degraded until that thread's next good step).
    void noteStep(Step step, const std::optional<std::string>& fault);
    void noteSource(const SourceStatus& status);  // capture thread
    void tellHealth(const DeviceHealth& health);
    void pauseAfterFault(std::chrono::milliseconds& pause);  // capture thread

    std::unique_ptr<FrameSource> m_source;
    std::string m_sourceName;
    PipelineOptions m_options;
    PipelineCallbacks m_callbacks;
    LatestFrameSlot m_slot;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_captureDone{false};
    std::thread m_capture;
    std::thread m_decode;

    mutable std::mutex m_healthMutex;
    DeviceHealth m_sourceHealth = toDeviceHealth(SourceStatus{});  // the source's own word
    DeviceHealth m_health = m_sourceHealth;
    bool m_captureFaulty = false;  // the capture thread's last step threw
    bool m_decodeFaulty = false;   // the decode thread's last step threw

    mutable std::mutex m_metricsMutex;
    std::condition_variable m_drained;
    bool m_decodeDone = false;
    ScanMetrics m_counts;
    SampleWindow m_decodeMs;
    SampleWindow m_latencyMs;
};

}  // namespace vax
