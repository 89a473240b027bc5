#include "devices/PrinterTransport.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "DevicesTestSupport.h"
#include "support/PrinterEmulator.h"
#include "support/TempDir.h"
#include "sys/UniqueFd.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Bytes sampleJob(std::size_t size = 1000) {
    Bytes job(size);
    for (std::size_t i = 0; i < size; ++i) {
        job[i] = std::uint8_t(i * 7 + 3);
    }
    return job;
}

std::string errorOf(std::string_view uri) {
    const Result<std::unique_ptr<PrinterTransport>> opened = openPrinter(uri);
    return opened.ok() ? std::string("(opened)") : opened.error().message;
}

TEST(PrinterTransportTest, BadUrisSayWhatIsWrong) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "no printer URI"},
        {"lpt1", "unknown kind of printer"},
        {"http://printer/", "unknown kind of printer"},
        {"file:", "absolute path"},
        {"file:dev/usb/lp0", "absolute path"},
        {"tcp://", "no host"},
        {"tcp://:9100", "no host"},
        {"tcp://printer:", "port must be"},
        {"tcp://printer:0", "port must be"},
        {"tcp://printer:70000", "port must be"},
        {"tcp://printer:91x0", "port must be"},
        {"tcp://fe80::1:9100", "brackets"},
        {"tcp://[::1", "without ']'"},
        {"tcp://[::1]9100", "expected ':PORT'"},
        {"tcp://printer/queue", "no path"},
        {"tcp://user@printer", "no path"},
        {"cups:", "no queue name"},
        {"cups:-d", "not a CUPS queue name"},
        {"cups:my printer", "not a CUPS queue name"},
        {"cups:a/b", "not a CUPS queue name"},
        {"png:", "no folder"},
        {"pdf:/nonexistent/tickets", "does not exist"},
    };
    for (const auto& [uri, expected] : cases) {
        const std::string message = errorOf(uri);
        EXPECT_NE(message.find(expected), std::string::npos) << uri << " -> " << message;
        if (!uri.empty()) {
            EXPECT_NE(message.find(uri), std::string::npos) << "the message names the URI";
        }
    }
}

TEST(PrinterTransportTest, GoodUrisOpenWithoutTouchingAnything) {
    const test::TempDir dir;
    for (const std::string& uri : std::vector<std::string>{
             "file:/dev/usb/lp9", "file:///dev/usb/lp9", "tcp://192.0.2.1", "tcp://printer:9100",
             "tcp://[::1]:9100", "tcp://[::1]", "cups:Kiosk_Printer-1",
             "png:" + dir.path().string(), "pdf:" + dir.path().string()}) {
        const Result<std::unique_ptr<PrinterTransport>> opened = openPrinter(uri);
        ASSERT_TRUE(opened.ok()) << uri << ": " << opened.error().message;
        EXPECT_EQ((*opened)->uri(), uri);
    }
    EXPECT_EQ(test::mustOpen("png:" + dir.path().string())->format(), TransportFormat::Png);
    EXPECT_EQ(test::mustOpen("pdf:" + dir.path().string())->format(), TransportFormat::Pdf);
    EXPECT_EQ(test::mustOpen("cups:Q")->format(), TransportFormat::EscPos);
}

TEST(PrinterTransportTest, FileTransportAppendsJobsToAFile) {
    const test::TempDir dir;
    const auto path = dir / "spool.bin";
    writeFile(path, "");
    auto printer = test::mustOpen("file:" + path.string());
    EXPECT_FALSE(printer->reportsStatus());
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_TRUE(status.ok());
    EXPECT_FALSE(status->has_value());
    const Bytes job = sampleJob();
    ASSERT_TRUE(printer->send("T1", job).ok());
    ASSERT_TRUE(printer->send("T2", job).ok());
    std::string expected(job.begin(), job.end());
    EXPECT_EQ(readFile(path), expected + expected);
    EXPECT_EQ(readFile(path).size(), 2 * job.size())
        << "status requests are never written to a file";
}

TEST(PrinterTransportTest, FileTransportNeverCreatesTheDevice) {
    const test::TempDir dir;
    auto printer = test::mustOpen("file:" + (dir / "lp0").string());
    const Status sent = printer->send("T1", sampleJob(10));
    ASSERT_FALSE(sent.ok());
    EXPECT_NE(sent.error().message.find("not present"), std::string::npos) << sent.error().message;
    EXPECT_FALSE(std::filesystem::exists(dir / "lp0"));
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("打印机未连接"), std::string::npos);
}

// A pseudo-terminal stands in for a bidirectional USB printer: the transport opens the slave
// (a character device), the test answers DLE EOT on the master.
class FakeDevicePrinter {
public:
    explicit FakeDevicePrinter(test::EmulatedState state) : m_state(state) {
        int master = -1;
        int slave = -1;
        if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
            ADD_FAILURE() << "openpty failed";
            return;
        }
        m_master.reset(master);
        m_slave.reset(slave);  // held so the node stays; raw so bytes pass unchanged
        termios raw{};
        ::tcgetattr(slave, &raw);
        ::cfmakeraw(&raw);
        ::tcsetattr(slave, TCSANOW, &raw);
        char name[128] = {};
        ::ttyname_r(slave, name, sizeof name);
        m_path = name;
        m_thread = std::thread([this] { answer(); });
    }
    ~FakeDevicePrinter() {
        m_stop = true;
        m_thread.join();
    }
    FakeDevicePrinter(const FakeDevicePrinter&) = delete;
    FakeDevicePrinter& operator=(const FakeDevicePrinter&) = delete;

    const std::string& path() const { return m_path; }
    Bytes received() const {
        const std::lock_guard lock(m_mutex);
        return m_data;
    }

private:
    void answer() {
        int held = 0;
        while (!m_stop) {
            pollfd p{m_master.get(), POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) {
                continue;
            }
            std::uint8_t buffer[512];
            const ssize_t n = ::read(m_master.get(), buffer, sizeof buffer);
            for (ssize_t i = 0; i < n; ++i) {
                const std::uint8_t b = buffer[i];
                if (held == 2) {
                    const std::uint8_t reply = test::PrinterEmulator::replyFor(m_state, b);
                    [[maybe_unused]] const ssize_t w = ::write(m_master.get(), &reply, 1);
                    held = 0;
                } else if (held == 1) {
                    held = b == 0x04 ? 2 : 0;
                } else if (b == 0x10) {
                    held = 1;
                } else {
                    const std::lock_guard lock(m_mutex);
                    m_data.push_back(b);
                }
            }
        }
    }

    test::EmulatedState m_state;
    UniqueFd m_master;
    UniqueFd m_slave;
    std::string m_path;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    Bytes m_data;
    std::thread m_thread;
};

TEST(PrinterTransportTest, FileTransportReadsStatusBackFromACharacterDevice) {
    const FakeDevicePrinter device(test::EmulatedState::PaperNearEnd);
    auto printer = test::mustOpen("file:" + device.path());
    EXPECT_TRUE(printer->reportsStatus());
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_TRUE(status.ok()) << status.error().message;
    ASSERT_TRUE(status->has_value());
    EXPECT_TRUE((*status)->paperNearEnd);
    EXPECT_TRUE((*status)->ready());
}

TEST(PrinterTransportTest, FileTransportReportsPaperOutFromTheDevice) {
    const FakeDevicePrinter device(test::EmulatedState::PaperOut);
    auto printer = test::mustOpen("file:" + device.path());
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_TRUE(status.ok() && status->has_value());
    EXPECT_TRUE((*status)->paperOut);
}

TEST(PrinterTransportTest, SilentDeviceGivesNoStatusNotAnError) {
    int master = -1;
    int slave = -1;
    ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
    const UniqueFd ownMaster(master);
    const UniqueFd ownSlave(slave);
    termios raw{};
    ::tcgetattr(slave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(slave, TCSANOW, &raw);
    char name[128] = {};
    ::ttyname_r(slave, name, sizeof name);
    PrinterTransportOptions options;
    options.statusTimeout = 50ms;
    auto printer = test::mustOpen(std::string("file:") + name, options);
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_FALSE(status->has_value());
}

// Puts a folder first in PATH for the test's lifetime.
class PathPrefix {
public:
    explicit PathPrefix(const std::filesystem::path& dir) {
        const char* old = std::getenv("PATH");
        m_old = old != nullptr ? old : "";
        ::setenv("PATH", (dir.string() + ":" + m_old).c_str(), 1);
    }
    ~PathPrefix() { ::setenv("PATH", m_old.c_str(), 1); }
    PathPrefix(const PathPrefix&) = delete;
    PathPrefix& operator=(const PathPrefix&) = delete;

private:
    std::string m_old;
};

void writeScript(const std::filesystem::path& path, const std::string& body) {
    writeFile(path, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
}

TEST(PrinterTransportTest, CupsRunsLpRawWithTheJobOnStdin) {
    const test::TempDir dir;
    writeScript(dir / "lp", "printf '%s\\n' \"$@\" > '" + (dir / "args").string() + "'\ncat > '" +
                                (dir / "job").string() +
                                "'\necho \"request id is $2-17 (1 file(s))\"\n");
    const PathPrefix path(dir.path());
    auto printer = test::mustOpen("cups:Kiosk_Printer");
    EXPECT_FALSE(printer->reportsStatus());
    EXPECT_FALSE(printer->queryStatus()->has_value());
    const Bytes job = sampleJob(300000);  // larger than a pipe buffer
    const Status sent = printer->send("T0042", job);
    ASSERT_TRUE(sent.ok()) << sent.error().message;
    EXPECT_EQ(readFile(dir / "job"), std::string(job.begin(), job.end()));
    EXPECT_EQ(readFile(dir / "args"), "-d\nKiosk_Printer\n-o\nraw\n-t\nT0042\n");
}

TEST(PrinterTransportTest, CupsFailureCarriesLpsMessage) {
    const test::TempDir dir;
    writeScript(dir / "lp",
                "cat > /dev/null\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n");
    const PathPrefix path(dir.path());
    auto printer = test::mustOpen("cups:Missing");
    const Status sent = printer->send("T1", sampleJob(100));
    ASSERT_FALSE(sent.ok());
    EXPECT_NE(sent.error().message.find("exit status 1"), std::string::npos)
        << sent.error().message;
    EXPECT_NE(sent.error().message.find("does not exist"), std::string::npos);
    EXPECT_NE(sent.error().message.find("Missing"), std::string::npos);
}

TEST(PrinterTransportTest, LpThatStopsReadingIsAnErrorNotACrash) {
    const test::TempDir dir;
    writeScript(dir / "lp", "exit 0\n");
    const PathPrefix path(dir.path());
    auto printer = test::mustOpen("cups:Q");
    const Status sent = printer->send("T1", sampleJob(1 << 20));  // SIGPIPE if not guarded
    ASSERT_FALSE(sent.ok());
    EXPECT_NE(sent.error().message.find("lp took"), std::string::npos) << sent.error().message;
}

TEST(PrinterTransportTest, MissingLpIsAClearError) {
    PrinterTransportOptions options;
    options.lpCommand = "/nonexistent/lp";
    auto printer = test::mustOpen("cups:Q", options);
    const Status sent = printer->send("T1", sampleJob(10));
    ASSERT_FALSE(sent.ok());
    EXPECT_NE(sent.error().message.find("cannot run '/nonexistent/lp'"), std::string::npos)
        << sent.error().message;
}

TEST(PrinterTransportTest, PreviewFilesAreNamedByTicketId) {
    const test::TempDir dir;
    auto printer = test::mustOpen("png:" + dir.path().string());
    ASSERT_TRUE(printer->send("A007", sampleJob(10)).ok());
    ASSERT_TRUE(printer->send("../evil/..", sampleJob(5)).ok());
    ASSERT_TRUE(printer->send("A007", sampleJob(20)).ok());  // a reprint replaces the file
    EXPECT_EQ(readFile(dir / "A007.png").size(), 20u);
    EXPECT_TRUE(std::filesystem::exists(dir / "_.._evil_...png"));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 2u) << "no temporary files left behind";
}

TEST(PrinterTransportTest, TcpToAClosedPortIsAClearOfflineError) {
    test::PrinterEmulator emulator;
    ASSERT_TRUE(emulator.start());
    const std::uint16_t port = emulator.port();
    emulator.stop();
    auto printer = test::mustOpen("tcp://127.0.0.1:" + std::to_string(port));
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("offline"), std::string::npos) << status.error().message;
    EXPECT_NE(status.error().message.find("Connection refused"), std::string::npos);
    EXPECT_NE(status.error().message.find("127.0.0.1"), std::string::npos);
    const Status sent = printer->send("T1", sampleJob(10));
    EXPECT_FALSE(sent.ok());
}

TEST(PrinterTransportTest, TcpSendsAndQueries) {
    test::PrinterEmulator emulator;
    ASSERT_TRUE(emulator.start());
    auto printer = test::mustOpen("tcp://127.0.0.1:" + std::to_string(emulator.port()));
    EXPECT_TRUE(printer->reportsStatus());
    const Bytes job = sampleJob(200000);
    ASSERT_TRUE(printer->send("T1", job).ok());
    ASSERT_TRUE(emulator.waitForBytes(job.size(), 5s));
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_TRUE(status.ok() && status->has_value());
    EXPECT_TRUE((*status)->ready());
    EXPECT_EQ(emulator.statusRequests(), 4u);
    // sampleJob holds DLE bytes but never DLE EOT n: all of it is job data.
    EXPECT_EQ(emulator.received(), job);
    EXPECT_EQ(emulator.connections(), 1u);
}

}  // namespace
}  // namespace vax
