#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/KioskConfig.h"
#include "core/Result.h"
#include "devices/TemperatureReader.h"
#include "store/Journal.h"

namespace vax {

/// A finished temperature check and the journal rows of its measurements.
struct JournaledCheck {
    TemperatureInput input;
    std::vector<std::int64_t> measurementIds;
};

/// Runs the entry's temperature procedure on `thermometer`, journaling every measurement
/// before `shown` hears of it (nothing may be shown that the journal does not hold). `shown`
/// returns false to stop (the person left). An error says the journal refused a measurement
/// or the check was cancelled.
Result<JournaledCheck> runJournaledTemperatureCheck(
    Thermometer& thermometer, const KioskConfig& config, Journal& journal, std::int64_t atMs,
    const std::string& day, const std::function<bool(const SensorMeasurement&)>& shown,
    const std::atomic<bool>* cancel = nullptr);

}  // namespace vax
