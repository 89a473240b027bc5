#include "vision/ScanPipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <stdexcept>
#include <thread>

#include "support/TempDir.h"
#include "vision/SyntheticFrames.h"

namespace vax {
namespace {

using namespace std::chrono_literals;

constexpr int kFps = 30;
constexpr int kCodeFrom = 45;  // the phone appears at 1.5 s...
constexpr int kCodeTo = 75;    // ...and is taken away at 2.5 s
constexpr int kFrames = 100;
const std::string kText = "https://hc.example.gov.cn/v/4d1c9e7a";

// A 720p MJPG video in which a phone with a QR code is held up during [kCodeFrom, kCodeTo).
// Written once for all tests here: rendering it takes seconds.
std::filesystem::path writeVideo(const test::TempDir&) {
    static test::TempDir dir;
    const auto path = dir / "kiosk.avi";
    if (std::filesystem::exists(path)) {
        return path;
    }
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), kFps,
                           cv::Size(1280, 720));
    EXPECT_TRUE(writer.isOpened());
    const cv::Mat code = renderCode(kText, CodeFormat::QRCode);
    for (int i = 0; i < kFrames; ++i) {
        if (i >= kCodeFrom && i < kCodeTo) {
            PhoneShot shot;
            shot.frameSize = {1280, 720};
            shot.seed = std::uint32_t(i);  // the hand moves a little
            shot.rotateDegrees = 5 + (i % 5);
            writer.write(phoneFrame(code, shot));
        } else {
            writer.write(emptyFrame({1280, 720}, std::uint32_t(i)));
        }
    }
    return path;
}

struct Recorded {
    std::mutex mutex;
    std::vector<ScannedCode> newCodes;
    std::vector<std::int64_t> newCodeFrames;  // the frame on which each new code fired
    std::int64_t firstFrameWithCode = -1;
    std::int64_t currentFrame = -1;
    std::vector<SourceState> states;
};

PipelineCallbacks recordInto(Recorded& r) {
    PipelineCallbacks callbacks;
    callbacks.codesInView = [&r](const CodesInView& view) {
        std::lock_guard lock(r.mutex);
        r.currentFrame = view.frameIndex;
        if (!view.codes.empty() && r.firstFrameWithCode < 0) {
            r.firstFrameWithCode = view.frameIndex;
        }
    };
    callbacks.newCode = [&r](const ScannedCode& code) {
        std::lock_guard lock(r.mutex);
        r.newCodes.push_back(code);
        r.newCodeFrames.push_back(r.currentFrame);
    };
    callbacks.sourceStatus = [&r](const SourceStatus& status) {
        std::lock_guard lock(r.mutex);
        r.states.push_back(status.state);
    };
    return callbacks;
}

// What the pipeline does, whatever the machine's speed (a sanitizer build decodes several times
// slower): every frame is captured, each is decoded or dropped, the code is acted on once and
// never before it is in view. How fast (latency, drops at 30 fps) is scan_bench's to measure.
TEST(ScanPipeline, RealTimeVideoReportsTheCodeOnceAndAccountsForEveryFrame) {
    test::TempDir dir;
    const auto video = writeVideo(dir);
    Recorded r;
    ScanPipeline pipeline(openVideoFile(video, FileOptions{kFps, true, false}), PipelineOptions{},
                          recordInto(r));
    pipeline.start();
    ASSERT_TRUE(pipeline.waitUntilDrained(10s));
    pipeline.stop();

    const ScanMetrics m = pipeline.metrics();
    std::lock_guard lock(r.mutex);
    ASSERT_EQ(r.newCodes.size(), 1u) << "the code must be acted on exactly once";
    EXPECT_EQ(r.newCodes[0].text, kText);
    EXPECT_EQ(r.newCodes[0].format, "QRCode");
    EXPECT_EQ(r.newCodes[0].source, "video kiosk.avi");
    EXPECT_GE(r.firstFrameWithCode, kCodeFrom);  // nothing read before it is there
    EXPECT_GE(r.newCodeFrames[0], r.firstFrameWithCode);
    EXPECT_LT(r.newCodeFrames[0], kCodeTo);  // acted on while the phone is shown
    EXPECT_EQ(m.framesIn, kFrames);
    EXPECT_EQ(m.framesDecoded + m.framesDropped, kFrames);
    EXPECT_EQ(m.newCodes, 1);
    EXPECT_EQ(r.states.back(), SourceState::Ended);
}

TEST(ScanPipeline, ASlowConsumerDropsOldFramesInsteadOfQueueing) {
    test::TempDir dir;
    const auto video = writeVideo(dir);
    Recorded r;
    PipelineCallbacks callbacks = recordInto(r);
    auto record = callbacks.codesInView;
    callbacks.codesInView = [record](const CodesInView& view) {
        record(view);
        std::this_thread::sleep_for(100ms);  // a decoder three frames slow
    };
    ScanPipeline pipeline(openVideoFile(video, FileOptions{kFps, true, false}), PipelineOptions{},
                          std::move(callbacks));
    pipeline.start();
    ASSERT_TRUE(pipeline.waitUntilDrained(20s));
    pipeline.stop();
    const ScanMetrics m = pipeline.metrics();
    EXPECT_EQ(m.framesIn, kFrames);
    // A decoder three frames slow sees at most every third frame; a queue would drop none.
    EXPECT_GT(m.framesDropped, kFrames / 2);
    EXPECT_EQ(m.framesDecoded + m.framesDropped, kFrames);
}

TEST(ScanPipeline, StopReturnsPromptlyWhileAFileIsStillPlaying) {
    test::TempDir dir;
    const auto video = writeVideo(dir);
    Recorded r;
    std::atomic<bool> playing{false};
    PipelineCallbacks callbacks = recordInto(r);
    auto record = callbacks.codesInView;
    callbacks.codesInView = [record, &playing](const CodesInView& view) {
        record(view);
        playing = true;
    };
    ScanPipeline pipeline(openVideoFile(video, FileOptions{kFps, true, true}), PipelineOptions{},
                          std::move(callbacks));
    pipeline.start();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!playing && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
    }
    ASSERT_TRUE(playing) << "no frame was decoded";
    // The file loops, and has seconds left to play anyway: stopping does not wait for them.
    const auto before = std::chrono::steady_clock::now();
    pipeline.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);
}

TEST(ScanPipeline, MissingSourceReportsFailedAndEnds) {
    Recorded r;
    ScanPipeline pipeline(openVideoFile("/nonexistent/video.avi", FileOptions{}), PipelineOptions{},
                          recordInto(r));
    pipeline.start();
    ASSERT_TRUE(pipeline.waitUntilDrained(2s));
    std::lock_guard lock(r.mutex);
    ASSERT_FALSE(r.states.empty());
    EXPECT_EQ(r.states.back(), SourceState::Failed);
}

TEST(FrameSources, ImageFolderPlaysInNameOrderAndSkipsUnreadableFiles) {
    test::TempDir dir;
    for (int i : {2, 0, 1}) {
        cv::imwrite((dir / ("frame" + std::to_string(i) + ".png")).string(),
                    cv::Mat(10 + i, 20, CV_8UC3, cv::Scalar::all(0)));
    }
    std::ofstream(dir / "frame1b.png") << "not a png";
    std::ofstream(dir / "notes.txt") << "ignored";
    auto source = openImageFolder(dir.path(), FileOptions{1000, false, false});
    std::vector<int> heights;
    while (auto frame = source->next()) {
        heights.push_back(frame->image.rows);
    }
    EXPECT_EQ(heights, (std::vector<int>{10, 11, 12}));
    EXPECT_EQ(source->status().state, SourceState::Ended);
}

TEST(FrameSources, MissingOrEmptyInputsFailWithAMessage) {
    test::TempDir dir;
    auto empty = openImageFolder(dir.path(), FileOptions{});
    EXPECT_FALSE(empty->next());
    EXPECT_EQ(empty->status().state, SourceState::Failed);
    EXPECT_NE(empty->status().message.find("no images"), std::string::npos);
    std::ofstream(dir / "broken.avi") << "not a video";
    auto broken = openVideoFile(dir / "broken.avi", FileOptions{});
    EXPECT_FALSE(broken->next());
    EXPECT_EQ(broken->status().state, SourceState::Failed);
    EXPECT_FALSE(openFrameSource((dir / "nothing-here.mp4").string()));
    EXPECT_FALSE(openFrameSource("camera:"));
}

// A camera number too long for an int used to throw std::out_of_range from std::stoi on the
// capture thread; now it is refused at open, and a camera opened directly fails with the reason.
TEST(FrameSources, ACameraNumberTooLongIsRefusedNotThrown) {
    const auto spec = openFrameSource("camera:99999999999");
    ASSERT_FALSE(spec);
    EXPECT_NE(spec.error().message.find("\"99999999999\" is not a camera number"),
              std::string::npos)
        << spec.error().message;
    CameraOptions options;
    options.device = "99999999999";
    auto camera = openCamera(options);
    EXPECT_NO_THROW(EXPECT_FALSE(camera->next()));
    EXPECT_EQ(camera->status().state, SourceState::Failed);
    EXPECT_NE(camera->status().message.find("not a camera number"), std::string::npos);
}

TEST(FrameSources, AMissingCameraReconnectsWithoutHanging) {
    CameraOptions options;
    options.device = "/dev/video-does-not-exist";
    options.firstBackoff = 20ms;
    auto camera = openCamera(options);
    const auto before = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(camera->next());
    }
    EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);
    EXPECT_EQ(camera->status().state, SourceState::Reconnecting);
    EXPECT_NE(camera->status().message.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace vax

namespace vax {
namespace {

using namespace std::chrono_literals;

// Small blank frames, one every 2 ms, `count` in all; the call numbered `throwAt` throws
// instead, as a buggy driver might.
class ThrowingSource final : public FrameSource {
public:
    ThrowingSource(int count, int throwAt) : m_count(count), m_throwAt(throwAt) {}
    std::optional<Frame> next() override {
        std::this_thread::sleep_for(2ms);
        if (++m_calls == m_throwAt) {
            throw std::runtime_error("injected capture fault");
        }
        if (m_index >= m_count) {
            m_status = {SourceState::Ended, "played to its end"};
            return std::nullopt;
        }
        return Frame{cv::Mat(48, 64, CV_8UC1, cv::Scalar(200)), m_index++,
                     std::chrono::steady_clock::now()};
    }
    SourceStatus status() const override { return m_status; }
    std::string name() const override { return "test source"; }

private:
    int m_count;
    int m_throwAt;
    int m_calls = 0;
    std::int64_t m_index = 0;
    SourceStatus m_status;
};

struct HealthLog {
    std::mutex mutex;
    std::vector<DeviceHealth> reports;
    bool sawDegraded(const std::string& text) {
        std::lock_guard lock(mutex);
        return std::any_of(reports.begin(), reports.end(), [&](const DeviceHealth& h) {
            return h.state == DeviceState::Degraded && h.message.find(text) != std::string::npos;
        });
    }
};

PipelineCallbacks healthInto(HealthLog& log) {
    PipelineCallbacks callbacks;
    callbacks.health = [&log](const DeviceHealth& health) {
        std::lock_guard lock(log.mutex);
        log.reports.push_back(health);
    };
    return callbacks;
}

// A source that throws once: the capture thread says so as the camera's health, goes on
// capturing to the end of the source, and the health recovers.
TEST(ScanPipelineFaults, AThrowingSourceIsReportedAndCaptureGoesOn) {
    HealthLog log;
    ScanPipeline pipeline(std::make_unique<ThrowingSource>(20, 4), PipelineOptions{},
                          healthInto(log));
    pipeline.start();
    ASSERT_TRUE(pipeline.waitUntilDrained(10s)) << "the pipeline did not run to the end";
    pipeline.stop();
    EXPECT_TRUE(log.sawDegraded("the camera failed (injected capture fault)"));
    EXPECT_EQ(pipeline.metrics().framesIn, 20);  // every frame after the fault was captured
    // Recovered (then the file ended): no longer the fault's message.
    EXPECT_EQ(pipeline.health().message.find("injected"), std::string::npos)
        << pipeline.health().message;
}

// A decoder that throws on its second frame: the decode thread says so and decodes on.
TEST(ScanPipelineFaults, AThrowingDecoderIsReportedAndDecodingGoesOn) {
    HealthLog log;
    std::atomic<int> calls{0};
    PipelineOptions options;
    options.decoder = [&calls](const cv::Mat&, const DecodeOptions&, std::optional<cv::Rect>) {
        if (++calls == 2) {
            throw std::runtime_error("injected decode fault");
        }
        return DecodeResult{};
    };
    ScanPipeline pipeline(std::make_unique<ThrowingSource>(30, -1), options, healthInto(log));
    pipeline.start();
    ASSERT_TRUE(pipeline.waitUntilDrained(10s)) << "the decode thread did not run to the end";
    pipeline.stop();
    EXPECT_TRUE(log.sawDegraded("decoding failed (injected decode fault)"));
    EXPECT_GT(calls.load(), 2);  // frames after the fault were decoded
    EXPECT_EQ(pipeline.metrics().framesDecoded, calls.load() - 1);
}

}  // namespace
}  // namespace vax
