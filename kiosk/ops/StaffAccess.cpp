// The staff console's PIN check, its audit trail and the lockout after wrong PINs.
#include "ops/StaffAccess.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <nlohmann/json.hpp>

#include "crypto/SecretHash.h"
#include "store/JsonText.h"

namespace vax {

namespace {

using nlohmann::json;
using Kind = LoginRefusal::Kind;

constexpr const char* kLogin = "staff_login";
constexpr const char* kLoginFailed = "staff_login_failed";
constexpr const char* kLoginLocked = "staff_login_locked";
constexpr const char* kLogout = "staff_logout";
// Audited as the staff member when the id given is not in the config; parentheses never
// appear in a configured id. The id typed is not kept: it may be a PIN in the wrong field.
constexpr const char* kUnknownStaff = "(unknown)";
// Failures older than this cannot bear on a lockout running now; bounds the replay.
constexpr std::int64_t kReplayHorizonMs = 24 * 60 * 60 * 1000;

struct LockState {
    std::int64_t lockedUntilMs = 0;  ///< 0 when open
    int failuresInARow = 0;          ///< within the window, since the last success or lockout
};

// The lockout rule replayed over the failures since the last success, oldest first: the
// failure that makes five within the window locks the console from then on, and a lockout
// starts the count afresh.
LockState replay(const std::vector<std::int64_t>& failures, std::int64_t nowMs) {
    LockState state;
    std::deque<std::int64_t> streak;
    for (const std::int64_t at : failures) {
        if (at < state.lockedUntilMs) {
            continue;  // recorded while locked (a clock set back): not a new guess
        }
        while (!streak.empty() && streak.front() <= at - kStaffFailureWindowMs) {
            streak.pop_front();
        }
        streak.push_back(at);
        if (int(streak.size()) >= kStaffMaxFailures) {
            state.lockedUntilMs = at + kStaffLockoutMs;
            streak.clear();
        }
    }
    while (!streak.empty() && streak.front() <= nowMs - kStaffFailureWindowMs) {
        streak.pop_front();
    }
    state.failuresInARow = int(streak.size());
    if (state.lockedUntilMs <= nowMs) {
        state.lockedUntilMs = 0;
    }
    return state;
}

// The failures that count now: after the last success, within the replay horizon. Read
// from the audit log, so a restart changes nothing.
Result<std::vector<std::int64_t>> countedFailures(Journal& journal, std::int64_t nowMs) {
    auto lastSuccess = journal.audit().lastAuditAt(kLogin, nowMs);
    if (!lastSuccess) {
        return lastSuccess.error();
    }
    const std::int64_t after = std::max(
        lastSuccess->value_or(std::numeric_limits<std::int64_t>::min()), nowMs - kReplayHorizonMs);
    return journal.audit().auditTimes(kLoginFailed, after, nowMs);
}

LoginRefusal journalRefusal(const Error& error) {
    return LoginRefusal{Kind::JournalError,
                        "the audit log cannot be written, so nobody can sign in: " + error.message,
                        0, 0};
}

std::string lockedMessage(std::int64_t lockedUntilMs, std::int64_t nowMs) {
    const std::int64_t minutes = (lockedUntilMs - nowMs + 59'999) / 60'000;
    return "too many wrong PINs: the console is locked for " + std::to_string(minutes) +
           " more minute" + (minutes == 1 ? "" : "s");
}

}  // namespace

Status checkPinFormat(const std::string& pin) {
    const bool digits =
        std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (pin.size() < 4 || pin.size() > 8 || !digits) {
        return Error{"a PIN is 4 to 8 digits (0-9)"};  // never echoes what was typed
    }
    return okStatus();
}

Result<std::string> hashPin(const std::string& pin) {
    if (auto st = checkPinFormat(pin); !st) {
        return st.error();
    }
    return hashSecret(pin);
}

StaffGate::StaffGate(std::vector<StaffMember> staff, Journal& journal)
    : m_staff(std::move(staff)), m_journal(journal) {}

Result<StaffSession, LoginRefusal> StaffGate::login(const std::string& staffId,
                                                    const std::string& pin, std::int64_t nowMs) {
    auto failures = countedFailures(m_journal, nowMs);
    if (!failures) {
        return journalRefusal(failures.error());
    }
    const LockState before = replay(*failures, nowMs);
    const auto member = std::find_if(m_staff.begin(), m_staff.end(),
                                     [&](const StaffMember& m) { return m.id == staffId; });
    const std::string who = member != m_staff.end() ? member->id : kUnknownStaff;

    if (before.lockedUntilMs != 0) {
        const json detail{{"locked_until_ms", before.lockedUntilMs}};
        if (auto st = m_journal.audit().recordAudit(
                {who, kLoginLocked, std::nullopt, "console locked", dumpJson(detail), nowMs});
            !st) {
            return journalRefusal(st.error());
        }
        return LoginRefusal{Kind::LockedOut, lockedMessage(before.lockedUntilMs, nowMs), 0,
                            before.lockedUntilMs};
    }

    Kind kind = Kind::WrongPin;
    std::string why = "wrong_pin";
    std::string message = "wrong PIN";
    if (member == m_staff.end()) {
        kind = Kind::UnknownStaff;
        why = "unknown_staff";
        message = "this staff member is not on this kiosk's list";
    } else if (auto format = checkPinFormat(pin); !format) {
        kind = Kind::BadFormat;
        why = "bad_format";
        message = format.error().message;
    } else if (secretMatches(member->pinHash, pin)) {
        // No session without its audit row.
        if (auto st =
                m_journal.audit().recordAudit({member->id, kLogin, std::nullopt, "", "{}", nowMs});
            !st) {
            return journalRefusal(st.error());
        }
        return StaffSession{member->id, member->name, nowMs};
    }

    failures->push_back(nowMs);
    const LockState after = replay(*failures, nowMs);
    const int triesLeft = after.lockedUntilMs != 0 ? 0 : kStaffMaxFailures - after.failuresInARow;
    json detail{{"why", why}, {"tries_left", triesLeft}};
    if (after.lockedUntilMs != 0) {
        detail["locked_until_ms"] = after.lockedUntilMs;
    }
    if (auto st = m_journal.audit().recordAudit(
            {who, kLoginFailed, std::nullopt, why, dumpJson(detail), nowMs});
        !st) {
        return journalRefusal(st.error());
    }
    if (after.lockedUntilMs != 0) {
        return LoginRefusal{Kind::LockedOut,
                            message + "; " + lockedMessage(after.lockedUntilMs, nowMs), 0,
                            after.lockedUntilMs};
    }
    return LoginRefusal{kind, message, triesLeft, 0};
}

Result<std::int64_t> StaffGate::lockedUntil(std::int64_t nowMs) {
    auto failures = countedFailures(m_journal, nowMs);
    if (!failures) {
        return failures.error();
    }
    return replay(*failures, nowMs).lockedUntilMs;
}

Status StaffGate::logout(const StaffSession& session, const std::string& why, std::int64_t nowMs) {
    if (why.empty()) {
        return Error{"a logout names why: \"logout\" or \"idle_logout\""};
    }
    const json detail{{"why", why}, {"signed_in_at_ms", session.since}};
    return m_journal.audit().recordAudit(
        {session.staffId, kLogout, std::nullopt, why, dumpJson(detail), nowMs});
}

}  // namespace vax
