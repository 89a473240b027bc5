#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/DeviceHealth.h"
#include "core/Result.h"

namespace vax {

/// One raw reading of an IR thermometer, before any body-temperature correction.
struct ThermometerSample {
    double objectC = 0;              ///< what the sensor measured on the skin, Celsius
    std::optional<double> ambientC;  ///< the sensor's own (ambient) temperature, if it has one
};

/// Why a thermometer gave no reading.
struct SensorFault {
    enum class Kind {
        Silent,      ///< nothing came within the timeout
        Garbage,     ///< bytes came but did not parse (bad line, bad PEC, out of range raw)
        SensorFlag,  ///< the sensor itself flagged the reading as invalid
        Missing,     ///< the device is not there or was unplugged; it is reopened later
        Io,          ///< any other failure of the bus or port
    };
    Kind kind = Kind::Io;
    std::string message;  ///< for staff and logs; no personal data
};

/// "silent", "garbage", "sensor-flag", "missing" or "io".
const char* toString(SensorFault::Kind kind);

/// A driver's health after `fault`: degraded while the device answers with bad data
/// (garbage, its own error flag), missing when it does not answer usefully at all.
DeviceHealth healthAfter(const SensorFault& fault);

/// An IR body thermometer. Drivers open their device lazily on the first read() and reopen
/// it, with backoff, after it is lost: a read() while the device is away returns a Missing
/// fault at once and tries again once the backoff has passed. Not thread-safe: one reader.
class Thermometer {
public:
    virtual ~Thermometer() = default;

    /// Takes one reading, waiting at most `timeout` for it.
    virtual Result<ThermometerSample, SensorFault> read(std::chrono::milliseconds timeout) = 0;
    /// Stable identification for the journal, e.g. "mlx90614:/dev/i2c-1:0x5a".
    virtual std::string sensorId() const = 0;
    /// The emissivity the sensor computes with, when it can tell (MLX90614); else nullopt.
    virtual std::optional<double> emissivity() = 0;
    /// State after the last read() (Missing before the first one).
    virtual DeviceHealth health() const = 0;
};

}  // namespace vax
