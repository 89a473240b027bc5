#include "net/HealthCodeService.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <utility>

#include "net/HealthCodeResponseSchema.h"
#include "net/HttpRequest.h"
#include "net/JsonSchema.h"
#include "net/RetryPolicy.h"

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using namespace std::chrono_literals;

constexpr std::string_view kVerifyPath = "/api/healthcode/v1/verify";
constexpr milliseconds kDefaultBudget{2000};
// A retry that cannot get at least this much of the budget would only delay the staff review.
constexpr milliseconds kMinAttemptTime{250};
// An answer is a few hundred bytes; anything near this is not a health-code answer.
constexpr std::size_t kMaxAnswerBytes = 64 * 1024;
// Service and kiosk clocks differ a little; an update further ahead than this is not believed.
constexpr std::int64_t kFutureToleranceSeconds = 5 * 60;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads `count` digits at `pos`; nothing if any is not a digit.
std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(text[i])) {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "host" or "host:port" of a base URL, for messages: never a path, a query or user info.
std::string hostOf(std::string_view url) {
    if (const auto scheme = url.find("://"); scheme != url.npos) {
        url.remove_prefix(scheme + 3);
    }
    url = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = url.rfind('@'); at != url.npos) {
        url.remove_prefix(at + 1);
    }
    return url.empty() ? std::string("the health-code service") : std::string(url);
}

// A duration for staff: "48 h", "15 min" or "40 s".
std::string roughly(std::int64_t seconds) {
    if (seconds >= 2 * 3600) {
        return std::to_string(seconds / 3600) + " h";
    }
    if (seconds >= 2 * 60) {
        return std::to_string(seconds / 60) + " min";
    }
    return std::to_string(seconds) + " s";
}

// The "error" member of an error document when it is one of the known codes. Nothing else of
// the body is shown: a service might echo the request, and the request holds the code.
std::string errorToken(const std::string& body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object()) {
        return {};
    }
    const auto it = doc.find("error");
    if (it == doc.end() || !it->is_string()) {
        return {};
    }
    const auto& token = it->get_ref<const std::string&>();
    for (std::string_view known : {"bad-request", "unknown-code", "not-found", "server-error"}) {
        if (token == known) {
            return token;
        }
    }
    return {};
}

OnlineFailure malformed(const std::string& host, std::string_view problem) {
    return OnlineFailure{
        OnlineFailure::Kind::Malformed,
        host + " answered with a malformed health-code status: " + std::string(problem),
        std::nullopt};
}

// docs/schemas/healthcode-verify-response.schema.json, embedded by the build, compiled once.
const Result<JsonSchema>& responseSchema() {
    static const Result<JsonSchema> schema = JsonSchema::parse(kHealthCodeResponseSchema);
    return schema;
}

// What the contract asks of each member, in words for staff: the schema decides, these explain.
struct MemberRule {
    std::string_view member;
    std::string_view broken;
};
constexpr MemberRule kMemberRules[] = {
    {"status", "is not green, yellow or red"},
    {"name", "is empty, too long or has control characters"},
    {"masked_id", "is not a masked ID number"},
    {"updated_at", "is not an RFC 3339 UTC timestamp"},
    {"checked_at", "is not an RFC 3339 UTC timestamp"},
};

// The text between the first pair of single quotes, as valijson names a missing property.
std::string_view quotedName(std::string_view text) {
    const auto open = text.find('\'');
    const auto close = open == text.npos ? text.npos : text.find('\'', open + 1);
    return close == text.npos ? std::string_view() : text.substr(open + 1, close - open - 1);
}

// One clear sentence naming the first broken member (never its value, which may be personal).
std::string problemOf(const std::vector<SchemaViolation>& violations) {
    constexpr std::string_view kTypeProblem = "Value type not permitted";
    for (const SchemaViolation& v : violations) {
        if (v.pointer.empty() && v.problem.rfind("Missing required property", 0) == 0) {
            return "\"" + std::string(quotedName(v.problem)) + "\" is missing";
        }
    }
    for (const SchemaViolation& v : violations) {
        if (v.pointer.empty() && v.problem.rfind(kTypeProblem, 0) == 0) {
            return "the body is not a JSON object";
        }
    }
    for (const SchemaViolation& v : violations) {
        if (v.pointer.empty()) {
            continue;
        }
        const std::string member = v.pointer.substr(1, v.pointer.find('/', 1) - 1);
        if (v.problem.rfind(kTypeProblem, 0) == 0) {
            return "\"" + member + "\" is not a string";
        }
        for (const MemberRule& rule : kMemberRules) {
            if (rule.member == member) {
                return "\"" + member + "\" " + std::string(rule.broken);
            }
        }
        return "\"" + member + "\" breaks the response schema (" + v.problem + ")";
    }
    return describeViolations(violations);
}

}  // namespace

// Checks a 200 body against the response schema (embedded by the build), then its freshness.
Result<OnlineAnswer, OnlineFailure> parseHealthCodeAnswer(const std::string& body,
                                                          const std::string& host, std::int64_t now,
                                                          std::chrono::seconds maxAge) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded()) {
        return malformed(host, "the body is not JSON");
    }
    const Result<JsonSchema>& schema = responseSchema();
    if (!schema) {
        return malformed(host,
                         "the kiosk cannot read its response schema: " + schema.error().message);
    }
    const auto violations = schema->violations(doc);
    if (!violations) {
        return malformed(host, violations.error().message);
    }
    if (!violations->empty()) {
        return malformed(host, problemOf(*violations));
    }

    // The schema holds: every member is there, a string, and in its form.
    const auto& status = doc.at("status").get_ref<const std::string&>();
    OnlineAnswer answer;
    answer.status = status == "green"    ? HealthCodeStatus::Green
                    : status == "yellow" ? HealthCodeStatus::Yellow
                                         : HealthCodeStatus::Red;
    // A pattern cannot know the length of February: the date itself is checked here.
    const auto updatedAt = parseRfc3339Utc(doc.at("updated_at").get_ref<const std::string&>());
    if (!updatedAt) {
        return malformed(host, "\"updated_at\" is not an RFC 3339 UTC timestamp");
    }
    const auto checkedAt = parseRfc3339Utc(doc.at("checked_at").get_ref<const std::string&>());
    if (!checkedAt) {
        return malformed(host, "\"checked_at\" is not an RFC 3339 UTC timestamp");
    }

    // Freshness is judged on the kiosk's clock, the one the rest of the decision uses.
    const std::int64_t age = now - *updatedAt;
    if (age > maxAge.count()) {
        return OnlineFailure{OnlineFailure::Kind::Stale,
                             host + " answered with a stale status: last updated " + roughly(age) +
                                 " ago (limit " + roughly(maxAge.count()) + ")",
                             std::nullopt};
    }
    if (-age > kFutureToleranceSeconds) {
        return OnlineFailure{OnlineFailure::Kind::Stale,
                             host + " answered with a stale status: its update time is " +
                                 roughly(-age) + " ahead of the kiosk clock",
                             std::nullopt};
    }
    answer.name = doc.at("name").get<std::string>();
    answer.maskedId = doc.at("masked_id").get<std::string>();
    answer.updatedAt = *updatedAt;
    answer.checkedAt = *checkedAt;
    return answer;
}

std::string_view toString(OnlineFailure::Kind kind) {
    switch (kind) {
        case OnlineFailure::Kind::Unreachable:
            return "unreachable";
        case OnlineFailure::Kind::Timeout:
            return "timeout";
        case OnlineFailure::Kind::ServerError:
            return "server_error";
        case OnlineFailure::Kind::UnknownCode:
            return "unknown_code";
        case OnlineFailure::Kind::Refused:
            return "refused";
        case OnlineFailure::Kind::Malformed:
            return "malformed";
        case OnlineFailure::Kind::Stale:
            return "stale";
    }
    return "unreachable";
}

std::optional<std::int64_t> parseRfc3339Utc(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS then an optional fraction, then Z.
    constexpr std::size_t kFixed = 19;
    if (text.size() < kFixed + 1 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text.back() != 'Z') {
        return std::nullopt;
    }
    const auto year = digitsAt(text, 0, 4);
    const auto month = digitsAt(text, 5, 2);
    const auto day = digitsAt(text, 8, 2);
    const auto hour = digitsAt(text, 11, 2);
    const auto minute = digitsAt(text, 14, 2);
    const auto second = digitsAt(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) {
        return std::nullopt;
    }
    const std::string_view rest = text.substr(kFixed, text.size() - kFixed - 1);
    if (!rest.empty()) {
        if (rest.size() < 2 || rest.front() != '.' ||
            !std::all_of(rest.begin() + 1, rest.end(), isDigit)) {
            return std::nullopt;
        }
    }
    if (*year < 1970 || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{*year},
                                           std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    const std::int64_t days = std::chrono::sys_days{date}.time_since_epoch().count();
    return days * 86400 + *hour * 3600 + *minute * 60 + *second;
}

bool isMaskedId(std::string_view maskedId) {
    const Result<JsonSchema>& schema = responseSchema();
    if (!schema) {
        return false;
    }
    const auto violations = schema->violations(std::string(maskedId), "#/$defs/maskedId");
    return violations && violations->empty();
}

HealthCodeService::HealthCodeService(HealthCodeServiceOptions options)
    : m_options(std::move(options)),
      m_host(hostOf(m_options.baseUrl)),
      m_client(m_options.tls),
      m_rng(std::random_device{}()) {
    std::string_view base = m_options.baseUrl;
    while (!base.empty() && base.back() == '/') {
        base.remove_suffix(1);
    }
    m_url = std::string(base) + std::string(kVerifyPath);
}

Result<OnlineAnswer, OnlineFailure> HealthCodeService::check(std::string_view code,
                                                             std::int64_t nowUnixSeconds) {
    if (code.empty()) {
        return OnlineFailure{OnlineFailure::Kind::Refused, "no health code to send to " + m_host,
                             std::nullopt};
    }
    std::string body;
    try {
        body =
            nlohmann::json{
                {"code", std::string(code)}, {"site", m_options.site}, {"device", m_options.device}}
                .dump();
    } catch (const nlohmann::json::exception&) {
        // Only invalid UTF-8 gets here; the service could not match such a code anyway.
        return OnlineFailure{OnlineFailure::Kind::Refused,
                             "the scanned code is not valid UTF-8 text, not sent to " + m_host,
                             std::nullopt};
    }

    HttpRequest request = HttpRequest::post(m_url, std::move(body), "application/json");
    request.headers.emplace_back("Accept", "application/json");
    // Retries are done here rather than by the client, so that all attempts share one budget.
    request.idempotent = true;
    request.retry.maxAttempts = 1;
    request.maxResponseBytes = kMaxAnswerBytes;

    const milliseconds budget =
        m_options.totalTimeout > 0ms ? m_options.totalTimeout : kDefaultBudget;
    const int maxAttempts = std::max(1, m_options.maxAttempts);
    const RetryPolicy backoff{maxAttempts, 50ms, 250ms};
    const auto start = Clock::now();
    const auto deadline = start + budget;

    for (int attempt = 1;; ++attempt) {
        const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now());
        request.totalTimeout = std::max(left, 1ms);
        request.connectTimeout = m_options.connectTimeout > 0ms
                                     ? std::min(m_options.connectTimeout, request.totalTimeout)
                                     : request.totalTimeout;
        auto sent = m_client.send(request);
        if (sent) {
            if (sent->status != 200) {
                return malformed(m_host,
                                 "HTTP " + std::to_string(sent->status) + " instead of 200");
            }
            auto answer =
                parseHealthCodeAnswer(sent->body, m_host, nowUnixSeconds, m_options.maxStatusAge);
            if (answer) {
                answer->elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
            }
            return answer;
        }
        const HttpError& error = sent.error();
        if (!error.retryable() || attempt >= maxAttempts) {
            return failure(error, attempt);
        }
        const milliseconds wait = backoffDelay(backoff, attempt, m_rng);
        if (Clock::now() + wait + kMinAttemptTime >= deadline) {
            return failure(error, attempt);
        }
        std::this_thread::sleep_for(wait);
    }
}

Result<OnlineAnswer, OnlineFailure> HealthCodeService::failure(const HttpError& error,
                                                               int attempts) const {
    using HttpKind = HttpError::Kind;
    OnlineFailure result;
    result.http = error.kind;
    switch (error.kind) {
        case HttpKind::Timeout: {
            const milliseconds budget =
                m_options.totalTimeout > 0ms ? m_options.totalTimeout : kDefaultBudget;
            result.kind = OnlineFailure::Kind::Timeout;
            result.message =
                "no answer from " + m_host + " within " + std::to_string(budget.count()) + " ms";
            break;
        }
        case HttpKind::HttpStatus: {
            // Composed here, not taken from the client's message: that one quotes the body.
            const std::string token = errorToken(error.body);
            const std::string status = "HTTP " + std::to_string(error.status) +
                                       (token.empty() ? std::string() : " " + token);
            if (error.status >= 500) {
                result.kind = OnlineFailure::Kind::ServerError;
                result.message = m_host + " failed (" + status + ")";
            } else if (error.status == 404 && token == "unknown-code") {
                result.kind = OnlineFailure::Kind::UnknownCode;
                result.message = m_host + " does not know this health code (" + status + ")";
            } else if (error.status == 404) {
                result.kind = OnlineFailure::Kind::Refused;
                result.message =
                    m_host + " has no health-code verify endpoint (" + status + "): check the URL";
            } else {
                result.kind = OnlineFailure::Kind::Refused;
                result.message = m_host + " refused the check (" + status + ")";
            }
            break;
        }
        case HttpKind::BadResponse:
            result.kind = OnlineFailure::Kind::Malformed;
            result.message = error.message;
            break;
        default:
            // Connect, DNS, TLS, closed early, cancelled, a bad URL: no answer came. The
            // client's messages name the host only.
            result.kind = OnlineFailure::Kind::Unreachable;
            result.message = error.message;
            break;
    }
    if (attempts > 1) {
        result.message += " (" + std::to_string(attempts) + " attempts)";
    }
    return result;
}

}  // namespace vax
