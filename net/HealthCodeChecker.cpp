#include "net/HealthCodeChecker.h"

#include <utility>

#include "core/CivilDate.h"

namespace vax {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// The UTC date of a Unix time, rounding towards the past also before 1970.
CivilDate utcDate(std::int64_t unixSeconds) {
    std::int64_t days = unixSeconds / kSecondsPerDay;
    if (unixSeconds % kSecondsPerDay < 0) {
        --days;
    }
    return CivilDate::fromDaysSinceEpoch(static_cast<int>(days));
}

// What a text that is not a health code was, for staff. Never its content.
std::string notAHealthCode(const ClassifiedPayload& payload) {
    switch (payload.kind) {
        case PayloadKind::ResidentId:
            return "Not a health code: an ID number.";
        case PayloadKind::TraceCode:
            return "Not a health code: a drug trace code.";
        case PayloadKind::Ticket:
            return "Not a health code: an exit ticket.";
        case PayloadKind::HealthCode:
        case PayloadKind::Unknown:
            break;
    }
    // Classification reasons name the problem, never the payload.
    return "Not a health code: " + payload.reason;
}

}  // namespace

HealthCodeChecker::HealthCodeChecker(PayloadRules rules, std::optional<HealthCodeService> service,
                                     std::optional<JwksTrust> trust, ReplayCache* replay,
                                     OfflineCodeRules offlineRules)
    : m_rules(std::move(rules)),
      m_service(std::move(service)),
      m_trust(std::move(trust)),
      m_replay(replay),
      m_offlineRules(offlineRules) {}

HealthCodeCheck HealthCodeChecker::check(std::string_view scanned, std::int64_t nowUnixSeconds) {
    ClassifiedPayload payload = classifyPayload(scanned, m_rules, utcDate(nowUnixSeconds));
    HealthCodeCheck result;
    if (payload.kind != PayloadKind::HealthCode) {
        result.detail = notAHealthCode(payload);
        return result;
    }
    result.form = std::string(toString(payload.form));
    if (payload.form == HealthCodeForm::Jws) {
        return checkSigned(payload.text, nowUnixSeconds, std::move(result));
    }
    return checkOnline(payload.text, nowUnixSeconds, std::move(result));
}

HealthCodeCheck HealthCodeChecker::checkOnline(const std::string& code, std::int64_t now,
                                               HealthCodeCheck check) {
    if (!m_service) {
        check.status = HealthCodeStatus::Unavailable;
        check.detail = "no health-code service configured: staff must check the code";
        return check;
    }
    check.source = "service";
    auto answer = m_service->check(code, now);
    if (!answer) {
        // Whatever went wrong, staff look at the code; a failure is never a pass.
        check.status = HealthCodeStatus::Unavailable;
        check.detail = answer.error().message;
        return check;
    }
    check.status = answer->status;
    check.detail = "The health-code service (" + m_service->host() + ") answered " +
                   std::string(toString(answer->status)) + ".";
    check.online = std::move(answer).value();
    return check;
}

HealthCodeCheck HealthCodeChecker::checkSigned(const std::string& token, std::int64_t now,
                                               HealthCodeCheck check) {
    if (!m_trust) {
        check.status = HealthCodeStatus::Unavailable;
        check.detail = "no trust list for signed health codes configured: staff must check it";
        return check;
    }
    check.source = "signature";
    auto verified = checkOfflineHealthCode(token, *m_trust, now, m_offlineRules);
    if (!verified) {
        check.status = HealthCodeStatus::Unavailable;
        check.detail = verified.error().message;
        return check;
    }
    const OfflineHealthCode& code = *verified;
    const std::string colour(toString(code.status));
    // Only codes that verified reach the cache, so a forged token cannot claim (and so block)
    // the jti of a real one.
    if (m_replay == nullptr) {
        check.status =
            code.status == HealthCodeStatus::Green ? HealthCodeStatus::Unavailable : code.status;
        check.detail = "signed health code (" + colour +
                       ") verified, but no replay cache is configured to tell whether it was "
                       "used before: staff must check it";
    } else if (!m_replay->firstUse(code.jti, code.exp, now)) {
        // A copy of a green code must not pass; a yellow or red one keeps its colour, which the
        // decision treats more strictly than a staff review.
        check.status =
            code.status == HealthCodeStatus::Green ? HealthCodeStatus::Unavailable : code.status;
        check.detail = "this code was already used at this site";
    } else {
        check.status = code.status;
        check.detail =
            "Signed health code verified offline (key " + code.kid + "): " + colour + ".";
    }
    check.offline = std::move(verified).value();
    return check;
}

}  // namespace vax
