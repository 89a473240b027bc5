#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/KioskConfig.h"
#include "core/Result.h"
#include "store/Journal.h"

namespace vax {

/// Wrong PINs in a row (per kiosk) that lock the staff console, and for how long.
inline constexpr int kStaffMaxFailures = 5;
inline constexpr std::int64_t kStaffLockoutMs = 5 * 60 * 1000;
/// Wrong PINs count towards the lockout for this long.
inline constexpr std::int64_t kStaffFailureWindowMs = 5 * 60 * 1000;
/// A staff session ends after this long without a touch.
inline constexpr std::int64_t kStaffIdleLogoutMs = 2 * 60 * 1000;

/// A PIN as staff type it: 4 to 8 digits. An error names the rule.
Status checkPinFormat(const std::string& pin);

/// The PIN's hash for the config's `[[staff]] pin_hash` (libsodium crypto_pwhash_str,
/// Argon2id, interactive limits): salted, slow, never reversible.
Result<std::string> hashPin(const std::string& pin);

/// A staff member signed in at the console.
struct StaffSession {
    std::string staffId;
    std::string name;
    std::int64_t since = 0;  ///< Unix ms
};

/// Why a sign-in was refused.
struct LoginRefusal {
    enum class Kind { WrongPin, LockedOut, UnknownStaff, BadFormat, JournalError };
    Kind kind = Kind::WrongPin;
    std::string message;             ///< for the staff member
    int triesLeft = 0;               ///< WrongPin: before the lockout
    std::int64_t lockedUntilMs = 0;  ///< LockedOut: when the console opens again
};

/// The staff console's door: checks PINs against the config's staff list and audits every
/// attempt in the journal (who, when, success or not; never the PIN). The lockout is counted
/// from the journal's audit rows, so restarting the kiosk does not reset it.
class StaffGate {
public:
    StaffGate(std::vector<StaffMember> staff, Journal& journal);

    /// The staff list the console offers (ids and names).
    const std::vector<StaffMember>& staff() const { return m_staff; }

    /// Signs `staffId` in with `pin`. Every refused attempt counts towards the lockout (an
    /// unknown id and a PIN of the wrong form too: the lock bounds guessing, whatever was
    /// typed), except those refused by the lockout itself. A failed audit write refuses.
    Result<StaffSession, LoginRefusal> login(const std::string& staffId, const std::string& pin,
                                             std::int64_t nowMs);
    /// Non-zero while locked out: when the console opens again.
    Result<std::int64_t> lockedUntil(std::int64_t nowMs);
    /// Audits the end of a session ("logout" or "idle_logout").
    Status logout(const StaffSession& session, const std::string& why, std::int64_t nowMs);

private:
    std::vector<StaffMember> m_staff;
    Journal& m_journal;
};

}  // namespace vax
