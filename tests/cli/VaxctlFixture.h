#pragma once

// vaxctl driven as a user would: a real process per command, a copied example config,
// a real database file, JSON parsed back. Shared by the vaxctl test files.

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

#include "TestPaths.h"
#include "support/TempDir.h"

namespace vax::test {
using nlohmann::json;

struct CmdRun {
    int status = -1;
    std::string out;
    std::string err;
    json parsed() const { return json::parse(out); }
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// Runs vaxctl on the journal and config of `dir` (kiosk.db, kiosk.toml); `input`, when
/// given, is its standard input. Its output goes through files in `dir`.
inline CmdRun runVaxctl(const std::filesystem::path& dir, std::vector<std::string> args,
                        const std::string* input = nullptr) {
    args.insert(args.begin(), {VAXCTL_PATH, "--db", (dir / "kiosk.db").string(), "--config",
                               (dir / "kiosk.toml").string()});
    const auto inPath = dir / "stdin";
    const auto outPath = dir / "stdout";
    const auto errPath = dir / "stderr";
    if (input) {
        std::ofstream(inPath, std::ios::trunc) << *input;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (input) {
            const int in = ::open(inPath.c_str(), O_RDONLY);
            ::dup2(in, 0);
        }
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

class VaxctlTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy_file(
            std::filesystem::path(test::kSourceDir) / "config/kiosk.example.toml",
            m_dir / "kiosk.toml");
    }

    // `input`, when given, is the command's standard input.
    CmdRun vaxctl(std::vector<std::string> args, const std::string* input = nullptr) {
        return runVaxctl(m_dir.path(), std::move(args), input);
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
        // Held in a local: a range-for over items() of a temporary would read freed memory.
        const nlohmann::json status = vaxctl({"queue", "status", "--date", "2026-11-25"}).parsed();
        int total = 0;
        for (const auto& [stage, n] : status["stages"].items()) {
            total += n.get<int>();
        }
        return total;
    }

    test::TempDir m_dir;
};

// Valid numbers with correct check characters; ages on 2026-11-25 in the comments.
inline constexpr const char* kAdult = "110105198503121234";   // 41
inline constexpr const char* kAdult2 = "31011519920718004X";  // 34
inline constexpr const char* kSenior = "330106195802140412";  // 68
inline constexpr const char* kMinor = "110108200906050118";   // 17

class StationFlowTest : public VaxctlTest {
protected:
    void SetUp() override {
        VaxctlTest::SetUp();
        ASSERT_EQ(vaxctl({"keys", "init"}).status, 0);
    }

    // Checks in and calls a resident; returns the slip.
    std::string calledSlip(const char* id) {
        const json checkin = checkIn(id, "36.6").parsed();
        EXPECT_TRUE(
            vaxctl({"queue", "call", "--desk", std::string(checkin["queue_number"]).substr(0, 1),
                    "--count", "10", "--at", "2026-11-25 09:05"})
                .status == 0);
        return checkin["slip"];
    }

    CmdRun bind(const std::string& slip, const std::string& code,
                const std::string& at = "2026-11-25 09:10") {
        return vaxctl({"station", "bind", "--slip", slip, "--code", code, "--at", at});
    }
};

inline constexpr const char* kPack = "86123450000000012345";  // INACT-A in the example catalogue

}  // namespace vax::test
