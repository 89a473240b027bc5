#include "vision/SerialScanner.h"

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/Pty.h"
#include "support/ScanCollector.h"
#include "support/TempDir.h"
#include "sys/UniqueFd.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using test::Pty;
using test::ScanCollector;

// The scanner opens a symlink to the pty slave, so that a "replugged" scanner (a new pty
// with a new name) can appear under the same path, as with /dev/serial/by-id names.
class SerialScannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_pty = Pty::open();
        pointLinkAt(m_pty.slavePath);
    }

    void pointLinkAt(const std::string& target) { test::pointLinkAt(m_link, target); }

    SerialScannerOptions options() const {
        SerialScannerOptions o;
        o.path = m_link.string();
        o.retry = {20ms, 100ms};
        return o;
    }

    // Writing before the scanner has put the port in raw mode would go through the default
    // (cooked, echoing) line discipline; the scanner flushes such bytes.
    void startAndWaitUntilOpen(SerialScanner& scanner) {
        ASSERT_TRUE(scanner.start());
        ASSERT_TRUE(m_got.waitForState(ScannerState::Ok)) << scanner.stateMessage();
    }

    test::TempDir m_dir;
    std::filesystem::path m_link = m_dir / "ttyScanner";
    Pty m_pty;
    ScanCollector m_got;
};

TEST_F(SerialScannerTest, LinesEndedByCrLfOrCrlfWithGsKept) {
    SerialScannerOptions o = options();
    o.baud = 115200;
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);

    m_pty.write(
        "HC:one\rtwo\nthree\r\n0195012345678903\x1d"
        "10LOT1\r");
    ASSERT_TRUE(m_got.waitForCodes(4));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{"HC:one", "two", "three",
                                                       "0195012345678903\x1d"
                                                       "10LOT1"}));
    for (const ScannedCode& code : m_got.codes()) {
        EXPECT_EQ(code.format, "serial");
        EXPECT_EQ(code.source, m_link.string());
    }
    const SerialScannerStats stats = scanner.stats();
    EXPECT_EQ(stats.codes, 4u);
    EXPECT_EQ(stats.idleEmits, 0u);
}

TEST_F(SerialScannerTest, LinesSplitAcrossWritesAreJoined) {
    SerialScannerOptions o = options();
    o.emitOnIdle = false;  // a stalled test thread must not split the line
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);
    m_pty.write("12345");
    m_pty.write("678\r\n");
    ASSERT_TRUE(m_got.waitForCodes(1));
    EXPECT_EQ(m_got.texts(), std::vector<std::string>{"12345678"});
}

TEST_F(SerialScannerTest, GarbageLinesAreDroppedAndGoodLinesStillRead) {
    SerialScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);

    // Noise at a wrong baud rate (not UTF-8), a NUL inside a line, then good lines including
    // UTF-8 text.
    m_pty.write(std::string("\xff\xfe\x80\xc0\xafnoise\r", 11));
    m_pty.write(std::string("ok-1\rbad\0nul\n", 13));
    m_pty.write("\xe4\xb8\xad\xe6\x96\x87-2\r");
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{"ok-1", "\xe4\xb8\xad\xe6\x96\x87-2"}));
    EXPECT_EQ(scanner.stats().malformed, 2u);
}

TEST_F(SerialScannerTest, PartialLineIsEmittedAfterTheIdleTimeout) {
    SerialScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);

    const auto written = std::chrono::steady_clock::now();
    m_pty.write("NOSUFFIX123");
    ASSERT_TRUE(m_got.waitForCodes(1));
    const ScannedCode code = m_got.codes().front();
    EXPECT_EQ(code.text, "NOSUFFIX123");
    EXPECT_GE(code.at - written, 200ms);  // not before the line went quiet for the timeout
    EXPECT_EQ(scanner.stats().idleEmits, 1u);

    m_pty.write("\r\n");  // a late suffix makes empty lines, which are ignored
    m_pty.write("next\r");
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{"NOSUFFIX123", "next"}));
}

TEST_F(SerialScannerTest, WithIdleEmitOffAPartialLineWaitsForItsTerminator) {
    SerialScannerOptions o = options();
    o.emitOnIdle = false;
    o.idleTimeout = 20ms;
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);

    m_pty.write("abc");
    // Time passing is what this test is about: several idle timeouts without a code.
    std::this_thread::sleep_for(100ms);
    m_pty.write("def\r");
    ASSERT_TRUE(m_got.waitForCodes(1));
    EXPECT_EQ(m_got.texts(), std::vector<std::string>{"abcdef"});
    EXPECT_EQ(scanner.stats().idleEmits, 0u);
}

TEST_F(SerialScannerTest, OverlongLineIsDiscardedAndTheNextOneRead) {
    SerialScannerOptions o = options();
    o.emitOnIdle = false;  // long writes may block; a stalled test must not split lines
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);

    m_pty.write(std::string(5000, 'x') + "\r");
    m_pty.write(std::string(4096, 'y') + "\r");  // exactly the limit is fine
    m_pty.write("after\r");
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{std::string(4096, 'y'), "after"}));
    EXPECT_EQ(scanner.stats().overlong, 1u);
}

TEST_F(SerialScannerTest, UnplugIsMissingAndReplugUnderTheSamePathRecovers) {
    SerialScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);
    m_pty.write("before\r");
    ASSERT_TRUE(m_got.waitForCodes(1));

    m_pty.unplug();  // the slave hangs up
    const auto missing = m_got.waitForState(ScannerState::Missing);
    ASSERT_TRUE(missing);
    EXPECT_EQ(m_got.texts(), std::vector<std::string>{"before"});

    Pty replugged = Pty::open();  // the same scanner comes back as a new device node
    pointLinkAt(replugged.slavePath);
    const auto ok = m_got.waitForState(ScannerState::Ok, *missing + 1);
    ASSERT_TRUE(ok) << scanner.stateMessage();
    EXPECT_GT(*ok, *missing);

    replugged.write("after\r");
    ASSERT_TRUE(m_got.waitForCodes(2));
    EXPECT_EQ(m_got.texts(), (std::vector<std::string>{"before", "after"}));
    EXPECT_EQ(scanner.state(), ScannerState::Ok);
}

TEST_F(SerialScannerTest, AbsentPortIsMissingAndStopIsPrompt) {
    SerialScannerOptions o = options();
    o.path = (m_dir / "ttyACM9").string();
    o.retry = {10s, 10s};  // stop() must cut the wait short
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    ASSERT_TRUE(m_got.waitForState(ScannerState::Missing));

    const auto before = std::chrono::steady_clock::now();
    scanner.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 200ms);
}

TEST_F(SerialScannerTest, StopIsPromptWhileReading) {
    SerialScanner scanner(options(), m_got.codeCallback(), m_got.stateCallback());
    startAndWaitUntilOpen(scanner);
    m_pty.write("partial");  // keeps an idle deadline pending as well

    const auto before = std::chrono::steady_clock::now();
    scanner.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 200ms);
}

TEST_F(SerialScannerTest, RegularFileIsNotASerialPort) {
    const auto file = m_dir / "not-a-tty";
    std::ofstream(file) << "x";
    SerialScannerOptions o = options();
    o.path = file.string();
    SerialScanner scanner(o, m_got.codeCallback(), m_got.stateCallback());
    ASSERT_TRUE(scanner.start());
    const auto error = m_got.waitForState(ScannerState::Error);
    ASSERT_TRUE(error);
    EXPECT_NE(m_got.states()[*error].second.find("is not a serial port"), std::string::npos);
}

TEST_F(SerialScannerTest, BadOptionsAreRefusedAtStart) {
    SerialScannerOptions o = options();
    o.baud = 12345;
    SerialScanner badBaud(o, m_got.codeCallback());
    const Status baud = badBaud.start();
    ASSERT_FALSE(baud);
    EXPECT_NE(baud.error().message.find("baud rate 12345"), std::string::npos);

    o = options();
    o.terminators.clear();
    o.emitOnIdle = false;
    SerialScanner noEnd(o, m_got.codeCallback());
    EXPECT_FALSE(noEnd.start());
}

}  // namespace
}  // namespace vax
