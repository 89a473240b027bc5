#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// A row of the append-only audit log: which staff member did what, when and why.
struct AuditEntry {
    std::string staff;   ///< staff id from the config, never a resident's data
    std::string action;  ///< e.g. "override_defer", "staff_login", "staff_login_failed"
    std::optional<std::int64_t> visitId;
    std::string reason;
    std::string detail = "{}";  ///< JSON; never a PIN, an ID number or a name
    std::int64_t atMs = 0;
};

/// The journal's audit log of staff actions (overrides, console sign-ins).
class JournalAudit {
public:
    explicit JournalAudit(Database& db) : m_db(db) {}

    /// Appends a row to the audit log.
    Status recordAudit(const AuditEntry& entry);
    /// When `action` was last audited at or before `untilMs`; nullopt when never.
    Result<std::optional<std::int64_t>> lastAuditAt(std::string_view action, std::int64_t untilMs);
    /// The times of `action`'s audit rows after `afterMs` up to `untilMs`, oldest first.
    Result<std::vector<std::int64_t>> auditTimes(std::string_view action, std::int64_t afterMs,
                                                 std::int64_t untilMs);

private:
    Database& m_db;
};

}  // namespace vax
