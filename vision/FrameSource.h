#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

#include "core/DeviceHealth.h"
#include "core/Result.h"

namespace vax {

/// One captured frame.
struct Frame {
    cv::Mat image;           ///< BGR or grey, as the source delivers it
    std::int64_t index = 0;  ///< 0, 1, 2 ... per source
    std::chrono::steady_clock::time_point capturedAt;
};

/// What a source is doing, for the status strip and the logs.
enum class SourceState {
    Ok,            ///< delivering frames
    Reconnecting,  ///< lost (camera unplugged); reopening with backoff
    Ended,         ///< a file or folder played to its end
    Failed,        ///< cannot deliver at all (missing file, unreadable folder)
};

struct SourceStatus {
    SourceState state = SourceState::Ok;
    std::string message;  ///< for a person: what is wrong and what to do
};

/// The camera's health for the status strip: a lost camera being reopened is missing, a
/// source that cannot deliver is missing, a replayed file that ended is degraded.
inline DeviceHealth toDeviceHealth(const SourceStatus& status) {
    switch (status.state) {
        case SourceState::Ok:
            return {DeviceState::Ok, status.message.empty() ? "delivering frames" : status.message};
        case SourceState::Ended:
            return {DeviceState::Degraded, status.message};
        case SourceState::Reconnecting:
        case SourceState::Failed:
            return {DeviceState::Missing, status.message};
    }
    return {DeviceState::Missing, status.message};
}

/// Where frames come from. next() is called from one thread (the capture thread).
class FrameSource {
public:
    virtual ~FrameSource() = default;

    /// Blocks until the next frame is due (a file source paces itself at its fps) and returns
    /// it; nullopt when there is none now, with status() saying why. A reconnecting source
    /// returns within its backoff step so the caller can stop it.
    virtual std::optional<Frame> next() = 0;
    virtual SourceStatus status() const = 0;
    /// "camera /dev/video0", "video demo.mp4", ...
    virtual std::string name() const = 0;
};

struct CameraOptions {
    std::string device = "0";  ///< index ("0") or path ("/dev/video0")
    int width = 1280;
    int height = 720;
    double fps = 30;
    bool preferMjpg = true;  ///< USB cameras reach full frame rates only with MJPG
    std::chrono::milliseconds firstBackoff{250};
    std::chrono::milliseconds maxBackoff{5000};
};

/// A V4L2 camera through OpenCV. Unplugged: Reconnecting, and it reopens with backoff.
std::unique_ptr<FrameSource> openCamera(const CameraOptions& options);

struct FileOptions {
    double fps = 30;       ///< for folders; videos use their own rate unless this overrides
    bool realTime = true;  ///< pace frames at the fps, as a camera would deliver them
    bool loop = false;     ///< start again at the end (the demo)
};

/// A video file (anything OpenCV's FFmpeg backend opens). A missing file: Failed.
std::unique_ptr<FrameSource> openVideoFile(const std::filesystem::path& path,
                                           const FileOptions& options);

/// The images of a folder in name order (png, jpg, jpeg, webp, bmp). Unreadable images are
/// skipped and counted; a folder with none: Failed.
std::unique_ptr<FrameSource> openImageFolder(const std::filesystem::path& path,
                                             const FileOptions& options);

/// Opens "camera:0", "camera:/dev/video2", "/dev/videoN", a folder, or a video file path.
Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& spec,
                                                     const FileOptions& fileOptions = {});

}  // namespace vax
