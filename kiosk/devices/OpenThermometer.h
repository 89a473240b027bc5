#pragma once

#include <memory>

#include "config/KioskConfig.h"
#include "core/Result.h"
#include "devices/Thermometer.h"

namespace vax {

/// Builds the thermometer `[devices.thermometer]` describes. Nothing is opened yet: drivers
/// open lazily on the first read. An error for kind None or options the driver refuses.
Result<std::unique_ptr<Thermometer>> openThermometer(const ThermometerConfig& config);

}  // namespace vax
