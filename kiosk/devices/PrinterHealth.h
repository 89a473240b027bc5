#pragma once

#include <optional>

#include "core/DeviceHealth.h"
#include "core/Result.h"
#include "devices/PrinterStatus.h"

namespace vax {

/// The printer's health from a status query (PrinterTransport::queryStatus): ok when ready,
/// or when the transport has no status to give (CUPS, preview files); degraded when the
/// paper runs low or a printer that should answer did not; missing when it cannot print or
/// cannot be reached.
DeviceHealth printerHealth(const Result<std::optional<PrinterStatus>>& queried, bool reportsStatus);

}  // namespace vax
