#pragma once

#include <nlohmann/json.hpp>

#include "core/Decision.h"
#include "ops/TicketPrinting.h"
#include "store/Journal.h"

namespace vax::cli {

nlohmann::json toJson(const Decision& decision);
nlohmann::json toJson(const VisitState& state);
/// A temperature measurement with its raw values and corrections.
nlohmann::json measurementJson(const TemperatureMeasurement& m);

/// Notes a print's outcome in `out`: "printed", and "print_error" or "print_warnings".
void addPrintOutcome(nlohmann::json& out, const PrintOutcome& outcome);

/// Prints one compact JSON document and a newline on stdout.
void printJson(const nlohmann::json& value);

}  // namespace vax::cli
