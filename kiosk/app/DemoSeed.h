#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "DemoFrameSource.h"
#include "config/KioskConfig.h"
#include "core/Result.h"
#include "crypto/SiteKeys.h"
#include "ops/StationDesk.h"
#include "store/Journal.h"

namespace vax::app {

/// What the demo journal holds for the station or the exit, and what the demo camera shows.
struct DemoSeed {
    /// The signed queue slips of the residents waiting at the station ("VK1:...").
    std::vector<std::string> slips;
    /// Vaccine pack codes of the demo catalogue, new for each run (20-digit trace codes).
    std::vector<std::string> packs;
    /// Dose tickets for the exit: observation over, minutes left, overdue (in this order).
    std::vector<std::string> tickets;
    /// The station's or the exit's camera: what a nurse or a resident holds up, in turn.
    std::vector<DemoShot> shots;
};

/// Prepares the demo journal at `databasePath` for `config`'s role, as if the entry kiosk had
/// worked all morning: three residents checked in and called (station and console: their slips to
/// scan with fresh pack codes, one pack shown twice for the one-dose-one-code alarm); for the exit,
/// also vaccinated 40, 10 and 60 minutes before `nowMs` (one may leave, one waits, one is
/// overdue). Uses the journal and the station's own operations, with the config's site keys.
/// Nothing is done for the entry role.
Result<DemoSeed> seedDemoJournal(const KioskConfig& config,
                                 const std::filesystem::path& databasePath, std::int64_t nowMs);

/// One step of the seeding, for the tests too: checks `idNumber` in at `at` as the entry
/// kiosk would (green code, 36.5 °C, every answer "no"), calls everyone waiting at its desk
/// and returns the visit's signed queue slip.
Result<std::string> checkInForDemo(const KioskConfig& config, const SiteKeys& keys,
                                   Journal& journal, const std::string& idNumber, SiteTime at);

/// `unixMs` with its local calendar day.
SiteTime localSiteTime(std::int64_t unixMs);

}  // namespace vax::app
