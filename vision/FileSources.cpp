// Video files and image folders: the demo's replayed camera and the tests' inputs.
#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <thread>

#include "core/CameraIndex.h"
#include "vision/FrameSource.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

// Paces frames like a camera: frame i is due at start + i / fps.
class Pacer {
public:
    Pacer(double fps, bool realTime) : m_fps(fps > 0 ? fps : 30), m_realTime(realTime) {}
    void waitFor(std::int64_t index) {
        if (!m_realTime) {
            return;
        }
        if (index == 0 || !m_start) {
            m_start = Clock::now();
        }
        const auto due = *m_start + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(double(index) / m_fps));
        std::this_thread::sleep_until(due);
    }
    void restart() { m_start.reset(); }

private:
    double m_fps;
    bool m_realTime;
    std::optional<Clock::time_point> m_start;
};

class VideoFileSource : public FrameSource {
public:
    VideoFileSource(std::filesystem::path path, const FileOptions& options)
        : m_path(std::move(path)), m_options(options), m_pacer(1, false) {
        if (!std::filesystem::is_regular_file(m_path)) {
            m_status = {SourceState::Failed, "video file " + m_path.string() + " not found"};
            return;
        }
        m_capture.open(m_path.string(), cv::CAP_FFMPEG);
        if (!m_capture.isOpened()) {
            m_status = {SourceState::Failed, "cannot open video " + m_path.string()};
            return;
        }
        const double fileFps = m_capture.get(cv::CAP_PROP_FPS);
        m_pacer = Pacer(fileFps > 0 ? fileFps : options.fps, options.realTime);
    }

    std::optional<Frame> next() override {
        if (m_status.state != SourceState::Ok) {
            return std::nullopt;
        }
        Frame frame;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (m_capture.read(frame.image) && !frame.image.empty()) {
                break;
            }
            if (!m_options.loop || attempt == 1 || m_index == 0) {
                m_status = {SourceState::Ended, "end of " + m_path.string()};
                return std::nullopt;
            }
            m_capture.set(cv::CAP_PROP_POS_FRAMES, 0);
            m_pacer.restart();
            m_loopBase = m_index;
        }
        m_pacer.waitFor(m_index - m_loopBase);
        frame.index = m_index++;
        frame.capturedAt = Clock::now();
        return frame;
    }

    SourceStatus status() const override { return m_status; }
    std::string name() const override { return "video " + m_path.filename().string(); }

private:
    std::filesystem::path m_path;
    FileOptions m_options;
    Pacer m_pacer;
    cv::VideoCapture m_capture;
    SourceStatus m_status;
    std::int64_t m_index = 0;
    std::int64_t m_loopBase = 0;
};

bool isImageFile(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp" || ext == ".bmp";
}

class ImageFolderSource : public FrameSource {
public:
    ImageFolderSource(std::filesystem::path path, const FileOptions& options)
        : m_path(std::move(path)), m_options(options), m_pacer(options.fps, options.realTime) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(m_path, ec)) {
            if (entry.is_regular_file() && isImageFile(entry.path())) {
                m_files.push_back(entry.path());
            }
        }
        if (ec) {
            m_status = {SourceState::Failed,
                        "cannot read folder " + m_path.string() + ": " + ec.message()};
        } else if (m_files.empty()) {
            m_status = {SourceState::Failed, "no images in folder " + m_path.string()};
        }
        std::sort(m_files.begin(), m_files.end());
    }

    std::optional<Frame> next() override {
        while (m_status.state == SourceState::Ok) {
            if (m_position == m_files.size()) {
                if (!m_options.loop || m_readable == 0) {
                    m_status = {SourceState::Ended, "end of folder " + m_path.string()};
                    return std::nullopt;
                }
                m_position = 0;
            }
            Frame frame;
            frame.image = cv::imread(m_files[m_position++].string(), cv::IMREAD_COLOR);
            if (frame.image.empty()) {
                ++m_unreadable;  // skipped, like a frame a camera failed to deliver
                continue;
            }
            ++m_readable;
            m_pacer.waitFor(m_index);
            frame.index = m_index++;
            frame.capturedAt = Clock::now();
            return frame;
        }
        return std::nullopt;
    }

    SourceStatus status() const override { return m_status; }
    std::string name() const override { return "images " + m_path.filename().string(); }

private:
    std::filesystem::path m_path;
    FileOptions m_options;
    Pacer m_pacer;
    std::vector<std::filesystem::path> m_files;
    std::size_t m_position = 0;
    std::int64_t m_index = 0;
    int m_readable = 0;
    int m_unreadable = 0;
    SourceStatus m_status;
};

}  // namespace

std::unique_ptr<FrameSource> openVideoFile(const std::filesystem::path& path,
                                           const FileOptions& options) {
    return std::make_unique<VideoFileSource>(path, options);
}

std::unique_ptr<FrameSource> openImageFolder(const std::filesystem::path& path,
                                             const FileOptions& options) {
    return std::make_unique<ImageFolderSource>(path, options);
}

Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& spec,
                                                     const FileOptions& fileOptions) {
    if (spec.rfind("camera:", 0) == 0 || spec.rfind("/dev/video", 0) == 0) {
        CameraOptions camera;
        camera.device = spec.rfind("camera:", 0) == 0 ? spec.substr(7) : spec;
        if (camera.device.empty()) {
            return Error{"camera source needs a device: camera:0 or camera:/dev/video0"};
        }
        if (isCameraIndex(camera.device)) {
            if (auto index = parseCameraIndex(camera.device); !index) {
                return index.error();
            }
        }
        return openCamera(camera);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(spec, ec)) {
        return openImageFolder(spec, fileOptions);
    }
    if (!std::filesystem::exists(spec, ec)) {
        return Error{"no such file or folder: " + spec};
    }
    return openVideoFile(spec, fileOptions);
}

}  // namespace vax
