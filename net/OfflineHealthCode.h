#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/Decision.h"
#include "core/Result.h"
#include "net/Jwks.h"

namespace vax {

/// Time limits for an offline health code. The defaults are the kiosk's.
struct OfflineCodeRules {
    /// A code issued longer ago than this is refused: the app refreshes its code every minute or
    /// so, so an old one is likely a screenshot passed on.
    int maxAgeSeconds = 300;
    /// An issued-at this far ahead of the kiosk clock is tolerated (phone and kiosk clocks
    /// differ a little); further ahead is refused.
    int clockSkewSeconds = 60;
};

/// Why an offline health code was refused. Messages are fit for staff and name no personal data.
struct OfflineCodeError {
    enum class Kind {
        Malformed,       ///< not a compact JWS, see JwsError
        AlgNotAllowed,   ///< see JwsError
        UnknownKey,      ///< see JwsError
        AlgKeyMismatch,  ///< see JwsError
        BadSignature,    ///< see JwsError
        BadClaims,       ///< signed, but a claim is missing or of the wrong type, or exp <= iat
        Expired,         ///< now >= exp
        TooOld,          ///< issued more than maxAgeSeconds ago: possibly a screenshot
        NotYetValid,     ///< issued more than clockSkewSeconds in the future
    };
    Kind kind = Kind::Malformed;
    std::string message;
};

/// Stable snake_case name of an error kind, e.g. "too_old", for the journal.
std::string_view toString(OfflineCodeError::Kind kind);

/// A verified offline health code. The caller still checks `jti` against the replay cache
/// (keeping it until `exp`).
struct OfflineHealthCode {
    HealthCodeStatus status = HealthCodeStatus::NotChecked;  ///< Green, Yellow or Red
    std::string subject;                                     ///< "sub": the person reference
    std::string issuer;                                      ///< "iss", empty when absent
    std::string jti;                                         ///< unique id of this code
    std::int64_t iat = 0;                                    ///< issued at, Unix seconds
    std::int64_t exp = 0;                                    ///< expires at, Unix seconds
    std::string kid;                                         ///< key that signed it
    std::string alg;                                         ///< "ES256" or "EdDSA"
};

/// Verifies the signature of a health code shown as a compact JWS and checks its claims:
/// "sub" (string), "hcs" ("green", "yellow" or "red"), "iat" and "exp" (whole Unix seconds,
/// exp > iat), "jti" (string), and "iss" (string, optional). Then the times against
/// `nowUnixSeconds`: refused when expired, issued more than rules.maxAgeSeconds ago, or issued
/// more than rules.clockSkewSeconds in the future.
Result<OfflineHealthCode, OfflineCodeError> checkOfflineHealthCode(std::string_view token,
                                                                   const JwksTrust& trust,
                                                                   std::int64_t nowUnixSeconds,
                                                                   OfflineCodeRules rules = {});

}  // namespace vax
