#pragma once

#include <array>
#include <nlohmann/json.hpp>

#include "core/Report.h"
#include "store/Journal.h"

namespace vax::cli {

/// The day's figures as one JSON object, for the site's own tools (the work-report sheet, a
/// dashboard): the entry figures, the dose and observation figures and, per local hour, the
/// check-ins, doses and exits the staff console charts. Counts only, never a person.
nlohmann::json reportJson(const DayReport& report, const DoseFigures& doses,
                          const std::array<HourlyCounts, 24>& hourly);

}  // namespace vax::cli
