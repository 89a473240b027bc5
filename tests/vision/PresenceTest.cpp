#include <gtest/gtest.h>

#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "support/TempDir.h"
#include "vision/PresenceDetector.h"
#include "vision/PresenceWatcher.h"
#include "vision/SyntheticFrames.h"

namespace vax {
namespace {

using std::chrono::milliseconds;

PresenceDetector detector() {
    auto loaded = PresenceDetector::load();
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().message);
    return std::move(loaded).value();
}

TEST(PresenceDetector, FindsAFaceAtEveryCameraSize) {
    auto d = detector();
    for (const cv::Size size : {cv::Size(640, 480), cv::Size(1280, 720), cv::Size(1920, 1080)}) {
        SCOPED_TRACE(size.width);
        const cv::Mat frame = syntheticFace(size);
        const auto faces = d.faces(frame);
        ASSERT_EQ(faces.size(), 1u);
        // In frame coordinates, around the centre.
        EXPECT_TRUE(faces[0].contains(cv::Point(size.width / 2, size.height / 2)));
        EXPECT_GT(faces[0].width, size.width / 8);
    }
}

TEST(PresenceDetector, FindsNoFaceInEmptyScenesOrAPhoneWithACode) {
    auto d = detector();
    for (std::uint32_t seed = 1; seed <= 8; ++seed) {
        EXPECT_FALSE(d.present(emptyFrame({1280, 720}, seed))) << "seed " << seed;
    }
    const cv::Mat code = renderCode("HC1:ABCDEFGHIJKLMNOP", CodeFormat::QRCode);
    EXPECT_FALSE(d.present(phoneFrame(code, PhoneShot{})));
    EXPECT_FALSE(d.present(cv::Mat()));
}

TEST(PresenceDetector, APasserByFarBehindDoesNotCount) {
    auto d = detector();
    EXPECT_FALSE(d.present(syntheticFace({1280, 720}, 0.06)));
    EXPECT_TRUE(d.present(syntheticFace({1280, 720}, 0.3)));
}

TEST(PresenceDetector, AMissingCascadeSaysWhatToInstall) {
    PresenceOptions options;
    options.cascade = "no-such-cascade.xml";
    const auto loaded = PresenceDetector::load(options);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().message.find("opencv-data"), std::string::npos);
}

TEST(PresenceDetector, AFileThatIsNotACascadeIsRefused) {
    test::TempDir dir;
    const auto path = dir / "bad.xml";
    cv::imwrite((dir / "x.png").string(), emptyFrame({64, 64}, 1));
    std::filesystem::copy_file(dir / "x.png", path);
    PresenceOptions options;
    options.cascade = path;
    EXPECT_FALSE(PresenceDetector::load(options));
}

// Frames of another source, stamped by a simulated camera clock (frame n at n / fps) and
// delivered as fast as asked: the watcher times everything by the frames' stamps, so what it
// reports does not depend on how fast this machine runs (or a sanitizer slows it).
class SimulatedClockSource final : public FrameSource {
public:
    SimulatedClockSource(std::unique_ptr<FrameSource> frames, double fps)
        : m_frames(std::move(frames)),
          m_period(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(1.0 / fps))) {}
    std::optional<Frame> next() override {
        auto frame = m_frames->next();
        if (frame) {
            frame->capturedAt = m_start + m_period * m_delivered++;
        }
        return frame;
    }
    SourceStatus status() const override { return m_frames->status(); }
    std::string name() const override { return m_frames->name(); }

private:
    std::unique_ptr<FrameSource> m_frames;
    std::chrono::steady_clock::duration m_period;
    std::chrono::steady_clock::time_point m_start{std::chrono::hours(1)};
    int m_delivered = 0;
};

TEST(PresenceWatcher, ReportsArrivalAndDepartureFromAReplayedCamera) {
    test::TempDir dir;
    // 30 fps: 0.5 s nobody, 1 s a person, 2 s nobody.
    int index = 0;
    auto write = [&](const cv::Mat& image, int count) {
        for (int i = 0; i < count; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "f%04d.png", index++);
            cv::imwrite((dir / name).string(), image);
        }
    };
    write(emptyFrame({640, 480}, 3), 15);
    write(syntheticFace({640, 480}), 30);
    write(emptyFrame({640, 480}, 3), 60);
    FileOptions files;
    files.fps = 30;
    files.realTime = false;
    auto source = std::make_unique<SimulatedClockSource>(openImageFolder(dir.path(), files), 30);
    std::mutex mutex;
    std::vector<bool> changes;
    PresenceWatchOptions options;
    options.checksPerSecond = 10;
    options.leaveAfter = milliseconds{500};
    PresenceWatcher watcher(std::move(source), detector(), options,
                            [&](bool present, std::chrono::steady_clock::time_point) {
                                std::lock_guard lock(mutex);
                                changes.push_back(present);
                            });
    watcher.start();
    // The watcher ends by itself when the folder is played out: wait for that, not a time.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (watcher.framesRead() < std::uint64_t(index) &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(milliseconds{5});
    }
    watcher.stop();
    ASSERT_EQ(watcher.framesRead(), std::uint64_t(index)) << "the folder was not played out";
    std::lock_guard lock(mutex);
    EXPECT_EQ(changes, (std::vector<bool>{true, false}));
    EXPECT_LT(watcher.framesChecked(), watcher.framesRead() / 2)
        << "faces are looked for at 10 Hz, not on every frame";
}

}  // namespace
}  // namespace vax
