#include "devices/Mlx90614.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <string>

#include "ScriptedI2cBus.h"
#include "devices/I2cBus.h"
#include "support/TempDir.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using test::Bytes;
using test::ScriptedI2cBus;
using Clock = ReopenBackoff::Clock;
using FaultKind = SensorFault::Kind;

constexpr std::uint8_t kAddress = 0x5A;
constexpr std::uint8_t kWriteAddress = 0xB4;  // 0x5a << 1
constexpr std::uint8_t kReadAddress = 0xB5;   // (0x5a << 1) | 1

// CRC-8/SMBus written bit by bit, independently of the driver's table, to build frames.
std::uint8_t referenceCrc8(std::initializer_list<std::uint8_t> bytes) {
    unsigned crc = 0;
    for (const std::uint8_t byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 0x80u) != 0 ? ((crc << 1) ^ 0x07u) & 0xFFu : (crc << 1) & 0xFFu;
        }
    }
    return std::uint8_t(crc);
}

// The three bytes an MLX90614 at 0x5a answers to a read word of `command`: LSB, MSB, PEC.
Bytes wordReply(std::uint8_t command, std::uint16_t word) {
    const auto low = std::uint8_t(word & 0xFF);
    const auto high = std::uint8_t(word >> 8);
    return {low, high, referenceCrc8({kWriteAddress, command, kReadAddress, low, high})};
}

// The four bytes of a write word of `word` to `command` at 0x5a: command, LSB, MSB, PEC.
Bytes wordWrite(std::uint8_t command, std::uint16_t word) {
    const auto low = std::uint8_t(word & 0xFF);
    const auto high = std::uint8_t(word >> 8);
    return {command, low, high, referenceCrc8({kWriteAddress, command, low, high})};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class Mlx90614Test : public ::testing::Test {
protected:
    std::unique_ptr<Mlx90614Thermometer> makeThermometer(bool adjustRegister0F = false) {
        auto bus = std::make_unique<ScriptedI2cBus>();
        scripted = bus.get();
        Mlx90614Timing timing;
        timing.now = [this] { return clockNow; };
        timing.sleep = [this](std::chrono::milliseconds duration) {
            clockNow += duration;
            scripted->note("sleep " + std::to_string(duration.count()) + " ms");
        };
        return std::make_unique<Mlx90614Thermometer>(
            std::move(bus), Mlx90614Options{"/dev/i2c-1", kAddress, adjustRegister0F},
            std::move(timing));
    }

    void expectGoodRead(std::uint16_t object = 0x3C7B, std::uint16_t ambient = 0x3A3C) {
        scripted->expectWriteRead(kAddress, {0x07}, 3, wordReply(0x07, object));
        scripted->expectWriteRead(kAddress, {0x06}, 3, wordReply(0x06, ambient));
    }

    ScriptedI2cBus* scripted = nullptr;  // owned by the thermometer
    Clock::time_point clockNow = Clock::time_point{} + 1h;
};

TEST(SmbusPecTest, CrcOfAsciiDigitsIsTheCrc8SmbusCheckValue) {
    const std::string digits = "123456789";
    const std::vector<std::uint8_t> bytes(digits.begin(), digits.end());
    EXPECT_EQ(smbusPec(bytes), 0xF4);
}

TEST(SmbusPecTest, MatchesThePecBytesOfMelexisSmbusExamples) {
    // From Melexis' "SMBus communication with MLX90614" note: erasing EEPROM 0x0E at slave
    // address 0 sends PEC 0x6F, writing 0x5A there 0xE1; the sleep command at 0x5a sends 0xE8.
    EXPECT_EQ(smbusPec(Bytes{0x00, 0x2E, 0x00, 0x00}), 0x6F);
    EXPECT_EQ(smbusPec(Bytes{0x00, 0x2E, 0x5A, 0x00}), 0xE1);
    EXPECT_EQ(smbusPec(Bytes{0xB4, 0xFF}), 0xE8);
}

TEST(SmbusPecTest, AgreesWithABitwiseCrcOnEveryByteValue) {
    for (unsigned value = 0; value < 256; ++value) {
        const auto byte = std::uint8_t(value);
        EXPECT_EQ(smbusPec(Bytes{0xB4, byte, 0x5A}), referenceCrc8({0xB4, byte, 0x5A})) << value;
    }
}

TEST(ScriptedI2cBusTest, FailsTheTestOnAnUnexpectedTransaction) {
    ScriptedI2cBus bus;
    const Bytes command{0x07};
    EXPECT_NONFATAL_FAILURE({ EXPECT_FALSE(bus.writeRead(kAddress, command, 3).ok()); },
                            "unexpected I2C transaction");
    bus.expectWrite(kAddress, {0x24, 0x00, 0x00, 0x28});
    EXPECT_NONFATAL_FAILURE(
        {
            EXPECT_FALSE(bus.write(0x5B, Bytes{0x24, 0x00, 0x00, 0x28}).ok());
        },
        "expected: write 5a [24 00 00 28]");
}

TEST_F(Mlx90614Test, GoodReadDecodesHandWrittenFrames) {
    auto thermometer = makeThermometer();
    // Object, RAM 0x07: word 0x3c7b = 15483 -> 15483 * 0.02 - 273.15 = 36.51 C.
    // PEC = CRC-8 of b4 07 b5 7b 3c = 0x87.
    scripted->expectWriteRead(kAddress, {0x07}, 3, {0x7B, 0x3C, 0x87});
    // Ambient, RAM 0x06: word 0x3a3c = 14908 -> 25.01 C. PEC = CRC-8 of b4 06 b5 3c 3a = 0xb3.
    scripted->expectWriteRead(kAddress, {0x06}, 3, {0x3C, 0x3A, 0xB3});

    auto sample = thermometer->read(500ms);
    ASSERT_TRUE(sample.ok()) << sample.error().message;
    EXPECT_NEAR(sample->objectC, 36.51, 1e-9);
    ASSERT_TRUE(sample->ambientC.has_value());
    EXPECT_NEAR(*sample->ambientC, 25.01, 1e-9);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST_F(Mlx90614Test, TestFramesAgreeWithTheHandComputedPec) {
    EXPECT_EQ(wordReply(0x07, 0x3C7B), (Bytes{0x7B, 0x3C, 0x87}));
    EXPECT_EQ(wordReply(0x06, 0x3A3C), (Bytes{0x3C, 0x3A, 0xB3}));
}

TEST_F(Mlx90614Test, ReadsARealisticBodyTemperature) {
    auto thermometer = makeThermometer();
    // (36.55 + 273.15) / 0.02 = 15485 = 0x3c7d
    expectGoodRead(0x3C7D, 0x3A3C);
    auto sample = thermometer->read(500ms);
    ASSERT_TRUE(sample.ok()) << sample.error().message;
    EXPECT_NEAR(sample->objectC, 36.55, 1e-9);
}

TEST_F(Mlx90614Test, ReadsTheAmbientTemperatureFromRam06) {
    auto thermometer = makeThermometer();
    // 0x3b20 = 15136 -> 29.57 C, a warm kiosk enclosure
    expectGoodRead(0x3C7B, 0x3B20);
    auto sample = thermometer->read(500ms);
    ASSERT_TRUE(sample.ok()) << sample.error().message;
    ASSERT_TRUE(sample->ambientC.has_value());
    EXPECT_NEAR(*sample->ambientC, 29.57, 1e-9);
}

TEST_F(Mlx90614Test, HealthIsMissingBeforeTheFirstRead) {
    auto thermometer = makeThermometer();
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);
}

TEST_F(Mlx90614Test, SensorIdNamesBusAndAddress) {
    auto thermometer = makeThermometer();
    EXPECT_EQ(thermometer->sensorId(), "mlx90614:/dev/i2c-1:0x5a");
}

TEST_F(Mlx90614Test, RetriesOnceAfterAPecMismatch) {
    auto thermometer = makeThermometer();
    Bytes flipped = wordReply(0x07, 0x3C7B);
    flipped[0] ^= 0x04;  // one bit flipped on the wire
    scripted->expectWriteRead(kAddress, {0x07}, 3, flipped);
    expectGoodRead();
    auto sample = thermometer->read(500ms);
    ASSERT_TRUE(sample.ok()) << sample.error().message;
    EXPECT_NEAR(sample->objectC, 36.51, 1e-9);
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);
}

TEST_F(Mlx90614Test, PecMismatchTwiceIsGarbageAndDegradesHealth) {
    auto thermometer = makeThermometer();
    const Bytes bad{0x7B, 0x3C, 0x12};  // the right PEC is 0x87
    scripted->expectWriteRead(kAddress, {0x07}, 3, bad);
    scripted->expectWriteRead(kAddress, {0x07}, 3, bad);
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Garbage);
    EXPECT_TRUE(contains(sample.error().message,
                         "MLX90614 at 0x5a on /dev/i2c-1: PEC mismatch reading the object "
                         "temperature (RAM 0x07) (got 0x12, expected 0x87)"))
        << sample.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Degraded);
    EXPECT_TRUE(contains(thermometer->health().message, "PEC mismatch"));
}

TEST_F(Mlx90614Test, NoPecRetryOnceTheTimeoutIsUsedUp) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3, {0x7B, 0x3C, 0x12});
    auto sample = thermometer->read(0ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Garbage);
}

TEST_F(Mlx90614Test, ErrorFlagIsReportedAsSensorFlag) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3, wordReply(0x07, 0x8000 | 0x3C7B));
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::SensorFlag);
    EXPECT_TRUE(contains(sample.error().message, "error bit")) << sample.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Degraded);
}

TEST_F(Mlx90614Test, FlaggedAmbientFailsTheReadingToo) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3, wordReply(0x07, 0x3C7B));
    scripted->expectWriteRead(kAddress, {0x06}, 3, wordReply(0x06, 0xFFFF));
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::SensorFlag);
    EXPECT_TRUE(contains(sample.error().message, "ambient")) << sample.error().message;
}

TEST_F(Mlx90614Test, WordBelowTheSensorRangeIsGarbage) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3, wordReply(0x07, 0x0001));
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Garbage);
}

TEST_F(Mlx90614Test, NackMeansTheSensorIsMissing) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3,
                              I2cError{I2cError::Kind::Nack, "Remote I/O error"});
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Missing);
    EXPECT_TRUE(contains(sample.error().message, "not answering (NACK)")) << sample.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);
    EXPECT_TRUE(contains(thermometer->health().message, "NACK"));
}

TEST_F(Mlx90614Test, BusTimeoutIsSilentAndRetriedAtOnce) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x07}, 3,
                              I2cError{I2cError::Kind::Timeout, "Connection timed out"});
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Silent);
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);
    expectGoodRead();
    EXPECT_TRUE(thermometer->read(500ms).ok());
}

TEST_F(Mlx90614Test, OtherBusErrorsAreIo) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(
        kAddress, {0x07}, 3,
        I2cError{I2cError::Kind::Io, "cannot open /dev/i2c-1: Permission denied (...)"});
    auto sample = thermometer->read(500ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Io);
    EXPECT_TRUE(contains(sample.error().message, "Permission denied"));
}

TEST_F(Mlx90614Test, LostBusIsBackedOffThenReadAgain) {
    auto thermometer = makeThermometer();
    const I2cError gone{I2cError::Kind::Missing, "cannot open /dev/i2c-1: No such device"};

    scripted->expectWriteRead(kAddress, {0x07}, 3, gone);
    auto first = thermometer->read(500ms);
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().kind, FaultKind::Missing);
    EXPECT_TRUE(contains(first.error().message, "I2C adapter missing"));
    EXPECT_EQ(thermometer->health().state, DeviceState::Missing);

    // Within the backoff (250 ms after the first failure) the bus is not touched at all: the
    // script is empty, so a transaction would fail the test.
    auto soon = thermometer->read(500ms);
    ASSERT_FALSE(soon.ok());
    EXPECT_EQ(soon.error().kind, FaultKind::Missing);
    EXPECT_TRUE(contains(soon.error().message, "next attempt in 250 ms")) << soon.error().message;
    clockNow += 249ms;
    EXPECT_FALSE(thermometer->read(500ms).ok());
    EXPECT_EQ(scripted->log().size(), 1u);

    // Once it passed the bus is tried again; still gone, so the wait doubles.
    clockNow += 1ms;
    scripted->expectWriteRead(kAddress, {0x07}, 3, gone);
    EXPECT_FALSE(thermometer->read(500ms).ok());
    clockNow += 499ms;
    EXPECT_FALSE(thermometer->read(500ms).ok());
    EXPECT_EQ(scripted->log().size(), 2u);

    // Back: a good read makes it Ok and resets the backoff.
    clockNow += 1ms;
    expectGoodRead();
    auto back = thermometer->read(500ms);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(thermometer->health().state, DeviceState::Ok);

    // A new loss starts again from the initial wait.
    scripted->expectWriteRead(kAddress, {0x07}, 3, gone);
    EXPECT_FALSE(thermometer->read(500ms).ok());
    clockNow += 250ms;
    expectGoodRead();
    EXPECT_TRUE(thermometer->read(500ms).ok());
}

TEST_F(Mlx90614Test, ReadsEmissivityOnceAndKeepsIt) {
    auto thermometer = makeThermometer();
    // EEPROM 0x04 through command 0x24; 0xfae0 / 65535 = 0.98 (human skin)
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFAE0));
    const std::optional<double> first = thermometer->emissivity();
    ASSERT_TRUE(first.has_value());
    EXPECT_NEAR(*first, 0.98, 1e-5);
    const std::optional<double> again = thermometer->emissivity();  // no transaction scripted
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *first);
}

TEST_F(Mlx90614Test, FactoryEmissivityIsOne) {
    auto thermometer = makeThermometer();
    // PEC = CRC-8 of b4 24 b5 ff ff = 0xd6
    scripted->expectWriteRead(kAddress, {0x24}, 3, {0xFF, 0xFF, 0xD6});
    EXPECT_EQ(thermometer->emissivity(), 1.0);
}

TEST_F(Mlx90614Test, EmissivityIsUnknownWhileTheSensorDoesNotAnswer) {
    auto thermometer = makeThermometer();
    scripted->expectWriteRead(kAddress, {0x24}, 3, I2cError{I2cError::Kind::Nack, "nack"});
    EXPECT_FALSE(thermometer->emissivity().has_value());
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));
    EXPECT_EQ(thermometer->emissivity(), 1.0);
}

TEST_F(Mlx90614Test, SetEmissivityErasesWritesAndReadsBackCell04) {
    auto thermometer = makeThermometer();
    // round(0.98 * 65535) = 64224 = 0xfae0.
    // Erase: 24 00 00 + PEC of b4 24 00 00 = 0x28. Write: 24 e0 fa + PEC of b4 24 e0 fa = 0x83.
    // Read back: PEC of b4 24 b5 e0 fa = 0x59.
    scripted->expectWrite(kAddress, {0x24, 0x00, 0x00, 0x28});
    scripted->expectWrite(kAddress, {0x24, 0xE0, 0xFA, 0x83});
    scripted->expectWriteRead(kAddress, {0x24}, 3, {0xE0, 0xFA, 0x59});

    const Status set = thermometer->setEmissivity(0.98);
    ASSERT_TRUE(set.ok()) << set.error().message;
    const std::vector<std::string> expected{
        "write 5a [24 00 00 28]", "sleep 10 ms", "write 5a [24 e0 fa 83]", "sleep 10 ms",
        "writeRead 5a [24] 3",
    };
    EXPECT_EQ(scripted->log(), expected);
    // The new value is known without asking the chip again.
    ASSERT_TRUE(thermometer->emissivity().has_value());
    EXPECT_NEAR(*thermometer->emissivity(), 64224 / 65535.0, 1e-12);
}

TEST_F(Mlx90614Test, SetEmissivityReportsAReadBackMismatch) {
    auto thermometer = makeThermometer();
    scripted->expectWrite(kAddress, wordWrite(0x24, 0x0000));
    scripted->expectWrite(kAddress, wordWrite(0x24, 0xFAE0));
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));

    const Status set = thermometer->setEmissivity(0.98);
    ASSERT_FALSE(set.ok());
    EXPECT_TRUE(contains(set.error().message,
                         "MLX90614 at 0x5a on /dev/i2c-1: EEPROM 0x04 reads back 0xffff after "
                         "writing 0xfae0"))
        << set.error().message;
    // Not cached: the chip is asked what it holds.
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));
    EXPECT_EQ(thermometer->emissivity(), 1.0);
}

TEST_F(Mlx90614Test, SetEmissivityStopsWhenTheEraseIsNotAcknowledged) {
    auto thermometer = makeThermometer();
    scripted->expectWrite(kAddress, wordWrite(0x24, 0x0000),
                          I2cError{I2cError::Kind::Nack, "Remote I/O error"});
    const Status set = thermometer->setEmissivity(0.98);
    ASSERT_FALSE(set.ok());
    EXPECT_TRUE(contains(set.error().message, "erasing EEPROM 0x04 failed (nack)"))
        << set.error().message;
}

TEST_F(Mlx90614Test, OutOfRangeEmissivityTouchesNothing) {
    auto thermometer = makeThermometer();
    for (const double bad :
         {0.0, 0.05, 0.0999, 1.0001, 2.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
        const Status set = thermometer->setEmissivity(bad);
        ASSERT_FALSE(set.ok()) << bad;
        EXPECT_TRUE(contains(set.error().message, "outside 0.1 to 1.0")) << set.error().message;
    }
    EXPECT_TRUE(scripted->log().empty());
}

TEST_F(Mlx90614Test, SetEmissivityWithRegister0FRescalesItAfterUnlocking) {
    auto thermometer = makeThermometer(true);
    // Old E = 0xffff, old 0x0F = 0x099a, new E = 0xfae0:
    // new 0x0F = round(65535 * 2458 / 64224) = 2508 = 0x09cc.
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));
    scripted->expectWriteRead(kAddress, {0x2F}, 3, wordReply(0x2F, 0x099A));
    scripted->expectWrite(kAddress, {0x60, 0x3C});  // unlock; PEC of b4 60 = 0x3c
    scripted->expectWrite(kAddress, {0x24, 0x00, 0x00, 0x28});
    scripted->expectWrite(kAddress, {0x24, 0xE0, 0xFA, 0x83});
    scripted->expectWriteRead(kAddress, {0x24}, 3, {0xE0, 0xFA, 0x59});
    scripted->expectWrite(kAddress, {0x2F, 0x00, 0x00, 0xC4});  // PEC of b4 2f 00 00 = 0xc4
    scripted->expectWrite(kAddress, {0x2F, 0xCC, 0x09, 0xEA});  // PEC of b4 2f cc 09 = 0xea
    scripted->expectWriteRead(kAddress, {0x2F}, 3, {0xCC, 0x09, 0x56});
    scripted->expectWrite(kAddress, {0x61, 0x3B});  // lock again; PEC of b4 61 = 0x3b

    const Status set = thermometer->setEmissivity(0.98);
    ASSERT_TRUE(set.ok()) << set.error().message;
    int sleeps = 0;
    for (const std::string& event : scripted->log()) {
        sleeps += event == "sleep 10 ms" ? 1 : 0;
    }
    EXPECT_EQ(sleeps, 4);  // after each erase and each write
}

TEST_F(Mlx90614Test, SetEmissivityWithRegister0FRefusesAnOverflowingRescale) {
    auto thermometer = makeThermometer(true);
    // 0xffff * 0x7000 / 0x8000 is above 0x7fff: nothing may be written.
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));
    scripted->expectWriteRead(kAddress, {0x2F}, 3, wordReply(0x2F, 0x7000));
    const Status set = thermometer->setEmissivity(0.5);
    ASSERT_FALSE(set.ok());
    EXPECT_TRUE(contains(set.error().message, "nothing written")) << set.error().message;
}

TEST_F(Mlx90614Test, SetEmissivityWithRegister0FLocksAgainAfterAFailedWrite) {
    auto thermometer = makeThermometer(true);
    scripted->expectWriteRead(kAddress, {0x24}, 3, wordReply(0x24, 0xFFFF));
    scripted->expectWriteRead(kAddress, {0x2F}, 3, wordReply(0x2F, 0x099A));
    scripted->expectWrite(kAddress, {0x60, 0x3C});
    scripted->expectWrite(kAddress, wordWrite(0x24, 0x0000),
                          I2cError{I2cError::Kind::Timeout, "Connection timed out"});
    scripted->expectWrite(kAddress, {0x61, 0x3B});
    const Status set = thermometer->setEmissivity(0.98);
    ASSERT_FALSE(set.ok());
    EXPECT_TRUE(contains(set.error().message, "erasing EEPROM 0x04 failed (timeout)"))
        << set.error().message;
}

TEST(I2cErrorTest, ErrnoValuesMapToKinds) {
    EXPECT_EQ(i2cErrorFromErrno(EREMOTEIO, "x").kind, I2cError::Kind::Nack);
    EXPECT_EQ(i2cErrorFromErrno(ENXIO, "x").kind, I2cError::Kind::Nack);
    EXPECT_EQ(i2cErrorFromErrno(ETIMEDOUT, "x").kind, I2cError::Kind::Timeout);
    EXPECT_EQ(i2cErrorFromErrno(ENOENT, "x").kind, I2cError::Kind::Missing);
    EXPECT_EQ(i2cErrorFromErrno(ENODEV, "x").kind, I2cError::Kind::Missing);
    EXPECT_EQ(i2cErrorFromErrno(EIO, "x").kind, I2cError::Kind::Missing);
    EXPECT_EQ(i2cErrorFromErrno(EINVAL, "x").kind, I2cError::Kind::Io);
}

TEST(I2cErrorTest, MessagesCarryHintsStaffCanActOn) {
    const I2cError notAdapter = i2cErrorFromErrno(ENOTTY, "/dev/i2c-1: cannot query");
    EXPECT_EQ(notAdapter.kind, I2cError::Kind::Io);
    EXPECT_TRUE(contains(notAdapter.message, "not an I2C adapter")) << notAdapter.message;
    const I2cError denied = i2cErrorFromErrno(EACCES, "cannot open /dev/i2c-1");
    EXPECT_EQ(denied.kind, I2cError::Kind::Io);
    EXPECT_TRUE(contains(denied.message, "cannot open /dev/i2c-1: Permission denied"))
        << denied.message;
    EXPECT_TRUE(contains(denied.message, "'i2c' group")) << denied.message;
    EXPECT_TRUE(contains(denied.message, "udev rule")) << denied.message;
}

TEST(LinuxI2cBusTest, MissingNodeIsMissing) {
    const test::TempDir dir;
    const std::string path = (dir / "i2c-7").string();
    LinuxI2cBus bus(path);
    const Bytes command{0x07};
    auto reply = bus.writeRead(kAddress, command, 3);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, I2cError::Kind::Missing);
    EXPECT_TRUE(contains(reply.error().message, "cannot open " + path)) << reply.error().message;
    EXPECT_FALSE(bus.isOpen());
    EXPECT_EQ(bus.write(kAddress, command).error().kind, I2cError::Kind::Missing);
}

TEST(LinuxI2cBusTest, RegularFileIsNotAnI2cAdapter) {
    const test::TempDir dir;
    const std::string path = (dir / "not-i2c").string();
    std::ofstream(path) << "plain file\n";
    LinuxI2cBus bus(path);
    const Bytes command{0x07};
    auto reply = bus.writeRead(kAddress, command, 3);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, I2cError::Kind::Io);
    EXPECT_TRUE(contains(reply.error().message, path)) << reply.error().message;
    EXPECT_TRUE(contains(reply.error().message, "not an I2C adapter")) << reply.error().message;
    EXPECT_FALSE(bus.isOpen());
}

TEST(LinuxI2cBusTest, RefusesAddressesBeyondSevenBits) {
    LinuxI2cBus bus("/dev/null");
    const Bytes command{0x07};
    auto reply = bus.writeRead(0x80, command, 3);
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().kind, I2cError::Kind::Io);
    EXPECT_TRUE(contains(reply.error().message, "7-bit")) << reply.error().message;
}

TEST(Mlx90614OnLinuxTest, AbsentAdapterMakesTheThermometerMissing) {
    const test::TempDir dir;
    const std::string path = (dir / "i2c-7").string();
    Mlx90614Thermometer thermometer(std::make_unique<LinuxI2cBus>(path), Mlx90614Options{path});
    auto sample = thermometer.read(100ms);
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().kind, FaultKind::Missing);
    EXPECT_TRUE(contains(sample.error().message, "MLX90614 at 0x5a on " + path))
        << sample.error().message;
    EXPECT_EQ(thermometer.health().state, DeviceState::Missing);
}

}  // namespace
}  // namespace vax
