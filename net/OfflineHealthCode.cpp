#include "net/OfflineHealthCode.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "net/Jws.h"

namespace vax {

namespace {

// Claims beyond the year 9999 are nonsense; bounding them keeps the time arithmetic below
// far from overflow.
constexpr std::int64_t kLatestSeconds = 253402300799;
// The replay cache stores jti; a code id is short.
constexpr std::size_t kMaxJtiLength = 128;

OfflineCodeError::Kind fromJws(JwsError::Kind kind) {
    switch (kind) {
        case JwsError::Kind::Malformed:
            return OfflineCodeError::Kind::Malformed;
        case JwsError::Kind::AlgNotAllowed:
            return OfflineCodeError::Kind::AlgNotAllowed;
        case JwsError::Kind::UnknownKey:
            return OfflineCodeError::Kind::UnknownKey;
        case JwsError::Kind::AlgKeyMismatch:
            return OfflineCodeError::Kind::AlgKeyMismatch;
        case JwsError::Kind::BadSignature:
            return OfflineCodeError::Kind::BadSignature;
    }
    return OfflineCodeError::Kind::Malformed;
}

OfflineCodeError badClaims(const std::string& detail) {
    return OfflineCodeError{OfflineCodeError::Kind::BadClaims,
                            "the code is signed but its content is incomplete: " + detail};
}

const std::string* stringClaim(const nlohmann::json& claims, const char* name) {
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

std::optional<std::int64_t> secondsClaim(const nlohmann::json& claims, const char* name) {
    const auto it = claims.find(name);
    if (it == claims.end()) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    if (it->is_number_unsigned()) {
        const auto u = it->get<std::uint64_t>();
        if (u > std::uint64_t(kLatestSeconds)) {
            return std::nullopt;
        }
        value = std::int64_t(u);
    } else if (it->is_number_integer()) {
        value = it->get<std::int64_t>();
    } else {
        return std::nullopt;  // fractions, strings, null: not whole seconds
    }
    if (value < 0 || value > kLatestSeconds) {
        return std::nullopt;
    }
    return value;
}

// For the message only; a kiosk clock before 1970 is broken anyway, and must not overflow.
std::int64_t secondsAhead(std::int64_t iat, std::int64_t now) {
    return now < 0 ? iat : iat - now;
}

}  // namespace

std::string_view toString(OfflineCodeError::Kind kind) {
    switch (kind) {
        case OfflineCodeError::Kind::Malformed:
            return "malformed";
        case OfflineCodeError::Kind::AlgNotAllowed:
            return "alg_not_allowed";
        case OfflineCodeError::Kind::UnknownKey:
            return "unknown_key";
        case OfflineCodeError::Kind::AlgKeyMismatch:
            return "alg_key_mismatch";
        case OfflineCodeError::Kind::BadSignature:
            return "bad_signature";
        case OfflineCodeError::Kind::BadClaims:
            return "bad_claims";
        case OfflineCodeError::Kind::Expired:
            return "expired";
        case OfflineCodeError::Kind::TooOld:
            return "too_old";
        case OfflineCodeError::Kind::NotYetValid:
            return "not_yet_valid";
    }
    return "malformed";
}

Result<OfflineHealthCode, OfflineCodeError> checkOfflineHealthCode(std::string_view token,
                                                                   const JwksTrust& trust,
                                                                   std::int64_t nowUnixSeconds,
                                                                   OfflineCodeRules rules) {
    auto verified = verifyCompactJws(token, trust);
    if (!verified) {
        return OfflineCodeError{fromJws(verified.error().kind), verified.error().message};
    }
    const nlohmann::json& claims = verified->payload;

    OfflineHealthCode code;
    code.kid = verified->kid;
    code.alg = verified->alg;

    const std::string* sub = stringClaim(claims, "sub");
    if (sub == nullptr || sub->empty()) {
        return badClaims("no person reference (\"sub\")");
    }
    code.subject = *sub;

    const std::string* hcs = stringClaim(claims, "hcs");
    const auto status = hcs ? healthCodeStatusFromString(*hcs) : std::nullopt;
    if (!status || (*status != HealthCodeStatus::Green && *status != HealthCodeStatus::Yellow &&
                    *status != HealthCodeStatus::Red)) {
        return badClaims("no health status (\"hcs\" must be green, yellow or red)");
    }
    code.status = *status;

    const std::string* jti = stringClaim(claims, "jti");
    if (jti == nullptr || jti->empty() || jti->size() > kMaxJtiLength) {
        return badClaims("no code id (\"jti\")");
    }
    code.jti = *jti;

    if (claims.contains("iss")) {
        const std::string* iss = stringClaim(claims, "iss");
        if (iss == nullptr) {
            return badClaims("the issuer (\"iss\") is not text");
        }
        code.issuer = *iss;
    }

    const auto iat = secondsClaim(claims, "iat");
    const auto exp = secondsClaim(claims, "exp");
    if (!iat) {
        return badClaims("no issue time (\"iat\" in whole seconds)");
    }
    if (!exp) {
        return badClaims("no expiry time (\"exp\" in whole seconds)");
    }
    if (*exp <= *iat) {
        return badClaims("it expires before it was issued (exp <= iat)");
    }
    code.iat = *iat;
    code.exp = *exp;

    // iat and exp are bounded above, so these sums cannot overflow for any kiosk clock value
    // that is itself a sane time; the comparisons are written so `now` is never offset.
    const std::int64_t skew = std::max(rules.clockSkewSeconds, 0);
    if (code.iat - skew > nowUnixSeconds) {
        return OfflineCodeError{
            OfflineCodeError::Kind::NotYetValid,
            "the code is dated " + std::to_string(secondsAhead(code.iat, nowUnixSeconds)) +
                " s ahead of this kiosk's clock; check the kiosk clock, or ask for a fresh code"};
    }
    if (nowUnixSeconds >= code.exp) {
        return OfflineCodeError{OfflineCodeError::Kind::Expired,
                                "the health code has expired; ask the person to open the app "
                                "and show a fresh code"};
    }
    const std::int64_t maxAge = std::max(rules.maxAgeSeconds, 0);
    if (nowUnixSeconds > code.iat + maxAge) {
        return OfflineCodeError{
            OfflineCodeError::Kind::TooOld,
            "the code was issued " + std::to_string(nowUnixSeconds - code.iat) + " s ago (limit " +
                std::to_string(maxAge) +
                " s) and may be a screenshot; ask the person to refresh the code in the app "
                "and show a fresh code"};
    }
    return code;
}

}  // namespace vax
