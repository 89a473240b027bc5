#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "devices/I2cBus.h"
#include "devices/ReopenBackoff.h"
#include "devices/Thermometer.h"

namespace vax {

/// Where an MLX90614 sits and how to treat it.
struct Mlx90614Options {
    std::string busPath;          ///< the adapter's node, e.g. "/dev/i2c-1" (for ids and messages)
    std::uint8_t address = 0x5A;  ///< 7-bit SMBus address; 0x5A from the factory
    /// Rescale EEPROM cell 0x0F together with the emissivity (cell 0x04), as Melexis asks for
    /// parts whose calibration uses 0x0F. Leave off unless the part's documentation says so.
    bool adjustRegister0F = false;
};

/// The driver's time source and sleep. Empty functions mean std::chrono::steady_clock::now
/// and std::this_thread::sleep_for; tests pass fakes so backoff and EEPROM waits cost nothing.
struct Mlx90614Timing {
    std::function<ReopenBackoff::Clock::time_point()> now;
    std::function<void(std::chrono::milliseconds)> sleep;
};

/// A Melexis MLX90614 IR thermometer on an I2C (SMBus) bus. Every word read carries a PEC
/// (CRC-8) which is checked; the object temperature (RAM 0x07, Tobj1) and the ambient
/// temperature (RAM 0x06) are read for each sample. A sensor that stops answering is
/// reported Missing and tried again after a backoff (see Thermometer). Not thread-safe.
class Mlx90614Thermometer final : public Thermometer {
public:
    static constexpr double kMinEmissivity = 0.1;
    static constexpr double kMaxEmissivity = 1.0;

    /// Does not touch the bus yet.
    Mlx90614Thermometer(std::unique_ptr<I2cBus> bus, Mlx90614Options options,
                        Mlx90614Timing timing = {});

    /// Reads the object and ambient temperatures. A transfer is bounded by the I2C adapter's
    /// own timeout; `timeout` bounds the retry made after a PEC error.
    Result<ThermometerSample, SensorFault> read(std::chrono::milliseconds timeout) override;
    /// "mlx90614:<busPath>:0x5a".
    std::string sensorId() const override;
    /// Reads EEPROM cell 0x04 (raw / 65535) the first time it succeeds and keeps the value;
    /// nullopt when it cannot be read (nothing is retried while the sensor is backed off).
    std::optional<double> emissivity() override;
    /// Ok after a good read; Degraded while the sensor answers with bad readings (PEC errors,
    /// its error flag); Missing before the first read, while it does not answer, and after
    /// other bus errors. The message says which.
    DeviceHealth health() const override;

    /// Writes a new emissivity into the sensor's EEPROM (for vaxctl, not for the kiosk loop):
    /// erase, write and read back cell 0x04, and with options.adjustRegister0F cell 0x0F as
    /// well. Refuses values outside [kMinEmissivity, kMaxEmissivity] without touching the bus.
    /// The sensor computes with the new value after a power cycle.
    Status setEmissivity(double emissivity);

private:
    using Clock = ReopenBackoff::Clock;

    // One SMBus "read word" with PEC; one more try after a PEC error while `budget` since
    // `start` is not used up.
    Result<std::uint16_t, SensorFault> readWord(std::uint8_t command, Clock::time_point start,
                                                std::chrono::milliseconds budget);
    Result<std::uint16_t, SensorFault> readWordOnce(std::uint8_t command);
    Result<double, SensorFault> readTemperature(std::uint8_t command, Clock::time_point start,
                                                std::chrono::milliseconds budget);
    I2cStatus writeWord(std::uint8_t command, std::uint16_t value);
    I2cStatus sendCommand(std::uint8_t command);
    // Erase, write and read back one EEPROM cell, waiting for the EEPROM after each write.
    Status writeEepromCell(std::uint8_t cell, std::uint16_t value);
    Status writeEmissivityAnd0F(std::uint16_t raw);

    SensorFault faultFrom(const I2cError& error) const;
    Result<ThermometerSample, SensorFault> failed(SensorFault fault, Clock::time_point at);
    std::string where() const;
    Clock::time_point now() const;
    void sleep(std::chrono::milliseconds duration) const;

    std::unique_ptr<I2cBus> m_bus;
    Mlx90614Options m_options;
    Mlx90614Timing m_timing;
    ReopenBackoff m_backoff;
    DeviceHealth m_health;
    std::optional<double> m_emissivity;
};

}  // namespace vax
