#pragma once

// Internal to vaxconfig: readers of the [devices] and [scanning] sections.

#include "config/KioskConfig.h"
#include "config/TomlReader.h"

namespace vax::config_detail {

void readDevices(Reader& reader, const Scope& scope, DeviceConfig& devices);
void readScanning(Reader& reader, const Scope& scope, ScanningConfig& scanning);

}  // namespace vax::config_detail
