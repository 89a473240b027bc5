// The journal read for the day's report: its visits, its dose figures, and its throughput by
// hour for the staff console's chart.
#include "store/JournalReport.h"

#include <ctime>

#include "core/CivilDate.h"
#include "core/Observation.h"

#include "store/VisitColumns.h"

namespace vax {

using store_detail::outcomeFromString;

Status JournalReport::forEachVisit(const std::string& day,
                                   const std::function<void(const VisitSummary&)>& visit) {
    auto stmt = m_db.prepare(
        "SELECT decision, stage, fever, deferred_by_staff, reason_mask, age, campaign_step,"
        " queued_at, called_at FROM visits WHERE day = ?");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, day);
    return stmt->forEachRow([&](const Statement& row) {
        VisitSummary s;
        s.decision = outcomeFromString(row.text(0));
        s.stage = stageFromString(row.text(1)).value_or(Stage::CheckedIn);
        s.fever = row.int64(2) != 0;
        s.deferredByStaff = row.int64(3) != 0;
        s.reasonMask = std::uint32_t(row.int64(4));
        s.age = int(row.int64(5));
        s.campaignStep = row.text(6);
        s.queuedAtMs = row.optionalInt64(7);
        s.calledAtMs = row.optionalInt64(8);
        visit(s);
    });
}

Result<DoseFigures> JournalReport::doseFigures(const std::string& day, std::int64_t nowMs) {
    DoseFigures f;
    auto st = m_db.query(
        "SELECT d.dose_number, d.booster, d.product_code, v.campaign_step, v.age, v.stage,"
        " d.exited_at, d.observation_ends_at FROM doses d JOIN visits v ON v.id = d.visit_id"
        " WHERE d.day = ?",
        [&](Statement& s) { s.bind(1, day); },
        [&](Statement& s) {
            ++f.doses;
            ++f.observed;
            if (s.int64(1) != 0) {
                ++f.boosters;
            } else {
                ++f.byDoseNumber[int(s.int64(0))];
            }
            ++f.byProduct[std::string(s.text(2))];
            ++f.byCampaignStep[std::string(s.text(3))];
            const int age = int(s.int64(4));
            ++f.byAgeBand[ageBandLabel(age)];
            const std::string_view stage = s.text(5);
            f.completed += s.isNull(6) ? 0 : 1;
            f.earlyExits += stage == "left_early" ? 1 : 0;
            f.overdue += stage == "observing" && nowMs - s.int64(7) > kOverdueAfterS * 1000;
        });
    if (!st) {
        return st.error();
    }
    const auto sensorError = std::int64_t(reasonBit(ReasonCode::TemperatureSensorError));
    st = m_db.query(
        "SELECT count(*), coalesce(sum(fever), 0) FROM visits WHERE day = ? AND"
        " (reason_mask & ?) = 0",
        [&](Statement& s) { s.bind(1, day).bind(2, sensorError); },
        [&](Statement& s) {
            f.temperatureChecks = int(s.int64(0));
            f.fevers = int(s.int64(1));
        });
    if (!st) {
        return st.error();
    }
    st = m_db.query(
        "SELECT r.category, count(*) FROM reactions r JOIN doses d ON d.visit_id = r.visit_id"
        " WHERE d.day = ? GROUP BY r.category",
        [&](Statement& s) { s.bind(1, day); },
        [&](Statement& s) { f.reactionsByCategory[std::string(s.text(0))] = int(s.int64(1)); });
    if (!st) {
        return st.error();
    }
    return f;
}

Result<std::array<HourlyCounts, 24>> JournalReport::hourlyThroughput(const std::string& day) {
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
