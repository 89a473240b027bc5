// The audit log: staff actions (overrides, console sign-ins) in an append-only table.
#include "store/JournalAudit.h"

namespace vax {

Status JournalAudit::recordAudit(const AuditEntry& e) {
    if (e.staff.empty() || e.action.empty()) {
        return Error{"an audit entry needs the staff member and the action"};
    }
    auto insert = m_db.prepare(
        "INSERT INTO audit (at, staff, action, visit_id, reason, detail) VALUES (?,?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, e.atMs)
        .bind(2, e.staff)
        .bind(3, e.action)
        .bind(4, e.visitId)
        .bind(5, e.reason)
        .bind(6, e.detail);
    return insert->run();
}

Result<std::optional<std::int64_t>> JournalAudit::lastAuditAt(std::string_view action,
                                                              std::int64_t untilMs) {
    std::optional<std::int64_t> last;
    auto st = m_db.query(
        "SELECT max(at) FROM audit WHERE action = ? AND at <= ?",
        [&](Statement& s) { s.bind(1, action).bind(2, untilMs); },
        [&](const Statement& s) { last = s.optionalInt64(0); });
    if (!st) {
        return st.error();
    }
    return last;
}

Result<std::vector<std::int64_t>> JournalAudit::auditTimes(std::string_view action,
                                                           std::int64_t afterMs,
                                                           std::int64_t untilMs) {
    std::vector<std::int64_t> times;
    auto st = m_db.query(
        "SELECT at FROM audit WHERE action = ? AND at > ? AND at <= ? ORDER BY at, id",
        [&](Statement& s) { s.bind(1, action).bind(2, afterMs).bind(3, untilMs); },
        [&](const Statement& s) { times.push_back(s.int64(0)); });
    if (!st) {
        return st.error();
    }
    return times;
}

}  // namespace vax
