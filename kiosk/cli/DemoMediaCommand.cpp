// vaxctl demo-media: the codes and the replayed camera video of the demo, made from nothing.
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "vision/SyntheticFrames.h"

namespace vax::cli {

namespace {

namespace fs = std::filesystem;

// Fictional codes, one of each kind the entry kiosk and the station read.
struct DemoCode {
    const char* file;
    const char* text;
    CodeFormat format;
};

constexpr DemoCode kCodes[] = {
    {"health-code.png", "https://hc.example.gov.cn/v/7c1e2a94-5b3d-4f08-9e61-d2a8c0b4f317",
     CodeFormat::QRCode},
    {"e-id.png", "EID:110105198503121234", CodeFormat::QRCode},
    {"trace-code.png", "86123450000000012345", CodeFormat::Code128},
    {"vaccine-pack-gs1.png", "(01)02001234000017(17)271231(10)A2026B(21)0000123",
     CodeFormat::DataMatrix},
};

int run(const fs::path& out) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) {
        return fail(kExitFailure, "cannot create " + out.string() + ": " + ec.message());
    }
    nlohmann::json files = nlohmann::json::array();
    for (const DemoCode& code : kCodes) {
        const cv::Mat image = renderCode(code.text, code.format, 6);
        const fs::path path = out / code.file;
        if (!cv::imwrite(path.string(), image)) {
            return fail(kExitFailure, "cannot write " + path.string());
        }
        files.push_back(path.string());
    }
    // The replayed camera: a resident shows the health code, then the e-ID, 30 fps, 720p.
    const fs::path video = out / "entry-camera.avi";
    const cv::Size size(1280, 720);
    cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30, size);
    if (!writer.isOpened()) {
        return fail(kExitFailure, "cannot write " + video.string());
    }
    const cv::Mat shown[] = {renderCode(kCodes[0].text, CodeFormat::QRCode, 6),
                             renderCode(kCodes[1].text, CodeFormat::QRCode, 6)};
    for (int i = 0; i < 300; ++i) {
        const int phase = i / 75;  // 2.5 s each: empty, health code, empty, e-ID
        if (phase % 2 == 1) {
            PhoneShot shot;
            shot.frameSize = size;
            shot.seed = std::uint32_t(i);
            shot.rotateDegrees = 4 + (i % 6);
            writer.write(phoneFrame(shown[phase / 2], shot));
        } else {
            writer.write(emptyFrame(size, std::uint32_t(i)));
        }
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
