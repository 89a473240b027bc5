#include "devices/SerialThermometer.h"

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>

#include "support/Pty.h"
#include "support/TempDir.h"
#include "sys/UniqueFd.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = SensorFault::Kind;
using test::Pty;

// The driver opens a symlink to the pty slave, so that a "replugged" thermometer (a new pty
// with a new name) can appear under the same path, as with /dev/serial/by-id names.
class SerialThermometerTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_pty = Pty::open();
        pointLinkAt(m_pty.slavePath);
    }

    void pointLinkAt(const std::string& target) { test::pointLinkAt(m_link, target); }

    SerialThermometerOptions options() const {
        SerialThermometerOptions o;
        o.path = m_link.string();
        o.reopenInitial = 50ms;
        o.reopenMax = 200ms;
        return o;
    }

    static std::unique_ptr<SerialThermometer> make(SerialThermometerOptions o) {
        auto created = SerialThermometer::create(std::move(o));
        EXPECT_TRUE(created) << created.error().message;
        return created ? std::move(*created) : nullptr;
    }

    // The driver opens lazily and flushes what came before it set raw mode, so the test
    // writes only after a first read has opened the port. That read finds nothing.
    static void openPort(SerialThermometer& thermometer) {
        const auto first = thermometer.read(1ms);
        ASSERT_FALSE(first);
        ASSERT_EQ(first.error().kind, Kind::Silent) << first.error().message;
    }

    // Reads with short timeouts until the driver has reopened the port (a Silent answer
    // instead of Missing), for at most three seconds.
    static void waitUntilReopened(SerialThermometer& thermometer) {
        const auto until = Clock::now() + 3s;
        while (Clock::now() < until) {
            const auto got = thermometer.read(5ms);
            ASSERT_FALSE(got);
            if (got.error().kind == Kind::Silent) {
                return;
            }
            ASSERT_EQ(got.error().kind, Kind::Missing) << got.error().message;
            std::this_thread::sleep_for(10ms);
        }
        FAIL() << "the port was not reopened";
    }

    test::TempDir m_dir;
    std::filesystem::path m_link = m_dir / "ttyThermometer";
    Pty m_pty;
};

TEST_F(SerialThermometerTest, ReadsGoodLines) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);  // before the first read
    openPort(*thermometer);

    m_pty.write("T=36.5\n");
    auto got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.5);
    EXPECT_FALSE(got->ambientC);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);

    m_pty.write("T=37.1\n");
    got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 37.1);
}

TEST_F(SerialThermometerTest, CrLfLineEndsAreStripped) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    m_pty.write("T=36.7\r\n");
    const auto got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.7);
}

TEST_F(SerialThermometerTest, NewestBufferedLineIsUsed) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    const std::string lines = "T=35.0\r\nT=35.5\r\nT=36.9\r\nERR\r\n";
    m_pty.write(lines);
    m_pty.waitBuffered(lines.size());

    const auto got = thermometer->read(0ms);  // buffered lines need no waiting
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.9);

    const auto nothingLeft = thermometer->read(20ms);  // the stale lines are gone too
    ASSERT_FALSE(nothingLeft);
    EXPECT_EQ(nothingLeft.error().kind, Kind::Silent);
}

TEST_F(SerialThermometerTest, GarbageOnlyIsGarbageWithTheLineQuoted) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    m_pty.write("ERR\x01\xff sensor busy, this line is longer than forty characters\r\n");

    const auto got = thermometer->read(300ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Garbage);
    EXPECT_EQ(got.error().message,
              "line did not match T=([0-9.]+): ERR?? sensor busy, this line is longer t");
    const DeviceHealth health = thermometer->health();
    EXPECT_EQ(health.state, DeviceState::Degraded);
    EXPECT_NE(health.message.find("line did not match"), std::string::npos) << health.message;
}

TEST_F(SerialThermometerTest, GarbageThenAGoodLineGivesTheReading) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    std::thread firmware([this] {
        m_pty.write("boot v1.2\r\n");
        std::this_thread::sleep_for(50ms);
        m_pty.write("T=36.4\r\n");
    });
    const auto got = thermometer->read(2s);
    firmware.join();
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.4);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST_F(SerialThermometerTest, LineSplitAcrossWritesIsOneLine) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    std::thread firmware([this] {
        m_pty.write("T=3");
        std::this_thread::sleep_for(50ms);
        m_pty.write("6.8\r\n");
    });
    const auto got = thermometer->read(2s);
    firmware.join();
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.8);
}

TEST_F(SerialThermometerTest, SilenceIsSilentAfterTheTimeout) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    m_pty.write("T=3");  // a line that never ends is no reading either

    const auto before = Clock::now();
    const auto got = thermometer->read(300ms);
    const auto took = Clock::now() - before;
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Silent);
    EXPECT_GE(took, 295ms);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);
    EXPECT_NE(thermometer->health().message.find("within 300 ms"), std::string::npos)
        << thermometer->health().message;
}

TEST_F(SerialThermometerTest, FahrenheitIsConvertedToCelsius) {
    SerialThermometerOptions o = options();
    o.unit = TemperatureUnit::Fahrenheit;
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    m_pty.write("T=98.6\r\n");
    const auto got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_NEAR(got->objectC, 37.0, 1e-9);
}

TEST_F(SerialThermometerTest, AmbientComesFromItsOwnFormat) {
    SerialThermometerOptions o = options();
    o.lineFormat = "OBJ=([0-9.]+)";
    o.ambientFormat = "AMB=([0-9.]+)";
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);

    m_pty.write("OBJ=36.6 AMB=22.5\r\n");
    auto got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.6);
    ASSERT_TRUE(got->ambientC);
    EXPECT_DOUBLE_EQ(*got->ambientC, 22.5);

    m_pty.write("OBJ=36.2\r\n");  // ambient is optional in a line
    got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.2);
    EXPECT_FALSE(got->ambientC);
}

TEST_F(SerialThermometerTest, PollCommandIsSentBeforeEachRead) {
    SerialThermometerOptions o = options();
    o.pollCommand = "READ\r\n";
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    EXPECT_EQ(m_pty.readFromDriver(6), "READ\r\n");  // the opening read asked as well

    // A late answer to that request is stale once the next request goes out.
    m_pty.write("T=30.0\r\n");
    m_pty.waitBuffered(8);

    auto reading = std::async(std::launch::async, [&] { return thermometer->read(2s); });
    EXPECT_EQ(m_pty.readFromDriver(6), "READ\r\n");
    m_pty.write("T=36.2\r\n");
    const auto got = reading.get();
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.2);
}

TEST_F(SerialThermometerTest, OverlongLineIsDiscardedAsGarbage) {
    SerialThermometerOptions o = options();
    o.maxLineLength = 16;
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);

    m_pty.write("T=36." + std::string(40, '5') + "\r\n");
    auto got = thermometer->read(200ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Garbage);
    EXPECT_NE(got.error().message.find("longer than 16 bytes"), std::string::npos)
        << got.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Degraded);

    m_pty.write("T=36." + std::string(40, '5') + "\r\nT=36.00000000001\r\n");  // 16: fits
    got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_NEAR(got->objectC, 36.0, 1e-9);
}

TEST_F(SerialThermometerTest, ValuesThatAreNotBodyTemperaturesAreGarbage) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);

    m_pty.write("T=200.0\r\n");
    auto got = thermometer->read(200ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Garbage);
    EXPECT_NE(got.error().message.find("outside -50..150"), std::string::npos)
        << got.error().message;

    m_pty.write("T=36.5.1\r\n");
    got = thermometer->read(200ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Garbage);
    EXPECT_NE(got.error().message.find("not a number"), std::string::npos) << got.error().message;
}

TEST_F(SerialThermometerTest, BadOptionsAreRefusedNamingTheOption) {
    const auto errorOf = [](SerialThermometerOptions o) {
        auto created = SerialThermometer::create(std::move(o));
        return created ? std::string() : created.error().message;
    };
    SerialThermometerOptions o = options();
    o.lineFormat = "T=[0-9.]+";
    EXPECT_NE(errorOf(o).find("lineFormat \"T=[0-9.]+\" has 0 capture groups"), std::string::npos)
        << errorOf(o);

    o = options();
    o.lineFormat = "(T)=([0-9.]+)";
    EXPECT_NE(errorOf(o).find("has 2 capture groups"), std::string::npos) << errorOf(o);

    o = options();
    o.lineFormat = "T=([0-9.]+";
    EXPECT_NE(errorOf(o).find("lineFormat \"T=([0-9.]+\" is not a valid regular expression"),
              std::string::npos)
        << errorOf(o);

    o = options();
    o.ambientFormat = "A=[0-9.]+";
    EXPECT_NE(errorOf(o).find("ambientFormat"), std::string::npos) << errorOf(o);

    o = options();
    o.baud = 12345;
    EXPECT_NE(errorOf(o).find("baud 12345"), std::string::npos) << errorOf(o);

    o = options();
    o.path.clear();
    EXPECT_NE(errorOf(o).find("path is empty"), std::string::npos) << errorOf(o);

    o = options();
    o.maxLineLength = 0;
    EXPECT_NE(errorOf(o).find("maxLineLength"), std::string::npos) << errorOf(o);

    o = options();
    o.lineFormat = "T=(?:obj )?([0-9.]+)";  // non-capturing groups are fine
    o.baud = 115200;
    EXPECT_EQ(errorOf(o), "");
}

TEST_F(SerialThermometerTest, UnplugIsMissingAndReplugUnderTheSamePathRecovers) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);
    m_pty.write("T=36.5\r\n");
    ASSERT_TRUE(thermometer->read(2s));
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);

    m_pty.unplug();
    auto got = thermometer->read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing) << got.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);

    // While backing off a read answers at once instead of waiting its timeout.
    const auto before = Clock::now();
    got = thermometer->read(1s);
    EXPECT_LT(Clock::now() - before, 100ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing) << got.error().message;

    Pty replugged = Pty::open();  // the same thermometer comes back as a new device node
    pointLinkAt(replugged.slavePath);
    waitUntilReopened(*thermometer);
    replugged.write("T=36.6\r\n");
    got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.6);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST_F(SerialThermometerTest, VanishedPathIsMissingUntilItIsBack) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    openPort(*thermometer);

    std::filesystem::remove(m_link);  // udev removed the by-id name; the tty still answers
    auto got = thermometer->read(200ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing);
    EXPECT_NE(got.error().message.find("vanished"), std::string::npos) << got.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);

    pointLinkAt(m_pty.slavePath);
    waitUntilReopened(*thermometer);
    m_pty.write("T=36.3\r\n");
    got = thermometer->read(2s);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_DOUBLE_EQ(got->objectC, 36.3);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST_F(SerialThermometerTest, AbsentPortIsMissingAndBacksOff) {
    SerialThermometerOptions o = options();
    o.path = (m_dir / "ttyUSB9").string();
    o.reopenInitial = 10s;
    o.reopenMax = 10s;
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);

    auto got = thermometer->read(1s);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing) << got.error().message;

    const auto before = Clock::now();
    got = thermometer->read(1s);
    EXPECT_LT(Clock::now() - before, 100ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Missing);
    EXPECT_NE(got.error().message.find("retrying in"), std::string::npos) << got.error().message;
}

TEST_F(SerialThermometerTest, RegularFileIsNotASerialPort) {
    const auto file = m_dir / "not-a-tty";
    std::ofstream(file) << "T=36.5\n";
    SerialThermometerOptions o = options();
    o.path = file.string();
    auto thermometer = make(o);
    ASSERT_TRUE(thermometer);
    const auto got = thermometer->read(100ms);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().kind, Kind::Io);
    EXPECT_NE(got.error().message.find("is not a serial port"), std::string::npos);
}

TEST_F(SerialThermometerTest, IdentifiesItself) {
    auto thermometer = make(options());
    ASSERT_TRUE(thermometer);
    EXPECT_EQ(thermometer->sensorId(), "serial:" + m_link.string());
    EXPECT_FALSE(thermometer->emissivity());
}

}  // namespace
}  // namespace vax
