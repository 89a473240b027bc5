#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "devices/TicketDocument.h"

namespace vax::cli {

/// Prints one ticket on the printer at `uri` (file:, tcp://, cups:, png:, pdf:) laid out for
/// `profile`, and notes the outcome in `out` ("printed", "print_error"). A failed print never
/// undoes what was recorded: the caller has committed before printing.
void printTicket(const std::string& uri, const std::string& profile, const std::string& ticketId,
                 const TicketDocument& document, nlohmann::json& out);

/// "YYYY-MM-DD HH:MM" in the machine's time zone.
std::string localTimeText(std::int64_t unixMs);

}  // namespace vax::cli
