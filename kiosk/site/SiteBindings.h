#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Queue.h"
#include "site/Pg.h"
#include "site/SiteQueue.h"

namespace vax {

/// A station asks the site for one use of a trace code for one person.
struct CodeClaimRequest {
    std::string traceCode;
    int dosesInPack = 1;  ///< from the catalogue; the first binding of a code fixes it
    std::string day;      ///< the visit: its day and queue number (the site's key of a visit)
    QueueNumber number;
    std::string personHash;
    std::string maskedId;
    std::string productCode;
    int doseNumber = 1;
    std::string station;
    std::int64_t atMs = 0;
    std::int64_t observationEndsAtMs = 0;
    /// False: the station bound it offline, on the slip's signature alone, and the claim
    /// comes later with its journal's replay.
    bool confirmed = true;
    /// The visit's age and campaign step, for the report; empty: as the site's queue entry
    /// of the number has them (a station binding another kiosk's slip knows neither).
    std::optional<int> age;
    std::string campaignStep;
};

/// An earlier use of the same trace code anywhere on the site.
struct SiteEarlierBinding {
    std::string deviceId;
    std::string station;
    std::int64_t boundAtMs = 0;
    std::string maskedId;
    QueueNumber number;
};

/// The site's answer: granted with its use number, or refused (the pack is used up) with
/// where its doses went.
struct CodeClaim {
    bool granted = false;
    int useNumber = 0;
    int dosesInPack = 1;
    bool again = false;  ///< this visit already held this use (a retried claim)
    std::vector<SiteEarlierBinding> earlier;
};

/// One person, one dose, one code across the site: the `bindings` table's primary key over
/// (site, code, use number) and its CHECK (use number <= doses in the pack) decide, so two
/// stations racing for the last dose of a pack cannot both win.
class SiteBindings {
public:
    SiteBindings(PgConnection& conn, SiteDevice device)
        : m_conn(conn), m_device(std::move(device)) {}

    Result<CodeClaim, PgError> claim(const CodeClaimRequest& request);
    /// Every use of `traceCode` on the site, oldest first.
    Result<std::vector<SiteEarlierBinding>, PgError> usesOf(const std::string& traceCode);

private:
    Result<CodeClaim, PgError> claimLocked(const CodeClaimRequest& request);

    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
