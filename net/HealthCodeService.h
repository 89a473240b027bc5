#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "core/Decision.h"
#include "core/Result.h"
#include "net/HttpClient.h"
#include "net/HttpError.h"
#include "net/TlsOptions.h"

namespace vax {

/// Where the online health-code service is and how patient the kiosk is with it.
struct HealthCodeServiceOptions {
    /// Scheme, host and optional port (and path prefix), e.g. "https://hc.example". The verify
    /// endpoint "/api/healthcode/v1/verify" is appended.
    std::string baseUrl;
    std::string site;    ///< the site id sent with each check
    std::string device;  ///< the kiosk's device id sent with each check
    TlsOptions tls;
    /// Per attempt: DNS, TCP and TLS; never more than what is left of totalTimeout.
    std::chrono::milliseconds connectTimeout{1000};
    /// The budget of one check, all attempts and the waits between them included: a person is
    /// waiting at the kiosk. A non-positive value is taken as the default, 2 s.
    std::chrono::milliseconds totalTimeout{2000};
    /// An answer whose updated_at is older than this is stale: the service has not refreshed
    /// the status for too long to trust it.
    std::chrono::seconds maxStatusAge{std::chrono::hours{24}};
    /// Tries in all (at least one). A verify POST is a lookup, so sending it again is harmless;
    /// only failures that may pass on a second try are retried (see HttpError::retryable).
    int maxAttempts = 2;
};

/// A valid, fresh answer of the health-code service.
struct OnlineAnswer {
    HealthCodeStatus status = HealthCodeStatus::NotChecked;  ///< Green, Yellow or Red
    std::string name;                                        ///< masked by the service, e.g. "张*"
    std::string maskedId;                                    ///< e.g. "1101**********123X"
    std::int64_t updatedAt = 0;            ///< when the status last changed, Unix seconds
    std::int64_t checkedAt = 0;            ///< when the service answered, Unix seconds (its clock)
    std::chrono::milliseconds elapsed{0};  ///< the whole check, retries included
};

/// Why the service gave no usable answer. Every failure means "staff must check the code";
/// none of them is ever a pass.
struct OnlineFailure {
    enum class Kind {
        Unreachable,  ///< no answer: refused, DNS, TLS, closed early, or not sent at all
        Timeout,      ///< no complete answer within the check's budget
        ServerError,  ///< 5xx on every attempt
        UnknownCode,  ///< 404: the service does not know the code
        Refused,      ///< any other 4xx, or a code that cannot be sent (empty, not UTF-8)
        Malformed,    ///< not JSON, or the answer breaks the response schema
        Stale,        ///< updated_at older than maxStatusAge, or more than 5 min in the future
    };
    Kind kind = Kind::Unreachable;
    /// For staff and logs: names the host and what went wrong, never the code or the holder.
    std::string message;
    std::optional<HttpError::Kind> http;  ///< the client error behind it, when there was one
};

/// Stable snake_case name of a failure kind, e.g. "unknown_code", for the journal.
std::string_view toString(OnlineFailure::Kind kind);

/// Parses an RFC 3339 timestamp in UTC as the service writes it: "YYYY-MM-DDTHH:MM:SS" with an
/// optional fraction and a "Z" suffix, upper case only, no offsets, every field in range (a
/// leap second ":60" counts as the next second). The fraction is dropped. Nothing for anything
/// else, including dates before 1970 or after 9999.
std::optional<std::int64_t> parseRfc3339Utc(std::string_view text);

/// Whether an ID number as the service returns it is actually masked, by the response schema's
/// #/$defs/maskedId. The kiosk shows it on screen, so an unmasked number must not slip through:
/// 1 to 32 characters of ASCII letters, digits and '*', at least one '*', at most 8 digits in a
/// row and at most 10 digits in all (an 18-character resident ID then hides at least 8 of its
/// digits).
bool isMaskedId(std::string_view maskedId);

/// Reads the body of a 200 answer of the verify endpoint (docs/upstream-api.md section A): a
/// JSON object with "status" (green, yellow or red), "name" (masked, 1..128 bytes, no control
/// characters), "masked_id" (see isMaskedId), "updated_at" and "checked_at" (see
/// parseRfc3339Utc). Malformed when it breaks that schema; Stale when updated_at is more than
/// `maxStatusAge` before `nowUnixSeconds` (the kiosk's clock) or more than 5 min after it.
/// `host` names the service in messages; the body itself is never quoted. Pure: what check()
/// does with a 200 answer, without the HTTP around it (elapsed is left 0).
Result<OnlineAnswer, OnlineFailure> parseHealthCodeAnswer(const std::string& body,
                                                          const std::string& host,
                                                          std::int64_t nowUnixSeconds,
                                                          std::chrono::seconds maxStatusAge);

/// The client of the online health-code service (docs/upstream-api.md section A). Blocking:
/// call check() from a worker thread, one at a time (the object owns one HttpClient).
class HealthCodeService {
public:
    /// A client for `options.baseUrl`. Nothing is sent until check().
    explicit HealthCodeService(HealthCodeServiceOptions options);

    /// Asks the service about `code` (a token or a whole URL, exactly as scanned and trimmed).
    /// POSTs {"code","site","device"} to baseUrl + "/api/healthcode/v1/verify", retrying
    /// retryable failures within the options' budget, and checks the 200 answer against the
    /// response schema (docs/schemas/healthcode-verify-response.schema.json, built in) and for
    /// freshness against `nowUnixSeconds` (the kiosk's clock). A malformed or stale answer is a
    /// failure, never a pass.
    Result<OnlineAnswer, OnlineFailure> check(std::string_view code, std::int64_t nowUnixSeconds);

    /// The host (and port) of the service as messages name it.
    const std::string& host() const { return m_host; }

private:
    Result<OnlineAnswer, OnlineFailure> failure(const HttpError& error, int attempts) const;

    HealthCodeServiceOptions m_options;
    std::string m_url;
    std::string m_host;
    HttpClient m_client;
    std::minstd_rand m_rng;
};

}  // namespace vax
