#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/Decision.h"
#include "core/Payload.h"
#include "net/HealthCodeService.h"
#include "net/Jwks.h"
#include "net/OfflineHealthCode.h"
#include "net/ReplayCache.h"

namespace vax {

/// What the kiosk learnt about a scanned text as a health code.
struct HealthCodeCheck {
    /// For the entry decision. Green only from a fresh valid service answer or from a valid,
    /// fresh, first-use signed code; every failure is Unavailable (staff review).
    HealthCodeStatus status = HealthCodeStatus::NotChecked;
    /// Who vouched for the status: "service", "signature", or "none" (not a health code, or no
    /// way configured to check this form).
    std::string source = "none";
    /// The health code's form, "url", "token" or "jws"; empty when it is not a health code.
    std::string form;
    /// For staff, in English. Names no personal data and never contains the scanned text.
    std::string detail;
    std::optional<OnlineAnswer> online;        ///< the service's answer, when it gave a valid one
    std::optional<OfflineHealthCode> offline;  ///< the verified signed code, when it verified
};

/// The health-code check of the entry screen and `vaxctl checkin --code`: classifies the scanned
/// text, then asks the online service (URL and token forms) or verifies the signature (JWS
/// form) and consults the replay cache. Blocking when the service is asked: call check() from a
/// worker thread, one call at a time.
class HealthCodeChecker {
public:
    /// `service`: the online service, or nothing when the site has none (URL and token codes
    /// are then Unavailable). `trust`: the issuer keys for signed codes, or nothing (signed
    /// codes are then Unavailable). `replay`: where used signed codes are remembered; it must
    /// outlive the checker. Without one a signed green code cannot be known to be a first use
    /// and is Unavailable.
    HealthCodeChecker(PayloadRules rules, std::optional<HealthCodeService> service,
                      std::optional<JwksTrust> trust, ReplayCache* replay,
                      OfflineCodeRules offlineRules = {});

    /// Checks the scanned text at `nowUnixSeconds` (the kiosk clock; its UTC date also bounds
    /// birth dates in classification). Never fails: problems become Unavailable with a detail.
    HealthCodeCheck check(std::string_view scanned, std::int64_t nowUnixSeconds);

private:
    HealthCodeCheck checkOnline(const std::string& code, std::int64_t now, HealthCodeCheck check);
    HealthCodeCheck checkSigned(const std::string& token, std::int64_t now, HealthCodeCheck check);

    PayloadRules m_rules;
    std::optional<HealthCodeService> m_service;
    std::optional<JwksTrust> m_trust;
    ReplayCache* m_replay = nullptr;
    OfflineCodeRules m_offlineRules;
};

}  // namespace vax
