// Device figures for issue 5: time from presence to a temperature result (simulated sensor at
// 10 Hz), and CPU used while the kiosk waits for a person. Prints a table; run by scripts/bench.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include "devices/SimulatedThermometer.h"
#include "devices/TemperatureReader.h"
#include "vision/PresenceWatcher.h"
#include "vision/SyntheticFrames.h"

namespace {

using namespace vax;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Frames from memory, paced like a camera: a still entrance with sensor noise, and from
// `personFromFrame` on a person in front of the kiosk.
class ReplayedCamera : public FrameSource {
public:
    ReplayedCamera(cv::Size size, double fps, std::int64_t personFromFrame, std::int64_t frames)
        : m_period(
              std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1 / fps))),
          m_personFrom(personFromFrame),
          m_frames(frames) {
        std::mt19937 random(7);
        const cv::Mat scene = emptyFrame(size, 11);
        const cv::Mat person = syntheticFace(size, 0.35);
        for (int i = 0; i < 8; ++i) {  // a few noisy variants, as a real sensor gives
            cv::Mat noise(size, CV_8UC3);
            cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(2));
            m_empty.push_back(scene + noise);
            m_person.push_back(person + noise);
        }
        m_next = Clock::now();
    }

    std::optional<Frame> next() override {
        if (m_index >= m_frames) {
            m_ended = true;
            return std::nullopt;
        }
        std::this_thread::sleep_until(m_next);
        m_next += m_period;
        Frame frame;
        const auto& pool = m_index >= m_personFrom ? m_person : m_empty;
        frame.image = pool[std::size_t(m_index) % pool.size()];
        frame.index = m_index++;
        frame.capturedAt = Clock::now();
        if (frame.index == m_personFrom) {
            m_personShownAt = frame.capturedAt;
        }
        return frame;
    }
    SourceStatus status() const override {
        return {m_ended ? SourceState::Ended : SourceState::Ok, ""};
    }
    std::string name() const override { return "replayed camera"; }
    Clock::time_point personShownAt() const { return m_personShownAt; }

private:
    Clock::duration m_period;
    std::int64_t m_personFrom;
    std::int64_t m_frames;
    std::int64_t m_index = 0;
    bool m_ended = false;
    Clock::time_point m_next;
    Clock::time_point m_personShownAt{};
    std::vector<cv::Mat> m_empty;
    std::vector<cv::Mat> m_person;
};

double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

PresenceDetector detector() {
    auto loaded = PresenceDetector::load();
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
        std::exit(1);
    }
    return std::move(loaded).value();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

// One arrival: the camera shows a person after 0.5 s; the watcher's callback starts the
// measurement; returns ms from the first frame with the person to the result.
double presenceToResult(const std::vector<std::string>& readings, int* measurements) {
    auto cameraOwned = std::make_unique<ReplayedCamera>(cv::Size(1280, 720), 30, 15, 30 * 6);
    ReplayedCamera* camera = cameraOwned.get();
    SimulatedOptions sensorOptions;
    sensorOptions.rateHz = 10;
    auto sensor = SimulatedThermometer::fromSteps(readings, sensorOptions).value();
    std::mutex mutex;
    std::optional<Clock::time_point> arrived;
    PresenceWatcher watcher(std::move(cameraOwned), detector(), PresenceWatchOptions{},
                            [&](bool present, Clock::time_point) {
                                std::lock_guard lock(mutex);
                                if (present && !arrived) {
                                    arrived = Clock::now();
                                }
                            });
    watcher.start();
    while (true) {
        std::this_thread::sleep_for(milliseconds{2});
        std::lock_guard lock(mutex);
        if (arrived) {
            break;
        }
    }
    const auto check =
        runTemperatureCheck(*sensor, MeasurementSettings{}, TemperaturePolicy{}, nullptr);
    const auto done = Clock::now();
    watcher.stop();
    *measurements = check ? int(check->measurements().size()) : 0;
    return std::chrono::duration<double, std::milli>(done - camera->personShownAt()).count();
}

struct IdleFigure {
    double cpuPercent;
    std::uint64_t checked;
    std::uint64_t read;
};

IdleFigure idleCpu(PresenceWatchOptions options, double seconds) {
    const auto frames = std::int64_t(30 * seconds);
    PresenceWatcher watcher(
        std::make_unique<ReplayedCamera>(cv::Size(1280, 720), 30, frames + 1, frames), detector(),
        options, nullptr);
    const double cpu0 = processCpuSeconds();
    const auto t0 = Clock::now();
    watcher.start();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds + 0.2));
    watcher.stop();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    return {100.0 * (processCpuSeconds() - cpu0) / wall, watcher.framesChecked(),
            watcher.framesRead()};
}

}  // namespace

int main() {
    std::printf(
        "device_bench: simulated thermometer at 10 Hz, replayed 1280x720 camera at 30 fps\n\n");
    std::printf("Presence to temperature result (10 arrivals each)\n");
    std::printf("%-34s %10s %10s %12s\n", "case", "p50 ms", "p95 ms", "measurements");
    const std::vector<std::pair<const char*, std::vector<std::string>>> cases{
        {"steady 36.5 C", {"36.4/24", "36.5/24", "36.6/24", "36.5/24", "36.5/24"}},
        {"37.1 C: automatic recheck", {"37.1/24"}},
    };
    for (const auto& [name, readings] : cases) {
        std::vector<double> ms;
        int measurements = 0;
        for (int i = 0; i < 10; ++i) {
            ms.push_back(presenceToResult(readings, &measurements));
        }
        std::printf("%-34s %10.0f %10.0f %12d\n", name, percentile(ms, 0.5), percentile(ms, 0.95),
                    measurements);
    }

    std::printf(
        "\nCPU while waiting for a person (10 s of an empty entrance; %% of one core,\n"
        "includes producing the frames)\n");
    std::printf("%-44s %8s %10s %10s\n", "watcher", "CPU %", "searched", "frames");
    PresenceWatchOptions ours;
    PresenceWatchOptions noGate = ours;
    noGate.motionThreshold = -1;  // every check searches the frame
    PresenceWatchOptions everyFrame = noGate;
    everyFrame.checksPerSecond = 30;
    const IdleFigure a = idleCpu(everyFrame, 10);
    const IdleFigure b = idleCpu(noGate, 10);
    const IdleFigure c = idleCpu(ours, 10);
    std::printf("%-44s %8.2f %10llu %10llu\n", "baseline: face search on every frame", a.cpuPercent,
                (unsigned long long)a.checked, (unsigned long long)a.read);
    std::printf("%-44s %8.2f %10llu %10llu\n", "5 searches/s, no motion gate", b.cpuPercent,
                (unsigned long long)b.checked, (unsigned long long)b.read);
    std::printf("%-44s %8.2f %10llu %10llu\n", "ours: 5 checks/s, search on motion or 2 s",
                c.cpuPercent, (unsigned long long)c.checked, (unsigned long long)c.read);
    std::printf("ratio ours / baseline: %.3f (target: ours < 5%% of one core)\n",
                c.cpuPercent / a.cpuPercent);
    return 0;
}
