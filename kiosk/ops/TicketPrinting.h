#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "devices/TicketDocument.h"

namespace vax {

/// What became of one ticket sent to a printer. A failed print never undoes what was recorded:
/// callers commit before they print, and offer a reprint.
struct PrintOutcome {
    bool printed = false;
    std::string error;                  ///< why not, for a person; empty when printed
    std::vector<std::string> warnings;  ///< printed, but e.g. paper low
};

/// Prints one ticket on the printer at `uri` (file:, tcp://, cups:, png:, pdf:) laid out for
/// the profile named `profile`.
PrintOutcome printTicket(const std::string& uri, const std::string& profile,
                         const std::string& ticketId, const TicketDocument& document);

/// "YYYY-MM-DD HH:MM" in the machine's time zone.
std::string localTimeText(std::int64_t unixMs);

}  // namespace vax
