#pragma once

// Internal to vaxconfig: readers of the [devices], [devices.thermometer], [temperature]
// and [scanning] sections.

#include "config/KioskConfig.h"
#include "config/TomlReader.h"

namespace vax::config_detail {

void readDevices(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                 DeviceConfig& devices);
void readThermometer(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                     ThermometerConfig& thermometer);
void readMeasurement(Reader& reader, const Scope& scope, MeasurementSettings& settings);
void readNetwork(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                 NetworkConfig& network);
void readScanning(Reader& reader, const Scope& scope, ScanningConfig& scanning);

}  // namespace vax::config_detail
