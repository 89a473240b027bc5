#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/KioskConfig.h"
#include "core/Decision.h"
#include "core/ResidentId.h"
#include "core/Result.h"
#include "crypto/SiteKeys.h"
#include "ops/SiteLink.h"
#include "ops/SiteNumbers.h"
#include "ops/StationDesk.h"
#include "store/Journal.h"

namespace vax {

/// How a check-in came about, beside the facts it is decided on.
struct CheckInProvenance {
    std::vector<std::int64_t> measurementIds;  ///< the temperature measurements that led to it
    std::string healthCodeSource = "none";     ///< "service", "signature", "staff" or "none"
};

/// A check-in decided and journaled: the decision with its reasons, the sealed ID it was
/// recorded under (a slip names it), and the visit it made, or the person's open visit of
/// the day given back (`visit.returned`: same number, nothing new queued).
struct RecordedCheckIn {
    Decision decision;
    ProtectedId person;
    VisitState visit;
    NumberPlan numbering;  ///< who gave the number (and whether the site was reachable)
};

/// The person as slips, tickets and the site server name them: hex of the keyed hash's
/// first 16 bytes (PersonRef).
std::string personRefHex(const ProtectedId& person);

/// Decides `id`'s check-in on `facts` by the site's policy and journals it at `at`, the ID
/// sealed with the site keys, queued for registration desk A or B. A person vaccinated
/// earlier today goes to staff review (already_vaccinated_today); one with an open visit today
/// gets it back. The entry kiosk, vaxctl checkin and the demo's seeding all check people in
/// through here. With `site`, a queued visit takes its number from the site server (or,
/// while it cannot be reached, from this kiosk's reserved block; with none left the person
/// goes to staff review, no_queue_number_offline). Fails with the journal's error when
/// nothing was recorded.
Result<RecordedCheckIn> recordCheckIn(const KioskConfig& config, const SiteKeys& keys,
                                      Journal& journal, const ResidentId& id,
                                      const CheckInFacts& facts, const SiteTime& at,
                                      CheckInProvenance provenance, SiteLink* site = nullptr);

/// Applies a staff decision (JournalVisits::override); one that queues the visit takes its
/// number as a check-in does: from the site server when there is one, offline from this
/// kiosk's reserved block, and refuses (changing nothing) when neither can give one.
Result<VisitState> overrideVisit(Journal& journal, const Override& decision, const std::string& day,
                                 SiteLink* site);

}  // namespace vax
