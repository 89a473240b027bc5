// vaxctl scan: decode codes in images, folders and videos, one JSON line per code.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <opencv2/imgcodecs.hpp>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "core/Payload.h"
#include "vision/BarcodeDecoder.h"
#include "vision/FrameSource.h"
#include "vision/ScanMetrics.h"

namespace vax::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ScanOptions {
    std::string formats;
    bool json = false;
    bool stats = false;
    std::vector<std::string> paths;
};

struct Tally {
    int files = 0;
    int unreadable = 0;
    std::int64_t frames = 0;
    std::int64_t framesWithCodes = 0;
    std::int64_t codes = 0;
    SampleWindow ms{100'000};
};

bool looksLikeImage(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp" || ext == ".bmp" ||
           ext == ".tif" || ext == ".tiff" || ext == ".pgm" || ext == ".ppm";
}

class Scanner {
public:
    Scanner(const ScanOptions& options, FormatSet formats, PayloadRules rules)
        : m_options(options), m_rules(std::move(rules)) {
        m_decode.formats = formats;
    }

    void path(const fs::path& p) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(p, ec)) {
                if (entry.is_regular_file() && looksLikeImage(entry.path())) {
                    files.push_back(entry.path());
                }
            }
            std::sort(files.begin(), files.end());
            if (files.empty()) {
                unreadable(p, "no images in folder");
            }
            for (const auto& f : files) {
                image(f);
            }
        } else if (!fs::exists(p, ec)) {
            unreadable(p, "no such file or folder");
        } else if (looksLikeImage(p)) {
            image(p);
        } else {
            video(p);
        }
    }

    const Tally& tally() const { return m_tally; }

private:
    void unreadable(const fs::path& p, const std::string& why) {
        ++m_tally.unreadable;
        std::cerr << "vaxctl: skipped " << p.string() << ": " << why << "\n";
    }

    void image(const fs::path& p) {
        const cv::Mat grey = cv::imread(p.string(), cv::IMREAD_GRAYSCALE);
        if (grey.empty()) {
            unreadable(p, "not an image OpenCV can read");
            return;
        }
        ++m_tally.files;
        frame(p, 0, grey);
    }

    void video(const fs::path& p) {
        auto source = openVideoFile(p, FileOptions{30, false, false});
        bool any = false;
        while (auto f = source->next()) {
            any = true;
            frame(p, f->index, toGrey(f->image));
        }
        if (!any) {
            unreadable(p, source->status().message);
            return;
        }
        ++m_tally.files;
    }

    void frame(const fs::path& p, std::int64_t index, const cv::Mat& grey) {
        const auto start = Clock::now();
        const DecodeResult result = decodeGrey(grey, m_decode);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        ++m_tally.frames;
        m_tally.ms.add(ms);
        m_tally.framesWithCodes += result.codes.empty() ? 0 : 1;
        for (const DecodedCode& code : result.codes) {
            ++m_tally.codes;
            print(p, index, code, ms);
        }
    }

    void print(const fs::path& p, std::int64_t index, const DecodedCode& code, double ms) {
        const ClassifiedPayload kind = classifyPayload(code.text, m_rules, now().date);
        // ID numbers are never printed in clear.
        const std::string text = kind.kind == PayloadKind::ResidentId ? kind.maskedId : code.text;
        if (m_options.json) {
            nlohmann::json line{{"source", p.string()},
                                {"frame", index},
                                {"format", toString(code.format)},
                                {"text", text},
                                {"kind", toString(kind.kind)},
                                {"ms", std::round(ms * 100) / 100}};
            if (kind.kind == PayloadKind::Unknown) {
                line["reason"] = kind.reason;
            }
            std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                      << "\n";
        } else {
            std::cout << p.string() << (index > 0 ? ":" + std::to_string(index) : "") << "  "
                      << toString(code.format) << "  " << toString(kind.kind) << "  " << text
                      << "\n";
        }
    }

    const ScanOptions& m_options;
    PayloadRules m_rules;
    DecodeOptions m_decode;
    Tally m_tally;
};

int run(const ScanOptions& o, const Paths& paths) {
    FormatSet formats = kAllFormats;
    if (!o.formats.empty()) {
        const auto parsed = parseFormats(o.formats);
        if (!parsed) {
            return fail(kExitBadInput, "--formats: unknown name in '" + o.formats +
                                           "' (qr, microqr, pdf417, datamatrix, code128, aztec)");
        }
        formats = *parsed;
    }
    // The site's code rules when a config is there; the built-in ones otherwise.
    PayloadRules rules;
    std::error_code ec;
    if (fs::exists(paths.config, ec)) {
        auto config = loadConfigOrReport(paths);
        if (!config) {
            return kExitFailure;
        }
        rules = config->scanning.rules;
    }
    Scanner scanner(o, formats, rules);
    for (const auto& p : o.paths) {
        scanner.path(p);
    }
    const Tally& t = scanner.tally();
    if (o.stats) {
        printJson({{"stats",
                    {{"files", t.files},
                     {"unreadable", t.unreadable},
                     {"frames", t.frames},
                     {"frames_with_codes", t.framesWithCodes},
                     {"codes", t.codes},
                     {"dropped", 0},
                     {"ms_p50", std::round(t.ms.percentile(0.5) * 100) / 100},
                     {"ms_p95", std::round(t.ms.percentile(0.95) * 100) / 100},
                     {"ms_max", std::round(t.ms.percentile(1.0) * 100) / 100}}}});
    }
    if (t.files == 0) {
        return fail(kExitBadInput, "nothing could be read");
    }
    return kExitOk;
}

}  // namespace

void addScanCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<ScanOptions>();
    CLI::App* cmd = app.add_subcommand("scan", "Decode codes in images, folders and videos");
    cmd->add_option("--formats", o->formats,
                    "Comma list: qr,microqr,pdf417,datamatrix,code128,aztec (default all)");
    cmd->add_flag("--json", o->json, "One JSON line per code");
    cmd->add_flag("--stats", o->stats, "Add a line with frames, codes and decode ms");
    cmd->add_option("paths", o->paths, "Images, folders or video files")->required();
    cmd->callback([o, &paths, &status] { status = run(*o, paths); });
}

}  // namespace vax::cli
