// Adverse reactions after a dose: recorded by staff, they put the visit under care and extend
// its observation.
#include "store/JournalReactions.h"

#include <nlohmann/json.hpp>

#include "store/JsonText.h"
#include "store/VisitEvents.h"

namespace vax {

using nlohmann::json;
using store_detail::moveTo;

Result<VisitState> JournalReactions::recordReaction(const ReactionRecord& r) {
    if (r.staff.empty() || r.action.empty() || r.outcome.empty()) {
        return Error{"a reaction record needs the staff member, the action and the outcome"};
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto insert = m_db.prepare(
        "INSERT INTO reactions (visit_id, category, onset_at, action, outcome, staff,"
        " recorded_at) VALUES (?,?,?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, r.visitId)
        .bind(2, toString(r.category))
        .bind(3, r.onsetAtMs)
        .bind(4, r.action)
        .bind(5, r.outcome)
        .bind(6, r.staff)
        .bind(7, r.atMs);
    if (auto st = insert->run(); !st) {
        return st.error();
    }
    const std::int64_t until = r.atMs + std::int64_t(r.extendMinutes) * 60'000;
    if (auto st =
            m_db.exec("UPDATE doses SET observation_ends_at = max(observation_ends_at, " +
                      std::to_string(until) + ") WHERE visit_id = " + std::to_string(r.visitId));
        !st) {
        return st.error();
    }
    const json data{{"category", toString(r.category)}, {"staff", r.staff}};
    auto state =
        moveTo(m_db, r.visitId, Stage::AdverseReaction, r.atMs, "adverse_reaction", dumpJson(data));
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

}  // namespace vax
