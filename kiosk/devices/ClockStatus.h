#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vax {

/// How far this device's clock can be trusted: the exit compares times signed by another
/// device, so staff must see when the clock was last synchronized.
struct ClockStatus {
    bool synchronized = false;               ///< the kernel's NTP discipline says in sync
    std::optional<std::int64_t> lastSyncMs;  ///< when timesyncd last synchronized, if known
    std::int64_t maxErrorUs = -1;            ///< the kernel's estimate, -1 when unknown
    std::string message;                     ///< for the status strip
};

/// Reads the kernel clock state (adjtimex) and the time of the last synchronization from
/// systemd-timesyncd's marker file (`marker`, default /run/systemd/timesync/synchronized).
ClockStatus readClockStatus(
    const std::filesystem::path& marker = "/run/systemd/timesync/synchronized");

}  // namespace vax
