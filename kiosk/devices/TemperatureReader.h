#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/TemperatureMeasurement.h"
#include "devices/Thermometer.h"

namespace vax {

/// One measurement as taken from a sensor, with what identifies the sensor for the journal.
struct SensorMeasurement {
    TemperatureMeasurement measurement;
    std::string sensorId;
    std::optional<double> emissivity;
};

/// Pacing of the reads of one measurement.
struct ReadPacing {
    /// Longest a single read() may wait; silence accumulates over several reads.
    std::chrono::milliseconds readTimeout{250};
    /// Reads at most this often (on-demand sensors such as the MLX90614 answer in
    /// microseconds; samples closer together add nothing).
    std::chrono::milliseconds minInterval{100};
};

/// Takes one measurement: reads `thermometer` from now on (presence just seen) until the
/// MeasurementSession decides, or `cancel` becomes true (the person walked away: then
/// nullopt). Blocks for up to about the settings' window or silence limit; run it off the
/// UI thread.
std::optional<SensorMeasurement> takeMeasurement(Thermometer& thermometer,
                                                 const MeasurementSettings& settings,
                                                 const TemperaturePolicy& policy,
                                                 ReadPacing pacing = {},
                                                 const std::atomic<bool>* cancel = nullptr);

/// Runs the whole entry procedure (TemperatureCheck): the automatic recheck near the
/// threshold and one retry after "measure again". `measured` is called after each
/// measurement, before the next begins, so the caller can journal it and tell the person
/// ("measure again", "once more"); its return value is false to stop (the person left).
/// Returns the finished check, or nullopt when cancelled.
std::optional<TemperatureCheck> runTemperatureCheck(
    Thermometer& thermometer, const MeasurementSettings& settings, const TemperaturePolicy& policy,
    const std::function<bool(const SensorMeasurement&, const TemperatureCheck&)>& measured,
    ReadPacing pacing = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace vax
