// The staff console's list of visits waiting for a decision.
#include "store/Journal.h"

namespace vax {

namespace {

std::vector<std::string> splitKeys(std::string_view text) {
    std::vector<std::string> keys;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto key = text.substr(0, comma);
        if (!key.empty()) {
            keys.emplace_back(key);
        }
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return keys;
}

}  // namespace

Result<std::vector<AwaitingReview>> Journal::awaitingReview(const std::string& day) {
    std::vector<AwaitingReview> list;
    // A visit stays checked-in only while its decision waits for staff (a "proceed" queues it
    // at once).
    auto st = m_db.query(
        "SELECT v.id, p.id_masked, v.decision, v.reasons, v.checked_in_at FROM visits v"
        " JOIN persons p ON p.id = v.person_id WHERE v.day = ? AND v.stage = 'checked_in'"
        " ORDER BY v.checked_in_at, v.id",
        [&](Statement& s) { s.bind(1, day); },
        [&](const Statement& s) {
            AwaitingReview item;
            item.visitId = s.int64(0);
            item.maskedId = std::string(s.text(1));
            item.decision = s.text(2) == "defer" ? Outcome::Defer : Outcome::StaffReview;
            item.reasons = splitKeys(s.text(3));
            item.checkedInAtMs = s.int64(4);
            list.push_back(std::move(item));
        });
    if (!st) {
        return st.error();
    }
    return list;
}

}  // namespace vax
