#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Queue.h"
#include "site/Pg.h"
#include "site/SiteQueue.h"

namespace vax {

/// A person in observation, from whichever station vaccinated them.
struct BoardEntry {
    QueueNumber number;
    std::string maskedId;
    std::string station;
    std::int64_t vaccinatedAtMs = 0;
    std::int64_t observationEndsAtMs = 0;  ///< extended by a reaction
    bool reaction = false;                 ///< under care for an adverse reaction
    bool overdue = false;                  ///< ended more than 15 minutes ago and no exit scan
    bool confirmed = true;  ///< false: bound offline, its code not yet checked by the site
    /// Whole minutes left, rounded up; 0 once the time is over.
    int minutesLeft(std::int64_t nowMs) const;
};

/// The observation area of the whole site (留观), as the exit and the board show it.
class SiteBoard {
public:
    SiteBoard(PgConnection& conn, SiteDevice device) : m_conn(conn), m_device(std::move(device)) {}

    /// Everyone vaccinated on `day` who has not left, soonest to end first.
    Result<std::vector<BoardEntry>, PgError> inObservation(const std::string& day,
                                                           std::int64_t nowMs);

private:
    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
