#include "vision/HidScanner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>

#include "support/InputEvents.h"
#include "support/ScanCollector.h"
#include "support/TempDir.h"
#include "sys/UniqueFd.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using test::KeyStream;
using test::ScanCollector;

void writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        ASSERT_GT(n, 0) << "write failed: " << errno;
        bytes.remove_prefix(std::size_t(n));
    }
}

std::chrono::milliseconds timeToStop(HidScanner& scanner) {
    const auto before = std::chrono::steady_clock::now();
    scanner.stop();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 before);
}

// EVIOCGRAB works only on real evdev nodes, so these tests feed recorded event streams
// through a FIFO with the grab off. A FIFO also behaves like an unplugged device when its
// writer goes away: read() returns 0.
class HidScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(::mkfifo(m_path.c_str(), 0600), 0);
        openWriter();
    }

    // O_RDWR never blocks and keeps the pipe alive while the scanner reopens.
    void openWriter() {
        m_writer = UniqueFd(::open(m_path.c_str(), O_RDWR | O_CLOEXEC));
        ASSERT_TRUE(m_writer);
    }

    HidScannerOptions options() const {
        HidScannerOptions o;
        o.path = m_path.string();
        o.grab = false;
        o.retry = {20ms, 100ms};
        return o;
    }

    static KeyStream twoCodes() {
        KeyStream s;
        s.shifted(KEY_H).shifted(KEY_C).shifted(KEY_SEMICOLON).taps({KEY_A, KEY_B, KEY_C});
        s.digits("123").enter();
        s.pause(800ms).digits("0106901234567892").ctrl(KEY_RIGHTBRACE).digits("10").enter();
        return s;
    }

    test::TempDir m_dir;
    std::filesystem::path m_path = m_dir / "usb-Scanner-event-kbd";
    UniqueFd m_writer;
    ScanCollector m_got;
};

TEST_F(HidScannerTest, RecordedStreamGivesKeyboardCodesFromThePath) {
    HidScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    writeAll(m_writer.get(), twoCodes().bytes());

    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{"HC:abc123",
                                                       "0106901234567892\x1d"
                                                       "10"}));
    for (const ScannedCode& code : m_got.codes()) {
        EXPECT_EQ(code.format, "keyboard");
        EXPECT_EQ(code.source, m_path.string());
    }
    EXPECT_EQ(scanner.stats().codes, 2u);
    EXPECT_EQ(scanner.state(), ScannerState::Ok);
}

TEST_F(HidScannerTest, EventsSplitAcrossReadsAreReassembled) {
    HidScanner scanner(options(), m_got.codeCallback());
    ASSERT_TRUE(scanner.start());
    const std::string bytes = twoCodes().bytes();
    for (std::size_t at = 0; at < bytes.size(); at += 7) {  // 7 does not divide 24
        writeAll(m_writer.get(), std::string_view(bytes).substr(at, 7));
    }
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts().front(), "HC:abc123");
}

TEST_F(HidScannerTest, StopReturnsPromptlyWhileWaitingForInput) {
    HidScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    ASSERT_TRUE(m_got.waitForState(ScannerState::Ok));
    EXPECT_LT(timeToStop(scanner), 200ms);
    EXPECT_FALSE(scanner.stateMessage().empty());
}

TEST_F(HidScannerTest, StopReturnsPromptlyWhileWaitingToReopen) {
    HidScannerOptions o = options();
    o.path = (m_dir / "absent").string();
    o.retry = {10s, 10s};
    HidScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    ASSERT_TRUE(m_got.waitForState(ScannerState::Missing));
    EXPECT_LT(timeToStop(scanner), 200ms);
}

TEST_F(HidScannerTest, AbsentDeviceIsMissingUntilItAppears) {
    HidScannerOptions o = options();
    const auto later = m_dir / "plugged-in-later";
    o.path = later.string();
    HidScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    const auto missing = m_got.waitForState(ScannerState::Missing);
    ASSERT_TRUE(missing);
    EXPECT_NE(m_got.states()[*missing].second.find("No such file"), std::string::npos);

    ASSERT_EQ(::mkfifo(later.c_str(), 0600), 0);
    UniqueFd writer(::open(later.c_str(), O_RDWR | O_CLOEXEC));
    ASSERT_TRUE(m_got.waitForState(ScannerState::Ok, *missing + 1));
    writeAll(writer.get(), twoCodes().bytes());
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.codes()[0].source, later.string());
}

TEST_F(HidScannerTest, UnpluggedDeviceIsMissingThenReopened) {
    HidScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    writeAll(m_writer.get(), twoCodes().bytes());
    ASSERT_TRUE(m_got.waitForCodes(2));

    m_writer.reset();  // the scanner reads end-of-file, as from an unplugged device
    const auto missing = m_got.waitForState(ScannerState::Missing);
    ASSERT_TRUE(missing);
    ASSERT_TRUE(m_got.waitForState(ScannerState::Ok, *missing + 1));

    openWriter();
    KeyStream again;
    again.digits("777").enter();
    writeAll(m_writer.get(), again.bytes());
    ASSERT_TRUE(m_got.waitForCodes(3));
    EXPECT_EQ(m_got.texts().back(), "777");
}

TEST_F(HidScannerTest, GrabFailureIsAnErrorWithAClearMessage) {
    HidScannerOptions o = options();
    o.grab = true;  // a FIFO is no evdev node
    HidScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    const auto error = m_got.waitForState(ScannerState::Error);
    ASSERT_TRUE(error);
    const std::string message = m_got.states()[*error].second;
    EXPECT_NE(message.find("cannot grab"), std::string::npos) << message;
    EXPECT_NE(message.find("not an input event device"), std::string::npos) << message;
    EXPECT_EQ(scanner.state(), ScannerState::Error);
}

TEST_F(HidScannerTest, StartTwiceIsAnErrorAndRestartAfterStopWorks) {
    HidScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    const Status again = scanner.start();
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("already running"), std::string::npos);
    scanner.stop();
    scanner.stop();  // harmless

    ASSERT_TRUE(scanner.start());
    KeyStream s;
    s.digits("5").enter();
    writeAll(m_writer.get(), s.bytes());
    ASSERT_TRUE(m_got.waitForCodes(1));
    EXPECT_EQ(m_got.texts(), std::vector<std::string>{"5"});
}

TEST_F(HidScannerTest, StopFromTheCodeCallbackDoesNotDeadlock) {
    std::atomic<int> calls{0};
    std::unique_ptr<HidScanner> scanner;
    scanner = std::make_unique<HidScanner>(options(), [&](const ScannedCode& code) {
        ++calls;
        scanner->stop();
        m_got.codeCallback()(code);
    });
    ASSERT_TRUE(scanner->start());
    KeyStream s;
    s.digits("1").enter();
    writeAll(m_writer.get(), s.bytes());
    ASSERT_TRUE(m_got.waitForCodes(1));
    scanner.reset();  // joins the thread that stopped itself
    EXPECT_EQ(calls.load(), 1);
}

}  // namespace
}  // namespace vax
