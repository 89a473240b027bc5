#include "devices/PrinterHealth.h"

namespace vax {

DeviceHealth printerHealth(const Result<std::optional<PrinterStatus>>& queried,
                           bool reportsStatus) {
    if (!queried) {
        return {DeviceState::Missing, queried.error().message};
    }
    const std::optional<PrinterStatus>& status = *queried;
    if (!status) {
        return reportsStatus ? DeviceHealth{DeviceState::Degraded,
                                            "the printer did not answer the status request in time"}
                             : DeviceHealth{DeviceState::Ok, "no status from this kind of printer"};
    }
    if (!status->ready()) {
        return {DeviceState::Missing, status->summary()};
    }
    if (status->paperNearEnd) {
        return {DeviceState::Degraded, status->summary()};
    }
    return {DeviceState::Ok, status->summary()};
}

}  // namespace vax
