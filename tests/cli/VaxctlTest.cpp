// vaxctl as scripts use it: separate processes over one database file, JSON on stdout,
// one line on stderr and exit status 2 for bad input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <sstream>

#include "TestPaths.h"
#include "support/TempDir.h"
#include "vision/SyntheticFrames.h"

namespace vax {
namespace {

using nlohmann::json;

struct CmdRun {
    int status = -1;
    std::string out;
    std::string err;
    json parsed() const { return json::parse(out); }
};

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

class VaxctlTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy_file(
            std::filesystem::path(test::kSourceDir) / "config/kiosk.example.toml",
            m_dir / "kiosk.toml");
    }

    CmdRun vaxctl(std::vector<std::string> args) {
        args.insert(args.begin(), {VAXCTL_PATH, "--db", (m_dir / "kiosk.db").string(), "--config",
                                   (m_dir / "kiosk.toml").string()});
        const auto outPath = m_dir / "stdout";
        const auto errPath = m_dir / "stderr";
        const pid_t pid = ::fork();
        if (pid == 0) {
            const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(out, 1);
            ::dup2(err, 2);
            std::vector<char*> argv;
            for (auto& a : args) {
                argv.push_back(a.data());
            }
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(outPath), slurp(errPath)};
    }

    CmdRun checkIn(const std::string& id, const std::string& temp, const std::string& extra = "") {
        std::vector<std::string> args{
            "checkin",  "--id",  id,     "--temp",          temp, "--answers", "n,n,n,n,n,n,n,n,n",
            "--health", "green", "--at", "2026-11-25 09:00"};
        if (!extra.empty()) {
            args.push_back("--last-dose");
            args.push_back(extra);
            args.push_back("--product");
            args.push_back("INACT-A");
        }
        return vaxctl(args);
    }

    int visitCount() {
        const CmdRun status = vaxctl({"queue", "status", "--date", "2026-11-25"});
        int total = 0;
        for (const auto& [stage, n] : status.parsed()["stages"].items()) {
            total += n.get<int>();
        }
        return total;
    }

    test::TempDir m_dir;
};

// Valid numbers with correct check characters; ages on 2026-11-25 in the comments.
constexpr const char* kAdult = "110105198503121234";   // 41
constexpr const char* kAdult2 = "31011519920718004X";  // 34
constexpr const char* kSenior = "330106195802140412";  // 68
constexpr const char* kMinor = "110108200906050118";   // 17

TEST_F(VaxctlTest, KeysInitCreatesAPrivateFileOnce) {
    const CmdRun first = vaxctl({"keys", "init"});
    ASSERT_EQ(first.status, 0) << first.err;
    struct stat st {};
    ASSERT_EQ(::stat((m_dir / "site.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const CmdRun again = vaxctl({"keys", "init"});
    EXPECT_EQ(again.status, 2);
    EXPECT_NE(again.err.find("never overwritten"), std::string::npos);
}

TEST_F(VaxctlTest, ProceedPrintsTheDecisionAndQueueNumberWithTheIdMasked) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const CmdRun run = checkIn(kAdult, "36.6");
    ASSERT_EQ(run.status, 0) << run.err;
    const json out = run.parsed();
    EXPECT_EQ(out["decision"]["outcome"], "proceed");
    EXPECT_EQ(out["queue_number"], "A001");
    EXPECT_EQ(out["stage"], "waiting");
    EXPECT_EQ(out["person"], "1101**********1234");
    EXPECT_EQ(run.out.find(kAdult), std::string::npos);
    EXPECT_EQ(checkIn(kAdult2, "36.4").parsed()["queue_number"], "B001");
}

TEST_F(VaxctlTest, FeverAndTooEarlyADoseAreDeferredWithReasons) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json fever = checkIn(kAdult, "37.3").parsed();
    EXPECT_EQ(fever["decision"]["outcome"], "defer");
    EXPECT_EQ(fever["decision"]["reasons"][0]["code"], "fever");
    const json early = checkIn(kAdult2, "36.5", "2026-11-10").parsed();
    EXPECT_EQ(early["decision"]["outcome"], "defer");
    EXPECT_EQ(early["decision"]["reasons"][0]["code"], "interval_too_short");
    EXPECT_EQ(checkIn(kMinor, "36.5").parsed()["decision"]["outcome"], "defer");
}

TEST_F(VaxctlTest, StaffReviewIsResolvedByAnAuditedOverride) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json pending = checkIn(kSenior, "36.5").parsed();
    ASSERT_EQ(pending["decision"]["outcome"], "staff_review");
    const std::string visit = std::to_string(pending["visit"].get<int>());
    const CmdRun blocked = vaxctl({"queue", "advance", visit, "deferred"});
    EXPECT_EQ(blocked.status, 2);
    const CmdRun noReason = vaxctl({"override", visit, "--outcome", "proceed", "--staff", "dr1"});
    EXPECT_EQ(noReason.status, 2);
    const CmdRun ok = vaxctl(
        {"override", visit, "--outcome", "proceed", "--staff", "dr1", "--reason", "assessed fit"});
    ASSERT_EQ(ok.status, 0) << ok.err;
    EXPECT_EQ(ok.parsed()["stage"], "waiting");
}

TEST_F(VaxctlTest, TheFlowRunsFromCallToExitAndTheReportCountsIt) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const int visit = checkIn(kAdult, "36.6").parsed()["visit"];
    checkIn(kAdult2, "38.0");
    const CmdRun called =
        vaxctl({"queue", "call", "--desk", "A", "--count", "3", "--at", "2026-11-25 09:12"});
    ASSERT_EQ(called.status, 0) << called.err;
    ASSERT_EQ(called.parsed()["called"].size(), 1u);
    const std::string v = std::to_string(visit);
    for (const char* stage : {"registered", "vaccinated", "observing", "exited"}) {
        const CmdRun step = vaxctl({"queue", "advance", v, stage, "--at", "2026-11-25 09:50"});
        ASSERT_EQ(step.status, 0) << stage << ": " << step.err;
    }
    const CmdRun illegal = vaxctl({"queue", "advance", v, "observing"});
    EXPECT_EQ(illegal.status, 2);
    EXPECT_NE(illegal.err.find("exited to observing"), std::string::npos);

    const json shown = vaxctl({"visit", v}).parsed();
    EXPECT_EQ(shown["replayed_stage"], "exited");
    EXPECT_EQ(shown["events"].size(), 7u);

    const CmdRun csv = vaxctl({"report", "--date", "2026-11-25", "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << csv.err;
    EXPECT_NE(csv.out.find("day,check_ins,2\n"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("day,fevers,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("deferral_reason,fever,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("stage,exited,1\n"), std::string::npos);
    EXPECT_NE(csv.out.find("queue_wait_s,median,720.0\n"), std::string::npos);
}

TEST_F(VaxctlTest, BadInputExitsTwoWithOneLineAndWritesNothing) {
    const CmdRun badId = checkIn("110105198503121235", "36.6");
    EXPECT_EQ(badId.status, 2);
    EXPECT_EQ(std::count(badId.err.begin(), badId.err.end(), '\n'), 1);
    EXPECT_EQ(badId.err.find("110105198503121235"), std::string::npos);  // never echoed
    EXPECT_FALSE(std::filesystem::exists(m_dir / "kiosk.db"));

    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    ASSERT_EQ(checkIn(kAdult, "36.6").status, 0);
    const int before = visitCount();
    EXPECT_EQ(checkIn(kAdult2, "warm").status, 2);
    EXPECT_EQ(checkIn(kAdult2, "36.6", "2026-13-01").status, 2);
    EXPECT_EQ(checkIn(kAdult2, "36.6", "2026-12-01").status, 2);  // after today
    EXPECT_EQ(vaxctl({"checkin", "--id", kAdult2, "--temp", "36.6", "--answers", "n,n"}).status, 2);
    EXPECT_EQ(vaxctl({"checkin", "--id", kAdult2, "--temp", "36.6", "--answers",
                      "n,n,n,n,n,n,n,n,n", "--health", "blue"})
                  .status,
              2);
    EXPECT_EQ(vaxctl({"queue", "call", "--desk", "AB"}).status, 2);
    EXPECT_EQ(vaxctl({"report", "--format", "xml"}).status, 2);
    EXPECT_EQ(vaxctl({"no-such-command"}).status, 2);
    EXPECT_EQ(visitCount(), before);
}

TEST_F(VaxctlTest, BrokenConfigOrMissingKeysFailWithAClearMessage) {
    const CmdRun noKeys = checkIn(kAdult, "36.6");
    EXPECT_EQ(noKeys.status, 1);
    EXPECT_NE(noKeys.err.find("vaxctl keys init"), std::string::npos);

    std::ofstream(m_dir / "kiosk.toml", std::ios::app) << "\n[policy2]\nx = 1\n";
    const CmdRun broken = checkIn(kAdult, "36.6");
    EXPECT_EQ(broken.status, 1);
    EXPECT_NE(broken.err.find("kiosk.toml:"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("policy2"), std::string::npos) << broken.err;
}

TEST_F(VaxctlTest, CheckInIssuesASignedSlipThatVerifies) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const json checkin = checkIn(kAdult, "36.6").parsed();
    ASSERT_TRUE(checkin["slip"].is_string()) << checkin.dump();
    const std::string slip = checkin["slip"];
    EXPECT_EQ(slip.rfind("VK1:", 0), 0u);
    const CmdRun verify = vaxctl({"ticket", "verify", slip});
    ASSERT_EQ(verify.status, 0) << verify.err;
    const json v = verify.parsed();
    EXPECT_EQ(v["valid"], true);
    EXPECT_EQ(v["kind"], "queue_slip");
    EXPECT_EQ(v["queue_number"], "A001");
    EXPECT_EQ(v["person"], "1101**********1234");
    EXPECT_EQ(v["site"], "BJ-XC-017");
    EXPECT_EQ(slip.find(kAdult), std::string::npos);
    // A deferred resident gets no slip.
    EXPECT_FALSE(checkIn(kAdult2, "38.1").parsed().contains("slip"));
}

TEST_F(VaxctlTest, AlteredOrForeignSlipsAreRefusedWithTheReason) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    std::string slip = checkIn(kAdult, "36.6").parsed()["slip"];
    std::string altered = slip;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    const CmdRun refused = vaxctl({"ticket", "verify", altered});
    EXPECT_EQ(refused.status, 2);
    EXPECT_EQ(refused.parsed()["valid"], false);
    EXPECT_EQ(vaxctl({"ticket", "verify", "VK1:"}).status, 2);
    EXPECT_EQ(vaxctl({"ticket", "verify", "hello"}).parsed()["reason"], "malformed");
}

TEST_F(VaxctlTest, RotationKeepsEarlierSlipsValidAndTheTrustListCarriesBothKeys) {
    ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    const std::string before = checkIn(kAdult, "36.6").parsed()["slip"];
    const CmdRun rotated = vaxctl({"keys", "rotate"});
    ASSERT_EQ(rotated.status, 0) << rotated.err;
    EXPECT_TRUE(rotated.parsed()["previous_key"].is_number());
    EXPECT_EQ(vaxctl({"ticket", "verify", before}).status, 0);

    // An exit device with only the exported public keys verifies too.
    ASSERT_EQ(vaxctl({"keys", "export-public", "--out", (m_dir / "trust.txt").string()}).status, 0);
    std::string config = slurp(m_dir / "kiosk.toml");
    const auto at = config.find("key_file = \"site.key\"");
    ASSERT_NE(at, std::string::npos);
    config.replace(at, std::string("key_file = \"site.key\"").size(),
                   "key_file = \"absent.key\"\ntrust_file = \"trust.txt\"");
    std::ofstream(m_dir / "kiosk.toml", std::ios::trunc) << config;
    const CmdRun exitDevice = vaxctl({"ticket", "verify", before});
    EXPECT_EQ(exitDevice.status, 0) << exitDevice.err;
    const std::string trust = slurp(m_dir / "trust.txt");
    EXPECT_EQ(std::count(trust.begin(), trust.end(), '\n'), 3);  // comment, current, previous
    EXPECT_EQ(trust.find("seal"), std::string::npos);            // public halves only
}

std::vector<json> jsonLines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(json::parse(line));
    }
    return lines;
}

TEST_F(VaxctlTest, ScanPrintsOneJsonLinePerCodeWithItsKindAndMasksIdNumbers) {
    const auto images = m_dir / "images";
    std::filesystem::create_directory(images);
    cv::imwrite((images / "a-health.png").string(),
                renderCode("https://hc.example.gov.cn/v/abc123", CodeFormat::QRCode));
    cv::imwrite((images / "b-id.png").string(), renderCode(kAdult, CodeFormat::QRCode));
    cv::imwrite((images / "c-pack.png").string(),
                renderCode("86912345678901234567", CodeFormat::DataMatrix));
    std::ofstream(images / "d-broken.png") << "not an image";

    const CmdRun run = vaxctl({"scan", "--json", "--stats", images.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto lines = jsonLines(run.out);
    ASSERT_EQ(lines.size(), 4u) << run.out;
    EXPECT_EQ(lines[0]["kind"], "health_code");
    EXPECT_EQ(lines[0]["format"], "QRCode");
    EXPECT_EQ(lines[0]["frame"], 0);
    EXPECT_EQ(lines[1]["kind"], "resident_id");
    EXPECT_EQ(lines[1]["text"], "1101**********1234");
    EXPECT_EQ(run.out.find(kAdult), std::string::npos);
    EXPECT_EQ(lines[2]["kind"], "trace_code");
    EXPECT_EQ(lines[2]["format"], "DataMatrix");
    EXPECT_EQ(lines[3]["stats"]["codes"], 3);
    EXPECT_EQ(lines[3]["stats"]["unreadable"], 1);
    EXPECT_NE(run.err.find("d-broken.png"), std::string::npos);
}

TEST_F(VaxctlTest, ScanReadsVideosFrameByFrameAndHonoursFormats) {
    const auto video = m_dir / "clip.avi";
    {
        cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10,
                               cv::Size(640, 480));
        const cv::Mat code = renderCode("VK1:TICKET", CodeFormat::QRCode, 8);
        for (int i = 0; i < 5; ++i) {
            cv::Mat frame(480, 640, CV_8UC3, cv::Scalar::all(255));
            if (i >= 3) {
                cv::Mat bgr;
                cv::cvtColor(code, bgr, cv::COLOR_GRAY2BGR);
                bgr.copyTo(frame(cv::Rect(100, 80, bgr.cols, bgr.rows)));
            }
            writer.write(frame);
        }
    }
    const auto lines = jsonLines(vaxctl({"scan", "--json", video.string()}).out);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["frame"], 3);
    EXPECT_EQ(lines[1]["frame"], 4);
    EXPECT_EQ(lines[0]["kind"], "ticket");
    EXPECT_TRUE(vaxctl({"scan", "--json", "--formats", "datamatrix", video.string()}).out.empty());
    EXPECT_EQ(vaxctl({"scan", "--formats", "ean99", video.string()}).status, 2);
}

TEST_F(VaxctlTest, ScanWithNothingReadableExitsTwo) {
    std::ofstream(m_dir / "junk.png") << "junk";
    const CmdRun run = vaxctl({"scan", (m_dir / "junk.png").string(), "/nonexistent.mp4"});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("nothing could be read"), std::string::npos);
}

}  // namespace
}  // namespace vax
