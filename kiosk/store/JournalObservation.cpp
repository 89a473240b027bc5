// The observation part of the journal: the exit scan after a dose, and who is in observation.
#include "store/JournalObservation.h"

#include <nlohmann/json.hpp>

#include "store/JournalVisits.h"
#include "store/JsonText.h"
#include "store/VisitEvents.h"

namespace vax {

using nlohmann::json;
using store_detail::appendEvent;
using store_detail::moveTo;

Result<ExitScan> JournalObservation::exitScan(std::int64_t visitId, const std::string& traceCode,
                                              std::int64_t nowMs) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    ExitScan scan;
    scan.visitId = visitId;
    bool found = false;
    std::int64_t vaccinatedAt = 0;
    std::optional<std::int64_t> exitedAt;
    std::string boundCode;
    auto st = m_db.query(
        "SELECT vaccinated_at, observation_ends_at, exited_at, trace_code FROM doses"
        " WHERE visit_id = ?",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](Statement& s) {
            found = true;
            vaccinatedAt = s.int64(0);
            scan.observationEndsAtMs = s.int64(1);
            exitedAt = s.optionalInt64(2);
            boundCode = std::string(s.text(3));
        });
    if (!st) {
        return st.error();
    }
    if (!found) {
        return Error{"no dose is recorded for visit " + std::to_string(visitId) +
                     " at this site: ask at the station"};
    }
    if (boundCode != traceCode) {
        return Error{"this ticket's vaccine code does not match the dose recorded for visit " +
                     std::to_string(visitId)};
    }
    if (exitedAt) {
        scan.alreadyLeft = true;
        scan.leftAtMs = *exitedAt;
        scan.decision = {ExitVerdict::MayLeave, 0};
        return scan;
    }
    auto visit = JournalVisits(m_db).visit(visitId);
    if (!visit) {
        return visit.error();
    }
    if (visit->stage == Stage::AdverseReaction) {
        return Error{"under care for an adverse reaction: the doctor decides when to leave"};
    }
    scan.decision = decideExit(vaccinatedAt / 1000, scan.observationEndsAtMs / 1000, nowMs / 1000);
    Status written = okStatus();
    if (scan.decision.verdict == ExitVerdict::MayLeave) {
        auto moved = moveTo(m_db, visitId, Stage::Exited, nowMs, "exited", "{}");
        written = moved ? m_db.exec("UPDATE doses SET exited_at = " + std::to_string(nowMs) +
                                    " WHERE visit_id = " + std::to_string(visitId))
                        : Status(moved.error());
    } else {
        const json data{{"minutes_left", scan.decision.minutesLeft},
                        {"clock_skew", scan.decision.verdict == ExitVerdict::ClockSkew}};
        auto seq = appendEvent(
            m_db, visitId, nowMs,
            scan.decision.verdict == ExitVerdict::ClockSkew ? "exit_clock_skew" : "exit_too_early",
            visit->stage, dumpJson(data));
        written = seq ? okStatus() : Status(seq.error());
    }
    if (!written) {
        return written.error();
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return scan;
}

Result<std::vector<InObservation>> JournalObservation::observationList(std::int64_t nowMs) {
    std::vector<InObservation> list;
    auto st = m_db.query(
        "SELECT v.id, p.id_masked, d.observation_ends_at, v.stage FROM visits v"
        " JOIN doses d ON d.visit_id = v.id JOIN persons p ON p.id = v.person_id"
        " WHERE v.stage IN ('observing', 'adverse_reaction') ORDER BY d.observation_ends_at",
        [](Statement&) {},
        [&](Statement& s) {
            InObservation o;
            o.visitId = s.int64(0);
            o.maskedId = std::string(s.text(1));
            o.observationEndsAtMs = s.int64(2);
            o.reaction = s.text(3) == "adverse_reaction";
            o.overdue = !o.reaction && nowMs - o.observationEndsAtMs > kOverdueAfterS * 1000;
            list.push_back(std::move(o));
        });
    if (!st) {
        return st.error();
    }
    return list;
}

}  // namespace vax
