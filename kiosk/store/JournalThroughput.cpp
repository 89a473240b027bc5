// The day's throughput by hour for the staff console's chart.
#include <ctime>

#include "store/Journal.h"

namespace vax {

Result<std::array<HourlyCounts, 24>> Journal::hourlyThroughput(const std::string& day) {
    const auto date = CivilDate::parseIso(day);
    if (!date) {
        return Error{"bad day " + day + ": expected YYYY-MM-DD"};
    }
    std::array<HourlyCounts, 24> hours{};
    // The day's visits lead to their events (both indexed); the hour is the local one, as on
    // the site's clocks.
    auto st = m_db.query(
        "SELECT e.at, e.kind FROM visits v JOIN events e ON e.visit_id = v.id WHERE v.day = ?"
        " AND e.kind IN ('checked_in', 'vaccinated', 'exited')",
        [&](Statement& s) { s.bind(1, day); },
        [&](const Statement& s) {
            const std::time_t t = std::time_t(s.int64(0) / 1000);
            std::tm local{};
            localtime_r(&t, &local);
            const auto when =
                CivilDate::fromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
            if (!when || *when != *date) {
                return;  // after midnight: not this day's hours (sites close long before)
            }
            HourlyCounts& hour = hours[std::size_t(local.tm_hour)];
            const std::string_view kind = s.text(1);
            hour.checkIns += kind == "checked_in";
            hour.doses += kind == "vaccinated";
            hour.exits += kind == "exited";
        });
    if (!st) {
        return st.error();
    }
    return hours;
}

}  // namespace vax
