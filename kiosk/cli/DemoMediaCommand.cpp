// vaxctl demo-media: the demo's code pictures and its replayed entry camera video, made from
// nothing. The build runs it to make the video `vaxkiosk --demo` plays.
#include <array>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/DemoCodes.h"
#include "vision/SyntheticFrames.h"

namespace vax::cli {

namespace {

namespace fs = std::filesystem;

// One picture of each kind of code the entry kiosk and the station read.
struct DemoPicture {
    const char* file;
    std::string_view text;
    CodeFormat format;
};

constexpr DemoPicture kPictures[] = {
    {"health-code.png", kDemoOnlineHealthCode, CodeFormat::QRCode},
    {"e-id.png", kDemoResidentIdCode, CodeFormat::QRCode},
    {"trace-code.png", kDemoTraceCode, CodeFormat::Code128},
    {"vaccine-pack-gs1.png", kDemoGs1PackCode, CodeFormat::DataMatrix},
};

// The entry camera's scenes, looped by the demo: nobody, the resident's phone with her health
// code, nobody, her phone with her e-ID. Long enough for the confirmer (a few frames) and for
// a person watching to see what happens.
struct Scene {
    std::string_view code;  // empty: nobody at the kiosk
    double seconds;
};

constexpr Scene kEntryScenes[] = {
    {{}, 3.0}, {kDemoOnlineHealthCode, 3.0}, {{}, 2.0}, {kDemoResidentIdCode, 3.0}};
constexpr double kFps = 15;     // what the demo played before; decoding keeps up with ease
constexpr int kVariations = 4;  // a hand is never quite still: frames differ a little
const cv::Size kFrameSize(1280, 720);

std::array<cv::Mat, kVariations> drawScene(const Scene& scene, std::uint32_t firstSeed) {
    std::array<cv::Mat, kVariations> frames;
    const cv::Mat code =
        scene.code.empty() ? cv::Mat() : renderCode(std::string(scene.code), CodeFormat::QRCode, 6);
    for (int i = 0; i < kVariations; ++i) {
        const std::uint32_t seed = firstSeed + std::uint32_t(i);
        if (code.empty()) {
            frames[std::size_t(i)] = emptyFrame(kFrameSize, seed);
            continue;
        }
        // Held close and nearly straight, as people do at a kiosk that waits for them.
        PhoneShot shot;
        shot.frameSize = kFrameSize;
        shot.seed = seed;
        shot.codeFraction = 0.6;
        shot.tiltDegrees = 8;
        shot.rotateDegrees = 2 + i;
        shot.blurSigma = 0.6;
        frames[std::size_t(i)] = phoneFrame(code, shot);
    }
    return frames;
}

Status writeEntryCamera(const fs::path& video) {
    cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), kFps,
                           kFrameSize);
    if (!writer.isOpened()) {
        return Error{"cannot write " + video.string()};
    }
    std::uint32_t seed = 1;
    for (const Scene& scene : kEntryScenes) {
        const auto frames = drawScene(scene, seed);
        seed += kVariations;
        const int count = int(scene.seconds * kFps);
        for (int i = 0; i < count; ++i) {
            writer.write(frames[std::size_t(i % kVariations)]);
        }
    }
    writer.release();
    std::error_code ec;
    if (fs::file_size(video, ec) == 0 || ec) {  // a full disk shows up here, not in write()
        return Error{"cannot write " + video.string()};
    }
    return okStatus();
}

int run(const fs::path& out) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) {
        return fail(kExitFailure, "cannot create " + out.string() + ": " + ec.message());
    }
    nlohmann::json files = nlohmann::json::array();
    for (const DemoPicture& picture : kPictures) {
        const cv::Mat image = renderCode(std::string(picture.text), picture.format, 6);
        const fs::path path = out / picture.file;
        if (!cv::imwrite(path.string(), image)) {
            return fail(kExitFailure, "cannot write " + path.string());
        }
        files.push_back(path.string());
    }
    const fs::path video = out / "entry-camera.avi";
    if (auto written = writeEntryCamera(video); !written) {
        return fail(kExitFailure, written.error().message);
    }
    files.push_back(video.string());
    printJson({{"files", files}});
    return kExitOk;
}

}  // namespace

void addDemoMediaCommand(CLI::App& app, int& status) {
    auto out = std::make_shared<std::string>();
    CLI::App* cmd =
        app.add_subcommand("demo-media", "Write the demo's code images and camera video");
    cmd->add_option("--out", *out, "Folder to write into")->required();
    cmd->callback([out, &status] { status = run(*out); });
}

}  // namespace vax::cli
