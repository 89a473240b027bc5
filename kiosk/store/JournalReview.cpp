// The staff console's list of visits waiting for a decision.
#include "store/JournalVisits.h"
#include "store/VisitColumns.h"

namespace vax {

Result<std::vector<AwaitingReview>> JournalVisits::awaitingReview(const std::string& day) {
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
            item.decision = store_detail::outcomeFromString(s.text(2));
            item.reasons = store_detail::splitReasonKeys(s.text(3));
            item.checkedInAtMs = s.int64(4);
            list.push_back(std::move(item));
        });
    if (!st) {
        return st.error();
    }
    return list;
}

}  // namespace vax
