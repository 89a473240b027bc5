// Our decoding against plain ZXing-C++ (its defaults, whole frame) on the same images, in the
// same run: read rate on the shared photo folders, and ms per frame on synthetic phone frames
// at 640x480, 1280x720 and 1920x1080. Usage: scan_bench [SHARED_DATA_DIR]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <string>
#include <thread>
#include <vector>

#include "TestPaths.h"
#include "support/TempDir.h"
#include "vision/BarcodeDecoder.h"
#include "vision/ScanPipeline.h"
#include "vision/SyntheticFrames.h"

namespace fs = std::filesystem;
using namespace vax;

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::size_t(p * double(v.size() - 1) + 0.5)];
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool found(const std::vector<DecodedCode>& codes, const std::string& expected) {
    return std::any_of(codes.begin(), codes.end(), [&](const DecodedCode& c) {
        // Our GS1 results carry their symbology id; ZXing's plain text does too in ours only.
        return c.text == expected || (c.text.size() > 3 && c.text.substr(3) == expected);
    });
}

// Plain ZXing in a child process: Debian's 1.4.0 may abort on some photos (its assertions).
// Returns 1 read, 0 not read, -1 crashed.
int plainReadsInChild(const cv::Mat& grey, const std::string& expected) {
    const pid_t pid = fork();
    if (pid == 0) {
        _exit(found(decodePlainZxing(grey, kAllFormats), expected) ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        return -1;
    }
    return WEXITSTATUS(status) == 0 ? 1 : 0;
}

void readRates(const fs::path& dataDir) {
    const fs::path root = dataDir / "barcodes";
    if (!fs::is_directory(root)) {
        std::printf("read rate: skipped, %s is absent\n\n", root.c_str());
        return;
    }
    std::printf("Read rate on real photos (expected text found), all formats enabled\n");
    std::printf("%-18s %7s %12s %12s %10s\n", "folder", "images", "plain ZXing", "ours",
                "plain crash");
    std::vector<fs::path> folders;
    for (const auto& e : fs::directory_iterator(root)) {
        if (e.is_directory() && e.path().filename() != "falsepositives-1") {
            folders.push_back(e.path());
        }
    }
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        int images = 0, plain = 0, ours = 0, crashes = 0;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(folder)) {
            files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            const auto ext = f.extension().string();
            if (ext == ".txt" || ext == ".bin") {
                continue;
            }
            const fs::path txt = fs::path(f).replace_extension(".txt");
            if (!fs::exists(txt)) {
                continue;  // binary content: compared by the tests, not here
            }
            const cv::Mat image = cv::imread(f.string(), cv::IMREAD_GRAYSCALE);
            if (image.empty()) {
                continue;
            }
            const std::string expected = slurp(txt);
            ++images;
            const int p = plainReadsInChild(image, expected);
            plain += p == 1;
            crashes += p == -1;
            ours += found(decodeGrey(image, DecodeOptions{}).codes, expected);
        }
        std::printf("%-18s %7d %5d (%3.0f%%) %5d (%3.0f%%) %10d\n", folder.filename().c_str(),
                    images, plain, 100.0 * plain / std::max(images, 1), ours,
                    100.0 * ours / std::max(images, 1), crashes);
    }
    std::printf("\n");
}

struct Timing {
    std::vector<double> plain, oursCold, oursWarm, plainEmpty, oursEmpty;
    int plainRead = 0, coldRead = 0, warmRead = 0;
};

void timings() {
    const std::string text = "https://hc.example.gov.cn/v/3f9a6c2e-8b1d-4e57-9c0a-5d2f7e1b4a68";
    const cv::Mat code = renderCode(text, CodeFormat::QRCode, 6);
    const cv::Size sizes[] = {{640, 480}, {1280, 720}, {1920, 1080}};
    constexpr int kFrames = 40;
    std::printf(
        "Decode time per frame, one core, %d synthetic phone frames per size (QR, tilt,\n"
        "blur, noise, glare); ours cold = no hint, warm = hint from the previous frame\n",
        kFrames);
    std::printf("%-10s | %-17s | %-17s | %-17s | %-9s | %-17s\n", "size", "plain med/p95 ms",
                "ours cold med/p95", "ours warm med/p95", "warm/plain", "empty plain/ours");
    for (const cv::Size size : sizes) {
        Timing t;
        std::optional<cv::Rect> hint;
        for (int i = 0; i < kFrames; ++i) {
            PhoneShot shot;
            shot.frameSize = size;
            shot.seed = std::uint32_t(100 + i);
            shot.tiltDegrees = 5 + (i % 7) * 5;
            shot.rotateDegrees = -15 + (i % 11) * 3;
            const cv::Mat grey = toGrey(phoneFrame(code, shot));
            auto start = Clock::now();
            const auto plain = decodePlainZxing(
                grey, {CodeFormat::QRCode, CodeFormat::PDF417, CodeFormat::DataMatrix});
            t.plain.push_back(ms(Clock::now() - start));
            t.plainRead += found(plain, text);

            DecodeOptions options;
            options.formats = *formatsForRole("entry");
            start = Clock::now();
            const auto cold = decodeGrey(grey, options);
            t.oursCold.push_back(ms(Clock::now() - start));
            t.coldRead += found(cold.codes, text);

            start = Clock::now();
            const auto warm = decodeGrey(grey, options, hint);
            t.oursWarm.push_back(ms(Clock::now() - start));
            t.warmRead += found(warm.codes, text);
            hint = warm.codes.empty() ? std::nullopt : std::optional(warm.codes[0].bounds());

            const cv::Mat empty = toGrey(emptyFrame(size, std::uint32_t(i)));
            start = Clock::now();
            (void)decodePlainZxing(empty, options.formats);
            t.plainEmpty.push_back(ms(Clock::now() - start));
            start = Clock::now();
            (void)decodeGrey(empty, options);
            t.oursEmpty.push_back(ms(Clock::now() - start));
        }
        const double plainMed = percentile(t.plain, 0.5);
        const double warmMed = percentile(t.oursWarm, 0.5);
        std::printf(
            "%4dx%-5d | %7.2f / %7.2f | %7.2f / %7.2f | %7.2f / %7.2f | %8.2fx | %7.2f / %7.2f\n",
            size.width, size.height, plainMed, percentile(t.plain, 0.95),
            percentile(t.oursCold, 0.5), percentile(t.oursCold, 0.95), warmMed,
            percentile(t.oursWarm, 0.95), warmMed / plainMed, percentile(t.plainEmpty, 0.5),
            percentile(t.oursEmpty, 0.5));
        std::printf("%10s   read: plain %d/%d, ours cold %d/%d, ours warm %d/%d\n", "", t.plainRead,
                    kFrames, t.coldRead, kFrames, t.warmRead, kFrames);
    }
}

// Camera-to-result latency: a 1080p video replayed at 30 fps in real time through the
// capture/decode threads, a phone shown for two seconds in every five.
void pipelineReplay() {
    constexpr int kFrames = 300;
    const cv::Size size(1920, 1080);
    test::TempDir dir;
    const auto path = dir / "replay.avi";
    {
        cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30,
                               size);
        const cv::Mat code = renderCode("https://hc.example.gov.cn/v/9e8d7c6b", CodeFormat::QRCode);
        for (int i = 0; i < kFrames; ++i) {
            if (i % 150 >= 90) {
                PhoneShot shot;
                shot.seed = std::uint32_t(i);
                writer.write(phoneFrame(code, shot));
            } else {
                writer.write(emptyFrame(size, std::uint32_t(i)));
            }
        }
    }
    ScanPipeline pipeline(openVideoFile(path, FileOptions{30, true, false}), PipelineOptions{}, {});
    pipeline.start();
    pipeline.waitUntilDrained(std::chrono::seconds(60));
    pipeline.stop();
    const ScanMetrics m = pipeline.metrics();
    std::printf("\nPipeline replay, 1080p at 30 fps, %d frames (phone in view 40%% of the time)\n",
                kFrames);
    std::printf("frames in %lld, decoded %lld, dropped %lld, new codes %lld\n",
                (long long)m.framesIn, (long long)m.framesDecoded, (long long)m.framesDropped,
                (long long)m.newCodes);
    std::printf("decode ms p50 %.2f p95 %.2f max %.2f; camera-to-result ms p50 %.2f p95 %.2f\n",
                m.decodeMsP50, m.decodeMsP95, m.decodeMsMax, m.latencyMsP50, m.latencyMsP95);
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(test::kSharedDataDir);
    readRates(data);
    timings();
    pipelineReplay();
    return 0;
}
