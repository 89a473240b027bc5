#pragma once

// Internal to vaxconfig: readers of the [devices], [devices.thermometer], [temperature],
// [network], [site_server], [scanning] and [[staff]] sections.

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
void readSiteServer(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                    SiteServerConfig& server);
void readScanning(Reader& reader, const Scope& scope, ScanningConfig& scanning);
/// Every [[staff]] table of the document `root`; ids are unique.
void readStaff(Reader& reader, const Scope& root, std::vector<StaffMember>& staff);

}  // namespace vax::config_detail
