#pragma once

#include <cstdint>
#include <string>

#include "config/KioskConfig.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "ops/TicketPrinting.h"
#include "store/Journal.h"

namespace vax {

/// A queue slip issued for a queued visit and sent to the printer.
struct PrintedSlip {
    std::string slip;    ///< the signed text ("VK1:..."), empty when it could not be issued
    PrintOutcome print;  ///< printed, or why not
};

/// Prints the queued visit's signed `slip` on `printer` (a printer URI) with `profile`: the
/// number, the masked ID, the desk and how many are ahead. vaxctl names its own printer.
PrintOutcome printQueueSlip(const KioskConfig& config, const VisitState& visit,
                            const ProtectedId& person, const std::string& slip, std::int64_t atMs,
                            const std::string& printer, const std::string& profile);

/// Issues the queued visit's signed slip and prints it on the config's printer. The visit is
/// in the journal already: a failure here only means staff hand out the slip (a reprint, or
/// vaxctl, issues it again).
PrintedSlip issueAndPrintSlip(const KioskConfig& config, const SiteKeys& keys,
                              const VisitState& visit, const ProtectedId& person,
                              std::int64_t atMs);

}  // namespace vax
