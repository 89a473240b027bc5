#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "config/KioskConfig.h"
#include "core/CivilDate.h"
#include "store/Journal.h"

namespace vax::cli {

/// Exit statuses of the contract in DESIGN.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

/// Where a command reads its files from: `--db`, `--config`, or their defaults.
struct Paths {
    std::filesystem::path db;
    std::filesystem::path config;

    /// $VAXKIOSK_DB / $VAXKIOSK_CONFIG, else the installed locations.
    static Paths defaults();
};

/// A moment as the site sees it: Unix ms and the local calendar date.
struct LocalTime {
    std::int64_t unixMs = 0;
    CivilDate date = *CivilDate::fromYmd(1970, 1, 1);
};

/// Now, in the machine's time zone.
LocalTime now();
/// Parses "YYYY-MM-DD HH:MM" (or with 'T') as local time; nullopt when malformed.
std::optional<LocalTime> parseLocalTime(const std::string& text);
/// The time of an `--at` option: now when empty, else parseLocalTime.
std::optional<LocalTime> atOrNow(const std::string& at);

/// Prints "vaxctl: <message>" on stderr and returns `status`.
int fail(int status, const std::string& message);

/// Loads the config or explains on stderr why not (returns nullopt then).
std::optional<KioskConfig> loadConfigOrReport(const Paths& paths);
/// Opens the journal or explains on stderr why not (returns nullopt then).
std::optional<Journal> openJournalOrReport(const Paths& paths);

}  // namespace vax::cli
