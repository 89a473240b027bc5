#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "core/Report.h"
#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// Check-ins, doses and exits in one local hour of a day (the staff console's chart).
struct HourlyCounts {
    int checkIns = 0;
    int doses = 0;
    int exits = 0;
};

/// The journal read for the day's report and the staff console's figures.
class JournalReport {
public:
    explicit JournalReport(Database& db) : m_db(db) {}

    /// Streams the day's visits for the report.
    Status forEachVisit(const std::string& day,
                        const std::function<void(const VisitSummary&)>& visit);
    /// The day's dose, observation and reaction figures.
    Result<DoseFigures> doseFigures(const std::string& day, std::int64_t nowMs);
    /// Check-ins, doses and exits of the day's visits by the local hour (the machine's time
    /// zone) they happened in; index 0 is 00:00-00:59. Events after the day's midnight are
    /// left out.
    Result<std::array<HourlyCounts, 24>> hourlyThroughput(const std::string& day);

private:
    Database& m_db;
};

}  // namespace vax
