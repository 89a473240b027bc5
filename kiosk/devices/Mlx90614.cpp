#include "devices/Mlx90614.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <thread>
#include <utility>

namespace vax {

namespace {

using namespace std::chrono_literals;

// SMBus command bytes: 000x_xxxx reads RAM, 001x_xxxx reads or writes EEPROM (datasheet,
// "Commands").
constexpr std::uint8_t kRamAmbient = 0x06;
constexpr std::uint8_t kRamObject1 = 0x07;
constexpr std::uint8_t kEepromAccess = 0x20;
constexpr std::uint8_t kEepromEmissivity = 0x04;
constexpr std::uint8_t kEeprom0F = 0x0F;
// Unlocks EEPROM cell 0x0F for writing, and locks it again (see writeEmissivityAnd0F).
constexpr std::uint8_t kUnlock0F = 0x60;
constexpr std::uint8_t kLock0F = 0x61;

// Bit 15 of a linearized temperature in RAM is the chip's error flag.
constexpr std::uint16_t kErrorFlag = 0x8000;
// The datasheet's RAM range for Tobj (0x27AD = -70.01 C up to 0x7FFF = +382.19 C); Ta lies
// inside it. A smaller word with a valid PEC is not a temperature the chip can produce.
constexpr std::uint16_t kLowestTemperatureRaw = 0x27AD;
constexpr double kKelvinPerCount = 0.02;
constexpr double kZeroCelsiusInKelvin = 273.15;

// An erase or a write keeps the EEPROM busy for about 5 ms (Melexis SMBus application note);
// twice that leaves room for slow parts.
constexpr std::chrono::milliseconds kEepromWriteTime = 10ms;

std::string hex8(unsigned value) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "0x%02x", value & 0xFFu);
    return text.data();
}

std::string hex16(unsigned value) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "0x%04x", value & 0xFFFFu);
    return text.data();
}

std::string describe(std::uint8_t command) {
    switch (command) {
        case kRamObject1:
            return "the object temperature (RAM 0x07)";
        case kRamAmbient:
            return "the ambient temperature (RAM 0x06)";
        case kEepromAccess | kEepromEmissivity:
            return "the emissivity (EEPROM 0x04)";
        default:
            return (command & kEepromAccess) != 0 ? "EEPROM " + hex8(command & 0x1Fu)
                                                  : "RAM " + hex8(command);
    }
}

// A failed bus step of an EEPROM change, for vaxctl's operator.
Error stepFailed(const std::string& where, const std::string& step, const I2cError& error) {
    return Error{where + ": " + step + " failed (" + toString(error.kind) + "): " + error.message};
}

std::string formatEmissivity(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.4g", value);
    return text.data();
}

}  // namespace

Mlx90614Thermometer::Mlx90614Thermometer(std::unique_ptr<I2cBus> bus, Mlx90614Options options,
                                         Mlx90614Timing timing)
    : m_bus(std::move(bus)), m_options(std::move(options)), m_timing(std::move(timing)) {}

std::string Mlx90614Thermometer::where() const {
    return "MLX90614 at " + hex8(m_options.address) + " on " + m_options.busPath;
}

std::string Mlx90614Thermometer::sensorId() const {
    return "mlx90614:" + m_options.busPath + ":" + hex8(m_options.address);
}

DeviceHealth Mlx90614Thermometer::health() const {
    return m_health;
}

Mlx90614Thermometer::Clock::time_point Mlx90614Thermometer::now() const {
    return m_timing.now ? m_timing.now() : Clock::now();
}

void Mlx90614Thermometer::sleep(std::chrono::milliseconds duration) const {
    if (m_timing.sleep) {
        m_timing.sleep(duration);
    } else {
        std::this_thread::sleep_for(duration);
    }
}

SensorFault Mlx90614Thermometer::faultFrom(const I2cError& error) const {
    switch (error.kind) {
        case I2cError::Kind::Nack:
            return {SensorFault::Kind::Missing,
                    where() + ": not answering (NACK); check wiring, power and address (" +
                        error.message + ")"};
        case I2cError::Kind::Timeout:
            return {
                SensorFault::Kind::Silent,
                where() + ": bus timeout, a device may be holding the bus (" + error.message + ")"};
        case I2cError::Kind::Missing:
            return {SensorFault::Kind::Missing,
                    where() + ": I2C adapter missing (" + error.message + ")"};
        case I2cError::Kind::Io:
            break;
    }
    return {SensorFault::Kind::Io, where() + ": " + error.message};
}

Result<std::uint16_t, SensorFault> Mlx90614Thermometer::readWordOnce(std::uint8_t command) {
    const std::array<std::uint8_t, 1> request{command};
    Result<std::vector<std::uint8_t>, I2cError> reply =
        m_bus->writeRead(m_options.address, request, 3);
    if (!reply) {
        return faultFrom(reply.error());
    }
    const std::vector<std::uint8_t>& bytes = *reply;
    if (bytes.size() != 3) {
        return SensorFault{SensorFault::Kind::Garbage,
                           where() + ": " + std::to_string(bytes.size()) +
                               " bytes instead of 3 reading " + describe(command)};
    }
    // The PEC covers the whole frame as it went over the wire, address bytes included.
    const auto writeAddress = std::uint8_t(m_options.address << 1);
    const std::array<std::uint8_t, 5> frame{writeAddress, command, std::uint8_t(writeAddress | 1u),
                                            bytes[0], bytes[1]};
    const std::uint8_t expected = smbusPec(frame);
    if (bytes[2] != expected) {
        return SensorFault{SensorFault::Kind::Garbage,
                           where() + ": PEC mismatch reading " + describe(command) + " (got " +
                               hex8(bytes[2]) + ", expected " + hex8(expected) + ")"};
    }
    return std::uint16_t(bytes[0] | (bytes[1] << 8));
}

Result<std::uint16_t, SensorFault> Mlx90614Thermometer::readWord(std::uint8_t command,
                                                                 Clock::time_point start,
                                                                 std::chrono::milliseconds budget) {
    Result<std::uint16_t, SensorFault> word = readWordOnce(command);
    // One bit flipped by noise on a long cable spoils one frame; the next is usually clean. A
    // second mismatch in a row points at a lasting problem and is reported.
    if (!word && word.error().kind == SensorFault::Kind::Garbage &&
        std::chrono::duration_cast<std::chrono::milliseconds>(now() - start) < budget) {
        word = readWordOnce(command);
    }
    return word;
}

Result<double, SensorFault> Mlx90614Thermometer::readTemperature(std::uint8_t command,
                                                                 Clock::time_point start,
                                                                 std::chrono::milliseconds budget) {
    Result<std::uint16_t, SensorFault> word = readWord(command, start, budget);
    if (!word) {
        return std::move(word).error();
    }
    const std::uint16_t raw = *word;
    if ((raw & kErrorFlag) != 0) {
        return SensorFault{SensorFault::Kind::SensorFlag,
                           where() + ": the sensor flags " + describe(command) +
                               " as invalid (error bit set, word " + hex16(raw) + ")"};
    }
    if (raw < kLowestTemperatureRaw) {
        return SensorFault{SensorFault::Kind::Garbage,
                           where() + ": " + describe(command) + " word " + hex16(raw) +
                               " is below the sensor's range (-70.01 C)"};
    }
    return raw * kKelvinPerCount - kZeroCelsiusInKelvin;
}

Result<ThermometerSample, SensorFault> Mlx90614Thermometer::failed(SensorFault fault,
                                                                   Clock::time_point at) {
    switch (fault.kind) {
        case SensorFault::Kind::Garbage:
        case SensorFault::Kind::SensorFlag:
            // It answered: only the readings are bad. A later loss is retried at once.
            m_backoff.succeeded();
            m_health = {DeviceState::Degraded, fault.message};
            break;
        case SensorFault::Kind::Missing:
            m_backoff.failed(at);
            m_health = {DeviceState::Missing, fault.message};
            break;
        case SensorFault::Kind::Silent:
        case SensorFault::Kind::Io:
            m_health = {DeviceState::Missing, fault.message};
            break;
    }
    return fault;
}

Result<ThermometerSample, SensorFault> Mlx90614Thermometer::read(
    std::chrono::milliseconds timeout) {
    const Clock::time_point start = now();
    if (!m_backoff.ready(start)) {
        const auto wait =
            std::chrono::ceil<std::chrono::milliseconds>(m_backoff.nextAttempt() - start);
        // The health message keeps the cause of the loss; this one says when to expect more.
        return SensorFault{
            SensorFault::Kind::Missing,
            where() + ": still missing, next attempt in " + std::to_string(wait.count()) + " ms"};
    }
    Result<double, SensorFault> object = readTemperature(kRamObject1, start, timeout);
    if (!object) {
        return failed(std::move(object).error(), start);
    }
    Result<double, SensorFault> ambient = readTemperature(kRamAmbient, start, timeout);
    if (!ambient) {
        return failed(std::move(ambient).error(), start);
    }
    m_backoff.succeeded();
    m_health = {DeviceState::Ok, where() + ": ok"};
    return ThermometerSample{*object, *ambient};
}

std::optional<double> Mlx90614Thermometer::emissivity() {
    if (m_emissivity) {
        return m_emissivity;
    }
    const Clock::time_point start = now();
    if (!m_backoff.ready(start)) {
        return std::nullopt;
    }
    Result<std::uint16_t, SensorFault> word =
        readWord(kEepromAccess | kEepromEmissivity, start, std::chrono::milliseconds::max());
    if (!word) {
        return std::nullopt;
    }
    m_emissivity = *word / 65535.0;
    return m_emissivity;
}

I2cStatus Mlx90614Thermometer::writeWord(std::uint8_t command, std::uint16_t value) {
    const auto writeAddress = std::uint8_t(m_options.address << 1);
    const auto low = std::uint8_t(value & 0xFFu);
    const auto high = std::uint8_t(value >> 8);
    // SMBus "write word" with PEC; the PEC covers the address byte too, though it is not in
    // the bytes we hand to the adapter.
    const std::array<std::uint8_t, 4> covered{writeAddress, command, low, high};
    const std::array<std::uint8_t, 4> bytes{command, low, high, smbusPec(covered)};
    return m_bus->write(m_options.address, bytes);
}

I2cStatus Mlx90614Thermometer::sendCommand(std::uint8_t command) {
    const std::array<std::uint8_t, 2> covered{std::uint8_t(m_options.address << 1), command};
    const std::array<std::uint8_t, 2> bytes{command, smbusPec(covered)};
    return m_bus->write(m_options.address, bytes);
}

Status Mlx90614Thermometer::writeEepromCell(std::uint8_t cell, std::uint16_t value) {
    const auto command = std::uint8_t(kEepromAccess | cell);
    const std::string name = "EEPROM " + hex8(cell);
    // A cell must be erased (written with zero) before a new word goes in; each step keeps the
    // EEPROM busy, and the chip ignores commands meanwhile.
    if (I2cStatus erased = writeWord(command, 0); !erased) {
        return stepFailed(where(), "erasing " + name, erased.error());
    }
    sleep(kEepromWriteTime);
    if (I2cStatus written = writeWord(command, value); !written) {
        return stepFailed(where(), "writing " + name + " (erased already)", written.error());
    }
    sleep(kEepromWriteTime);
    Result<std::uint16_t, SensorFault> back =
        readWord(command, now(), std::chrono::milliseconds::max());
    if (!back) {
        return Error{back.error().message + " (reading back after the write)"};
    }
    if (*back != value) {
        return Error{where() + ": " + name + " reads back " + hex16(*back) + " after writing " +
                     hex16(value) + " (write-protected or worn EEPROM?)"};
    }
    return okStatus();
}

Status Mlx90614Thermometer::writeEmissivityAnd0F(std::uint16_t raw) {
    // Rule from Melexis' application note "MLX90614 Changing emissivity setting" (the revision
    // that covers unlocking cell 0x0F), as applied in Melexis' own MLX90614 driver of the
    // public melexis/i2c-stick repository: with E the word in cell 0x04,
    //   new 0x0F = round(old E * old 0x0F / new E),
    // which must stay within 0x7FFF; command 0x60 unlocks 0x0F before the writes and that
    // driver sends 0x61 after them to lock it again. 0x04 is written first, then 0x0F.
    const Clock::time_point start = now();
    Result<std::uint16_t, SensorFault> oldE =
        readWord(kEepromAccess | kEepromEmissivity, start, std::chrono::milliseconds::max());
    if (!oldE) {
        return Error{oldE.error().message};
    }
    Result<std::uint16_t, SensorFault> old0F =
        readWord(kEepromAccess | kEeprom0F, start, std::chrono::milliseconds::max());
    if (!old0F) {
        return Error{old0F.error().message};
    }
    if (*oldE == raw) {
        return okStatus();  // the ratio is 1: neither cell changes
    }
    if (*oldE == 0 || *old0F == 0) {
        // An erased cell (an interrupted earlier write) would zero 0x0F for good.
        return Error{where() + ": EEPROM 0x04 reads " + hex16(*oldE) + " and 0x0F reads " +
                     hex16(*old0F) + "; refusing to rescale 0x0F from an erased cell"};
    }
    const double scaled = std::round(double(*oldE) * double(*old0F) / double(raw));
    if (scaled > 0x7FFF) {
        return Error{where() + ": EEPROM 0x0F would become " + std::to_string(long(scaled)) +
                     " (above 0x7fff) for emissivity " + formatEmissivity(raw / 65535.0) +
                     "; nothing written"};
    }
    const auto new0F = std::uint16_t(scaled);

    if (I2cStatus unlocked = sendCommand(kUnlock0F); !unlocked) {
        return stepFailed(where(), "unlocking EEPROM 0x0F", unlocked.error());
    }
    Status result = writeEepromCell(kEepromEmissivity, raw);
    if (result) {
        result = writeEepromCell(kEeprom0F, new0F);
        if (!result) {
            result = Error{result.error().message +
                           "; EEPROM 0x04 holds the new emissivity but 0x0F does not match it, "
                           "so readings are off until both are set"};
        }
    }
    // Locked again even after a failure, so a half-done change is not left open to writes.
    if (I2cStatus locked = sendCommand(kLock0F); !locked && result) {
        return stepFailed(where(), "locking EEPROM 0x0F again", locked.error());
    }
    return result;
}

Status Mlx90614Thermometer::setEmissivity(double emissivity) {
    // Written to catch NaN as well.
    if (!(emissivity >= kMinEmissivity && emissivity <= kMaxEmissivity)) {
        return Error{where() + ": emissivity " + formatEmissivity(emissivity) +
                     " is outside 0.1 to 1.0; nothing written"};
    }
    const auto raw = std::uint16_t(std::lround(emissivity * 65535.0));
    // Whatever happens below, the cached value may no longer be what the chip holds.
    m_emissivity.reset();
    Status written = m_options.adjustRegister0F ? writeEmissivityAnd0F(raw)
                                                : writeEepromCell(kEepromEmissivity, raw);
    if (!written) {
        return written;
    }
    m_emissivity = raw / 65535.0;
    return okStatus();
}

}  // namespace vax
