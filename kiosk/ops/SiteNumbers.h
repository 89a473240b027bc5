#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ops/SiteLink.h"
#include "site/SiteQueue.h"
#include "store/Sqlite.h"
#include "store/VisitNumbering.h"

namespace vax {

/// Where a queued check-in's number comes from.
struct NumberPlan {
    VisitNumbering numbering;  ///< Local without a site server; Site; Block while offline
    bool offline = false;      ///< the site server could not be reached
    bool exhausted = false;    ///< offline, and none of this device's reserved numbers is left
    /// The site gave back the number the person already holds (checked in at another kiosk).
    bool returned = false;
    int peopleAhead = 0;    ///< Site: waiting or called before the number at its desk
    std::string siteError;  ///< why offline; names no person
};

/// Asks the site server for the person's number (their open one, or the next at the desk
/// with the fewest waiting); offline, plans the next of this device's reserved numbers. No
/// link: the journal numbers the visit itself.
NumberPlan planNumber(SiteLink* link, Database& journalDb, const NumberRequest& request);

/// Keeps `size` numbers of each desk of `day` reserved on the site for this device: a desk
/// with fewer than half of them left gets a new block. Returns how many blocks it took.
Result<int, PgError> topUpOfflineNumbers(SiteLink& link, Database& journalDb,
                                         const std::string& day, const std::vector<Desk>& desks,
                                         int size, std::int64_t atMs);

}  // namespace vax
