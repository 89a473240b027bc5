#pragma once

#include <string>
#include <string_view>

namespace vax {

/// Health of one attached device (camera, thermometer, printer, scanner), as staff see it.
enum class DeviceState {
    Ok,        ///< working
    Degraded,  ///< working with a problem staff should know (paper low, bad reads, slow)
    Missing,   ///< not usable now (unplugged, not answering); retried by itself
};

/// "ok", "degraded" or "missing".
inline std::string_view toString(DeviceState state) {
    switch (state) {
        case DeviceState::Ok:
            return "ok";
        case DeviceState::Degraded:
            return "degraded";
        case DeviceState::Missing:
            return "missing";
    }
    return "missing";
}

/// A device's state with a message fit for staff (no personal data).
struct DeviceHealth {
    DeviceState state = DeviceState::Missing;
    std::string message = "not started";

    bool ok() const { return state == DeviceState::Ok; }
};

}  // namespace vax
